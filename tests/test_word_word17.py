"""Word files nobody here wrote (issue 11, session 17's word17 set): what a paste from Markdown or
a chat tool leaves in a Word file besides `**` and `#` (inline code spans, a code block's language
tag on a line of its own). Each mechanism is shown both ways: the defect is found, the look-alike
is left alone."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def _matches(path, code: str) -> list[str]:
    from kjlint.catalog import load_catalog
    from kjlint.engine import LintOptions, lint_document
    from kjlint.reading import read_document

    doc = read_document(path)
    return [doc.text[f.offset:f.end_offset] for f in lint_document(doc, load_catalog(), LintOptions(codes={code}))]


def test_an_inline_code_span_of_markdown_is_residue_in_a_word_file(tmp_path):
    spec = ["部署说明", "前后台开发服务器通过代理访问后端 `/api` 和 `/uploads`，三个进程需要同时运行。",
            "在项目根目录执行 `npm install`，再执行 `npm run dev:server` 启动后端。"]
    assert _matches(make_docx(tmp_path / "部署.docx", spec), "KJ610") == [
        "`/api`", "`/uploads`", "`npm install`", "`npm run dev:server`"]
    # a code listing keeps its own backticks: a Go field's tag, a table's name quoted in SQL; a
    # lone backtick is no span (a stray character is KJ703's)
    code = ["接口定义", "type News struct {", '  PostTime string `json:"get_time"`', "}",
            "insert into `ttt` values (1);", "数据表在 ` 后面没有闭合。"]
    assert _matches(make_docx(tmp_path / "代码.docx", code), "KJ610") == []
    # a text file (a Markdown file or a page made from one) writes its code spans so by design
    from kjlint.engine import lint_text

    assert lint_text("部署说明\n执行 `npm install` 安装依赖。\n", select=["KJ610"]) == []


def test_a_code_blocks_language_tag_left_on_its_own_line_is_markdown_residue(tmp_path):
    spec = ["技术规格", "文件结构：", "json", '{"session_id": "SID_01"}', "分块策略：", "python",
            "for chunk in response_stream:", "    yield chunk", "5.1 租户表（tenant）", "plaintext",
            "id, tenant_id, name, created_at"]
    found = docx_codes(make_docx(tmp_path / "规格.docx", spec), "KJ610")
    assert found == [("KJ610", 3), ("KJ610", 6), ("KJ610", 10)]
    # a chat tool's label over the block, in capitals, right above the code
    assert _matches(make_docx(tmp_path / "示例.docx", ["示例", "JavaScript",
                                                      "const synth = new Tone.FMSynth();", "synth.start();"]), "KJ610") == ["JavaScript"]


def test_a_language_name_that_is_no_fence_tag_is_left_alone(tmp_path):
    # a technology table's cell, a list of languages, an acronym captioning a listing, a program
    # run by its name, a name that closes the file
    spec = ["技术选型", ("table", [["开发语言", "python"], ["数据格式", "json"]]), "掌握的语言：", "java",
            "python", "javascript", "配置文件示例", "XML", '<?xml version="1.0"?>', "启动服务", "nginx",
            "ps -ef | grep nginx", "附：脚本语言", "python"]
    assert docx_codes(make_docx(tmp_path / "选型.docx", spec), "KJ610") == []


def test_a_word_files_own_lists_of_files_are_no_download_leftovers(tmp_path):
    # a numbered item, the names a lead-in introduces, two names one under the other, the file a
    # numbered heading names right under it
    spec = ["常见问题", "1.打开就报错？", "请确认以下文件均存在，没有就新建：", "rdm.txt", "logs.txt", "setting.txt",
            "使用说明.docx", "2.点击生成时报错？", "请确保所有文件编码均为UTF-8。", "进阶模块有以下文件", "3、metadata.jsonl",
            "4、texture_data.xlsx", "用于存储每个大类的关键词信息。", "参考资料", "需求.doc", "需求分析.doc",
            "14附件", "14.3需求分析", "需求分析.docx", "14.4进度计划", "进度计划.mpp"]
    assert docx_codes(make_docx(tmp_path / "说明.docx", spec), "KJ602") == []
    # a download page's leftover stands alone above the title, in a Word file too
    assert docx_codes(make_docx(tmp_path / "总结.docx", ["2023年工作总结.doc", "2023年工作总结", "一、主要工作",
                                                         "全年完成项目12个。"]), "KJ602") == [("KJ602", 1)]


def test_the_kind_of_technical_document_after_a_dash_in_a_word_files_title_is_its_own(tmp_path):
    spec = ["媒体相册 Android 应用 - 详细设计文档", "1.项目概述", "本项目是一个相册应用。"]
    assert docx_codes(make_docx(tmp_path / "设计.docx", spec), "KJ604") == []
    # a site's category after the dash is still a sales label
    assert docx_codes(make_docx(tmp_path / "论文.docx", ["论机关效能建设 - 行政论文", "一、引言", "效能建设是重点。"]),
                      "KJ604") == [("KJ604", 1)]


def test_a_versions_wildcard_is_no_mask():
    from kjlint.engine import lint_text

    text = "部署说明\n本项目用到的前端框架为Vue CLI 4.x，而Vue CLI 4.x需要Node.js 18.x以上版本，显示@vue/cli.4.x即成功。\n"
    assert lint_text(text, select=["KJ201"]) == []
    # a digit of a figure left as x after a Chinese word is still a mask
    assert [t.code for t in lint_text("工作总结\n全年增长3.x%，同比增长2.x个百分点。\n", select=["KJ201"])] == ["KJ201"] * 2


def test_a_block_comment_of_asterisks_in_a_listing_is_code_not_a_mask(tmp_path):
    listing = ["硬件初始化", "void UserAPP(void)", "{", "\u00a0 \u00a0 /**************设置皮肤色*******************/",
               "    PROGBAR_SetDefaultSkin(PROGBAR_SKIN_FLEX);", "}"]
    assert docx_codes(make_docx(tmp_path / "设计.docx", listing), "KJ202") == []
    # asterisks in a sentence stay a mask
    assert docx_codes(make_docx(tmp_path / "总结.docx", ["工作总结", "全乡共**个村完成改造。"]), "KJ202") == [("KJ202", 2)]
