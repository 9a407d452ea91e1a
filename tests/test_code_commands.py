"""Code and commands in a report (SQL statements, command lines and their options, a command's
file argument) are read as code, not as prose: no mask, no repeated paragraph, no sentence broken
by a paragraph mark, no site's file details in them (fdocx9: 22 of 52 false findings on real Word
files were such lines)."""
from __future__ import annotations

import pytest

from kjlint.engine import lint_text
from kjlint.technical import technical_lines

from docx_maker import docx_codes, make_docx


def codes(text: str, *select: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.offset:f.end_offset]) for f in lint_text(text, select=list(select))]


@pytest.mark.parametrize("text", [
    "虚拟机的参数分为三类：标准参数、-X参数、-XX参数。",
    "5.2.-XX参数\n用于调优和排查问题。",
    "例如 +XX:+UseG1GC 表示启用该收集器。",
    "运行 java -XX:+PrintGCDetails 查看回收日志。",
    "把安装包放进工具目录，在命令行中输入adb install xxx.apk即可完成安装。",
    "打包后执行java -jar xxx.jar启动服务。",
])
def test_an_option_name_or_a_commands_file_is_no_mask(text):
    assert codes(text, "KJ201") == []


@pytest.mark.parametrize("text, masked", [
    ("xx县农业局2023年工作总结", "xx"),
    ("2023年X月-X月共举办培训班两期。", "X"),
    ("请将材料报送至xxx.doc所列单位。", "xxx"),
])
def test_masks_in_prose_are_still_flagged(text, masked):
    assert ("KJ201", masked) in codes(text, "KJ201")


def test_the_lines_of_an_sql_statement_are_technical():
    lines = ["四、日志记录", "每一步处理都写入日志表。", "",
             "INSERT INTO etl_log (job_id, step, note,", "  row_count, state)",
             "VALUES ('JOB-7', '去除重复记录',", "  '按编号保留最新一条', 15, 'OK');", "",
             "日志表可随时查询。"]
    assert sorted(technical_lines(lines)) == [3, 4, 5, 6]


def test_a_statement_without_its_end_is_only_its_first_line():
    lines = ["SELECT name, total FROM sales", "按地区汇总销售额，便于比较。"]
    assert sorted(technical_lines(lines)) == [0]


def test_sql_statements_in_a_word_file_are_no_repeated_paragraphs_nor_broken_sentences(tmp_path):
    statement = ["INSERT INTO etl_log (job_id, step, note,", "  row_count, state)",
                 "VALUES ('JOB-7', '{}',", "  '{}', {}, 'OK');"]
    blocks = [("title", "数据清洗报告"), "一、处理步骤", "每一步处理都写入日志表，审计时可以追溯。"]
    for step, note, n in [("去除重复记录", "按编号保留最新一条", 15), ("日期标准化", "统一为年月日格式", 62),
                          ("金额清洗", "去掉千分位逗号", 63)]:
        blocks += [line.format(step, note, n) if "{}" in line else line for line in statement]
        blocks.append("")
    blocks += ["二、结论", "清洗后的数据已全部入库，日志完整。"]
    path = make_docx(tmp_path / "报告.docx", blocks)
    assert docx_codes(path, "KJ1", "KJ413") == []


@pytest.mark.parametrize("line", ["格式：-Xms512M -Xmx1024M", "格式：--port=8080 --log-level=debug"])
def test_a_commands_syntax_after_a_format_label_is_no_file_details(line):
    text = f"二、启动参数\n堆的初始大小和最大大小按下面的写法设置。\n{line}\n设置后重新启动服务。"
    assert codes(text, "KJ601") == []


def test_a_sites_file_details_are_still_boilerplate():
    text = "二、工作措施\n加强督导检查。\n格式：DOC\n加大宣传力度。"
    assert [c for c, _ in codes(text, "KJ601")] == ["KJ601"]
