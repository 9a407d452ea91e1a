"""KJ601 on Word files: what an author writes that only looks like site chrome."""
from __future__ import annotations

from docx_maker import make_docx
from kjlint.docx import read_docx
from kjlint.engine import LintOptions, lint_document

TITLE = ("title", "2023年信息中心工作总结")
BODY = "全年完成系统开发任务三项，上线小程序一个，服务用户两千余人次。"


def kj601(tmp_path, blocks, name="笔记.docx"):
    doc = read_docx(make_docx(tmp_path / name, [TITLE, BODY, *blocks]))
    return [f.message for f in lint_document(doc, opts=LintOptions(codes={"KJ601"}))]


def test_navigation_word_starting_a_sentence_or_a_note(tmp_path):
    assert kj601(tmp_path, ["返回结果集，传给小程序端，小程序端获取数据后实现界面跳转。",
                            "首页表头", "返回：", "首页 Main/Index  _MyLayout3"]) == []


def test_navigation_row_still_flagged(tmp_path):
    assert len(kj601(tmp_path, ["返回首页", "首页 | 上一页 | 下一页"])) == 2


def test_tip_about_the_text_and_separator_lines(tmp_path):
    assert kj601(tmp_path, ["温馨提示：Control.CheckForIllegalCrossThreadCalls = false用这种方法来关闭安全检测并不是根本的解决方法。",
                            "=======", "Create new branch is quick AND simple"]) == []


def test_download_tip_still_flagged(tmp_path):
    assert len(kj601(tmp_path, ["温馨提示：本文档共5页，下载后可编辑。"])) == 1


def test_phrase_inside_a_longer_word(tmp_path):
    assert kj601(tmp_path, [("table", [["页边距", "版式", "文档网格"], ["A4", "21.0cm×29.7cm", "无"]])]) == []


def test_form_values_in_table_cells(tmp_path):
    assert kj601(tmp_path, [("table", [["会议时间", "2015/10/25 8:30---10:00"], ["日期：  20   年  月  日", "3/4"]])]) == []
    # the same lines as paragraphs of a page copied into Word are still the page's
    assert len(kj601(tmp_path, ["2015/10/25 8:30", "3/4"], name="页面.docx")) == 2


def test_form_fields_typed_as_paragraphs_are_the_writers(tmp_path):
    # a signature block's date and a reviewer field, as real contracts and 公文 samples type them
    assert kj601(tmp_path, ["日期：     年     月    日", "审核：[审核人]"]) == []
