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


def test_the_same_allowed_values_under_two_fields_are_no_copy(tmp_path):
    """w18: a specification lists the allowed values of each field under it (cam_view / rgbd_view:
    the same four views), and KJ104 called the second list a pasted block."""
    views = ["-'ego-centric'：第一人称，一般指头顶相机", "-'third-person'：第三人称，一般指环境相机",
             "-'left_wrist'：安装在左臂腕部的相机", "-'right_wrist'：安装在右臂腕部的相机"]
    spec = ["数据采集规范", "●camera_num: 相机数量，如：2", "●cam_view: 相机安装视角，列表长度应等于相机数量，可选范围：", *views,
            "●cam_file: 相机的标定参数文件，列表长度应等于相机数量，参数文件放在与配置文件相同的路径下。",
            "●rgbd_num: rgbd相机数量，如：1", "●rgbd_view: rgbd相机安装视角，列表长度应等于相机数量，可选范围：", *views,
            "●touch_num: 触摸传感器数量，有多少个传感器，下面就要根据示例填多少个信息。"]
    assert docx_codes(make_docx(tmp_path / "规范.docx", spec), "KJ1") == []
    # a list of sentences given again under another heading is a copy
    plans = ["- 继续完善安全生产责任制，层层签订责任书。", "- 深入开展隐患排查治理，建立整改台账。",
             "- 加强应急演练，提升应急处置能力。", "- 抓好教育培训，提高全员安全意识。"]
    report = ["安全工作总结", "一、主要工作：", *plans, "二、下一步计划：", *plans]
    assert docx_codes(make_docx(tmp_path / "总结.docx", report), "KJ1") != []


def test_a_paragraph_given_again_with_its_stop_is_no_preview():
    """w15: a paragraph without its closing 。, then under a heading the same paragraph with it: the
    paragraph given twice (KJ101 reports the second copy), not a site's preview cut at a length."""
    from kjlint import lint_text

    body = ("在内核的实现中，经常会遇到这样的场景：共享数据被中断上下文和进程上下文访问，该如何保护呢？"
            "如果只有进程上下文的访问，那么可以考虑使用信号量或者互斥锁，这时候，可以考虑使用自旋锁")
    notes = f"学习笔记\n\n{body}\n\n自旋锁的使用\n{body}。\n"
    assert [f.code for f in lint_text(notes) if f.code == "KJ304"] == []
    preview = f"学习笔记\n\n{body[:60]}\n\n{body}。其他内容从略。\n"
    assert [f.code for f in lint_text(preview) if f.code == "KJ304"] == ["KJ304"]


def test_a_word_list_number_before_a_date_is_set_off_as_word_shows_it(tmp_path):
    """w02: a diary's days numbered by Word (`1`, `2` with Word's tab after them) over dates
    (2019年9月3日): read glued, `22019年` looked like a number run into a year (KJ507)."""
    from kjlint.reading import read_document

    diary = ["学习日志", ("list", "bare", 0, "2019年9月2日星期一"), "给导师发了调研内容，整理论文笔记的特征选择部分。",
             ("list", "bare", 0, "2019年9月3日星期二"), "对振动数据做相关性分析，明天继续复习机器学习。"]
    path = make_docx(tmp_path / "日志.docx", diary)
    assert read_document(str(path)).text.split("\n")[3] == "2 2019年9月3日星期二"
    assert docx_codes(path, "KJ507") == []
