"""What session 26's independent page sets (fresh26, fresh26b, gov26) showed at their first run:
false alarms and misses, each a mechanism. Invented text."""
from __future__ import annotations

from kjlint import lint_text


def codes(text: str, prefix: str = "KJ") -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text) if f.code.startswith(prefix)]


def lines_of(text: str, code: str) -> list[int]:
    """The lines `code` reports in `text`."""
    return [line for found, line in codes(text, code)]


def test_an_underscore_joining_the_words_of_injected_spam_is_no_blank():
    """fresh26b p032: gambling spam put in place of the city's name everywhere
    (澳门皇冠体育_中国竞彩网$【官网娱乐平台】市…), reported by KJ601 as its keyword 皇冠体育; the `_` glued to it
    is the spam name's separator, not a blank left to fill in (six KJ203)."""
    spam = "澳门皇冠体育_中国竞彩网$【官网娱乐平台】"
    page = (f"{spam}市2015年政府信息公开工作年度报告\n根据《条例》有关规定，按照{spam}市人民政府办公室要求，"
            f"现将{spam}市2015年政府信息公开工作年度报告公布如下。\n")
    found = codes(page)
    assert ("KJ601", 1) in found and not [c for c in found if c[0] == "KJ203"]
    assert ("KJ203", 1) in codes("项目负责人：_签名日期：2024年3月1日\n")


def test_a_title_under_the_panels_title_field_is_the_documents_own():
    """fresh26 p047 (and gov18 g01): • 标题:… as one row of a government page's panel (under • 发布机构:…):
    the title shown under the panel is the document's own, not a repeat (KJ607). A page that opens
    with 标题:… keeps KJ603 for the label and KJ607 for the title again."""
    title = "某镇人民政府2011年政府信息公开工作年度报告"
    body = "根据《中华人民共和国政府信息公开条例》要求，现将本镇2011年政府信息公开工作情况报告如下。\n一、基本情况\n本镇成立信息公开领导小组，明确专人负责日常工作。\n"
    panel = f"• 索 引 号:QZ05905-0200-2012-00001\n    • 发布机构:某镇人民政府\n    • 标题:{title}\n    • 发布日期:2012-01-19\n    {title}\n{body}"
    assert lines_of(panel, "KJ607") == []
    opening = f"标题:{title}\n{title}\n{body}"
    assert ("KJ607", 2) in codes(opening)


def test_a_journal_articles_code_labels_with_their_values_are_no_slots():
    """fresh26 p020: a journal article's header, [中图分类号]F810.7[文献标识码]A[文章编号]1672-2426(2010)03-0047-04:
    each label is followed by its value (KJ205). An empty [文章编号] is still a slot."""
    page = ("[关键词]欠发达地区;财政收支结构 [中图分类号]F810.7[文献标识码]A[文章编号]1672-2426(2010)03-0047-04 "
            "财政收支结构是衡量一个地区财政质量的重要标准。\n")
    assert lines_of(page, "KJ205") == []
    assert ("KJ205", 2) in codes("投稿须知\n[文章编号]：\n")


def test_a_figures_empty_brackets_in_a_template_are_slots():
    """fresh26 p044: a plan drafted from a template, its figures still empty brackets (办学机构()个,
    在校生()人, 入学率()): 25 values never filled in (KJ205). A call's brackets in code, a filled
    figure (比例为(51.97)) and a page's comment counter (参与评论()人, furniture) are none."""
    plan = ("某镇教育事业发展规划纲要\n某镇共有各级各类办学机构()个，在校生()人；幼儿园()所，在园幼儿()人。\n"
            "目前残疾儿童入学率()，升入普通高中比例为(51.97)，专任教师()人，研究生学历占()。\n")
    slots = [c for c in codes(plan) if c[0] == "KJ205"]
    assert len(slots) == 7
    quiet = ("某市政府工作报告\n2017-03-19 19:57:21  中国政府网    参与评论()人\n"
             "程序启动时先调用init()函数完成初始化，再进入主循环。\n")
    assert lines_of(quiet, "KJ205") == []


def test_a_credit_in_brackets_under_the_last_sentence_is_the_storys_signature():
    """gov26 g017: (某某融媒记者 王某 李某 报道) on the line under the story's last sentence: the
    story's own signature (docs/labeling.md), not the paper's credit heading a story (KJ601)."""
    story = ("12月7日，县委退役军人事务工作领导小组召开会议，听取年度工作情况汇报。\n"
             "会议强调，要加强组织领导和协调配合，把党和政府的温暖送到每一位退役军人心坎上。\n"
             "(某某融媒记者 王某 李某 报道)\n")
    assert lines_of(story, "KJ601") == []
    heading = "〔記者王某/台北報導〕立法院昨日三讀通過預算案，各部會將依法執行。\n"
    assert ("KJ601", 1) in codes(heading)


