"""Word files: what an editor marks in student specifications and notes (issue 11, session 16's
wrec16): decimal headings numbered wrong by the writer (a section skipped, given twice, a
subsection under the wrong section), a documentation standard's guidance left in (本条应描述…),
and files that open with their first section or first bullet instead of a title. Each mechanism
is shown both ways; the texts are invented, after the patterns of the real files."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx

_SAY = ("本系统面向学校的课程教学，教师可以发布课程资料和作业，学生可以在线提交并查看批改结果。"
        "系统采用浏览器和服务器结构，后端使用数据库保存课程、作业和成绩数据，前端页面适配电脑和手机。")


def _lines(path, code: str) -> list[int]:
    return [line for c, line in docx_codes(path, code) if c == code]


def test_a_decimal_section_skipped_or_given_twice_is_a_numbering_error(tmp_path):
    spec = ["软件需求规格说明", "1 范围", "1.1 标识", _SAY, "1.2 系统概述", _SAY, "1.4 基线", _SAY,
            "2 需求", "2.1 目标", _SAY, "2.1 运行环境", _SAY, "2.2 约束条件", _SAY,
            "2.2.1 文档约束", _SAY, "2.2.3 代码约束", _SAY]
    path = make_docx(tmp_path / "规格.docx", spec)
    assert _lines(path, "KJ502") == [7, 18]  # 1.4 after 1.2; 2.2.3 after 2.2.1
    assert _lines(path, "KJ503") == [12]  # 2.1 twice; the 2.2 after it follows either


def test_a_subsection_numbered_under_another_section_is_out_of_order(tmp_path):
    spec = ["需求规格说明书", "3.2 功能需求", "3.2.5 发送站内信", "3.2.7.1 特性描述", _SAY, "3.2.7.2 刺激响应序列", _SAY,
            "3.2.6 查看站内信", "3.2.6.1 特性描述", _SAY, "3.2.6.2 刺激响应序列", _SAY]
    assert _lines(make_docx(tmp_path / "功能.docx", spec), "KJ503") == [4, 6]


def test_dates_ranges_cells_and_a_typed_contents_are_no_sections(tmp_path):
    log = ["小组周志", "5.5 评审测试", _SAY, "5.12: 因故取消", "5.19: 完成情况", _SAY, "6.2：完成情况", _SAY, "6.9 总结", _SAY]
    assert _lines(make_docx(tmp_path / "周志.docx", log), "KJ502") == []
    phases = ["总结报告", "一、项目时间表", "9.17-10.2 需求开发阶段", _SAY, "10.3-10.17 体系结构设计阶段", _SAY,
              "10.18-10.24 人机交互设计阶段", _SAY, "10.25-11.14 详细设计阶段", _SAY]
    assert _lines(make_docx(tmp_path / "阶段.docx", phases), "KJ502") == []
    # a contents typed as text, then the body from 1.1 again; numbers in a table's cells
    contents = ["需求说明", "目录", "1.1 标识", "1.2 概述", "2.1 目标", "2.2 环境", "3.1 接口",
                "1.1 标识", _SAY, "1.2 概述", _SAY, "2.1 目标", _SAY, "2.2 环境", _SAY,
                ("table", [["编号", "名称"], ["3.1", "登录"], ["3.1", "注册"], ["3.4", "退出"]])]
    path = make_docx(tmp_path / "目录.docx", contents)
    assert _lines(path, "KJ502") == [] and _lines(path, "KJ503") == []


_CLAUSES = ["3.4 CSCI能力需求", "本条应分条详细描述与CSCI每一能力相关联的需求。", "3.4.x(CSCI能力)",
            "3.4.1 手写图像识别能力", _SAY, "3.5 CSCI外部接口需求", "(若有)本条应指明CSCI外部接口的需求。", _SAY]


def test_a_standards_clauses_about_their_section_are_guidance_left_in(tmp_path):
    spec = ["软件需求规格说明", "1 范围", _SAY, _SAY, "2 需求", _SAY, *_CLAUSES]
    path = make_docx(tmp_path / "规格.docx", spec)
    assert _lines(path, "KJ205") == [8, 9, 13]
    # one such clause is not the standard's guidance; a law's 本条应当… binds a party
    one = ["软件需求规格说明", "1 范围", _SAY, _SAY, "2 需求", _SAY, "3.4 CSCI能力需求", "本条应分条描述各项能力。", _SAY]
    assert _lines(make_docx(tmp_path / "一条.docx", one), "KJ205") == []
    law = ["管理办法", "第五条 用人单位应当依法缴纳保险费。", "本条应当自公布之日起施行。", "本条应当由主管部门负责解释。", _SAY, _SAY]
    assert _lines(make_docx(tmp_path / "办法.docx", law), "KJ205") == []
    # a blank template, nothing of the writer's: a template, not a draft with guidance left in
    blank = ["软件需求规格说明", "1 范围", *[c for c in _CLAUSES if c != _SAY]]
    assert _lines(make_docx(tmp_path / "模板.docx", blank), "KJ205") == []


def test_a_file_opening_with_its_first_bullet_has_no_title(tmp_path):
    notes = [("list", "wingdings-square", 0, "资源模块"), "资源统一由资源管理器加载，支持同步加载和异步加载。",
             ("list", "wingdings-square", 0, "事件系统"), "事件定义为枚举，事件系统中用整数作为事件编号。",
             ("list", "wingdings-square", 0, "界面系统"), "界面数据类存储面板的枚举和预制体名字的对应关系。"]
    assert _lines(make_docx(tmp_path / "笔记.docx", notes), "KJ506") == [1]
    assert _lines(make_docx(tmp_path / "总结.docx", ["项目总结", *notes]), "KJ506") == []


def test_a_first_chapter_naming_a_kind_of_document_is_no_title(tmp_path):
    plan = [("heading", 1, "1 配置管理计划"), ("heading", 2, "1.1 引言"), _SAY, ("heading", 2, "1.2 配置标识"), _SAY,
            ("heading", 1, "2 项目时间计划"), ("heading", 2, "2.1 任务分配"), _SAY]
    assert _lines(make_docx(tmp_path / "计划.docx", plan), "KJ506") == [1]
    # one chapter alone may be a chapter file: its heading is its title
    alone = [("heading", 1, "1 配置管理计划"), ("heading", 2, "1.1 引言"), _SAY, ("heading", 2, "1.2 配置标识"), _SAY]
    assert _lines(make_docx(tmp_path / "一章.docx", alone), "KJ506") == []
