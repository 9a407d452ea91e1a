"""Word files: numbering an editor marks, or not, in student specifications and test documents
(issue 11, session 18's word18): a run of sections numbered under the wrong chapter (the writer
copied 3.6–3.8 from chapter 3 into chapter 7), and numbers in table cells read as the table uses
them (a row's number typed in a column of row numbers, equivalence classes numbered across a
row's cells). Each mechanism is shown both ways; the texts are invented, after the patterns of
real files."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx

_SAY = ("本模块面向系统的注册用户，用户在页面上填写信息后提交，系统校验输入并把结果写入数据库，"
        "成功或失败都在页面上给出提示，便于用户继续后续的操作。")


def _lines(path, code: str) -> list[int]:
    return [line for c, line in docx_codes(path, code, "KJ502", "KJ503") if c == code]


def _chapter(n: int, name: str, sections: list[str]) -> list[str]:
    out = [f"{n}{name}"]
    for s in sections:
        out += [s, _SAY]
    return out


def test_sections_numbered_under_another_chapter_are_out_of_order(tmp_path):
    spec = ["详细设计说明书",
            *_chapter(3, "注册设计说明", ["3.1程序描述", "3.2功能", "3.3性能", "3.4输入项", "3.5输出项", "3.6算法"]),
            *_chapter(7, "搜索设计说明", ["7.1程序描述", "7.2功能", "7.3性能", "7.4输入项", "7.5输出项",
                                       "3.6算法", "3.7流程逻辑", "3.8接口", "7.9存储分配", "7.10注释设计"])]
    path = make_docx(tmp_path / "设计.docx", spec)
    wrong = spec.index("3.6算法", spec.index("7.5输出项")) + 1
    assert _lines(path, "KJ503") == [wrong]  # the run's first number; 3.7, 3.8 follow it
    assert _lines(path, "KJ502") == []  # 7.9 goes on from the run: no 7.6–7.8 missing
    # a subsection of 2.1 numbered 3.1.5 … 3.1.7, then 2.2
    rules = ["编码规范", "2代码规范", "2.1有关命名", "2.1.1包命名", _SAY, "2.1.2类命名", _SAY, "2.1.3方法命名", _SAY,
             "2.1.4变量命名", _SAY, "3.1.5常量命名", _SAY, "3.1.6资源文件命名", _SAY, "2.2有关注释", _SAY,
             "3格式规范", "3.1缩进", _SAY, "3.2换行", _SAY]
    assert _lines(make_docx(tmp_path / "规范.docx", rules), "KJ503") == [rules.index("3.1.5常量命名") + 1]


def test_a_chapter_that_goes_on_under_the_new_number_is_no_misnumbered_run(tmp_path):
    # 6.1 opens chapter 3 by mistake, then 3.2, 3.3 …: the outline goes on under 3, not back under 6
    spec = ["项目总结", *_chapter(2, "项目实施", ["2.1进度", "2.2分工"]), "3项目不足与改进", "6.1项目的不足", _SAY,
            "3.2改进方向", _SAY, "3.3后续计划", _SAY, *_chapter(4, "致谢", ["4.1指导教师", "4.2小组成员"])]
    assert _lines(make_docx(tmp_path / "总结.docx", spec), "KJ503") == []
    # a typed contents without page numbers, then the text from 1.1 again: a fresh outline
    contents = ["需求说明", "1引言", "1.1编写目的", "1.2背景", "2任务概述", "2.1目标", "2.2环境",
                "1引言", "1.1编写目的", _SAY, "1.2背景", _SAY, "2任务概述", "2.1目标", _SAY, "2.2环境", _SAY]
    path = make_docx(tmp_path / "目录.docx", contents)
    assert _lines(path, "KJ503") == [] and _lines(path, "KJ502") == []


_CLASSES = [["输入条件", "有效等价类", "无效等价类"],
            ["搜索框", ["1.正常填写", "3.不存在的类别", "4.含有无效字符"], ["2.为空"]],
            ["价格", ["5.正常输入"], ["6.为空", "7.不为数字"]]]


def test_classes_numbered_across_a_rows_cells_are_the_rows_labels(tmp_path):
    cases = ["测试用例设计", "1.搜索商品", _SAY, ("table", _CLASSES[:2]), _SAY, "2.发布商品", _SAY]
    path = make_docx(tmp_path / "用例.docx", cases)
    assert _lines(path, "KJ502") == [] and _lines(path, "KJ503") == []
    # one cell's list that skips a number is still a gap
    steps = ["测试用例设计", "1.搜索商品", _SAY,
             ("table", [["步骤", "预期结果"], [["1.打开首页", "3.输入关键词", "4.点击搜索"], "显示结果"]]), "2.发布商品", _SAY]
    assert len(_lines(make_docx(tmp_path / "步骤.docx", steps), "KJ502")) == 1


def test_a_row_number_typed_with_a_dot_is_the_rows_number(tmp_path):
    rows = [["批次", "日期", "操作内容"]] + [[f"{n}." if n == 6 else str(n), f"6月{n}日", f"提交第{n}份文件"] for n in range(1, 10)]
    log = ["配置管理报告", "1.基本信息", _SAY, "2.成员权限", _SAY, "3.操作日志", ("table", rows), "4.总结", _SAY]
    path = make_docx(tmp_path / "日志.docx", log)
    assert _lines(path, "KJ502") == [] and _lines(path, "KJ503") == []


def test_a_letter_the_text_writes_as_a_functions_argument_is_its_variable(tmp_path):
    gan = ["开题报告", "图中：z服从Pz(z)分布，G(z)表示生成器生成的数据，x服从pdata(x)分布，D表示判别器。",
           "随机变量z通过生成器G，生成的数据样本和真实的数据样本x通过判别器，判别器判断输入来自哪里。",
           "本课题在xx实验室完成。"]
    found = [line for code, line in docx_codes(make_docx(tmp_path / "gan.docx", gan), "KJ201")]
    assert found == [4]  # the lab's xx is a mask; the sample x is the variable
    # without the function written out, a lone x before a word is a mask where the file masks with x
    # elsewhere (alone in a Word file it is taken for a variable: KJ201's docx-lone)
    plain = ["开题报告", "随机变量z通过生成器G，生成的数据样本和真实的数据样本x通过判别器，判别器判断输入来自哪里。", "本课题在xx实验室完成。"]
    assert [line for code, line in docx_codes(make_docx(tmp_path / "plain.docx", plain), "KJ201")] == [2, 3]


def test_a_cover_label_over_a_table_is_the_tables_name(tmp_path):
    table = ("table", [["标题", "需求规格说明书"], ["版本", "1.0"]])
    body = [_SAY] * 8
    cover = ["需求规格说明书", "项目名称：学生选课系统", "编写人：张三", "文档信息：", table, *body]
    assert docx_codes(make_docx(tmp_path / "封面.docx", cover), "KJ204") == []
    # the same label over the next field, nothing in between: left empty
    blank = ["需求规格说明书", "项目名称：学生选课系统", "编写人：张三", "所在学院：", "文档信息：", table, *body]
    assert [line for _c, line in docx_codes(make_docx(tmp_path / "空.docx", blank), "KJ204")] == [4]


def test_an_emoji_opening_a_fields_value_or_a_quoted_buttons_name_is_layout(tmp_path):
    report = ["测试报告", "4.2 测试质量评估", "•功能完整性： ✅ 优秀 - 所有需求功能均已实现",
              "•数据准确性： ✅ 良好 - 计算结果准确无误", "筛选：点击顶部的 “🔍 日期筛选”，可以设定开始和结束日期。", _SAY]
    assert docx_codes(make_docx(tmp_path / "评估.docx", report), "KJ704") == []
    # inside a sentence, or closing one, it is pasted text
    pasted = ["测试报告", "所有需求功能均已实现✅，计算结果准确无误。", "测试全部通过，效果很好 🔍", _SAY]
    assert [line for _c, line in docx_codes(make_docx(tmp_path / "贴.docx", pasted), "KJ704")] == [2, 3]