def test_a_panels_rows_are_no_repeated_titles():
    """gsweep26 g087 and g062: a government page's panel given twice, its rows in square brackets
    ([ 主题分类 ] 公安、安全、司法、法制), and its 名  称: row naming the document: the panel's rows (KJ609),
    not repeats of the title (KJ607)."""
    page = ("您当前所在位置:首页>政务公开>法治政府建设报告\n\n"
            "[ 索引号 ] 11500230008689762A/2026-00004 [ 发文字号 ]\n[ 主题分类 ] 公安、安全、司法、法制 [ 体裁分类 ] 工作报告\n"
            "[ 发布机构 ] 某某乡人民政府 [ 有效性 ]\n[ 索引号 ] 11500230008689762A/2026-00004\n"
            "[ 主题分类 ] 公安、安全、司法、法制\n[ 体裁分类 ] 工作报告\n[ 发布机构 ] 某某乡人民政府\n"
            "某某乡2025年法治政府建设年度报告\n2025年，我乡坚持以习近平法治思想为指导，扎实推进法治政府建设。\n")
    assert lines_of(page, "KJ607") == []


def test_a_title_broken_over_lines_under_the_panels_title_row_is_the_documents_own():
    """gsweep26 g031 (and web15 w02): 标题: 关于…报告 as a row of the panel (under 有效性: 发布日期: …),
    the title broken over two lines under it: the document's own title, not a repeat (KJ607)."""
    page = ("您现在的位置:首页 / 政务公开 / 预算\n信息索引号 115003820093257252/2022-00479 主题分类: 财政\n"
            "有效性: 发布日期: 2022-01-27\n标题: 关于某区2021年预算执行情况和2022年预算草案的报告\n\n"
            "关于某区2021年预算执行情况\n和2022年预算草案的报告\n\n"
            "受区人民政府委托，现将某区2021年预算执行情况和2022年预算草案提请会议审议。\n")
    assert lines_of(page, "KJ607") == []


def test_a_table_the_page_cut_after_three_cells_is_the_documents():
    """gsweep26 g057: a disclosure report's table, a cell a line, the page cut after three of its
    header's cells (第二十条第(一)项 | / 信息内容 | / 本年新 制作数量 | / 本年新 公…): the table's rules,
    not the page's frame (KJ601). Long lines ending with ` |` stay a frame."""
    page = ("二、主动公开政府信息情况\n第二十条第(一)项 |\n信息内容 |\n本年新 制作数量 |\n本年新 公")
    assert lines_of("某镇2019年政府信息公开工作年度报告\n" + page, "KJ601") == []
    framed = ("某镇村官首次述职 |\n" + "某某网讯 三乡镇18位村官先后上台述职，村民代表现场打分，述职结果与年终考核挂钩。" * 3
              + " |\n观生 立秋 |\n")
    assert len([c for c in codes(framed) if c[0] == "KJ601"]) >= 2


def test_a_line_of_page_chrome_is_reported_once():
    """gsweep26 g019 (and 60-odd lines of earlier sets): a line two of KJ609's readings took, its
    widget above the title (详细信息), was reported twice, the same finding."""
    page = ("归档时间:2023-06-15\n当前位置: 首页 > 公开领域 > 城乡规划\n\n某县住房和城乡建设局2018年度整体支出 绩效评价报告\n\n"
            "详细信息\n\n公开具体内容\n\n某县住房和城乡建设局2018年度整体支出\n绩效评价报告\n\n"
            "根据县财政局的统一部署，我局对2018年度整体支出开展了绩效自评，现将有关情况报告如下。\n")
    found = [(f.code, f.line, f.column) for f in lint_text(page) if f.code == "KJ609"]
    assert found and len(found) == len(set(found))


def test_questions_asked_with_he_are_no_lost_characters():
    """gsweep26 g075: 《报告》是如何起草的?经历了哪些过程?有何特点? — three questions, 有何 asking the third;
    furn17 s12: 奈何?奈何? A ? between words that ask nothing stays lost characters (KJ412)."""
    text = "市长代表市人民政府作《政府工作报告》。《报告》是如何起草的?经历了哪些过程?有何特点?记者了解了相关情况。\n"
    assert lines_of(text, "KJ412") == []
    assert [c[0] for c in codes("全市?国民经济?运行平稳，全年增长5.2%。\n") if c[0] == "KJ412"] == ["KJ412"]


