"""Word drafts (issue #16): places a Word user can find, footnotes and comments with their own
places, and Word comments that suppress findings."""
from __future__ import annotations

import json

from click.testing import CliRunner

from docx_maker import make_docx
from kjlint.cli import main
from kjlint.docx import read_docx
from kjlint.wordplace import line_places


def _draft(tmp_path, name="总结.docx"):
    return make_docx(tmp_path / name, [
        ("title", "2023年科技局工作总结"),
        ("list", "chinese", 0, "主要工作"),
        ("list", "chinese", 1, "推进重点项目"),
        "全年组织企业申报项目12项，争取上级资金300万元，带动社会投资一点二亿元。",
        ("runs", ["完成", ("x", "bold"), ("x项", "red"), "重点课题的验收。"]),
        ("list", "chinese", 1, "加强人才培养。全年引进博士两名"),
        "全年组织企业申报项目12项，争取上级资金300万元，带动社会投资一点二亿元。",
        ("table", [["指标", "完成情况"], ["申报项目", "xx项"]]),
        ("footnoted", "研发经费占比达到2.6%。", "数据来源为xx区统计局2023年统计年鉴"),
        ("commented", "培训骨干三十人。", "请补充培训内容"),
        ("heading", 1, "下一步计划"),
        "\t继续做好项目申报。",
    ], header="xx区科技局")


def _json(path, *args):
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json", "--no-progress", *args])
    return [e for e in json.loads(result.stdout) if "code" in e]


def test_places_give_headings_cell_and_first_words_word_can_find(tmp_path):
    doc = read_docx(_draft(tmp_path))
    places = line_places(doc)
    lines = doc.text.split("\n")
    body = lines.index("全年组织企业申报项目12项，争取上级资金300万元，带动社会投资一点二亿元。")
    assert places[body].text() == "一、主要工作 › （一）推进重点项目 › “全年组织企业申报项目12…”"
    heading = lines.index("（二）加强人才培养。全年引进博士两名")
    # a heading's own place: the headings above it, and its words without Word's number
    assert places[heading].text() == "一、主要工作 › “加强人才培养。全年引进博…”"
    cell = lines.index("xx项")
    assert places[cell].text() == "一、主要工作 › （二）加强人才培养 › table 1, row 2, cell 2 › “xx项”"
    tabbed = lines.index("\t继续做好项目申报。")
    assert places[tabbed].text() == "下一步计划 › “继续做好项目申报。”"  # no tab: Find could not find it
    header = lines.index("xx区科技局")
    assert places[header].text() == "header (section 1) › “xx区科技局”"
    note = next(i for i, line in enumerate(lines) if "统计年鉴" in line)
    assert places[note].text() == "footnote 1 › “数据来源为xx区统计局2…”"
    comment = lines.index("请补充培训内容")
    assert places[comment].text() == "comment 1 on “培训骨干三十人。” › “请补充培训内容”"


def test_findings_carry_places_and_cite_places_instead_of_line_numbers(tmp_path):
    path = _draft(tmp_path)
    found = _json(path, "--select", "KJ101,KJ201")
    dup = next(f for f in found if f["code"] == "KJ101")
    assert "line" not in dup["message"]
    assert dup["message"] == "Paragraph repeated from 一、主要工作 › （一）推进重点项目 › “全年组织企业申报项目12…”"
    assert dup["place"]["headings"] == ["一、主要工作", "（二）加强人才培养"]
    assert dup["place"]["paragraph"] == "全年组织企业申报项目12"
    assert dup["related"][0]["place"]["headings"] == ["一、主要工作", "（一）推进重点项目"]
    assert dup["line"] > 1 and dup["offset"] > 0  # machine fields stay
    cell = next(f for f in found if f.get("where") == "table 1, row 2, cell 2")
    assert cell["place"]["table"] == "table 1, row 2, cell 2"
    masks = [f for f in found if f["code"] == "KJ201"]
    assert {f["place"]["part"] for f in masks} == {"body", "header", "footnote"}
    text = CliRunner().invoke(main, ["check", str(path), "--select", "KJ101", "--no-progress"]).stdout
    assert "repeated from line" not in text
    assert "= related: " in text and "一、主要工作 › （一）推进重点项目 › “全年组织企业申报项目12…” (first copy)" in text
    html = CliRunner().invoke(main, ["check", str(path), "--select", "KJ201", "--format", "html"]).stdout
    sarif = json.loads(CliRunner().invoke(main, ["check", str(path), "--select", "KJ101", "--format", "sarif"]).stdout)
    result = sarif["runs"][0]["results"][0]
    assert result["properties"]["place"]["headings"] == ["一、主要工作", "（二）加强人才培养"]
    assert result["relatedLocations"][0]["properties"]["place"]["paragraph"] == "全年组织企业申报项目12"
    assert "一、主要工作 › （二）加强人才培养 › table 1, row 2, cell 2 › “xx项”" in html


def test_places_in_chinese(tmp_path, monkeypatch):
    from kjlint import i18n

    doc = read_docx(_draft(tmp_path))
    lines = doc.text.split("\n")
    monkeypatch.setattr(i18n, "_chosen", "zh")
    places = line_places(doc)
    assert places[lines.index("xx项")].text() == "一、主要工作 › （二）加强人才培养 › 表格 1 第 2 行第 2 格 › “xx项”"
    assert places[lines.index("xx区科技局")].text() == "页眉（第 1 节） › “xx区科技局”"


def test_a_word_comment_with_a_directive_suppresses_findings_in_the_text_it_is_on(tmp_path):
    path = make_docx(tmp_path / "批注.docx", [
        ("title", "2023年科技局工作总结"),
        ("commented", "全年组织企业申报项目xx项。", "kjlint-disable KJ201"),
        "争取上级资金xx万元。",
        ("commented", "引进博士xx名。", "kjlint-disable KJ7"),
        ("commented", "培训骨干xx人。", "请核实 kjlint-disable KJ201"),
        ("commented", "新增企业xx家。", "kjlint-enable"),
    ])
    found = _json(path)
    masks = sorted(f["place"]["paragraph"] for f in found if f["code"] == "KJ201")
    # only the comment on the first paragraph suppresses; the others are other words or other codes
    assert masks == ["争取上级资金xx万元。", "培训骨干xx人。", "引进博士xx名。", "新增企业xx家。"]
    unused = [f for f in found if f["code"] == "KJ002"]
    assert len(unused) == 1 and "kjlint-disable KJ7" in unused[0]["message"]
    assert unused[0]["place"]["part"] == "comment"
