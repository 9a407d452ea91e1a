"""Word files nobody here wrote (issue #11, Word bar; session 22's independent set fdocx16, now dev
data): false findings decided by the file's own evidence. A line's last field whose list follows
under it is filled, and a cover left empty is still reported with code below the report (KJ204;
study notes whose topics end with a colon over code are no cover: fdocx16 m016, whose Word numbering
these invented files do not reproduce); a command's argument in angle brackets (`git checkout -b
<分支名>`) and a named file inserted (`(插入rollbox.js)`) are no template slots (KJ205); a rate's unit in
a header (`准确率%`) is no deleted figure (KJ207); a test case's fields given again for the next case
are no repeated title (KJ607); a remark opening with the word 一般 in brackets is no malformed number
(KJ507); an English title is measured by its words (KJ506). Each is shown beside the defect the rule
still finds. Texts invented in the shape of those files."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_a_cover_left_empty_above_code_is_still_reported(tmp_path):
    """(tests/test_word18.py's cover, with the report's code after its text: the cover is above it)"""
    table = ("table", [["标题", "需求规格说明书"], ["版本", "1.0"]])
    body = ["本模块面向系统的注册用户，用户在页面上填写信息后提交，系统校验输入并把结果写入数据库，"
            "管理员可以在后台查看和导出这些记录，以便统计分析。"] * 8
    blank = ["需求规格说明书", "项目名称：学生选课系统", "编写人：张三", "所在学院：", "文档信息：", table, *body,
             "int main() {", "    return 0;", "}"]
    assert [line for _c, line in docx_codes(make_docx(tmp_path / "空.docx", blank), "KJ204")] == [4]


def test_a_lines_last_field_with_its_list_under_it_is_filled(tmp_path):
    blocks = ["调研报告", "业务模式： 特点：业务范围固定，客源稳定。 主要投入：人力开支。 业务流程：",
              "1.选择风格：照片类型", "2.微信预约/电话预约", "3.提前一天通知，确认", "公司格局：目前客户资源饱和，业务稳定。"]
    assert docx_codes(make_docx(tmp_path / "调研.docx", blocks), "KJ204") == []


def test_a_commands_argument_and_a_named_inserted_file_are_no_slots(tmp_path):
    blocks = ["实习总结", "切换分支：使用 git checkout <分支名> 切换到已有的分支进行工作。",
              "解决冲突：然后使用 git add <文件名> 和 git commit 提交解决后的文件。",
              "（3)第三部分有css轮播图(插入rollbox.js)和个人座右铭", "报送单位：<单位名称>"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", blocks), "KJ205") == [("KJ205", 5)]


def test_a_rates_unit_in_a_header_is_no_deleted_figure(tmp_path):
    blocks = ["实验报告", ("table", [["模型", "准确率%"], ["CNN", "71.2"]]), "单位为%比，结果见上表。",
              "本次实验准确率同比提高%。"]
    assert docx_codes(make_docx(tmp_path / "实验.docx", blocks), "KJ207") == [("KJ207", 7)]


def test_a_test_cases_fields_given_again_are_no_repeated_title(tmp_path):
    blocks = ["测试报告", "待测试方法：", "public static boolean isEmail(String s) { return true; }",
              "输入参数： “12330@163.com”", "预期结果：true", "实际结果：true", "运行测试结果如下图：",
              "public class RegisterActivityTest { }", "输入参数：\"12330@\"", "预期结果：true", "实际结果：true"]
    assert docx_codes(make_docx(tmp_path / "测试.docx", blocks), "KJ607") == []


def test_a_remark_opening_with_yiban_is_no_malformed_number(tmp_path):
    blocks = ["开题报告", "进度安排", "(一般可分为资料文献收集、拟定方案提纲、详细设计、定稿等阶段)",
              "2021年12月10日-2021年12月25日 收集资料。", "（三加强组织领导", "全年工作顺利完成。"]
    assert docx_codes(make_docx(tmp_path / "开题.docx", blocks), "KJ507") == [("KJ507", 5)]


def test_an_english_title_is_measured_by_its_words(tmp_path):
    title = "Expression recognition based on convolutional neural network, capsule network model and ResNet network"
    body = ["摘要：本文比较了三种表情识别模型的效果，实验表明残差网络的准确率最高。"] * 3
    assert docx_codes(make_docx(tmp_path / "论文.docx", [title, *body]), "KJ506") == []
    long = "This document describes how the system was designed and tested by the team during the whole of the term, with notes"
    assert docx_codes(make_docx(tmp_path / "说明.docx", [long, *body]), "KJ506") == [("KJ506", 1)]


def test_an_emoji_alone_over_a_heading_is_its_mark(tmp_path):
    blocks = ["论文精读笔记", "下面是第3.4节的中文精读翻译和表格总结。", "✅", "中文精读翻译",
              "物理信息神经网络把方程的残差加入损失函数。", "这一节写得很好👍，值得反复阅读。"]
    assert docx_codes(make_docx(tmp_path / "笔记.docx", blocks), "KJ704") == [("KJ704", 6)]


def test_a_list_resumes_after_a_list_marked_otherwise(tmp_path):
    """Answers numbered 1、 2、 under questions numbered 1. (fdocx16 m029) are the question's own: the
    questions' list resumes after them, and a question number given twice is still reported."""
    blocks = ["前端作业", "1.九宫格的布局有哪些办法实现？", "答：1、布局上,方格使用浮动。", "2、方格的高度:",
              "2.IDE是什么？它和文本编辑器相比有什么优缺点？", "IDE是用于提供程序开发环境的应用程序。",
              "2.HTML文件里开头的Doctype有什么作用？", "DOCTYPE标签是一种文档类型声明。"]
    assert docx_codes(make_docx(tmp_path / "作业.docx", blocks), "KJ5") == [("KJ503", 7)]
