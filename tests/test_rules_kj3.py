"""KJ3 truncation: notices (one finding each, both scripts, extensible), truncated endings,
headings with no body."""
from __future__ import annotations

import textwrap

import pytest

from kjlint.catalog import load_catalog
from kjlint.document import Document
from kjlint.engine import LintOptions, lint_document, lint_text


def codes(text: str, select=("KJ3",)):
    return [(f.code, f.line) for f in lint_text(textwrap.dedent(text), select=list(select))]


@pytest.mark.parametrize("text, notice", [
    ("加快推进创新型县区建设……(未完,全文共2890字,当前只显示1500字…)", "(未完,全文共2890字,当前只显示1500字…)"),
    ("落实项目管理……(某某网…省略800字,会员可阅读全文)……", "(某某网…省略800字,会员可阅读全文)"),
    ("加強隊伍建設……（未完，全文共3200字，當前只顯示1200字）", "（未完，全文共3200字，當前只顯示1200字）"),
    ("全文共2890字，当前只显示1500字。", "全文共2890字，当前只显示1500字"),
    ("推进项目建设。點擊閱讀全文", "點擊閱讀全文"),
    ("网格员92名。试读结束", "试读结束"),
    ("推进项目建设。消耗 2 篇素材配额，会员有效期内可无限次阅读", "消耗 2 篇素材配额，会员有效期内可无限次阅读"),
])
def test_a_notice_is_one_finding(text, notice):
    findings = lint_text(text, select=["KJ301"])
    assert [text[f.offset:f.end_offset] for f in findings] == [notice]


def test_a_page_count_sold_with_the_title_is_a_sales_label_not_a_cut():
    text = "2023年度工作总结(12页珍藏版)"
    assert lint_text(text, select=["KJ301"]) == []
    assert [(f.code, text[f.offset:f.end_offset]) for f in lint_text(text, select=["KJ604"])] == [("KJ604", "(12页珍藏版)")]


@pytest.mark.parametrize("text", [
    "部分项目尚未完成，计划明年完工。",
    "全面完成各项工作任务，阅读全文后提出修改意见。",
    "全书共分三章，正文第12页列出了主要指标。",
    "协会会员有效期内享受培训优惠，会员单位可到现场查看。",
])
def test_ordinary_prose_is_not_a_notice(text):
    assert lint_text(text, select=["KJ301"]) == []


