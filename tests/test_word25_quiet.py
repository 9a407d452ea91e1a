"""What word25 (session 25's independent Word files) showed at its first run: false findings on
writers' own text, each a mechanism. Invented text."""
from __future__ import annotations

from docx_maker import docx_codes, make_docx


def test_sections_titled_in_english_are_numbers_of_the_outline(tmp_path):
    """w15: 5.1.1.4.MOP Cache, 7.3.EAS: the numbers KJ502 called missing were there."""
    notes = ["处理器笔记", "5.1.微架构", "5.1.1.前端", "5.1.1.1.取指带宽", "5.1.1.2.译码宽度", "5.1.1.3.指令缓存",
             "5.1.1.4.MOP Cache", "对于小规模指令，微操作缓存可以显著加速译码。", "5.1.1.5.分支预测",
             "分支预测器的精度要和预取宽度相适应。", "5.2.后端", "5.2.1.执行单元", "5.2.2.调度队列", "5.3.Cache",
             "5.3.1.硬件设计", "5.3.2.Latency", "5.3.3.预取算法"]
    assert docx_codes(make_docx(tmp_path / "笔记.docx", notes), "KJ502") == []
    gap = [p for p in notes if not p.startswith("5.1.1.4")]
    assert docx_codes(make_docx(tmp_path / "缺号.docx", gap), "KJ502") != []


def test_a_web_address_percent_encoding_and_nezha_are_the_writers(tmp_path):
    """w02: a letter l between digits inside a URL; w04: ％编码; w10: 吒 of 哪吒."""
    text = ["学习笔记", "参考链接：https://mp.weixin.qq.com/s?__biz=MzI1&mid=2247497029&sn=9fa02cb7da23a262l5bb06",
            "nofilter：将加载的内容中有html标签的转换成％编码的格式。",
            "以上是电影哪吒之魔童降世的词云图，可见大部分观众对这部电影是认可的。"]
    assert docx_codes(make_docx(tmp_path / "笔记.docx", text), "KJ") == []


def test_an_identifiers_wildcard_is_no_mask(tmp_path):
    """word25b w05: a SCSS variable $xxx and the text naming it a variable; word25 w15: wake_up_xxx."""
    notes = ["前端学习总结", "scss中定义变量用$符号：", "$xxx{ color: #222},此时xxx就代表是一个变量，可以在接下来的样式中使用",
             "中断上下文中没有进程的概念，所有的wake_up_xxx都是针对某个进程而言的。"]
    assert docx_codes(make_docx(tmp_path / "笔记.docx", notes), "KJ201") == []
    masked = ["工作总结", "全年完成投资xxx万元，新增企业xx家。"]
    assert docx_codes(make_docx(tmp_path / "总结.docx", masked), "KJ201") != []


def test_a_label_over_a_numbered_list_is_filled_by_it(tmp_path):
    """word25 w20: under a cover's fields, 网站制作注意事项： and, after a blank paragraph, its
    numbered rules (read as a cover's field left empty)."""
    prose = ("本网站面向企业全体员工开放，用于发布安全管理制度、登记隐患、跟踪整改情况，管理员负责维护网站内容，"
             "各部门按期上报本部门的安全检查结果，形成发现、整改、复查的闭环管理。")
    plan = [("cover", ["项目计划书", "项目名称：安全管家网站", "小组组长：蔡某", "小组成员：纪某、吴某、郑某"]),
            "网站制作注意事项：", "", "1.在创建网站时，统一格式：", "1、文件夹名称为SafeManager，其根目录有文件夹img、js和css。",
            "2、html文件必须放在根目录下，且命名为当前页面的中文拼音名称。", "3、主页要为index名称。"] + [prose] * 6
    assert docx_codes(make_docx(tmp_path / "计划书.docx", plan), "KJ204") == []
