"""Site furniture and injected spam of the kinds fresh11's pages had and kjlint missed (session 16,
branch fix11furn): spam brands glued into a sentence, a story's credit block on lines of its own,
a box of links' heading, and a year that lost its 年 before a government report. Invented text
reproducing the pages' layout; each case failed on main 78bb707."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text

BODY = ("会议强调，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，推动各项工作再上新台阶。\n"
        "全年地区生产总值增长百分之五点二，城乡居民收入稳步增长，就业形势总体稳定。\n")


def spans(text: str, select=("KJ601",)):
    return [text[f.offset:f.end_offset] for f in lint_text(text, select=list(select))]


@pytest.mark.parametrize("line, part", [
    # a brand of letters with the English betting word in it, a company or site word after it
    ("根据某某省人民政府办公厅xbet国际平台,xbet国际集团关于做好政务公开工作的通知要求。", "xbet国际平台"),
    ("会议要求，各单位88bet官方网站要落实责任。", "88bet官方网站"),
    # a number brand's sports site in the spam's words, before a news dateline
    ("188体育官方中文版5月6日讯 今天上午，某某县召开全县经济工作会议。", "188体育官方中文版"),
    # a brand of a name and a number glued to the sign-up it advertises, inside a word of the sentence
    ("至此，共青团星河520会员注册委员会年度述职评议会圆满结束。", "520会员注册"),
    ("關注華體會登錄界面", "華體會登錄界面"),
    # a casino's VIP club before a company's word
    ("3月2日，海天贵宾会党委召开年度党建工作述职评议考核会。", "贵宾会"),
])
def test_spam_brands_glued_into_sentences(line, part):
    text = BODY + line + "\n" + BODY
    assert any(part in s for s in spans(text)), spans(text)


@pytest.mark.parametrize("line", [
    "公司积极发展贵宾会员，提升服务质量。",          # 贵宾会员 is a word
    "全县新增2023会员注册人数较上年增长。",          # a year before 会员注册 is no brand
    "Alphabet集团发布年度报告。",                   # bet at the end of a longer word
    "系统登录界面由信息中心统一设计。",               # a login screen of the writer's system
    "2023体育官方赛事安排已经公布。",                # a year is no number brand
])
def test_words_of_the_sentence_are_no_spam(line):
    text = BODY + line + "\n" + BODY
    assert not [s for s in spans(text) if "贵宾会" in s or "注册" in s or "集团" in s
                or "登录" in s or "体育" in s], spans(text)


@pytest.mark.parametrize("line", [
    "新华社记者王某某、李某",         # a wire agency's reporters listed with 、
    "某某报记者王某、李某某",
    "责编 张某",                      # the credit block under a story, role and name, no colon
    "審核 李某某",
    "來源 某某州人民政府辦公室",
    "图/文:综合办公室 吴某某",        # slashed picture and text credit, an office and a name
    "圖/文：綜合辦公室 吳某某",
])
def test_credit_lines_alone_on_their_line(line):
    text = BODY + line + "\n" + BODY
    assert line in spans(text) or any(s.strip() == line for s in spans(text)), spans(text)


def test_editor_credit_glued_after_the_last_sentence():
    text = BODY + "全体镇村干部和重点企业负责人参会。 责任编辑:zhangmou\n"
    assert any("责任编辑:zhangmou" in s for s in spans(text)), spans(text)


@pytest.mark.parametrize("line", ["关联稿件", "相关阅读", "相关解读:", "分享:", "分享至："])
def test_a_box_of_links_heading_and_a_share_label_alone(line):
    text = BODY + line + "\n" + BODY
    assert any(s.strip() == line for s in spans(text)), spans(text)


def test_a_box_heading_glued_after_the_last_sentence():
    last = "各级各部门要千方百计扩大利用外资规模，突出抓好重点领域招商引资，强化外资项目的调度督导；" * 3
    text = BODY + last + "确保完成全年各项目标任务。 相关阅读\n"
    assert [s.strip() for s in spans(text)] == ["相关阅读"], spans(text)   # the heading alone, not the paragraph


@pytest.mark.parametrize("line", [
    "与会人员分享了各自的工作经验。",             # 分享 as the sentence's verb
    "相关阅读材料已印发各单位。",                 # 相关阅读 opening a sentence
    "编辑 出版工作由办公室负责",                  # role word before prose
])
def test_prose_with_the_same_words_is_not_furniture(line):
    text = BODY + line + "\n" + BODY
    assert not [s for s in spans(text) if s.strip() and s.strip() in line], spans(text)


@pytest.mark.parametrize("line, part", [
    ("本文将深入解读某某区2023政府报告，解码发展新篇章。", "2023"),
    ("下面是小编为大家整理的2023市城市管理局城市管理工作汇报，供大家参考。", "2023"),
])
def test_a_year_that_lost_its_nian_before_a_government_report(line, part):
    text = BODY + line + "\n" + BODY
    found = [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ412"])]
    assert part in found, found


@pytest.mark.parametrize("line, part", [
    ("欢迎加入某某法治网!", "欢迎加入某某法治网!"),      # a site's greeting, the site named
    ("08版", "08版"),                                   # a paper's edition alone on its line
    ("A07版", "A07版"),
    ("□据某某新闻报道", "□据某某新闻报道"),             # the source a paper credits above the story
    ("核心提示: 昨日下午，市妇联召开执委会议，研究部署年度任务。", "核心提示:"),   # a news page's lead label
    ("[导读] 摘要:疫情是近百年来影响范围最广的公共卫生事件。", "[导读]"),       # a journal site's lead tag
])
def test_news_page_labels_and_lines(line, part):
    text = BODY + line + "\n" + BODY
    assert any(part in s for s in spans(text)), spans(text)


@pytest.mark.parametrize("line", [
    "欢迎加入志愿者队伍，共建美好家园。",   # an invitation in a sentence
    "据统计，全年共完成项目12个。",          # 据 opening a sentence
    "核心提示词的设计由课题组完成。",        # 核心提示 inside a word
])
def test_sentences_with_these_words_are_the_texts(line):
    text = BODY + line + "\n" + BODY
    assert not [s for s in spans(text) if s.strip() and s.strip() in line], spans(text)


@pytest.mark.parametrize("line, part", [
    ("??? 三是扎实推进政府信息公开平台建设，确保全年安全平稳运行。", "???"),   # a blank after them
    ("请严格按文件要求整改?!苯?,某某纪委监委驻市公安局纪检监察组指出。", "?!苯?"),  # 。” misread
    ("兜牢基层“三?!钡拙€,某某局强化资金管理。", "?!钡"),   # 保” misread, no ? after it
    ("某某县人民政府督查室           2022年8月19", "2022年8月19"),           # 日 lost at a line's end
])
def test_characters_lost_in_a_conversion(line, part):
    text = BODY + line + "\n" + BODY
    found = [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ412"])]
    assert part in found, found


@pytest.mark.parametrize("line", [
    "真的要这样做吗?!大家议论纷纷。",         # an interrobang in a sentence, no ? after it
    "会议于2022年8月19日召开。",              # a whole date
    "2022年8月19日",                          # a date alone with its 日
    "? 如何进一步提高服务质量",               # one question mark before a question
])
def test_question_marks_and_dates_of_the_text(line):
    text = BODY + line + "\n" + BODY
    assert lint_text(text, select=["KJ412"]) == []


@pytest.mark.parametrize("title, part", [
    ("某某局2023年城市管理工作汇报(精选文档)", "(精选文档)"),
    ("某某局2021年工作总结范例范本", "范例范本"),
])
def test_sales_labels_on_a_title(title, part):
    text = title + "\n" + BODY
    found = [text[f.offset:f.end_offset] for f in lint_text(text, select=["KJ604"])]
    assert part in found, found


@pytest.mark.parametrize("line, part", [
    ("【某雲特派員王某某/某某縣報導】五合一選舉落幕，連任的縣長今天銷假上班。", "【某雲特派員王某某/某某縣報導】"),
    ("健康某某人讯(通讯员 王某某 李某某)3月31日，某某镇召开安全生产动员会。", "健康某某人讯(通讯员 王某某 李某某)"),
])
def test_bylines_of_special_correspondents_and_any_outlet(line, part):
    text = line + "\n" + BODY
    assert part in spans(text), spans(text)


def test_a_bare_tag_and_a_wire_dateline_stay_the_storys():
    for line in ("本报讯 4月28日，某某镇召开安全生产动员会。", "新华社北京3月8日电(记者王某)全国人大会议开幕。"):
        text = line + "\n" + BODY
        assert not [s for s in spans(text) if s and s in line], spans(text)