def test_notice_pack_is_extensible(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(textwrap.dedent("""\
        rules:
          - code: KJ399
            name: house-truncation-notice
            severity: error
            type: pattern
            message: "Truncation notice `{match}`"
            description: A site-specific notice.
            rationale: Text is missing.
            params:
              traditional: true
              pattern: ['内容过长已折叠']
            examples:
              bad: ['工作成效明显。内容过长已折叠']
              good: ['工作成效明显。']
        """), encoding="utf-8")
    catalog = load_catalog((str(pack),))
    doc = Document("工作成效明显。內容過長已折疊\n")
    assert [f.code for f in lint_document(doc, catalog, LintOptions(codes={"KJ399"}))] == ["KJ399"]


def test_document_ending_mid_sentence_is_flagged_even_before_site_boilerplate():
    assert codes("""\
        2023年工作总结
        一、主要工作
        全年组织企业申报项目12项，推动产业
        来源:某某范文网 | 时间:2023-12-29 13:38:33
        转载请保留,谢谢!
        """) == [("KJ302", 3)]


@pytest.mark.parametrize("ending", [
    "全年组织企业申报项目12项，推动产业升级。\n",
    "全年组织企业申报项目12项，推动产业升级。\nxx县科技局\n2023年12月20日\n",
    "全年组织企业申报项目12项，推动产业升级……\n",
    "全年组织企业申报项目12项，推动产业升级。\n二〇二三年十二月\n",
])
def test_finished_endings_are_not_flagged(ending):
    assert codes("2023年工作总结\n一、主要工作\n" + ending, select=["KJ302"]) == []


def test_heading_without_body_is_flagged():
    assert codes("""\
        一、主要工作
        （一）项目申报。全年组织企业申报项目12项。
        （二）人才培训
        （三）企业服务。协调解决企业诉求36条。
        二、存在问题
        三、下一步计划
        继续做好项目申报工作。
        四、保障措施
        """, select=["KJ303"]) == [("KJ303", 3), ("KJ303", 5), ("KJ303", 8)]


def test_top_level_sections_after_one_with_a_body_are_empty_in_a_run():
    """一、 sections are the document's parts, not a list: after a first section with a body, each
    bare 一、 heading followed by the next is empty (a table dropped by the page), run or not."""
    text = """\
        2023年政府信息公开工作年度报告
        一、总体情况
        全年主动公开信息1200条。
        二、主动公开政府信息情况
        三、收到和处理政府信息公开申请情况
        四、存在的主要问题及改进情况
        加强培训。
        """
    assert codes(text, select=["KJ303"]) == [("KJ303", 4), ("KJ303", 5)]
    # the same run at level 3 is a list of short items
    assert codes(text.replace("二、", "1.").replace("三、", "2.").replace("四、", "3."),
                 select=["KJ303"]) == []


def test_bare_numbered_lists_are_not_empty_headings():
    assert codes("""\
        一、主要工作
        全年组织企业申报项目12项。
        二、下一步计划
        1、抓好项目申报
        2、优化营商环境
        3、强化人才支撑
        三、保障措施
        1、加强组织领导
        2、强化督查考核
        """, select=["KJ303"]) == []


def test_item_one_starts_a_list_of_its_own():
    """A bare 1. starts a new list even when a list further up at its level had bodies and no
    heading closed it (a plain paragraph, a Word-styled heading between them): a list, not an
    empty heading. A bare item after siblings with bodies is still one."""
    assert codes("""\
        2023年工作总结
        价款分项如下。
        1.设备购置
        全年购置设备12台。
        2.工程建设
        完成主体工程建设。
        工作完成情况如下。
        1.一年接待工作，全平台销售总额达300万元
        2.平均响应时长缩短。客户满意度稳步提升至99.53%。
        3.人才培训
        4.企业服务
        协调解决企业诉求36条。
        """, select=["KJ303"]) == [("KJ303", 10)]


def test_a_notice_written_with_pinyin_after_each_character_is_found_where_it_stands():
    # sites that annotate characters with pinyin hide every phrase from the patterns
    text = "依法依規(guī)對特殊行業(yè)實行全覆蓋監(jiān)管；要點……\n繼續(xù)閱讀(剩余:30.81%)\n"
    found = lint_text(text, select=["KJ301"])
    assert [text[f.offset:f.end_offset] for f in found] == ["繼續(xù)閱讀(剩余"]
    assert found[0].fix is None  # a replacement written for the plain text would not fit here


def test_the_ending_is_judged_without_furniture_run_onto_the_last_line():
    body = "一、主要工作\n全年组织企业申报项目12项，争取资金1200万元，超额完成年度目标任务。"
    assert codes(f"{body} 精品办公范文集锦\n") == []  # a site slogan after the last sentence
    assert codes(f"{body}（未完，全文共2890字）\n") == [("KJ301", 2)]


def test_a_preview_that_stops_before_its_last_page_is_cut():
    body = "一、主要工作\n全年组织企业申报项目12项，争取资金1200万元，超额完成年度目标任务。"
    found = lint_text(f"{body} 第1页共3页\n", select=["KJ302"])
    assert [f.message for f in found] == ["The document stops at page 1 of 3 (`第1页共3页`): the rest is missing"]
    assert lint_text(f"{body} 第3页共3页\n", select=["KJ302"]) == []


def test_a_preview_cut_before_the_full_text_is_reported_at_its_cut():
    preview = "一、背景分析。随着现代化进程的推进，乡村文明建设成为一个亟待解决的问题。因此，制定2024年村委文明创建"
    full = "一、背景分析。 随着现代化进程的推进，乡村文明建设成为一个亟待 解决的问题。因此，制定2024年村委文明创建工作方案如下。"
    text = f"2024年村委文明创建工作方案\n{preview}\n{full}\n"
    found = lint_text(text, select=["KJ304"])
    assert [(f.line, text[f.offset:f.end_offset]) for f in found] == [(2, "4年村委文明创建")]
    # a title or a heading repeated above its text is not a preview; nor is a finished sentence
    assert lint_text("2024年村委文明创建工作方案\n2024年村委文明创建工作方案 一、背景分析。随着现代化进程的推进。\n",
                     select=["KJ304"]) == []
    assert lint_text(f"2024年村委文明创建工作方案\n{preview}工作方案如下。\n{full}\n", select=["KJ304"]) == []


@pytest.mark.parametrize("label, inline", [("本文简介：", False), ("文档简介", False), ("摘要：", True)])
def test_a_site_abstract_under_its_label_is_furniture_not_a_cut_preview(label, inline):
    """The same cut preview is KJ304's alone, KJ601's ground under the site's abstract label."""
    preview = "一、工作回顾。今年以来，全镇围绕生态宜居目标推进农村人居环境整治，完成改厕420户，新建污水管网"
    full = "一、工作回顾。今年以来，全镇围绕生态宜居目标推进农村人居环境整治，完成改厕420户，新建污水管网12公里。"
    title = "2025年某镇人居环境整治工作总结"
    assert len(lint_text(f"{title}\n{preview}\n{full}\n", select=["KJ304"])) == 1
    above = f"{title}\n{label}{preview}" if inline else f"{title} {label}\n{preview}"
    assert lint_text(f"{above}\n{full}\n", select=["KJ304"]) == []


def test_the_price_of_a_download_is_not_a_truncation_notice():
    assert lint_text("资源格式：PDF\n下载本资源需要12金币\n", select=["KJ301"]) == []
    text = "全年完成改厕420户。\n【扣点券查看全文】\n"
    assert [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ301"])] == ["扣点券"]  # reading gated: a cut


def test_dots_with_running_prose_below_them_are_no_cut():
    """ASCII dots end a cut excerpt only where the page stops (or a notice follows): with a
    sentence of prose below them they end a loading label, a teaser or a summary."""
    prose = "全年组织企业申报项目12项,完成科技成果转化8项,培育高新技术企业6家。\n"
    cut = "全年组织企业申报项目12项,完成科技成果转化8项,培育高新技...\n"
    assert codes(cut, select=["KJ301"]) == [("KJ301", 1)]
    assert codes(cut + "预览结束,免费获取全文!\n", select=["KJ301"]) == [("KJ301", 1), ("KJ301", 2)]
    assert codes("视频加载中...\n" + prose, select=["KJ301"]) == []
    assert codes(prose + "相关推荐\n" + cut + "本站简介,讲述家乡的故事。看家乡事,品故乡情,家的声音天涯咫尺。\n",
                 select=["KJ301"]) == []


def test_a_line_saying_the_rest_is_hidden_or_only_part_is_shown_is_a_notice():
    """What the line says about the page (the rest hidden, part of it shown, a cut mark), not a
    site's wording: the notice is one finding, and the text above it ends where it was cut."""
    text = "讲话稿\n一、认清形势\n从国家层面来看，生态\n本文档其余内容已隐藏，如需全文请联系客服获取\n范文大全\n"
    found = lint_text(text, select=["KJ3"])
    assert [(f.code, f.line) for f in found] == [("KJ302", 3), ("KJ301", 4)]
    assert text[found[1].offset:found[1].end_offset] == "本文档其余内容已隐藏，如需全文请联系客服获取"
    assert codes("资料详情\n本资料部分预览\n关于教育工作的自评报告\n一、基本情况\n全区共有学校12所。\n✂\n",
                 select=["KJ301"]) == [("KJ301", 2), ("KJ301", 6)]


@pytest.mark.parametrize("text", [
    "对涉密内容隐藏处理后公开，共公开文件120件。\n",
    "温馨提示：\n2、“仅部分预览”的文档，不可在线预览部分如存在完整性等问题，可反馈申请退款。\n",
    "大部分预览功能已上线运行，群众满意度明显提高。\n",
])
def test_hidden_and_partial_in_a_sentence_are_no_notice(text):
    assert lint_text(text, select=["KJ301"]) == []


def test_a_heading_written_as_a_sentence_between_siblings_with_a_body_is_empty():
    """Sections headed by one short sentence each (一、领导重视食品安全工作。 / its paragraph): one
    followed straight by the next lost its body. Not a list of such sentences, not items under
    a lead-in ending in a colon whose notes come and go, not a provision worded as a clause."""
    body = "开学初,学校专门召开会议,研究部署食堂食品安全工作,落实责任分工。\n"
    text = ("自查报告\n现将自查情况报告如下。\n一、领导重视食品安全工作。\n" + body
            + "二、确保从业人员持证上岗。\n三、健全管理制度,做到责任到人。\n" + body)
    assert codes(text, select=["KJ303"]) == [("KJ303", 5)]
    assert codes(text.replace("二、确保从业人员持证上岗。", "二、确保从业人员持证上岗,定期体检。"), select=["KJ303"]) == []
    assert codes(text.replace("报告如下。", "报告如下:"), select=["KJ303"]) == []
    listed = "自查报告\n一、领导重视食品安全工作。\n二、确保从业人员持证上岗。\n三、健全管理制度。\n"
    assert codes(listed, select=["KJ303"]) == []


def test_a_section_name_alone_between_sections_that_open_with_their_names_is_empty():
    """卫生保健。在继续抓好… / 工会工作 / 司法信访。认真接待…: the sections' names open their
    paragraphs, so a name standing alone between two of them lost its text."""
    text = ("镇年度工作总结\n卫生保健。在继续抓好儿童计划免疫和传染病防治工作的同时,全面完成了各项任务。\n工会工作\n"
            "司法信访。认真接待,及时处理群众来信来访事件,全年无重大民间纠纷转化为刑事案件。\n")
    assert codes(text, select=["KJ303"]) == [("KJ303", 3)]
    assert codes(text.replace("工会工作\n", "工会工作。组织职工参加技能竞赛和文体活动,维护职工合法权益。\n"), select=["KJ303"]) == []
    assert codes(text.replace("司法信访。", "我们认真接待,"), select=["KJ303"]) == []


def test_an_ending_in_an_ellipsis_or_an_unclosed_quotation_is_cut():
    """A preview stops in an ellipsis; a cut the site closed with a full stop leaves a quotation or
    a 《title》 open. Notices and furniture after the text are not its end."""
    body = "全年组织企业申报项目12项,完成科技成果转化8项,培育高新技术企业6家。\n"
    assert codes("工作总结\n" + body + "依法依规对特殊行业实行全覆盖的重点监管;要点 ……\n继续阅读(剩余:30.81%)\n请登录后识别阅读权限!\n",
                 select=["KJ302"]) == [("KJ302", 3)]
    assert codes("工作总结\n" + body + "研究制定了《蒙自市老龄事业发展“十。\n", select=["KJ302"]) == [("KJ302", 3)]
    assert codes("工作总结\n" + body + "研究制定了《蒙自市老龄事业发展“十四五”规划》。\n", select=["KJ302"]) == []
    assert codes("工作总结\n" + body + "他说:“我们要继续努力。”\n", select=["KJ302"]) == []


def test_a_heading_right_above_a_truncation_notice_lost_its_body():
    """Written with a full stop or not, a heading the notice follows had its text cut; a notice
    with the text going on below it (a hidden passage) leaves the heading its body."""
    head = "2023年民政工作总结\n(一)低保工作有新进展。\n全年发放低保金1200万元,惠及群众3000人。\n"
    assert codes(head + "(二)社会救助水平有新提高。\n(未完,全文共1367字,当前显示281字)\n(请认真阅读下面的提示信息)\n",
                 select=["KJ303"]) == [("KJ303", 4)]
    assert codes(head + "(二)社会救助水平有新提高。\n此处内容需要权限查看\n全年救助困难群众1200人次,临时救助资金全部按时发放到位。\n",
                 select=["KJ303"]) == []


# KJ305 cut-inside: text lost inside the document. The contexts come from rules/kj3-cut-words.tsv
# (counts over real official prose, scripts/gen_cut_words.py).

def cut_spans(text: str) -> list[str]:
    text = textwrap.dedent(text)
    return [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ305"])]


@pytest.mark.parametrize("text, cut", [
    ("一、主要工作\n全年新建项目12个，推动民生实事发展工。\n二、下一步计划\n继续抓好项目建设。\n", "发展工"),
    ("会议明确了全县城区环境整治的指导思、基本原则和完成时限。\n会议要求各单位抓好落实。\n", "指导思"),
    # a pinyin annotation between the characters: the span is in the text as written
    ("會議明確了整治工作的指導(dǎo)思、基本原則。\n會議要求各單位抓好落實。\n", "指導(dǎo)思"),
    # a line (a title) that stops mid-word, the text going on with something else
    ("2023年民生实事发展工\n全年新建项目12个，各项工作进展顺利。\n", "发展工"),
])
def test_a_word_cut_mid_way_inside_the_text(text, cut):
    assert cut_spans(text) == [cut]


@pytest.mark.parametrize("text", [
    "全年新建项目12个，推动民生实事发展工作。\n继续抓好项目建设。\n",
    # a wrapped line goes on with what follows the context, a page marker between or not
    "全年新建项目12个，推动民生实事发展工\n作取得新成效。\n继续抓好项目建设。\n",
    "全年新建项目12个，推动民生实事发展工\n2、作取得新成效。\n继续抓好项目建设。\n",
    # the document's last line is KJ302's (truncated ending)
    "继续抓好项目建设。\n全年新建项目12个，推动民生实事发展工",
    # a Chinese numeral may stop anywhere: 百分之九十
    "全县贫困人口减少百分之九十，群众满意度明显提升。\n继续抓好项目建设。\n",
    # a one-character adjective after a degree adverb is a whole predicate: 还不够严，
    "少数干部作风还不够严，纪律意识有待加强。\n继续抓好项目建设。\n",
])
def test_whole_words_and_wrapped_lines_are_not_cuts(text):
    assert cut_spans(text) == []


def test_a_numbered_heading_of_one_character_lost_its_words():
    text = "一、工业\n全年工业增加值增长8%。\n二、农\n全年粮食产量稳定。\n（三）服务业\n全年服务业稳步发展。\n"
    assert cut_spans(text) == ["二、农"]


def test_a_sentence_broken_off_by_a_truncation_notice_line_is_cut():
    text = ("一、主要工作\n全面推进乡村振兴战略，持续开展农村人居环境\n"
            "……（某某网省略800字，会员可阅读全文）……\n整治工作取得明显成效，群众满意度提升。\n")
    findings = lint_text(text, select=["KJ305"])
    assert [text[f.offset:f.end_offset] for f in findings] == ["开展农村人居环境"[-8:]]
    assert "truncation notice" in findings[0].message
    # a heading above the notice is KJ303's (its body was cut), a finished sentence is whole
    for above in ("二、经常开展国防教育，提高做好双拥工作的主动性", "全面推进乡村振兴战略，持续开展农村人居环境整治。"):
        text = f"一、主要工作\n{above}\n……（某某网省略800字，会员可阅读全文）……\n整治工作取得明显成效。\n"
        assert lint_text(text, select=["KJ305"]) == []


def test_the_cut_word_table_is_what_the_generator_writes():
    """Every context is three Han characters with the characters seen after it (contexts ending in
    a numeral are left out: a number stops anywhere), or one lone character that jieba's word
    frequencies say is almost never a word alone."""
    from kjlint.checks.truncation import cut_table
    from kjlint.words import jieba_dictionary

    table = cut_table()
    assert len(table) > 1000
    lone = {ctx for ctx in table if len(ctx) == 1}
    assert 20 < len(lone) < 500
    for ctx, (followers, _) in table.items():
        assert len(ctx) in (1, 3) and all("\u4e00" <= c <= "\u9fff" for c in ctx + followers), ctx
        assert not set(ctx[1:]) & set("〇零一二三四五六七八九十百千万亿两"), ctx
    alone: dict[str, int] = {}
    begins: dict[str, int] = {}
    for row in jieba_dictionary().read_text(encoding="utf-8").splitlines():
        word, freq = row.split(" ")[:2]
        if word[0] in lone:
            if len(word) == 1:
                alone[word] = int(freq)
            elif len(word) <= 4:
                begins[word[0]] = begins.get(word[0], 0) + int(freq)
    for c in lone:
        assert alone.get(c, 0) < 0.1 * begins[c], c


@pytest.mark.parametrize("text, cut", [
    # a word, then a character that begins words (思想, 措施, 检查) but is none alone: its word lost
    ("一、工作思路\n进一步厘清发展思，明确工作重点。\n二、主要措施\n加快完善配套措，推动政策落地。\n", ["发展思", "配套措"]),
    ("强化项目检；严格验收和审计。\n会议要求各单位抓好落实。\n", ["项目检"]),
])
def test_a_character_standing_alone_after_a_word_is_a_cut(text, cut):
    assert cut_spans(text) == cut


@pytest.mark.parametrize("text", [
    "全体干部深刻反思，认真整改。\n会议要求各单位抓好落实。\n",  # 反思 is a word ending with it
    "会议由李思、王强主持。\n会议要求各单位抓好落实。\n",  # no word before it: a name
    "推动发展思路转变，明确工作重点。\n会议要求各单位抓好落实。\n",  # its word goes on
    "强化项目检、验收和审计。\n会议要求各单位抓好落实。\n",  # before 、 a list may name things by one character
])
def test_a_character_in_a_word_or_a_name_is_not_a_cut(text):
    assert cut_spans(text) == []


def test_a_one_character_heading_that_ends_the_document_is_not_judged_as_inside():
    assert cut_spans("一、工业\n全年工业增加值增长8%。\n二、农\n") == []


def test_a_line_wrapped_around_a_zero_width_line_is_not_cut():
    assert cut_spans("全年新建项目12个，推动民生实事发展工\n\u200b\n作取得新成效。\n继续抓好项目建设。\n") == []


def test_the_whole_text_scan_finds_every_line_that_can_hold_a_cut_word():
    """cut_possible, which spares KJ305 its line-by-line scan, says yes wherever some line has a
    context of the table before a mark or at its end, or a lone character after a word (random
    lines of table contexts, words before lone characters, their neighbours and marks), and no
    for a text whose contexts are not in the table."""
    import random

    from kjlint.checks.truncation import _CUT_CANDIDATE, CUT_MARKS, cut_possible, cut_table, lone_characters

    table = cut_table()
    contexts = sorted(table) + [word + c for c in table if len(c) == 1 for word in ("发展", "工作", "项目")]
    rng = random.Random(14)
    han = [chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(200)] + [c for k in contexts[:300] for c in k]
    seen = {True: 0, False: 0}
    for _ in range(3000):
        lines = []
        for _ in range(rng.randrange(1, 4)):
            parts = [rng.choice(contexts) if rng.random() < 0.02 else "".join(rng.choices(han, k=rng.randrange(1, 4)))
                     for _ in range(rng.randrange(1, 8))]
            lines.append("".join(p + (rng.choice(CUT_MARKS) if rng.random() < 0.5 else "") for p in parts)
                         + rng.choice(["", " ", "\u3000"]))
        expected = any(not table.keys().isdisjoint(_CUT_CANDIDATE.findall(line)) or lone_characters(line, table)
                       for line in lines)
        if expected:
            assert cut_possible(lines, table), lines
        seen[expected] += 1
    assert seen[True] > 100 and seen[False] > 100
    assert not cut_possible(["全年工业增加值增长8%。", "继续抓好项目建设。"], {"加值增": ("长", False)})


@pytest.mark.parametrize("text, notice", [
    ("某区教育工作汇报\n资料部分内容试读\n全区一直把教育放在优先发展的位置。\n", "资料部分内容试读"),
    ("某区教育工作汇报\n全区一直把教育放在优先发展的位置。\n还有 3 页未读 ,您可以 继续阅读\n", "还有 3 页未读"),
    ("某区教育工作汇报\n全区一直把教育放在优先发展的战略位置,为\n✂\n", "✂"),
])
def test_preview_notices_said_otherwise(text, notice):
    found = [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ301"]
    assert found == [notice]


def test_a_viewer_saying_no_page_is_left_unread_cuts_nothing():
    text = "某区教育工作汇报\n全区一直把教育放在优先发展的位置。\n还有 0 页未读 ,您可以 继续阅读\n"
    assert [f for f in lint_text(text) if f.code == "KJ301"] == []


def test_an_ellipsis_on_the_last_word_above_a_truncation_notice_is_the_previews_cut():
    text = "某镇人居环境整治情况\n全镇已建成无害化厕所约占总户数11.2%，两个村的“厕所革命”正……\n试读结束,开通会员文档无限下载使用\n"
    assert sorted(f.code for f in lint_text(text) if f.code.startswith("KJ3")) == ["KJ301", "KJ302"]
    # the writer's own 等等…… at the end, no notice below it
    assert [f.code for f in lint_text("某镇工作总结\n全镇开展了环境整治、道路硬化、绿化美化等等……\n")
            if f.code.startswith("KJ3")] == []


def test_a_hidden_content_notice_leaves_the_cut_sentence_above_it_the_last():
    text = ("在全县大气污染治理动员会上的讲话\n同志们：\n今天召开动员会，安排部署重点任务。\n一、认清形势\n从国家层面来看,生态\n"
            "该文档完整内容已自动隐藏,想阅读全文,请加微信9.9元领取\n")
    found = [(f.code, f.line) for f in lint_text(text) if f.code.startswith("KJ3")]
    assert ("KJ302", 5) in found and any(code == "KJ301" and line == 6 for code, line in found)


def test_a_line_ending_in_a_count_after_a_closing_title_mark_was_cut():
    text = ("某协会关于印发《经济责任审计》、《审计档案工作》两\n\n发布日期:2016-03-07\n"
            "各会员单位：现将两项准则印发给你们，请遵照执行。\n")
    found = [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ305"]
    assert found == ["》两"]
    whole = ("关于印发《经济责任审计》等两项准则的通知\n会议审议了“十四五”规划。他说的是“第一”\n\n"
             "人民法院应当出具《诉讼材料收取清单》一\n式两份，一份入卷。\n\n各单位遵照执行。\n")  # a wrapped line
    assert [f for f in lint_text(whole) if f.code == "KJ305"] == []


def test_a_pages_loading_indicator_is_no_excerpt_cut():
    text = "视频加载中...\n记者从全市应急管理工作会议上获悉，今年以来全市安全生产形势平稳。\n"
    assert [f for f in lint_text(text) if f.code == "KJ301"] == []
    assert [f.code for f in lint_text("相关新闻\n全市召开安全生产工作会议，部署...\n正文到此结束。\n") if f.code == "KJ301"] == ["KJ301"]


OUTLINE_ON_TOP = """某区某局2019年部门决算公开
{title}一、部门基本情况
（一）机构设置
（二）人员情况
二、收入支出决算情况说明
三、“三公”经费支出情况
四、政府采购说明
五、名词解释
一、部门基本情况
（一）机构设置
局机关内设股室5个，下属事业单位2个。
（二）人员情况
年末实有人员42人，其中行政编制20人。
二、收入支出决算情况说明
本年收入合计1200万元，支出合计1180万元。
三、“三公”经费支出情况
“三公”经费支出12万元，比上年下降8%。
四、政府采购说明
全年政府采购支出85万元。
五、名词解释
财政拨款收入：指本级财政当年拨付的资金。
"""


@pytest.mark.parametrize("title", ["", "决算公开目录\n"])
def test_a_contents_list_typed_above_the_body_has_no_empty_headings(title):
    """A 决算公开's outline at the top, with or without a title ending in 目录, whose entries come
    back below as the body's headings: the entries head nothing by design (no KJ303, and the
    body's 一、 after the list's 五、 is no repeat)."""
    assert codes(OUTLINE_ON_TOP.format(title=title), select=("KJ3", "KJ5")) == []


def test_headings_written_once_without_bodies_are_still_empty():
    """The same outline with no body below it to come back to: its headings lost their text."""
    text = OUTLINE_ON_TOP.format(title="").split("一、部门基本情况\n（一）机构设置\n局机关")[0]
    text += "六、下一步工作\n继续加强预算管理，提高资金使用效益。\n"
    assert ("KJ303", 5) in codes(text)


def test_a_list_of_bare_numbers_numbered_again_below_is_no_contents_list():
    """A glossary numbered `1.` / term / meaning, and a list below that numbers from 1. again:
    the bare numbers repeat, but no titled entry comes back as a heading, so the text between
    is read and its numbering still judged (the repeated （2） is reported)."""
    glossary = "".join(f"{n}.\n{term}\n{meaning}\n" for n, term, meaning in [
        (1, "ICD", "接口控制文件"), (2, "XML", "可扩展标记语言"), (3, "I/O", "输入/输出"), (4, "B/S", "浏览器/服务器结构")])
    text = ("测试平台技术要求\n" + glossary + "一、功能要求\n平台主要功能包括：\n（1）具备测试资源管理功能；\n"
            "（2）具备测试数据采集功能；\n（2）具备用户权限管理功能。\n二、接口要求\n1.\n接口应符合相关标准。\n2.\n接口应留有余量。\n")
    assert any(code == "KJ503" for code, _ in codes(text, select=("KJ5",)))


def test_a_bracketed_number_with_a_blank_inside_keeps_its_place():
    """`( 二)` as a page types it is （二）: no gap reported before （三）."""
    text = ("某局2022年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况。全年主动公开信息120条。\n"
            "( 二)依申请公开情况。全年收到申请5件，均已办结。\n（三）政府信息管理。制定了管理办法。\n")
    assert codes(text, select=("KJ5",)) == []


NEWS = ("某县人大常委会调研养老服务工作\n"
        "3月16日，县人大常委会有关负责人带领调研组到某镇敬老院调研养老服务工作。"
        "调研组充分肯定了该镇在养老服务方面所做的工作，表示将整理形成代表建议。")


@pytest.mark.parametrize("tail", [
    "\nhttp://www.example.com/shijian/442130.html 点此复制本页地址\n",  # an address and its link text
    "\n\nsitemap.xml sitemap2.xml sitemap3.xml sitemap4.xml\n",  # a site's file list
    "\n(深圳)86-755-83510000 83510001 83510002\n",  # telephone numbers
    "(某县人大 李某) 信息来源:某市某县\n",  # a credit run onto the last sentence
])
def test_a_page_ending_in_a_line_that_is_no_sentence_is_whole(tail):
    assert [c for c, _ in codes(NEWS + tail)] == []


def test_a_cut_sentence_above_such_a_line_is_still_reported():
    text = NEWS[:-len("表示将整理形成代表建议。")] + "表示将整理形成代表建议并"
    assert codes(text + "\nhttp://www.example.com/shijian/442130.html 点此复制本页地址\n") == [("KJ302", 2)]


def test_a_clause_item_in_a_page_list_of_paragraphs_lost_its_full_stop_not_its_body():
    # a page's plan numbered by paragraphs, one item written as a clause without its full stop
    text = ("宣传部2024年工作计划\n"
            "一、宣传部的工作主要是向同学宣传学院的各项工作，我们将探索新的工作思路，把学院的活动办得有声有色。\n"
            "二、努力做好各部门活动的宣传工作,在宣传方式上创新\n"
            "三、宣传部在学生会各部门当中是相对繁忙的部门，我们将在指定时间内完成海报和展板的制作。\n")
    assert codes(text) == []
    # a short title-like item there still heads nothing when its siblings head paragraphs
    sections = ("一、工作回顾\n全年完成各项任务，成效明显，群众满意度持续提升。\n二、存在问题\n"
                "三、下步打算\n继续加强队伍建设，提升服务水平，推动各项工作再上新台阶。\n")
    assert codes(sections) == [("KJ303", 3)]


def test_a_count_cut_after_a_closing_quotation_mark_too():
    """The count-cut pre-scan runs one pattern per closing mark (》 and ”): both are found, as
    the whole pattern finds them."""
    from kjlint.checks.truncation import _COUNT_CUT, _COUNT_CUT_BY_MARK

    text = "关于开展“质量提升”两\n\n发布日期:2016-03-07\n各单位：请遵照执行。\n"
    assert [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == "KJ305"] == ["”两"]
    for sample in (text, text.replace("”", "》"), text.replace("两\n\n", "两\n")):
        assert any(p.search(sample) for p in _COUNT_CUT_BY_MARK) == (_COUNT_CUT.search(sample) is not None)


def test_a_list_sharing_its_head_before_a_caesura_mark_is_no_cut():
    """国有企、事业单位 is 国有企业、事业单位: the context before 、 goes on with the character after it (企事业),
    so the list shares its head; the same context before 、 and a word it never goes on with is a cut."""
    shared = "关于落实主体责任的实施方案\n全市各级党的机关、人民团体、国有企、事业单位党委要切实履行责任。\n"
    assert cut_spans(shared) == []
    cut = "关于落实主体责任的实施方案\n在整治中发现国有企、部分单位未落实责任。\n"
    assert cut_spans(cut) == ["国有企"]



CONTENTS_WITH_STOPS = (
    "某区某局2019年部门决算公开说明\n目 录\n第一部分 基本情况\n一、部门主要职能\n二、机构设置情况\n"
    "第二部分 决算情况说明\n一、收入支出决算总体情况。\n二、财政拨款支出决算情况。\n三、“三公”经费支出决算情况。\n"
    "四、政府性基金支出决算情况\n第三部分 其他重要事项说明\n一、关于机关运行经费支出说明\n二、关于政府采购支出说明\n"
    "三、关于国有资产占用情况说明\n四、政府购买服务情况\n第四部分 名词解释\n"
    "第一部分 基本情况\n一、部门主要职能\n负责全区财政收支管理工作。\n二、机构设置情况\n局机关内设股室5个。\n")


def test_a_contents_entry_that_keeps_its_headings_full_stop_is_still_an_entry():
    """Under 目 录, entries copied with the full stop of the heading they name (一、收入支出决算总体
    情况。): the list goes on past them, and the entries below them head nothing by design (fresh10)."""
    assert codes(CONTENTS_WITH_STOPS, select=("KJ3", "KJ5")) == []


def test_a_short_sentence_under_a_contents_list_still_ends_it():
    """Only a numbered line keeps its full stop as an entry: an unnumbered sentence is the body."""
    from kjlint.checks.layout import CONTENTS_ENTRY

    assert CONTENTS_ENTRY.match("一、收入支出决算总体情况。") and CONTENTS_ENTRY.match("（二）人员情况。")
    assert not CONTENTS_ENTRY.match("本年收入合计1200万元。") and not CONTENTS_ENTRY.match("一、收入增长。支出下降。")


def test_an_organs_name_ending_a_line_is_no_cut_word():
    """A ministry's name on a line of its own or as a field's value (a signature, 发布单位:…): 管理部,
    保障部 end it whole; in running prose the same three characters before a mark are a cut (fresh10)."""
    text = ("某部关于做好安全生产工作的通知\n发布单位:应急管理部\n各地要切实做好安全生产工作，压实各方责任。\n"
            "人力资源社会保障部\n2024年5月10日\n")
    assert [f for f in lint_text(text) if f.code == "KJ305"] == []
    cut = "某部关于做好安全生产工作的通知\n各地要会同有关管理部，切实做好安全生产工作。\n应急管理部\n"
    assert [cut[f.offset:f.end_offset] for f in lint_text(cut) if f.code == "KJ305"] == ["管理部"]


def test_a_body_numbering_its_headings_otherwise_than_its_contents_still_ends_the_list():
    """Entries 1.…。 in the list, the same headings as 1、… below, stopped otherwise: the first one
    ends the list and the body's numbering is read from it (no 1、 missing before 2、)."""
    text = ("课程设计报告\n目录\n1.系统设计目标、功能介绍。\n2.系统的详细设计思路。\n3.心得体会。\n"
            "1、系统设计目标，功能介绍\n本次课程设计选择的题目是一个简易的图书管理系统，实现图书信息的添加和查询\n"
            "2、系统的详细设计思路\n系统分为数据存储和功能实现两大步骤，先设计数据结构再编写代码。\n"
            "3、心得体会\n通过本次课程设计，我加深了对面向对象方法的理解。\n")
    assert codes(text, select=("KJ3", "KJ5")) == []


def test_a_teasers_link_to_the_rest_in_book_title_brackets_or_in_english_is_a_notice():
    """(session 22: fresh16 p051, p064)"""
    from kjlint.engine import lint_text

    text = "台東縣河道疏濬工程\n縣長強調工程攸關居民交通安全與河防穩定,施工品質與進度均須確保安全無虞。 《詳全文...》\n"
    assert [(f.code, f.line) for f in lint_text(text, select=["KJ301"])] == [("KJ301", 2)]
    text = "康文署場地開放\n康文署邀請有興趣的機構就其轄下指定場地提交意向書。 ... read full story\n"
    assert [(f.code, f.line) for f in lint_text(text, select=["KJ301"])] == [("KJ301", 2)]
    # a book's title in a sentence is the text's
    assert lint_text("学习心得\n我认真学习了《详情》一书。\n", select=["KJ301"]) == []
