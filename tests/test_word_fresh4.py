"""Word files nobody here wrote (issue 11, fifth set): the mechanisms of its false findings.
Each is shown both ways: the look-alike is left alone, the defect still found."""
from __future__ import annotations

import json

from click.testing import CliRunner

from docx_maker import make_docx
from kjlint.cli import main


def docx_codes(path, *select: str) -> list[tuple[str, int]]:
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--select", ",".join(select)])
    assert result.exit_code in (0, 1), result.output
    return [(f["code"], f["line"]) for f in json.loads(result.stdout)]


def test_a_tables_number_column_is_no_empty_heading(tmp_path):
    rows = [["序号", "术语", "含义"], ["1.", "ICD", "接口控制文件"], ["2.", "XML", "可扩展标记语言"],
            ["2.1.", "XSD", "模式定义"]]
    blocks = ["测试软件设计方案", "一、术语", "本方案所用术语如下。", ("table", rows), "二、总体设计", "平台采用浏览器结构。"]
    assert docx_codes(make_docx(tmp_path / "方案.docx", blocks), "KJ303") == []


def test_a_bare_item_among_numbered_cells_is_still_empty(tmp_path):
    # the column numbers its texts (7、界面显示 … 9、…): a cell left at 8、 lost its text
    rows = [["模块", "进度", "说明"], ["图片", "50%", "7、界面显示"], ["数据", "80%", "8、"],
            ["列表", "50%", "9、需要病理的数据"]]
    blocks = ["项目工作汇报", "一、进度", ("table", rows), "二、计划", "下周联调。"]
    assert docx_codes(make_docx(tmp_path / "汇报.docx", blocks), "KJ303") == [("KJ303", 11)]


def test_an_underscore_joining_two_words_is_no_blank(tmp_path):
    notes = ["周报", "1.【驾驶舱】惠聚客_搭建推广页面：接口联调", "2.学习：虚幻四入坑指南合集版_哔哩哔哩_bilibili"]
    assert docx_codes(make_docx(tmp_path / "周报.docx", notes), "KJ203") == []
    # a blank stands where a value goes: before its unit, or in a date
    blanks = ["总结", "全乡现有党支部_个，共有党员_名。", "申请人：张三", "时间：2024年_月"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", blanks), "KJ203") == [("KJ203", 2), ("KJ203", 2), ("KJ203", 4)]