def test_a_reports_unnumbered_first_part_under_the_metadata_is_its_own():
    """gsweep26 g050: 2017工作回顾 between the page's metadata and the body's first sentence: the
    report's first part, unnumbered, not a widget (KJ609). A widget's label there stays reported."""
    head = ("当前位置:首页>>本院概况>>工作报告\n2017年某市人民检察院工作报告\n时间:2018-07-12  作者:  新闻来源:  【字号: | |\n\n")
    body = "2017年，全市检察机关深入贯彻落实党的十九大精神，忠实履行法律监督职责，各项工作取得新进展。\n"
    assert lines_of(head + "2017工作回顾\n\n" + body, "KJ609") == []
    assert ("KJ609", 5) in codes(head + "公众号二维码\n\n" + body)


def test_a_bulletins_head_is_the_documents():
    """gsweep26 g043 (and fresh11 p106, the same page): 寿县政务督查 / 20期 / 寿县人民政府督查室 2022年8月19日:
    the head of the bulletin the notice was issued in, its name, issue, office and date (KJ609)."""
    page = ("关于印发2022年《政府工作报告》主要任务上半年落实情况的通报\n\n发布时间:2022-08-23 14:52信息来源:某县人民政府\n\n"
            "某县政务督查\n\n20期\n\n某县人民政府督查室           2022年8月19日\n\n"
            "关于印发2022年《政府工作报告》主要任务上半年落实情况的通报\n\n"
            "各乡镇人民政府，县政府各部门：现将2022年《政府工作报告》主要任务上半年落实情况通报如下。\n")
    assert lines_of(page, "KJ609") == []


def test_a_line_broken_after_an_opening_mark_is_a_hard_line_end():
    """fresh26 p017 (and ../shared/corpus's Wikisource pages): 根据《 / 中华人民共和国政府信息公开条例》…:
    the scrape set a link's text on a line of its own; no sentence ends on 《 (KJ413). A title's 《…》
    whole on its line after a finished sentence is no break."""
    page = ("某市人民政府办公室关于公布2009年度政府信息公开工作年度报告的通知\n"
            "各县（区）人民政府，市直各单位：\n按照《\n中华人民共和国政府信息公开条例》要求，现将年度报告予以公布。\n")
    assert ("KJ413", 3) in codes(page)
    quiet = "某市2009年度政府信息公开工作年度报告\n现将有关情况报告如下。\n《某市政府信息公开目录》\n"
    assert lines_of(quiet, "KJ413") == []


def test_a_pages_greeting_loading_notices_pager_and_partial_text_notice():
    """fresh26's misses (p040, p029, p018): 欢迎您访问…网站!, a survey widget's 加载中,请稍候 and 请刷新本页面
    (KJ601), a pager 第 [1] [2] [3] 页 共[4]页 (KJ601) and 上面法规内容为部分内容,如果要查看全文请点击此处 (KJ301)."""
    body = "根据《中华人民共和国政府信息公开条例》要求，现将本会2019年工作情况报告如下。\n"
    greeting = "欢迎您访问某市妇女联合会网站!\n某市妇联2019年工作总结\n" + body
    assert 1 in lines_of(greeting, "KJ601")
    widget = "某市2019年工作总结\n" + body + "调查问题加载中,请稍候。\n若长时间无响应,请刷新本页面\n"
    assert lines_of(widget, "KJ601") == [3, 4]
    law = ("某市物业管理条例\n" + body + "第 [1] [2] [3] 页 共[4]页\n"
           "上面法规内容为部分内容,如果要查看全文请点击此处:查看全文\n")
    assert 3 in lines_of(law, "KJ601") and 4 in lines_of(law, "KJ301")


def test_a_read_more_button_alone_on_its_line_is_furniture():
    """gov26 g010: 閱讀更多 alone on a line under a story: the page's button (KJ601), in either script."""
    for page in ("某县政府工作报告\n今年以来，全县经济运行平稳，主要指标好于预期。\n阅读更多\n",
                 "某縣政府工作報告\n今年以來，全縣經濟運行平穩，主要指標好於預期。\n閱讀更多\n"):
        assert lines_of(page, "KJ601") == [3]
    assert lines_of("某县政府工作报告\n想阅读更多的材料，请到档案馆查阅。\n", "KJ601") == []
