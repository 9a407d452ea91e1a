"""Values, marks and characters a scrape or a conversion lost, told by grammar and by the document's
own evidence (session 18, issue #11):

- KJ207: a count deleted before 余人 (一线职工代表余人参加, fresh12 p133), between the goods handed out
  and their counter (防寒物品份), a year deleted before the festival a campaign is named after
  (总工会年元旦春节, ，年“两节”), a day deleted after its month (自2018年1月日起, fresh12 p065);
- KJ412: a date that lost its 日 before the word going on (项目于9月28才签订合同, fresh12 p090); the
  signing date that lost 年, 月 and 日 under an organ whose line ends in blanks, blank lines between
  (兴城市人民政府办公室 / · / ····20171116, fresh12 p045, p047), read against the calendar; GBK text read a
  byte off into the code table's Cyrillic and box-drawing rows (;鹬С15158, 。ǘ┗, fresh12 p096);
  question marks for the blanks after a figure (10:01:01??來源, conv18 c06) and a line of nothing
  but question marks (fresh12 p004);
- KJ703: a symbol between the two characters of a word the document writes whole elsewhere, or on
  a page that sprinkles symbols of three kinds (报■告, 相々关, 蓝〇天, fresh12 p108);
- KJ701: characters of the other script inside GBK garbage between two marks of lost characters
  (莊重?zé)崃业乃拖矆?bào)) are KJ4's, not mixed script (fresh12 p096, conv18 c04).

Invented text modelled on those pages."""
from __future__ import annotations

from kjlint.engine import lint_text


def found(text: str, code: str) -> list[str]:
    return [text[f.offset:f.end_offset] for f in lint_text(text) if f.code == code]


def test_a_count_deleted_before_yu_and_between_goods_and_their_counter():
    text = "慰问活动总结\n\n全县一线职工代表余人参加仪式，向户外职工送去防寒物品份。\n"
    assert found(text, "KJ207") == ["余人", "份"]


def test_yu_and_counters_that_belong_to_words_are_no_gap():
    text = ("慰问活动总结\n\n其余人员参加培训，多余人参加，共120余人参加。发放宣传资料册，赠送礼品盒，"
            "送去防寒物品300份。\n")
    assert found(text, "KJ207") == []


def test_a_year_deleted_before_a_festival_and_a_day_after_its_month():
    text = ("某县总工会送温暖活动总结\n\n县总工会年元旦春节“送温暖”活动启动。据介绍，年“两节”期间共筹集资金。"
            "统计期限自2018年1月日起至2018年12月31日止。\n")
    assert found(text, "KJ207") == ["年", "年", "日"]


def test_festivals_and_days_that_keep_their_numbers():
    text = ("某县总工会送温暖活动总结\n\n每年春节前，今年元旦，县总工会2023年元旦春节活动启动。"
            "3月日均客流增长，5月日本代表团来访，自2018年1月1日起施行。\n")
    assert found(text, "KJ207") == []


def test_a_date_that_lost_its_day_before_the_word_going_on():
    text = "项目推进情况\n\n项目于9月28才签订合同，条例自7月1起施行。\n"
    assert found(text, "KJ412") == ["9月28", "7月1"]


def test_spans_lists_and_counts_after_a_month_and_day_are_no_loss():
    text = ("项目推进情况\n\n9月28至30日举办，9月28、29日检查，3月15天内完成，1月12号开工，"
            "9月28日签订合同。\n")
    assert found(text, "KJ412") == []


def test_a_signing_date_under_an_organ_with_blanks_and_blank_lines_between():
    text = ("关于印发某项方案的通知\n\n各乡镇人民政府：\n\n现将方案印发给你们，请认真贯彻执行。\n\n"
            "      某市人民政府办公室      \n\n        20171116\n\n（此件公开发布）\n")
    assert found(text, "KJ412") == ["20171116"]
    seven = text.replace("20171116", "2018525")
    assert found(seven, "KJ412") == ["2018525"]


def test_digits_under_an_organ_that_read_as_no_date_are_left_alone():
    text = ("关于印发某项方案的通知\n\n现将方案印发给你们。\n\n"
            "      某市人民政府办公室      \n\n        20171345\n")
    assert found(text, "KJ412") == []
    not_under_organ = ("统计表\n\n年末存款余额\n\n        20171116\n")
    assert found(not_under_organ, "KJ412") == []


def test_gbk_read_into_cyrillic_and_box_drawing_rows():
    text = ("醫療保障事業發展統計快報\n\n。ǘ┗鹗罩闆r。\n"
            "基金收入20637.18億元，同比增長8.6%；鹬С15158.30億元，同比增長2.8%。\n")
    assert found(text, "KJ412") == ["ǘ┗", "鹬С"]


def test_latin_and_pinyin_without_box_drawing_are_no_garbage():
    text = "工作总结\n\n采用ISO9001标准，“lǜ色”发展，俄文名称Москва（莫斯科）。\n"
    assert found(text, "KJ412") == []


def test_a_symbol_inside_a_word_the_text_writes_whole_elsewhere():
    text = "环境工作报告\n\n印发工作报■告，建立工作报告制度；相々关部门和相关单位守护蓝天。\n"
    assert found(text, "KJ703") == ["■", "々"]


def test_a_page_that_sprinkles_symbols_of_three_kinds():
    text = "环境新闻\n\n对全年的工作⊙部署，污染防治攻坚战打响，守护蓝〇天，发≡布通告。\n"
    assert found(text, "KJ703") == ["⊙", "〇", "≡"]


def test_numerals_masks_and_lone_symbols_are_the_text_s_own():
    text = "工作总结\n\n二〇二三年，张○明同志、李○华同志出席。是□否□。全文完※注。\n"
    assert found(text, "KJ703") == []


def test_mixed_script_inside_gbk_garbage_is_kj4_s():
    text = ("界炮鎮退役軍人服務站開展送喜報活動\n\n近日，界炮鎮(zhèn)退役軍人服務(wù)站開展了莊重?zé)崃业乃拖矆?bào)活動(dòng)。"
            "每到一個家庭，服務站工作人員都詳細了解立功軍人家庭狀況，對家屬的支持表示感謝。\n")
    assert found(text, "KJ701") == []
    assert "?zé)" in found(text, "KJ412")


def test_question_marks_for_blanks_after_a_figure_and_a_line_of_them():
    text = ("某市召开会议\n| 2021-12-23 10:01:01??来源：某某日报 |\n近日，某市召开会议。\n"
            "??????????\n会议要求各部门抓好落实。\n")
    assert found(text, "KJ412") == ["??", "??????????"]


def test_a_question_after_a_figure_is_no_lost_blank():
    text = "问答\n\n今年能否完成100??我们一起努力。全年增长是多少%??答案是5%。\n"
    assert found(text, "KJ412") == []
