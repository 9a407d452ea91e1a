"""KJ1: parallel wording that is not a copy (theses and specifications say the same of different
things), next to the copies that must still be found."""
from __future__ import annotations

from kjlint import lint_text


def kj1(text: str):
    return [(f.code, f.line) for f in lint_text(text, select=["KJ1"])]


INTRO = "关于驾驶员视觉搜索模式的研究报告\n本章对实验数据进行分析，并与传统方法进行对比。\n"


def test_results_that_differ_only_in_figures_are_parallel():
    a = "十折交叉验证时，新方法的最佳决策树数量为115棵，此时准确率为70.6%，传统方法的最佳决策树数量为105棵，此时准确率为68.8%。"
    b = "十折交叉验证时，新方法的最佳决策树数量为90棵，此时准确率为70.9%，传统方法的最佳决策树数量为100棵，此时准确率为68.9%。"
    assert kj1(f"{INTRO}绿灯情况下：\n{a}\n红灯情况下：\n{b}\n") == []


def test_same_sentence_about_two_named_objects_is_parallel():
    a = "函数 rotateX(angle) 定义沿着 X 轴的 3D 旋转，角度为正时按顺时针方向转动。"
    b = "函数 rotateY(angle) 定义沿着 Y 轴的 3D 旋转，角度为正时按顺时针方向转动。"
    assert kj1(f"{INTRO}{a}\n{b}\n") == []


def test_one_figure_changed_is_still_a_near_copy():
    a = "全年组织辖区企业申报省级科技项目十二项，争取上级资金800万元，带动企业研发投入。"
    b = "全年组织辖区企业申报省级科技项目十二项，争取上级资金900万元，带动企业研发投入。"
    assert kj1(f"{INTRO}{a}\n开展科技下乡活动五次，培训农民一千二百人次。\n{b}\n") == [("KJ102", 5)]


def test_reference_entries_differing_in_number_are_still_repeats():
    a = ("Talmor, A., Herzig, J., Lourie, N., & Berant, J. (2019). CommonsenseQA: A Question Answering "
         "Challenge Targeting Commonsense Knowledge. ArXiv, abs/1811.00937")
    found = kj1(f"{INTRO}参考文献\n[16]{a}\n[17]Some Other Author, B. (2020). Another Title. ArXiv.\n[30]{a}.\n")
    assert found == [("KJ102", 6)]


def test_successive_items_of_a_specification_are_parallel():
    text = (f"{INTRO}（4）图中用字为五号，如排列过密，用五号字有困难时，可小于五号字，但不得小于七号字。\n"
            "（5）表中用字为五号字体。如排列过密，用五号字有困难时，可小于五号字，但不小于七号；\n")
    assert kj1(text) == []


def test_amendment_numbering_with_a_comma_is_list_numbering():
    item = "附录三积分获取第一条第二项修改为“20-50/年（绩效评分）”，自下学期起执行。"
    # a renumbered copy is an exact copy …
    assert kj1(f"{INTRO}12，{item}\n开展科技下乡活动五次，培训农民一千二百人次。\n15，{item}\n") == [("KJ101", 5)]
    # … and successive amendment items are a list, not a copy
    other = "附录三积分获取第一条第一项修改为“20-50/年（绩效评分）”，自下学期起执行。"
    assert kj1(f"{INTRO}12，{other}\n13，{item}\n") == []


def test_fields_of_records_repeated_are_records():
    rec = "Name名称：{n}\nDescription说明：{d}\nDefinition定义: public void {n}(int orgId, int userId)\n"
    text = INTRO + "".join([
        rec.format(n="updateCreator", d="更新组织的管理者"),
        rec.format(n="selectOrgByCreatorId", d="根据组织的创建者userId选择组织"),
        rec.format(n="updateCreator", d="更新组织的管理者"),
        rec.format(n="updateConcern", d="更新组织的关注者"),
    ])
    assert kj1(text) == []


def test_passage_said_of_two_named_methods_is_parallel():
    tail = ("的实现是调用业务逻辑层 {s}，{s}调用 mapper来执行MyBatis 数据持久层的 SQL 语句，"
            "然后返回结果集，传给小程序端，小程序端获取数据后实现界面跳转。")
    text = (f"{INTRO}5.3 “组织”模块\nselectEnrollActivity{tail.format(s='Activity1Service')}\n"
            f"5.4 “用户”模块\nselectOrgById{tail.format(s='OrgService')}\n")
    assert kj1(text) == []


def test_copied_paragraphs_and_blocks_still_found():
    p1 = "全年组织辖区企业申报省级科技项目十二项，争取上级资金八百万元，带动企业研发投入。"
    p2 = "开展科技下乡活动五次，培训农民一千二百人次，发放技术资料三千份。"
    p3 = "新认定高新技术企业九家，技术合同成交额突破三亿元，同比增长两成。"
    plans = f"1、{p1}\n2、{p2}\n3、{p3}\n"
    found = kj1(f"{INTRO}{plans}四、存在问题\n企业研发投入不足，科技人才缺乏。\n{plans}")
    assert [c for c, _ in found] == ["KJ104"]
