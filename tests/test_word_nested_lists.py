"""Numbering in Word files nobody here wrote (issue #11, Word bar; session 21's independent set
fdocx14, now dev data): a writer nests lists in any format, and a Word table numbers its cells as
its rows need. Four of the set's 14 false findings were such lists read as one: an outer list
resumed after a sub-list in its own format (3.用户设置 / 1.… / 2.… / 4.词汇统计), after a
sub-list in a higher format (2.系统功能设计 / 一、学生模块： / 1.… / … / 3.系统架构设计), the
equivalence classes of a test-design table numbered on from cell to cell (1.1-10位 | 2．<1位
3.>10位), and the body's list going on after that table (3.上架商品 / the table / 4.冻结商品). A
real gap in the body, and a gap inside one cell, are still reported. Texts invented in the shape
of those files."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_an_outer_list_resumes_after_a_sub_list_in_its_own_format(tmp_path):
    blocks = ["背单词软件设计", "1.查询单词", "可直接浏览、查询单词，并将单词加入生词库。", "2.单词记忆",
              "根据生词库显示中文释义，要求用户输入英文单词。", "3.用户设置", "1.可选择不同的词库，并进行导入操作。",
              "2.设定每次记忆的单词数", "4.词汇统计", "统计已记忆的单词，显示首次记忆时间等信息。"]
    assert docx_codes(make_docx(tmp_path / "设计.docx", blocks), "KJ502", "KJ503") == []


def test_an_outer_list_resumes_after_a_sub_list_in_a_higher_format(tmp_path):
    blocks = ["宿舍管理系统任务书", "1.系统需求分析", "在开发之前首先进行详细的需求分析。", "2.系统功能设计",
              "系统的功能模块包括：", "一、学生模块：", "1.登录：学生通过账号密码登录系统。", "2.我的宿舍：查看宿舍信息。",
              "二、宿管模块：", "1.登录：宿管通过管理员账号登录。", "2.用户管理：管理学生账号。",
              "三、超级管理员模块：", "1.宿管管理：管理宿舍管理员账号。", "3.系统架构设计", "系统采用前后端分离的架构。"]
    assert docx_codes(make_docx(tmp_path / "任务书.docx", blocks), "KJ502", "KJ503") == []


def test_a_gap_in_a_word_files_list_is_still_reported(tmp_path):
    blocks = ["背单词软件设计", "1.查询单词", "可直接浏览、查询单词。", "2.单词记忆", "要求用户输入英文单词。",
              "4.词汇统计", "统计已记忆的单词。"]
    assert docx_codes(make_docx(tmp_path / "设计.docx", blocks), "KJ502") == [("KJ502", 6)]


_CLASSES = [["输入", "有效等价类", "无效等价类"], ["商品名称", "1.1-10位", ["2．<1位", "3.>10位"]],
            ["商品价格", "4.1-5位", ["5.<1位", "6.>5位"]]]


def test_a_test_design_tables_classes_numbered_from_cell_to_cell_are_no_gap(tmp_path):
    blocks = ["商品管理测试报告", "1.卖家登录", "输入用户名和密码登录。", "2.浏览商品", "按分类浏览商品。",
              "3.上架商品", "按照基线需求划分等价类：", ("table", _CLASSES),
              "测试用例见下表。", ("table", [["编号", "用例", "结果"], ["1", "1、4、5、10、12", "上架失败"],
                                        ["2", "1、4、5、10、14", "上架失败"]]),
              "4.冻结商品", "只有状态为上架的商品可以进行冻结。"]
    assert docx_codes(make_docx(tmp_path / "测试报告.docx", blocks), "KJ502", "KJ503") == []


def test_a_gap_inside_one_cell_is_still_reported(tmp_path):
    blocks = ["实验报告", ("table", [["实验步骤"], [["1.打开软件", "2.导入数据", "4.保存结果"]]])]
    assert docx_codes(make_docx(tmp_path / "实验报告.docx", blocks), "KJ502") == [("KJ502", 5)]
