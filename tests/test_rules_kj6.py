"""KJ6 contamination: site boilerplate lines, page-number artifacts, spliced documents; and the
fixes of KJ2/KJ3/KJ6 applied to every labeled fixture."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kjlint.catalog import load_catalog
from kjlint.document import Document
from kjlint.engine import LintOptions, lint_document, lint_text
from kjlint.fixes import apply_fixes
from kjlint.reading import read_document

ROOT = Path(__file__).resolve().parent.parent
MY_FAMILIES = ("KJ2", "KJ3", "KJ6")


def found(text: str, select=("KJ6",)):
    return [(f.code, f.line) for f in lint_text(textwrap.dedent(text), select=list(select))]


@pytest.mark.parametrize("line", [
    "当前位置:某某范文网 > 工作总结 > 2023年科技局工作总结",
    "来源:某某文库 | 时间:2023-12-29 13:38:33 | 移动端:2023年科技局工作总结",
    "来源:网络整理 免责声明:本文仅限学习分享,如产生版权问题,请联系我们及时删除。",
    "链接地址:http://www.example.com/fanwen/123.html",
    "转载请保留,谢谢!",
    "上一篇:2023年教育局工作总结",
    "- 科技局第一季度工作總結(jié) 推薦度:",
    "- 相關(guān)推薦",
    "【科技局工作總結(jié)】相關(guān)文章:",
    "第一季度工作總結(jié)12-31",
    "2023年工作总结.docx 由会员分享,可在线阅读,更多相关文档请在文库网上搜索",
    "《2023年科技局工作总结》由会员上传分享,免费在线阅读,更多相关内容在某某文库",  # the viewer site's own notice
    "本文系作者原创投稿,仅供学习参考,请勿照搬照抄!",  # a site's disclaimer above its piece
    "关 键 词：工作总结 科技局",
    "配套讲稿：2023年工作总结汇报",
    "打印 | 收藏",                               # a line of the page's buttons
    "主办单位：某某县人大常委会",                 # a government site's footer
    "地址：某某县九华西路 电话：0566-5021225",
    "乡2023年政府工作报告-10篇(第20/30页)",      # a collection's count and page counter
    "乡村干部扶贫工作总结一",                     # the number of the piece in a collection
    "文章出处:9月5日《某某法制报》18版",
    "保密审查情况:已审查",                         # a disclosure page's review fields
    "    2023-04-07 911",                          # a date and a view count
    "2026/02/10经典总结",                          # a date and the site's section
    "ID:2221358",                                  # the page's document id
    "2023年社區雙擁工作計劃書怎么寫一",
])
def test_boilerplate_line_is_one_finding_with_a_delete_line_fix(line):
    text = "2023年科技局工作总结\n" + line + "\n全年组织企业申报项目12项。\n"
    findings = lint_text(text, select=["KJ601"])
    assert [(f.code, f.line) for f in findings] == [("KJ601", 2)]
    fixed, _ = apply_fixes(text, [findings[0].fix])
    assert fixed == "2023年科技局工作总结\n全年组织企业申报项目12项。\n"


@pytest.mark.parametrize("text", [
    "全区资金来源：财政拨款1200万元，社会资本800万元。",
    "当前，我局正按照上级部署推进各项工作。",
    "时间紧、任务重，我们仍然按期完成了全部目标任务。",
    "实施时间：2023年5月至12月，分三个阶段推进。",
    "2023-12-01",
    "一、关于工作总结",
    "全县林业工作会议纪要",
])
def test_prose_is_not_boilerplate(text):
    assert found(text) == []


def test_file_name_first_line_and_title_prefix_and_edition_label():
    assert found("""\
        2023年科技局工作总结.doc
        标题：2023年科技局工作总结(珍藏版)
        全年组织企业申报项目12项。
        """) == [("KJ602", 1), ("KJ603", 2), ("KJ604", 2)]


PAGES = """\
一、主要工作
（一）工业经济。深入实施技术改造专项行动，推动产
3、业升级，全年完成工业技改投资42亿元。
（二）数字经济。新建5G基站420个，组织专
5、家开展诊断服务，覆盖企业120家。
二、下一步计划
1、稳住工业增长。确保规上工业增加值增长7%以上。
2、推动产业转型升级，力争到20
8、26年主导产业产值突破千亿元。
3、优化企业服务。常态化开展政企对接活动。
三
9、、加强自身建设
坚持以党建引领业务。
"""


def test_page_numbers_are_told_from_list_items():
    assert found(PAGES, select=["KJ605"]) == [("KJ605", 3), ("KJ605", 5), ("KJ605", 9), ("KJ605", 12)]


def test_page_numbers_behind_indentation_and_crlf_are_found():
    # the rule skips a text none of whose paragraphs starts with a marker, found in the whole text
    indented = "".join("\u3000\u3000" + line + "\r\n" for line in PAGES.splitlines())
    assert found(indented, select=["KJ605"]) == found(PAGES, select=["KJ605"]) != []


def test_page_number_fix_joins_the_halves():
    findings = lint_text(PAGES, select=["KJ605"])
    fixed, applied = apply_fixes(PAGES, [f.fix for f in findings])
    assert applied == 4
    assert "推动产业升级" in fixed and "组织专家开展" in fixed and "到2026年" in fixed
    assert "三、加强自身建设" in fixed
    assert "1、稳住工业增长" in fixed and "3、优化企业服务" in fixed


def test_list_after_heading_and_after_a_finished_sentence_is_not_a_page_number():
    assert found("""\
        一、主要工作
        1、组织企业申报项目
        2、开展科技培训
        全年共培训企业技术人员500人次。
        3、强化人才支撑，新引进人才26名。
        """, select=["KJ605"]) == []


BODY = ("全年组织企业申报项目12项，争取资金1200万元，超额完成年度目标任务。\n"
        "新培育高新技术企业8家，科技型中小企业入库42家，创新主体不断壮大。\n"
        "举办各类培训班6期，培训企业技术人员500余人次，人才支撑持续增强。\n")


def test_spliced_document_after_lead_in():
    text = "2023年科技局工作总结\n一、主要工作\n" + BODY + "以下内容供阅读：\n2023年教育局工作计划\n" + BODY
    assert found(text, select=["KJ606"]) == [("KJ606", 6)]


def test_second_report_title_deep_in_the_file():
    text = "2023年科技局工作总结\n一、主要工作\n" + BODY + "县农业农村局2023年述职报告\n" + BODY
    assert found(text, select=["KJ606"]) == [("KJ606", 6)]


def test_same_title_again_and_plan_part_of_a_combined_title_are_not_spliced():
    text = ("2023年科技局工作总结和2024年工作计划\n一、主要工作\n" + BODY + "2024年工作计划\n" + BODY
            + "2023年科技局工作总结和2024年工作计划\n" + BODY)
    assert found(text, select=["KJ606"]) == []


def _my_fixtures() -> list[Path]:
    return sorted(p for p in (ROOT / "fixtures" / "labeled").glob("kj[236]-*.txt"))


def test_fixtures_exist():
    assert len(_my_fixtures()) >= 10


@pytest.mark.parametrize("path", _my_fixtures(), ids=lambda p: p.name)
def test_every_fix_applies_cleanly_and_the_fixed_findings_are_gone(path):
    catalog = load_catalog()
    codes = {c for c in catalog.rules if c[:3] in MY_FAMILIES}
    doc = read_document(path)
    findings = lint_document(doc, catalog, LintOptions(codes=codes))
    fixes = sorted((f.fix for f in findings if f.fix is not None), key=lambda x: (x.offset, x.end_offset))
    for a, b in zip(fixes, fixes[1:]):
        assert a.end_offset <= b.offset, f"overlapping fixes in {path.name}: {a} {b}"
    fixed, applied = apply_fixes(doc.text, fixes)
    assert applied == len(fixes)
    fixed.encode(doc.encoding)  # still encodable in the file's encoding
    fixed_codes = {f.code for f in findings if f.fix is not None}
    again = lint_document(Document(fixed, str(path)), catalog, LintOptions(codes=codes))
    assert [f for f in again if f.code in fixed_codes] == []
    unfixed = sorted((f.code, f.message) for f in findings if f.fix is None)
    assert sorted((f.code, f.message) for f in again) == unfixed


def test_title_repeated_above_the_body_is_flagged_and_only_the_copy_is_deleted():
    text = ("区科技局2023年工作总结\n\n来源:某某范文网 | 时间:2023-12-29 13:38:33\n\n"
            "区科技局2023年工作总结\n全年组织企业申报项目12项。\n")
    findings = lint_text(text, select=["KJ607"])
    assert [(f.code, f.line) for f in findings] == [("KJ607", 5)]
    fixed, _ = apply_fixes(text, [findings[0].fix])
    assert fixed.count("区科技局2023年工作总结") == 1 and fixed.startswith("区科技局2023年工作总结\n")


def test_repeats_after_the_body_started_and_different_editions_are_not_title_repeats():
    assert found("论联合政府 (1945年)\n论联合政府 (1953年)\n全年组织企业申报项目12项。\n",
                 select=["KJ607"]) == []
    assert found("区科技局2023年工作总结\n全年组织企业申报项目12项。\n区科技局2023年工作总结\n",
                 select=["KJ607"]) == []
    # the title again above the text's first heading, after the page's excerpt: a repeat
    text = "区科技局2023年工作总结\n2023年，我局紧紧围绕年度目标推进各项工作。\n区科技局2023年工作总结\n一、主要工作\n全年申报项目12项。\n"
    assert found(text, select=["KJ607"]) == [("KJ607", 3)]
    # …but not a second copy of the whole text, which starts as the first did (KJ1's)
    body = "一、主要工作\n全年申报项目12项。\n"
    assert found("区科技局2023年工作总结\n" + body + "区科技局2023年工作总结\n" + body, select=["KJ607"]) == []


def test_a_house_pack_adds_site_wording_as_whole_line_phrases(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(textwrap.dedent("""\
        rules:
          - code: KJ699
            name: house-boilerplate
            severity: error
            type: phrases
            fixable: safe
            message: "Boilerplate of our intranet: `{match}`"
            description: Intranet page chrome.
            rationale: Not part of the report.
            params:
              scope: line-containing
              max-line-length: 60
              phrases: [内网门户]
            examples:
              bad: ['返回内网门户首页']
              good: ['全年组织企业申报项目12项。']
        """), encoding="utf-8")
    catalog = load_catalog((str(pack),))
    text = "2023年工作总结\n点此返回內網門戶首页\n全年组织企业申报项目12项。\n"
    findings = lint_document(Document(text), catalog, LintOptions(codes={"KJ699"}))
    assert [(f.code, f.line) for f in findings] == [("KJ699", 2)]
    assert apply_fixes(text, [findings[0].fix])[0] == "2023年工作总结\n全年组织企业申报项目12项。\n"


def test_titles_run_together_on_a_flattened_page_and_reworded_copies():
    flat = ("县科学技术局2021年度工作总结范文及2022年度工作安排县科学技术局2021年工作总结及2022年工作安排"
            "今年是决胜全面建成小康社会、决战脱贫攻坚之年，我局全面完成各项任务。\n")
    found = [f for f in lint_text(flat) if f.code == "KJ607"]
    assert len(found) == 1 and flat[found[0].offset:found[0].end_offset].endswith("2022年工作安排")
    lines = "2024年乡镇年工作总结范文和2024年工作计划\n乡镇xx年工作总结和xx年工作计划\n一、主要工作\n全年完成投资1.2亿元。\n"
    assert [f.line for f in lint_text(lines) if f.code == "KJ607"] == [2]
    # A law's dates of adoption and entry into force are not a repeated title.
    law = ("某某条例\n2021年3月1日 某某委员会第18次会议通过\n2021年4月22日 某某委员会第19次会议通过\n"
           "第一条 为了规范管理，制定本条例。\n")
    assert [f for f in lint_text(law) if f.code == "KJ607"] == []


def test_a_menu_or_tag_list_is_page_chrome_but_a_sentence_broken_by_a_pdf_is_not():
    page = "支援社区核酸 服务社区居民\n核酸\n社区\n检测\n居民\n随着疫情多点散发，街道组织志愿者开展核酸检测。\n"
    assert [f.line for f in lint_text(page) if f.code == "KJ609"] == [2, 3, 4, 5]
    broken = "全年销售\n园蓝\n莓\n销量达\n十万斤，增收明显。\n"
    assert [f for f in lint_text(broken) if f.code == "KJ609"] == []
    table = "附表：主要指标完成情况\n指标名称\n单位\n完成数\n粮食总产量\n万吨\n16.8\n"
    assert [f for f in lint_text(table) if f.code == "KJ609"] == []


def test_furniture_inside_a_long_line_is_reported_alone_and_the_rest_kept():
    # scraped lead paragraphs carry the editor's blurb as one sentence, and PDF text carries page
    # counters glued between sentences: the finding is that sentence or counter, not the line
    lead = ("总结是对过去一定时期的工作、学习或思想情况进行回顾、分析，并做出客观评价的书面材料，它有助于我们寻找工作"
            "和事物发展的规律，从而掌握并运用这些规律，让我们好好地写一份工作总结吧。下面是小编精心整理的"
            "医院上半年宣传工作总结5篇，希望对大家有所帮助。")
    pdf = ("村委文明创建工作对于推动农村经济发展、提升农民生活品质具有重要意义，必须长期坚持，"
           "久久为功，常抓不懈。 第1页共3页 因此，制定本方案，明确目标任务和工作措施，确保各项"
           "工作落到实处、取得实效，让群众有更多的获得感、幸福感和安全感。")
    text = f"2023年工作总结\n{lead}\n{pdf}\n"
    hits = [f for f in lint_text(text, select=["KJ601"])]
    assert [text[f.offset:f.end_offset] for f in hits] == [
        "下面是小编精心整理的医院上半年宣传工作总结5篇，希望对大家有所帮助。", "第1页共3页"]
    assert all(f.fix is not None and not f.fix.safe for f in hits)  # deleting inside prose: unsafe
    # the same words in the report's own sentences are not furniture
    assert lint_text("2023年工作总结\n全年共整理档案3000卷，为大家办实事20件，群众满意度明显提升，"
                     "各项工作取得了新的进展，得到了上级部门和社会各界的充分肯定，为明年工作打下了基础。\n",
                     select=["KJ601"]) == []


def test_title_written_twice_at_the_start_of_the_body_whatever_its_last_word():
    text = ("XX县区委指导组到沙土指导村（社区）党支部书记述职评议工作 XX县区委指导组到沙土指导村（社区）"
            "党支部书记述职评议工作 1月19日，沙土镇召开党支部书记述职评议会议，县委组织部指导组到会指导。\n")
    hits = lint_text(text, select=["KJ607"])
    assert [text[f.offset:f.end_offset] for f in hits] == [
        "XX县区委指导组到沙土指导村（社区）党支部书记述职评议工作 XX县区委指导组到沙土指导村（社区）党支部书记述职评议工作"]
    # words that merely repeat (工作工作) or a sentence said twice are not a title
    assert lint_text("工作工作，全年完成任务。\n", select=["KJ607"]) == []
    # the title above, then twice more at the start of the body (a preview's copy and the text's): one finding
    text = "国道收费所2023年安全生产管理工作总结\n国道收费所2023年安全生产管理工作总结国道收费所2023年安全生产管理工作总结随着交通运输的发展，安全生产管理一直是重中之重。\n"
    hits = lint_text(text, select=["KJ607"])
    assert [(f.line, text[f.offset:f.end_offset]) for f in hits] == [(2, "国道收费所2023年安全生产管理工作总结" * 2)]


def test_a_long_download_panel_does_not_end_the_top_of_the_page():
    panel = "\n".join(["分享", "下载文档", "大小:16.74KB", "页数:12页", "格式:DOCX", "收藏 分享赚钱", "温馨提示:",
                       "1. 部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常。",
                       "2. 本文档由用户上传,版权归属用户。", "3. 下载前请仔细阅读文档内容。", "网站客服:3074922707",
                       "大小:16KB", "页数:12页", "格式:DOCX", "上传人:abc", "文档编号:123"])
    text = f"2022年上半年县卫生健康工作总结\n{panel}\n2022年上半年县卫生健康工作总结\n2022年上半年，全系统干部职工坚决贯彻县委决策部署。\n"
    assert [f.line for f in lint_text(text, select=["KJ607"])] == [18]


def test_lines_above_the_breadcrumb_are_the_site_header_whatever_they_say():
    text = ("珠海市审计局\n当前位置:首页 > 政务公开 > 通知公告\n关于珠海市2020年度市本级预算执行的审计工作报告\n"
            "——2021年7月29日在珠海市人大常委会会议上\n市人大常委会：\n我受市人民政府委托，报告2020年度审计工作情况。\n")
    assert [(f.code, f.line) for f in lint_text(text, select=["KJ6"])] == [("KJ609", 1), ("KJ601", 2)]
    # without a breadcrumb the issuer above the title is the document's own
    assert lint_text("珠海市审计局\n" + text.split("\n", 2)[2], select=["KJ6"]) == []


def test_the_site_talking_to_its_reader_is_reported_inside_a_paragraph():
    text = ("2023年社区工作计划\n写计划的时候需要注意什么呢?那么下面我就给大家讲一讲计划书怎么写才比较好,"
            "我们一起来看一看吧。\n全年组织企业申报项目12项。\n")
    assert found(text, select=["KJ601"]) == [("KJ601", 2)]


def test_a_byline_at_the_head_of_a_story_is_reported_alone():
    text = "某某市司法局工作综述\n本网讯 (记者 王某某 李某某)近年来，市司法局坚持从实际出发，抓基层、打基础，各项工作取得新进展。\n"
    findings = lint_text(text, select=["KJ601"])
    assert [(f.line, text[f.offset:f.end_offset]) for f in findings] == [(2, "本网讯 (记者 王某某 李某某)")]
    # names without a role in the brackets are the story's dateline and credit (docs/labeling.md)
    assert lint_text(text.replace("记者 ", ""), select=["KJ601"]) == []


def test_gambling_spam_injected_into_sentences_is_reported_alone():
    text = ("市政府常务会议纪要\n会议听取了皇冠体育平台,皇冠体育app贯彻省政府关于加强消防工作实施意见的情况汇报。\n"
            "会议指出，学校体育工作和体育平台建设要统筹推进。\n")
    findings = lint_text(text, select=["KJ601"])
    assert [(f.line, text[f.offset:f.end_offset]) for f in findings] == [(2, "皇冠体育平台,皇冠体育app")]


def test_a_title_set_in_brackets_is_the_same_title():
    text = ("[教育局2019年上半年工作总结]\n时间:2021-10-16 14:10:19\n"
            "教育局2019年上半年工作总结   2019年，我局继续深入贯彻落实上级精神，各项工作取得明显成效。\n")
    hits = lint_text(text, select=["KJ607"])
    assert [(f.line, text[f.offset:f.end_offset].strip()) for f in hits] == [(3, "教育局2019年上半年工作总结")]


def test_a_pieces_number_run_into_a_flattened_page_is_reported_alone():
    text = "乡镇政府工作报告篇一2020年是开局之年，全镇上下奋发有为。\n"
    findings = lint_text(text, select=["KJ601"])
    assert [text[f.offset:f.end_offset] for f in findings] == ["篇一"]
    assert lint_text("会议听取了工作报告，篇幅较长的材料会后印发。\n", select=["KJ601"]) == []


def test_a_line_left_empty_by_its_markup_is_no_title():
    """`-->` (an HTML comment's end) after the text leaves an empty title key: it was an
    IndexError in KJ607 that stopped the whole lint of the document."""
    prose = "我们必须在党的领导下，巩固全国各族人民的团结，巩固人民民主统一战线。" * 8
    for tail in ("-->", "<!-- -->", "【】", "  "):
        assert [f.code for f in lint_text(f"{prose}\n{tail}", select=["KJ6"])] == []


def test_a_numeric_date_line_next_to_page_furniture_is_the_page_stamp():
    text = "某乡镇2024年工作总结\n某某范文网\n2024-11-05\n今年以来，全镇上下团结一心，各项工作稳步推进。\n"
    assert found(text) == [("KJ601", 2), ("KJ609", 3)]
    # with no furniture beside it, or written in words, the date is the document's own
    assert found("某乡镇2024年工作总结\n2024-11-05\n今年以来，全镇上下团结一心，各项工作稳步推进。\n") == []
    assert found(text.replace("2024-11-05", "2024年11月5日")) == [("KJ601", 2)]


def test_a_forum_post_header_is_page_furniture():
    text = "对今年工业运行的一点看法\n老张说事 发表于 2023-3-8 09:15:02 |只看该作者\n今年以来，全市工业运行总体平稳。\n"
    assert found(text, select=["KJ601"]) == [("KJ601", 2)]


def test_symbol_lines_above_the_title_are_page_furniture_and_end_a_broken_title():
    text = "信息公开目录\n+\n某县科技局2023年工作总结\n索引号:000123/2024-00001\n2023年，我局围绕中心工作，扎实推进科技创新。\n"
    assert found(text) == [("KJ609", 1), ("KJ609", 2), ("KJ601", 4)]
    # a title broken over two lines is still one title
    broken = "某县科技局2023年\n工作总结\n2023年，我局围绕中心工作，扎实推进科技创新。\n"
    assert found(broken) == []


def test_a_section_name_above_a_portal_articles_title_is_page_furniture():
    text = "单位动态\n某公司召开一季度经营分析会\n发布时间:2024-04-02\n4月1日，公司召开一季度经营分析会。\n"
    assert found(text) == [("KJ609", 1), ("KJ601", 3)]
    # an issuer above the title, or a title's first half, is the document's own
    assert found(text.replace("单位动态", "某某县人民政府")) == [("KJ601", 3)]
    assert found("关于2023年度预算执行和\n其他财政收支的审计工作报告\n发布时间:2024-04-02\n"
                 "受县人民政府委托，报告审计工作情况。\n") == [("KJ601", 3)]


def test_a_portal_info_panel_row_is_page_metadata():
    text = "某镇2023年政府工作报告\n文 号: | 发布机构: | 某某镇 | 发布日期: \n各位代表：现在，我代表镇人民政府作工作报告。\n"
    assert found(text, select=["KJ601"]) == [("KJ601", 2)]
    # a flattened table row of figures is not a panel
    assert found("指标 | 2022年 | 2023年\n产值 | 12 | 15\n", select=["KJ601"]) == []


def test_short_lines_in_the_page_footer_below_the_document_are_furniture():
    body = "某县统计局2023年工作总结\n2023年，我局全面完成各项统计任务。\n某县统计局\n2024年1月10日\n"
    text = body + "版权所有:某县人民政府\n网站纠错\n网站地图\n"
    assert found(text) == [("KJ601", 5), ("KJ609", 6), ("KJ609", 7)]
    # without a footer line the short lines below the text (a 落款) are the document's
    assert found(body + "附件下载区\n") == []


@pytest.mark.parametrize("line", ["某某县召开春耕生产动员会，县长在会上讲话。张某某摄",
                                  "3月2日，县人大会议开幕，县长作政府工作报告。 本报记者 李某 摄"])
def test_a_news_photo_caption_with_its_credit_is_page_furniture(line):
    text = f"某县2024年政府工作报告\n{line}\n各位代表：现在，我代表县人民政府向大会报告工作。\n"
    assert found(text, select=["KJ601"]) == [("KJ601", 2)]


def test_a_sentence_about_photography_is_not_a_caption():
    text = "某县文旅局2024年工作总结\n全年组织采风活动12次，其中多幅作品由本地摄影师拍摄。\n"
    assert found(text, select=["KJ601"]) == []


def test_a_title_broken_over_lines_below_its_one_line_copy_is_a_repeat():
    page = ("当前位置:首页 > 政务公开 > 通知公告\n关于某某县2023年度县级预算执行和其他财政收支的审计工作报告\n\n"
            "关于某某县2023年度县级预算执行和\n\n其他财政收支的审计工作报告\n\n主任、各位副主任、秘书长，各位委员：\n"
            "我受县人民政府委托，向县人大常委会报告2023年度县级预算执行的审计情况。\n")
    hits = lint_text(page, select=["KJ607"])
    assert [(f.line, f.end_line) for f in hits] == [(4, 6)]
    fixed, _ = apply_fixes(page, [hits[0].fix])
    assert "其他财政收支的审计工作报告\n\n主任" not in fixed and fixed.count("审计工作报告") == 1
    # a file's own heading above its title block, with no web page around it, is not compared piece by piece
    own = page.split("\n", 1)[1]
    assert lint_text(own, select=["KJ607"]) == []
    # nor are a title's pieces that only begin the earlier title
    assert lint_text("当前位置:首页 > 通知公告\n关于某某县2023年度县级预算执行和其他财政收支的审计工作报告\n\n"
                     "关于某某县2023年度\n\n县级预算执行情况的说明\n\n各位委员：\n我受县人民政府委托，报告预算执行情况。\n",
                     select=["KJ607"]) == []


def test_the_sites_title_line_with_its_piece_counter_is_a_copy_of_the_title():
    text = "某某镇2023年安全生产工作总结【精选6篇】\n某某镇2023年安全生产工作总结\n今年以来，我镇坚持安全发展理念，全年未发生较大事故。\n"
    assert found(text, select=["KJ601", "KJ607"]) == [("KJ601", 1), ("KJ607", 2)]
    text = "第一篇：某某县林业暨春季防火工作会议主持词\n某某县林业暨春季防火工作\n会议主持词\n同志们：\n今天召开全县林业工作会议。\n"
    assert found(text, select=["KJ601", "KJ607"]) == [("KJ601", 1), ("KJ607", 2)]


def test_the_title_run_into_paragraphs_at_the_top_again_and_after_the_year():
    text = ("某某所2023年安全管理工作总结\n某某所2023年安全管理工作总结某某所2023年安全管理工作总结随着交通运输的发展，安全管理一直是重中之重。\n"
            "某某所2023年安全管理工作总结 某某所2023年安全管理工作总结 随着交通运输的发展，安全管理一直是重中之重，关系着员工安全。\n")
    assert [f.line for f in lint_text(text, select=["KJ607"])] == [2, 3]
    text = "政府工作报告\n2019政府工作报告现将我区全年工作汇报如下：过去的一年，是不平凡的一年。\n一、2019年工作情况\n"
    hits = lint_text(text, select=["KJ607"])
    assert [text[f.offset:f.end_offset] for f in hits] == ["2019政府工作报告"]
    # the body's own words that only begin with the title's are not a copy of it
    assert lint_text("政府工作报告\n2019年政府工作报告确定的各项目标任务全面完成。\n", select=["KJ607"]) == []


def test_a_paragraph_that_is_mostly_the_editors_blurb_does_not_start_the_body():
    text = ("新任组长述职报告精品(七篇)\n时间:2023-02-13 04:47:19\n"
            "序论:写作是一种自我表达。好投稿为您带来了七篇新任组长述职报告范文，愿它们成为您写作过程中的灵感催化剂，助力您的创作。\n"
            "新任组长述职报告\n各位领导、同志们：\n现在，我代表园林局党组做年度述职报告。\n")
    assert [(f.code, f.line) for f in lint_text(text, select=["KJ607"])] == [("KJ607", 4)]


def test_page_numbers_glued_into_a_flattened_document_at_regular_intervals():
    page = "各村按照年度计划推进基础设施建设，道路硬化、饮水安全和农网改造同步实施，群众出行条件明显改善，"
    text = ("12023年某某街道工作规划今年是实施规划的关键之年，做好全年工作至关重要。" + page * 4
            + "聚力增效2一是聚焦村级组织建设，" + page * 4 + "开拓发展新3格局，" + page * 3 + "。\n")
    hits = lint_text(text, select=["KJ605"])
    assert [text[f.offset:f.end_offset] for f in hits] == ["1", "2", "3"]
    assert [f.offset for f in hits][1:] == [text.index("2一是"), text.index("3格局")]
    fixed, _ = apply_fixes(text, [f.fix for f in hits])
    assert "增效一是" in fixed and "新格局" in fixed and fixed.startswith("2023年某某街道")
    # figures with their unit, and numbers far from a page's length apart, are the text's own
    prose = ("全镇新建村级组织活动场所2个，" + page * 4 + "培育新型经营主体3家，" + page * 4 + "。\n")
    assert lint_text(prose, select=["KJ605"]) == []
    uneven = "聚力增效2一是聚焦村级组织建设，" + page * 8 + "开拓发展新3格局，" + page * 3 + "。\n"
    assert lint_text(page * 2 + uneven, select=["KJ605"]) == []


def test_words_doubled_after_the_titles_first_words_are_the_subtitle_repeated():
    text = ("2023年度某某局安全生产工作总结工作亮点和不足分析工作亮点和不足分析2023年是安全生产工作取得新突破的一年，"
            "本文就全年工作的亮点和不足进行系统剖析。\n一、工作亮点分析\n")
    hits = lint_text(text, select=["KJ607"])
    assert [text[f.offset:f.end_offset] for f in hits] == ["工作亮点和不足分析"]
    assert text.index("工作亮点和不足分析", 20) == hits[0].offset


def test_a_first_paragraph_above_the_title_ending_with_the_sites_blurb_is_all_the_sites():
    text = ("做任何工作都应该有个计划，以明确目的，避免盲目性。写计划的时候需要注意什么呢?那么下面我就给大家讲一讲计划书怎么写才比较好,"
            "我们一起来看一看吧。\n2023年社区双拥工作计划\n全年组织走访慰问活动12次，落实优抚政策。\n")
    hits = lint_text(text, select=["KJ601"])
    assert [(f.line, f.column, f.end_column) for f in hits] == [(1, 1, len(text.split("\n")[0]) + 1)]
    # below the title it is one sentence of the document's paragraph, reported alone
    moved = "2023年社区双拥工作计划\n" + text.split("\n")[0] + "\n全年组织走访慰问活动12次，落实优抚政策。\n"
    assert [f.column > 1 for f in lint_text(moved, select=["KJ601"])] == [True]


def test_the_heading_of_a_sites_list_of_collected_pieces_is_part_of_it():
    text = ("医院年度工作总结汇编(9篇)\n目录\n1.某市中心医院年度工作总结 2\n2.某市人民医院年度工作总结 19\n"
            "某市中心医院年度工作总结\n今年以来，我院坚持以患者为中心，医疗质量稳步提升。\n")
    assert [f.line for f in lint_text(text, select=["KJ601"])] == [1, 2, 3, 4]
    # a document's own table of contents is kept, and read past by the structure rules
    own = "某某规划\n目录\n第一章 总则\n第二章 目标\n第一章 总则\n第一条 为了规范管理，制定本规划。\n第二章 目标\n第二条 到2025年，基本建成。\n"
    assert lint_text(own, select=["KJ6", "KJ5"]) == []


def test_a_sites_tag_in_black_brackets_before_the_text_or_the_title():
    text = "【某某单位办公用房自查报告】为贯彻落实上级关于加强办公用房管理的要求，我单位开展了自查。\n一、自查情况\n"
    hits = lint_text(text, select=["KJ601"])
    assert [text[f.offset:f.end_offset] for f in hits] == ["【某某单位办公用房自查报告】"]
    text = "【工作总结】安全生产工作总结\n某区2022年安全生产工作综述\n全年未发生较大事故。\n"
    assert [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ601"])] == ["【工作总结】"]
    # a bracketed heading of the text's own, or a bracket alone on its line, is not the site's
    assert lint_text("2023年工作总结\n【典型案例】某镇推行网格化管理，群众满意度明显提升。\n", select=["KJ601"]) == []


def test_boilerplate_results_kept_by_line_are_those_of_a_fresh_matcher(monkeypatch):
    """KJ601 keeps what it found in a line for the next document holding the same line: the
    findings of documents linted one after another, through a memory emptied every few lines,
    are those of each document linted with nothing kept."""
    from kjlint.checks import contamination

    texts = ["当前位置:某某范文网 > 工作总结\n2023年科技局工作总结\n本站小编为大家整理了工作总结。全年完成投资3亿元。",
             "2023年科技局工作总结\n第 3 页 共 10 页\n转载请保留,谢谢!\n全年完成投资3亿元。",
             "当前位置:某某范文网 > 工作总结\n全年完成投资3亿元。本站小编为大家整理了工作总结。\n第 3 页 共 10 页"] * 3

    def findings(text):
        return [(f.code, f.line, f.column, f.end_column, f.message) for f in lint_text(text, select=["KJ601"])]

    monkeypatch.setattr(contamination._LineMemo.__init__, "__defaults__", (10_000_000,))
    contamination._BOILERPLATE_CACHE.clear()
    kept = [findings(t) for t in texts]
    fresh = []
    for t in texts:
        contamination._BOILERPLATE_CACHE.clear()  # a new matcher: nothing kept
        fresh.append(findings(t))
    monkeypatch.setattr(contamination._LineMemo.__init__, "__defaults__", (60,))  # emptied every line or two
    contamination._BOILERPLATE_CACHE.clear()
    assert [findings(t) for t in texts] == kept == fresh
    assert any(kept)
    contamination._BOILERPLATE_CACHE.clear()


def test_a_notice_heading_alone_on_its_line_takes_its_numbered_download_tips_with_it():
    """友情提示 with no colon heads the site's numbered tips as 温馨提示: does; once they are
    furniture, the list's lost first item is no numbering gap of the document (KJ502)."""
    text = ("2023年社区工作总结\n加入VIP免费下载\n友情提示\n2、文档下载后可能会被浏览器打开，请保存到桌面。\n"
            "3、本站不支持迅雷下载，请使用浏览器下载。\n一年来，社区组织志愿服务活动36次。\n")
    hits = lint_text(text, select=["KJ601", "KJ502"])
    assert [(f.code, f.line) for f in hits] == [("KJ601", 2), ("KJ601", 3), ("KJ601", 4), ("KJ601", 5)]
    # a sentence of the writer's own that opens with the phrase is not a heading of tips
    own = "2023年社区工作总结\n友情提示：本周六上午停水，请居民提前储水。\n2、做好防汛准备。\n"
    assert ("KJ601", 3) not in [(f.code, f.line) for f in lint_text(own, select=["KJ601"])]


@pytest.mark.parametrize("line", [
    "网友发表时间 3021457",                       # a sharing site's header of a reader's post
    "网友 分享 时间:",
    "字大",                                       # font-size buttons, each on its own line
    "字小",
    "用户登录",                                   # a login box
    "扫码在手机上打开本页",                        # the page's QR-code prompt (also in 繁体)
    "掃碼在手機上閱讀全文",
    "欢迎来到某某办公网!",                         # the site's greeting
    "- 1、本文档共12页,可阅读全部内容。",           # a sharing site's download tips
    "声明:本文档内容版权归属内容提供方,如有争议请与客服联系。",
])
def test_site_ui_lines_of_other_sites_are_furniture(line):
    text = f"某县2024年工作总结\n{line}\n今年以来，我县认真落实各项工作部署，取得明显成效。\n"
    assert ("KJ601", 2) in found(text), line


@pytest.mark.parametrize("line", [
    "用户登录后台管理系统，完成数据维护。",          # a thesis describing a system
    "欢迎来到美丽的青山县，让我们共同见证发展的成果。",  # a speech's welcome
    "本文档共分五章，第一章介绍系统需求。",            # a specification's own outline
    "网友留言办理情况纳入年度考核。",                 # a report on citizens' messages
])
def test_report_sentences_that_share_words_with_site_ui_are_not_furniture(line):
    text = f"某县2024年工作总结\n{line}\n今年以来，我县认真落实各项工作部署，取得明显成效。\n"
    assert ("KJ601", 2) not in found(text), line


@pytest.mark.parametrize("line", [
    "- 在线查看《某某简报》全文",                   # a link to read the piece elsewhere
    "- 原《某某信息》查看",
    "某某日报 2023年5月8日",                        # a newspaper's masthead and page
    "第二版",
    "第3版：要闻",
    "?? 来源:某某融媒体中心",                       # a source line behind blanks the encoding lost
    "【推荐阅读】 【我要投稿】 【打印本页】",          # a row of the page's buttons
    "精品推荐】 【会员投稿】 【点券查看全文】",
])
def test_link_labels_mastheads_and_button_rows_are_furniture(line):
    text = f"某县2024年工作总结\n{line}\n今年以来，我县认真落实各项工作部署，取得明显成效。\n"
    assert ("KJ601", 2) in found(text), line


@pytest.mark.parametrize("line", [
    "群众可在线查看办理进度，满意率达到98%。",        # a report's sentence about a service
    "第二版修订稿已报县政府审定。",                   # a revision named in a sentence
    "市日报社2023年5月8日刊发了我县经验做法。",
    "【工作目标】",                                 # one bracketed heading of the writer's
])
def test_report_lines_that_look_like_links_mastheads_or_buttons_are_not_furniture(line):
    text = f"某县2024年工作总结\n{line}\n今年以来，我县认真落实各项工作部署，取得明显成效。\n"
    assert ("KJ601", 2) not in found(text), line


def test_a_sites_copy_number_vip_badge_and_selection_word_on_a_title_are_edition_labels():
    """The site's number for its copy ((9), (1)), its VIP badge and 精选 ending a title line,
    or the copy number run into a flattened page before the first heading, are KJ604's: only
    the label is reported, the title stays."""
    text = ("某街道2023年工作总结(9)\n某县教育局工作计划精选\n某县养老服务情况调研报告[VIP]\n"
            "某乡人民政府工作报告(1)一、2022年工作回顾全年生产总值2.9亿元，增长4.3%。\n")
    hits = [(f.code, f.line, text[f.offset:f.end_offset]) for f in lint_text(text, select=["KJ604"])]
    assert hits == [("KJ604", 1, "(9)"), ("KJ604", 2, "精选"), ("KJ604", 3, "[VIP]"), ("KJ604", 4, "(1)")]
    # numbered items and a list's count in the text are not a site's copy number
    own = ("某县2023年工作总结\n全年召开会议12次，审议工作报告(3)份。\n一是完善工作方案(1)，"
           "二是健全制度。\n三是精选优秀案例汇编成册。\n")
    assert [f for f in lint_text(own, select=["KJ604"])] == []


def test_a_download_panels_first_tip_takes_the_numbered_tips_after_it_and_the_title_copy_is_found():
    """A panel of numbered tips without a heading: its first tip is furniture by its words, and
    the tips after it that speak of the download or the site are too (as under 温馨提示:); the
    page's title below them, with its sales word, and the title again then read as a repeat."""
    text = ("- 1、本文档共9页,可阅读全部内容。\n- 2、本站文档一经付费,仅供个人学习、研究之用。\n"
            "- 3、如对文档有疑问,请联系网站工作人员。\n某县教育局2023年工作计划精选\n某县教育局2023年工作计划\n"
            "一、发展目标\n2023年，我局将以提高教育质量为核心，推动各项工作取得新进展。\n")
    assert found(text) == [("KJ601", 1), ("KJ601", 2), ("KJ601", 3), ("KJ604", 4), ("KJ607", 5)]
    # a report's own numbered list under a furniture line is the report's
    own = ("某县2023年工作总结\n- 1、本文档共9页,可阅读全部内容。\n1、全年阅读推广活动开展12场。\n"
           "2、新建农家书屋5个，页数统计完成。\n")
    assert ("KJ601", 3) not in found(own)


@pytest.mark.parametrize("line", [
    "工作总结 时间:2024-03-05 09:12:45 收藏",          # the page's time field, to the second
    "文章属性",                                       # a page's section words alone on their line
    "文章导读",
    "发布信息",
    "內容全文",
])
def test_time_fields_and_section_words_of_a_page_are_furniture(line):
    text = f"某县2024年工作总结\n{line}\n今年以来，我县认真落实各项工作部署，取得明显成效。\n"
    assert ("KJ601", 2) in found(text), line


def test_a_meeting_time_and_a_heading_with_those_words_are_the_writers():
    text = ("某县2024年工作例会纪要\n会议时间：2024-03-05 09:30:00\n发布信息要及时准确。\n"
            "今年以来，我县认真落实各项工作部署，取得明显成效。\n")
    assert [f for f in found(text) if f[0] == "KJ601"] == []


def test_a_piece_number_after_the_count_and_a_sites_address_glued_into_the_text_are_reported_alone():
    body = "根据工作安排，调查组深入各乡镇、社区和养老机构开展调研，听取汇报，查阅资料，走访老人，形成如下报告。" * 2
    text = (f"某县养老服务情况调研报告6篇 【篇1】 {body}\n"
            f"某某范文宝典:www.example.com2021年某乡人民政府工作报告一、2020年工作回顾{body}\n")
    hits = [(f.line, text[f.offset:f.end_offset].strip()) for f in lint_text(text, select=["KJ601"])]
    assert hits == [(1, "【篇1】"), (2, "某某范文宝典:www.example.com")]
    # a report sending its reader to an address keeps it
    own = f"报名方式：{body}\n详见区政府网站:www.example.gov.cn{body}\n"
    assert lint_text(own, select=["KJ601"]) == []


@pytest.mark.parametrize("line", [
    "某网友 楼主",                                    # a forum post's floor under its poster
    "| 李某",                                         # an uploader's name after its cell rule
    "某某网来稿 打印 纠错 投稿须知",                    # the page's buttons after the source
    "篇二:《社区年度工作总结》",                        # the site's number before a piece's title
    "(简明型范文:篇幅短小,适用于基层单位)",              # the site's note on the sample below
])
def test_forum_floors_uploader_cells_button_rows_and_sample_notes_are_furniture(line):
    text = f"某县2024年工作总结\n{line}\n今年以来，我县认真落实各项工作部署，取得明显成效。\n"
    assert ("KJ601", 2) in found(text), line


@pytest.mark.parametrize("line", [
    "| 序号 | 项目 |",                                # a table's row
    "打印纸、收藏柜等办公用品采购完毕",                  # the words in the writer's sentence
    "(一)范文写作：组织培训三次，参训120人次)",
])
def test_table_rows_and_sentences_with_those_words_are_the_writers(line):
    text = f"某县2024年工作总结\n{line}\n今年以来，我县认真落实各项工作部署，取得明显成效。\n"
    assert ("KJ601", 2) not in found(text), line


def test_sales_words_before_a_dash_opening_a_title_and_after_a_blank_ending_it_are_edition_labels():
    text = "最新-某县政府工作报告2 精品\n今年以来，我县认真落实各项工作部署，取得明显成效。\n"
    hits = [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ604"])]
    assert hits == ["最新-", "精品"]
    # the writer's words: a dash in a sentence, a quality named at a sentence's end
    own = "某县2023年工作总结\n最新-数据显示，全年完成工作方案12个。\n全年打造文旅线路12条，件件精品\n"
    assert lint_text(own, select=["KJ604"]) == []


def test_the_next_part_of_a_weekly_series_is_no_spliced_document():
    """A file collecting its writer's parts (第一周…, 第二周…) is one document; a different
    report, or the same frame a year later, still is another."""
    weekly = ("第一周工作计划\n" + BODY + "第二周工作计划\n" + BODY + "第三周工作计划\n" + BODY)
    assert found(weekly, select=["KJ606"]) == []
    skipped = "第一周工作计划\n" + BODY + "第三周工作总结\n" + BODY
    assert found(skipped, select=["KJ606"]) == [("KJ606", 5)]
    yearly = "2022年科技局工作总结\n" + BODY + "2023年科技局工作总结\n" + BODY
    assert found(yearly, select=["KJ606"]) == [("KJ606", 5)]


def test_rows_of_a_page_info_panel_next_to_its_known_rows_are_page_chrome():
    # Fields in wordings no phrase list holds ([ 体裁分类 ], 施行日期:, 整理者:), read outward from a
    # row KJ601 knows (索引号 above, a `|` rule below); a label alone (分享:) between two rows.
    panel = ("您当前的位置:首页> 政策文件\n[ 索引号 ] 1150022700/2025-00030 [ 发文字号 ]\n"
             "[ 主题分类 ] 其他 [ 体裁分类 ] 规范性文件\n[ 发布机构 ] 某某区统计局\n"
             "某某区统计局关于印发统计质量管理办法的通知\n各镇人民政府,街道办事处:\n现将办法印发给你们,请认真贯彻执行。\n")
    assert [f.line for f in lint_text(panel) if f.code == "KJ609"] == [3, 4]
    law = ("|\n某某法院关于审理某类案件若干问题的规定\n|\n发布部门:某某法院\n施行日期:2016/8/2\n"
           "整理者:张某 阅读:2341 |\n|\n第一条 本规定所称案件,是指发生在辖区内的案件。\n")
    assert [f.line for f in lint_text(law) if f.code == "KJ609"] == [4, 5, 6]
    buttons = ("学习体会\n日期:2022-12-22 14:50 来源:某某工作委员会\n分享:\n字号:\n"
               "党的二十大是在全党全国各族人民迈上新征程的关键时刻召开的一次十分重要的大会。\n")
    # (分享: alone with its colon is a share button's label KJ601 knows by itself since fix11furn)
    assert {f.line for f in lint_text(buttons) if f.code in ("KJ601", "KJ609")} >= {3}
    assert [f.line for f in lint_text(buttons) if f.code == "KJ609"] in ([3], [])
    # a row under the page's time stamp (a furniture line without a field label)
    stamped = ("某某局召开2024年半年度工作会议\n2024-07-22 11:17:52 - 某某网\n转自:某某区人民政府网站\n"
               "7月18日,某某局召开了2024年半年度工作会议,会议由党组书记、局长主持。\n")
    # (转自:… is reported by KJ601's page stamps on its own, or as the panel's row by KJ609: once)
    assert [f.line for f in lint_text(stamped) if f.code in ("KJ601", "KJ609") and f.line == 3] == [3]
    # not the page's: a salutation between the page's rows, a document's contact fields above a
    # QR prompt, an author's name before the title at the top, a contract's parties
    speech = "某某述职报告 篇1\n尊敬的领导:\n某某述职报告(通用12篇)\n当今社会的竞争,归根结底是人才的竞争。\n"
    assert [f for f in lint_text(speech) if f.code == "KJ609" and f.line == 2] == []
    contact = ("三、保障措施\n县政府办公室将定期开展工作调度。\n解读机构及咨询方式\n政策解读单位:某某县人民政府办公室\n"
               "具体联系人:张某\n咨询电话:0635-7219958\n扫一扫在手机打开当前页\n")
    assert [f for f in lint_text(contact) if f.code == "KJ609"] == []
    titled = "标题:2023年县统计局工作总结\n关 键 词:统计 工作总结\n2023年,县统计局扎实做好各项统计工作。\n"
    assert [f for f in lint_text(titled) if f.code == "KJ609"] == []
    author = "范某:关于法律解释的几个问题\n选择字号: 本文共阅读 3643 次 更新时间:2005-12-19 19:37\n法律解释是法律适用的前提。\n"
    assert [f for f in lint_text(author) if f.code == "KJ609"] == []


def test_a_page_time_stamp_above_the_body_is_page_chrome():
    # a date with the time of day, beside a channel's name or a source field, above the first
    # sentence: the page's header, whatever it says
    for stamp in ("某某党建全媒体 2023-06-28 09:24", "2025年11月28日14:26    来源:《某某党建》杂志222",
                  "2018年8月17日23:55:20某某研究报告已关闭评论"):
        page = f"国企书记讲党课,带来了什么\n{stamp}\n10月15日,由省委组织部主办的活动在成都举行。\n"
        assert [f.line for f in lint_text(page) if f.code == "KJ609"] == [2], stamp
    # a meeting's time is a field the document labels, or part of its sentence; a date by the day is a document's
    for line in ("时间:2023年3月1日14:30", "2023年3月1日14:30,县政府召开常务会议", "2023年3月1日"):
        page = f"县政府常务会议纪要\n{line}\n会议研究了当前重点工作。\n"
        assert [f for f in lint_text(page) if f.code == "KJ609"] == [], line


def test_the_site_introduction_above_the_first_piece_of_a_collection_is_page_chrome():
    # the first piece starts at its counter (篇一, 第1篇): a paragraph of text above it, under the
    # page's title and header, is the site's, whatever it says
    page = ("教育局年度工作计划(大全9篇)\n上传日期:2023-11-11 21:58:01 |\n"
            "计划是成功的基石,它让我们能够在有限的时间内达到更多的目标。看看以下的计划实施案例,或许能提供一些思路。\n"
            "教育局年度工作计划篇一\n20xx年工作将以教育质量年活动为契机,全面提高教育教学质量。\n")
    assert [f.line for f in lint_text(page) if f.code == "KJ609"] == [3]
    flat = ("某某公司合伙人制度方案4篇\n合伙人制度是指多个股东共同出资、共享风险和利益的制度。本文将介绍几种方案。\n"
            "第1篇\n第一条 为激励项目运营团队,制定本办法。\n")
    assert [f.line for f in lint_text(flat) if f.code == "KJ609"] == [2]
    # a piece's own opening above a heading is not an introduction, nor text with no counter below
    assert [f for f in lint_text("某某局工作总结\n一、主要工作\n全年完成投资1.2亿元,同比增长12%。\n"
                                 "二、存在问题\n项目推进仍然偏慢。\n") if f.code == "KJ609"] == []
    headed = ("某某局工作总结\n一、主要工作\n全年完成投资1.2亿元,同比增长12%。\n某某局工作总结篇一\n"
              "全年完成各项目标任务。\n")
    assert [f for f in lint_text(headed) if f.code == "KJ609" and f.line == 3] == []


def test_an_editor_credit_in_brackets_closing_a_news_piece_is_boilerplate():
    text = ("全县召开巡察工作会议\n会议要求,要切实提高政治站位,抓好问题整改。\n(责任编辑 杨某)\n")
    assert [(f.code, f.line) for f in lint_text(text, select=["KJ601"])] == [("KJ601", 3)]
    glued = "全县召开巡察工作会议\n被巡察党组织表示,巡察是一次“政治体检”。(张某 || 责任编辑 李某)\n"
    hits = [f for f in lint_text(glued, select=["KJ601"])]
    assert [glued[f.offset:f.end_offset] for f in hits] == ["(张某 || 责任编辑 李某)"]
    # a sentence about the editor's work is the report's
    assert lint_text("全县召开会议\n会议由责任编辑张某主持,研究了编辑部的工作安排。\n", select=["KJ601"]) == []


def test_a_collection_count_followed_by_the_site_remark_in_brackets_is_a_sales_label():
    text = "2023年基层党建工作总结7篇(全文完整)\n20xx年,团县委党支部在上级的领导下认真学习。\n"
    assert [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ604"])] == ["7篇(全文完整)"]
    # a count in a sentence, with its own note, is the report's
    assert lint_text("一、主要工作\n全年在省级刊物发表调研文章7篇(核心期刊)\n", select=["KJ604"]) == []


def test_a_short_line_above_a_title_the_page_repeats_as_it_stands_is_no_first_half_of_it():
    page = ("无障碍阅读 关怀版 返回首页\n政府信息公开\n某某街道2022年工作总结\n\n"
            "某某街道2022年工作总结\n2022年,某某街道在区委、区政府的坚强领导下,推动各项工作取得新成效。\n")
    assert [f.line for f in lint_text(page) if f.code == "KJ609"] == [2]
    # a title broken over two lines after the page's header: the first half is the title's
    broken = "某某网\n\n某某区2023年政府信息\n公开工作年度报告\n根据《条例》规定,编制本报告。\n"
    assert [f.line for f in lint_text(broken) if f.code == "KJ609"] == [1]


def test_the_title_below_the_site_title_line_with_a_count_and_a_sales_word_is_a_repeat():
    page = "社区服务站日常集锦9篇\n\n时间:2022-10-27 03:31:19\n\n社区服务站日常\n\n一、编制原则\n\n坚持量入为出。\n"
    assert [f.line for f in lint_text(page) if f.code == "KJ607"] == [5]


def test_a_row_holding_a_known_page_field_after_the_site_name_is_page_chrome_above_the_body():
    page = ("水利部2020年政府信息公开工作年度报告\n某某河务局门户网站 时间:2021-1-26 来源:水利部\n"
            "根据《中华人民共和国政府信息公开条例》的规定,编制本报告。\n")
    assert [f.line for f in lint_text(page) if f.code == "KJ609"] == [2]
    # below the body's first sentence, or with no known field in it, the row is the document's
    later = ("水利部2020年政府信息公开工作年度报告\n根据《条例》的规定,编制本报告。\n"
             "某某河务局门户网站 时间:2021-1-26 来源:水利部\n")
    assert [f for f in lint_text(later) if f.code == "KJ609"] == []
    minutes = "县政府常务会议纪要\n主持人:张某 记录人:李某\n会议研究了当前重点工作。\n"
    assert [f for f in lint_text(minutes) if f.code == "KJ609"] == []


def test_a_closing_tag_that_lost_its_angle_bracket_and_a_word_paragraph_code_are_markup_residue():
    text = "一、基本情况\n控告书要注明送某局接收。完了?!?/p>\n有必要对各种原因进行认真深入分析^p ,不断更新观念。\n"
    assert [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ608"])] == ["/p>", "^p"]
    # a power written with a caret and a path are not residue
    assert lint_text("一、基本情况\n增长率按 (1+r)^p 计算,文件存放在 docs/p 目录。\n", select=["KJ608"]) == []


def test_captions_left_between_two_paragraphs_of_a_story_without_their_pictures_are_page_chrome():
    story = ("7月中旬,某市组织3个专项巡察组进驻各区开展专项巡察。连日来,各巡察组深入基层调查走访,全面了解基层存在的问题。\n"
             "组织村里老党员召开座谈会,听取他们的心声\n烈日炎炎下到农户家中核实了解情况\n实地调研农业专业合作社发展\n"
             "截至目前,3个巡察组已走访97个村443户农户,发现主要问题53条,问题线索192条,涉及村干部26人。\n")
    assert [f.line for f in lint_text(story) if f.code == "KJ609"] == [2, 3, 4]
    # a 落款 and the next title between two paragraphs, a title broken over lines, and two short
    # lines only, are the document's
    signed = ("现将方案印发给你们,请结合实际认真贯彻执行,确保各项工作任务落到实处、取得实效。\n某某市司法局\n2023年2月2日\n"
              "2022年全市司法行政工作总结\n2022年,全市司法行政系统坚持以习近平新时代中国特色社会主义思想为指导,扎实推进各项工作。\n")
    assert [f for f in lint_text(signed) if f.code == "KJ609"] == []
    two = story.replace("实地调研农业专业合作社发展\n", "")
    assert [f for f in lint_text(two) if f.code == "KJ609"] == []


def test_a_title_whose_words_open_the_first_sentence_before_a_comma_is_its_subject_not_a_copy():
    resolution = ("某某市第十届人民代表大会第五次会议\n关于某某市人民检察院工作报告的决议\n"
                  "某某市第十届人民代表大会第五次会议,听取并审议了市人民检察院检察长所作的工作报告。\n")
    assert [f for f in lint_text(resolution) if f.code == "KJ607"] == []
    glued = "某某市第十届人民代表大会第五次会议\n某某市第十届人民代表大会第五次会议听取并审议了工作报告。\n"
    assert [f.line for f in lint_text(glued) if f.code == "KJ607"] == [2]


def test_a_page_templates_engine_markup_is_markup_residue_holding_its_slot():
    """`{{ errorMessage }}` on a scraped page is the CMS template's code: KJ608 reports it, and the
    slot KJ205 reads in it is folded into that finding; in a Word file it stays the template's slot."""
    text = "{{ title }}\n{{ errorMessage }}\n某某局2020年政府信息公开工作年度报告\n本报告由本局编制。\n"
    page = lint_text(text, "page.txt")
    codes = [f.code for f in page]
    assert codes.count("KJ608") == 2 and "KJ205" not in codes
    assert any("KJ205" in r.message for f in page if f.code == "KJ608" for r in f.related)
    doc = Document(text, "draft.docx", source_format="docx")
    word = lint_document(doc, load_catalog(), LintOptions())
    assert [f.code for f in word].count("KJ205") == 2 and "KJ608" not in {f.code for f in word}


def test_a_title_shown_twice_above_a_pages_metadata_keeps_its_first_copy():
    """The title line, the same line again, then the page's file details: the second line is the
    repeat (KJ607); the first is the title, not a section name above it (KJ609)."""
    text = "某镇政府换届工作报告\n\n某镇政府换届工作报告\n\nID:10590117\n\n大小:61.50 KB\n\n各位代表：现在，我代表镇人民政府作工作报告，请予审议。\n"
    hits = {(f.code, f.line) for f in lint_text(text, "page.txt") if f.family == "KJ6"}
    assert ("KJ607", 3) in hits and not any(line == 1 for _, line in hits)


@pytest.mark.parametrize("line, part", [
    ("188比分直播《2023年某某镇政府工作报告》政策解读", "188比分直播"),  # at the line's start
    ("全县 500彩票网 宣传", "500彩票网"),                               # after a blank
    ("(3699体育官网)新闻", "3699体育官网"),                             # after a bracket: four digits
    ("１８８比分直播《某某镇工作报告》", "１８８比分直播"),               # full-width digits are digits too
    ("会议指出,BET365体育平台,bet365娱乐官网要加强监管。", "BET365体育平台,bet365娱乐官网"),  # a brand's
    # letters in either case (the brands' pattern opens each with a character, B… or b…, not a class)
])
def test_a_number_brand_is_found_from_its_first_digit(line, part):
    """The number brand's pattern starts at a digit and looks behind it (the regex engine skips
    to the digits of a line): the brand is found wherever the digits start a run."""
    text = line + "\n" + "全年收入稳步增长,增幅较上年提高2个百分点。" * 3
    assert part in [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ601"])]


@pytest.mark.parametrize("line", [
    "镇188比分直播",          # digits glued to a word before them: part of the sentence
    "12345彩票网",           # five digits: no brand's number
    "第1188比分直播",
])
def test_digits_inside_a_word_or_a_longer_number_are_no_number_brand(line):
    text = line + "\n" + "全年收入稳步增长,增幅较上年提高2个百分点。" * 3
    assert not [f for f in lint_text(text, select=["KJ601"]) if "比分" in text[f.offset:f.end_offset]
                or "彩票" in text[f.offset:f.end_offset]]


@pytest.mark.parametrize("words", [(), ("总结", "计划"), ("", "报告"), ("工作", "工作总结", "总结")])
def test_any_word_tells_what_a_loop_over_the_words_tells(words):
    from kjlint.checks.contamination import _any_word
    for text in ("", "2023年工作总结", "工作计划", "某某镇报告", "会议纪要", "总", "作总"):
        assert (_any_word(words)(text) is not None) == any(w in text for w in words)
