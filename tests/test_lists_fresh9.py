"""Lists that are no headings and no other document (issue #11, the government false alarms of
session 14's independent pages fresh9): a meeting's agenda, whose numbered items need no body,
and a notice's list of its attachments (附件:1. … / 2. …), whose titles are the notice's own and
come back above the attachments. Invented text; each case fails without its mechanism."""
from __future__ import annotations

from kjlint.engine import lint_text

BODY = "全年完成目标任务，群众满意度明显提升，各项工作取得新成效。\n"


def codes(text: str, select: list[str]) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in lint_text(text, select=select)]


AGENDA = ("9时至11时\n第一次全体会议\n"
          "1.听取县人民政府工作报告\n"
          "2.审查县2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告及其附表\n"  # a long item, no mark in it
          "3.审查县2023年财政预算执行情况和2024年财政预算草案的报告(书面)\n"
          "4.审查县2024年民生实事候选项目(书面)\n"
          "14时30分至17时\n代表团会议\n1.审议县人民政府工作报告\n2.审议县2024年民生实事候选项目\n")


def test_an_agendas_items_need_no_body_even_after_a_long_one():
    assert codes(AGENDA, ["KJ303"]) == []


def test_a_heading_with_its_text_run_in_is_still_a_sibling_with_a_body():
    # 2. runs its text in after a comma: 3. under it, bare before the next section, lost its text
    text = ("县2023年工作总结\n一、主要工作\n1.强化组织领导\n" + BODY
            + "2.狠抓工作落实，各乡镇建立工作台账，逐项明确责任单位、责任人和完成时限，确保各项任务按期完成\n"
            + "3.加强督促检查\n二、存在问题\n" + BODY)
    assert codes(text, ["KJ303"]) == [("KJ303", 6)]


NOTICE = ("县人民政府办公室关于印发2024年县政府工作报告目标任务分解的通知\n"
          "各乡镇人民政府，县级各部门：\n"
          "现将《2024年县政府工作报告目标任务分解》印发给你们，请认真抓好落实。\n"
          "请各单位细化工作举措，压实工作责任，确保全面完成各项目标任务。\n"
          "各单位要按季度报送工作进展情况，县政府办公室将适时开展督查。\n"
          "附件:1. 2024年县政府工作报告经济社会发展预期目标任务分解表\n"
          "2. 2024年县政府工作报告重点工作任务分解表\n"
          "县人民政府办公室\n2024年1月25日\n"
          "附件1\n2024年县政府工作报告经济社会发展预期目标任务分解表\n"
          "序号\n预期目标\n责任单位\n1\n地区生产总值增长6%左右\n县发展改革委\n"
          "附件2\n2024年县政府工作报告重点工作任务分解表\n")


def test_a_notices_list_of_attachments_and_their_titles_are_its_own():
    assert codes(NOTICE, ["KJ606"]) == []


def test_a_different_report_after_the_attachments_is_still_spliced():
    text = NOTICE + BODY * 3 + "县农业农村局2023年述职报告\n" + BODY
    assert codes(text, ["KJ606"]) == [("KJ606", len(NOTICE.splitlines()) + 4)]
