"""Clean official texts kept quiet (issue #11: at most 0.5 findings per 10,000 characters of
government prose): the false alarms of session 22's independent first run on government pages
(fixtures/devsets/fresh16): a 决算's contents list that the page cut inside an entry (`一、…总表……32`
then `二、收入决算`, the text's end) read as a body opening at 二、, and a regulation stating the same
list of offices under each of its cases (`一 區人口在五十萬人以上者…分別掌理下列事項:` / `二 區人口在
四十萬人以上…下列事項:`, `(一)民政課:…` under both) read as a repeated paragraph. Excerpts of those
pages, shortened."""
from __future__ import annotations

from kjlint.engine import lint_text


def found(text: str, select: tuple[str, ...]) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text, "page.txt", select=list(select))]


_CUT_CONTENTS = ("平昌县涵水镇人民政府2018年部门决算\n目录\n第一部分 部门概况....................... 3\n"
                 "一、基本职能及主要工作................... 3\n二、机构设置................... 4\n"
                 "第二部分 2018年度部门决算情况说明..................... 5\n第五部分 附表........................ 32\n"
                 "一、收入支出决算总表............................................ 32\n二、收入决算\n")


def test_a_contents_list_cut_inside_an_entry_opens_no_body():
    assert found(_CUT_CONTENTS, ("KJ5", "KJ303")) == []


def test_a_contents_list_followed_by_its_body_still_ends_before_it():
    """The body under a contents list is read as before: its first heading is no entry."""
    text = _CUT_CONTENTS.replace("二、收入决算\n", "") + "第一部分 部门概况\n二、机构设置\n本单位内设机构3个。\n"
    assert ("KJ502", 10) in found(text, ("KJ5",))


_CASES = ("新北市各區公所組織規程 第 4 條\n區公所組織依各區人口數之多寡設置課、室數,分別辦理本府授權之各項業務:\n"
          "一 區人口在五十萬人以上者設下列各課、室,分別掌理下列事項:\n"
          "(一)民政課:自治行政、地方行政、選務、民防、調解行政、地政、原住民行政、體育及其他有關民政事項。\n"
          "(二)社會課:社會救助、老人福利、身心障礙福利、兒童及少年福利、社區發展及其他有關社政事項。\n"
          "二 區人口在四十萬人以上,未滿五十萬人者設下列各課、室,分別掌理\n下列事項:\n"
          "(一)民政課:自治行政、地方行政、選務、民防、調解行政、地政、原住民行政、體育及其他有關民政事項。\n")


def test_a_regulation_stating_a_list_again_for_another_case_is_no_repeat():
    assert found(_CASES, ("KJ1",)) == []


def test_a_list_copied_with_its_lead_in_is_still_a_repeat():
    block = _CASES.split("\n", 2)[2].split("二 ")[0]
    assert found(_CASES.split("二 ")[0] + block, ("KJ1",)) != []


def test_a_lottery_spam_line_is_no_title_and_the_title_above_it_stays():
    """(session 22: gov22 g40, a hijacked page) the spammer's lottery phrases are spam (KJ601), and
    their 计划 makes no title of their line: the real title above it is no page furniture (KJ609)."""
    text = ("穿越高原的河长制暗访小组\n\npk10冠军四码规律计划:长江水利网 pk10四码两期必中方法:陈某 赵某\n\n"
            "根据水利部、长江委部署，水文局选派了4个小组对四川省41个县的河长制落实情况开展暗访。\n")
    assert found(text, ("KJ6",)) == [("KJ601", 3), ("KJ601", 3)]
