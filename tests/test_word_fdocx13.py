"""Word files nobody here wrote (issue 11, session 18's fdocx13 set): false alarms removed by
the Word layout and the file's own evidence. Each mechanism is shown both ways: the look-alike
is left alone, the defect still found."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx

_BODY = ["本实验要求掌握基本数据类型的输入输出方法，并编写程序验证运算结果。",
         "实验环境为Windows 10操作系统，开发工具为Visual Studio 2019。"]


def test_a_bare_item_holding_its_screenshot_is_not_empty(tmp_path):
    # 三、程序结果 / 1.[screenshot] / 2.[screenshot]: each item's content is its picture
    report = ["实验报告", "一、实验目的", _BODY[0], "二、实验环境", _BODY[1], "三、程序结果",
              ("picture", "1."), ("picture", "2."), "四、体会", "通过本次实验掌握了调试方法。"]
    assert docx_codes(make_docx(tmp_path / "报告.docx", report), "KJ303") == []
    # the same items without their screenshots are items never written
    bare = [x if isinstance(x, str) else x[1] for x in report]
    assert docx_codes(make_docx(tmp_path / "空.docx", bare), "KJ303") == [("KJ303", 7), ("KJ303", 8)]
