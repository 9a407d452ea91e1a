"""KJ101-KJ104: repeats inside one document (findings, related locations, fixes, parameters)."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from helpers import run_cli, run_python
from kjlint import lint_text
from kjlint.catalog import load_catalog
from kjlint.checks import duplication
from kjlint.document import Document
from kjlint.ruletypes import Context

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "kj1"
BASE = FIXTURES / "base"

P1 = "全年组织辖区企业申报省级科技项目十二项，争取上级资金八百万元，带动企业研发投入。"
P2 = "开展科技下乡活动五次，培训农民一千二百人次，发放技术资料三千份。"
P3 = "企业研发投入不足，科技人才缺乏，科技成果转化率不高。"
P4 = "新认定高新技术企业九家，技术合同成交额突破三亿元，同比增长两成。"


def kj1(text: str, **kw):
    return lint_text(text, select=["KJ1"], **kw)


def test_exact_duplicate_points_at_later_copy_with_first_as_related():
    found = kj1(f"标题\n{P1}\n{P2}\n{P1}\n")
    assert [(f.code, f.line) for f in found] == [("KJ101", 4)]
    rel = found[0].related[0]
    assert (rel.line, rel.column, rel.message) == (2, 1, "first copy")
    assert found[0].message == "Paragraph repeated from line 2"


def test_normalization_width_script_pinyin_and_numbering():
    trad = "全年組織轄區企業申報省級科技項目(xiàng)十二項，爭取上級資金八百萬元，帶動企業研發投入。"
    half = P1.replace("，", ", ").replace("。", ".")
    for copy in (trad, half, "一是" + P1, "  " + P1 + "\u3000"):
        found = kj1(f"{P1}\n{P2}\n{copy}\n")
        assert [(f.code, f.line) for f in found] == [("KJ101", 3)], copy


def test_formulaic_repeats_are_not_findings():
    text = "\n".join([
        "区科技局2023年工作总结", "区科技局2023年工作总结",  # title twice at the top: KJ6's business
        "一、工作情况", "（一）主要做法", P1, "（一）主要做法", P2,  # repeated short headings
        "单位：万元", "指标名称", "完成数", "指标名称", "完成数",  # table labels
        "一是进一步加强组织领导。", "二是进一步加强组织领导。",  # short lead-ins
        "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，推动高质量发展，" + P3,
        "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，推动高质量发展，" + P4,
    ]) + "\n"
    assert kj1(text) == []


def test_near_duplicate_reported_without_fix():
    edited = P1.replace("十二项", "十三项").replace("带动", "有效带动")
    found = kj1(f"{P1}\n{P2}\n{edited}\n")
    assert [(f.code, f.line) for f in found] == [("KJ102", 3)]
    assert found[0].fix is None and "% similar" in found[0].message


def test_repeated_block_is_one_finding_with_safe_fix(tmp_path):
    base = (BASE / "science-bureau-2023.txt").read_text(encoding="utf-8")
    lines = base.splitlines()
    doubled = "\n".join(lines[:20] + lines[2:16] + lines[20:]) + "\n"
    found = kj1(doubled)
    assert [(f.code, f.line) for f in found] == [("KJ104", 21)]
    assert found[0].message.startswith("document body repeated from line 3") or \
        found[0].message.startswith("block of 14 paragraphs repeated from line 3")
    assert found[0].fix is not None and found[0].fix.safe
    (tmp_path / "doc.txt").write_text(doubled, encoding="utf-8")
    r = run_cli("check", "--select", "KJ1", "--fix", "doc.txt", cwd=tmp_path)
    assert r.exit_code == 0, r.stdout
    assert (tmp_path / "doc.txt").read_text(encoding="utf-8") == base


def test_findings_inside_a_repeated_copy_are_folded_into_the_block():
    body = [P1.replace("十二项", "xx项"), P2, P3.replace("科技人才", "**人才"), P4]
    text = "\n".join(["县科技局工作总结"] + body + body) + "\n"
    found = lint_text(text, select=["KJ1", "KJ2"])
    assert [(f.code, f.line) for f in found] == [("KJ201", 2), ("KJ202", 4), ("KJ104", 6)]
    block = found[-1]
    assert "also inside the copy: KJ201, KJ202" in block.message
    assert [(r.line, r.message[:5]) for r in block.related[1:]] == [(6, "KJ201"), (8, "KJ202")]
    # Without a repeated block nothing is folded: each copy's mask is its own finding.
    assert [f.code for f in lint_text(text, select=["KJ2"])] == ["KJ201", "KJ202", "KJ201", "KJ202"]


@pytest.mark.parametrize("name", ["exact-paragraph", "exact-paragraph-traditional", "list-repeated",
                                  "body-repeated", "list-three-copies"])
def test_fix_of_exact_fixture_restores_the_base_document(name, tmp_path):
    """Fixtures made by inserting exact copies into a base document: --fix removes the copies."""
    src = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    base = {"exact-paragraph": "science-bureau-2023", "exact-paragraph-traditional": "personal-report-2023",
            "list-repeated": "science-bureau-2023", "body-repeated": "street-office-2024h1",
            "list-three-copies": "street-office-2024h1"}[name]
    (tmp_path / "doc.txt").write_text(src, encoding="utf-8")
    r = run_cli("check", "--select", "KJ1", "--fix", "doc.txt", cwd=tmp_path)
    fixed = (tmp_path / "doc.txt").read_text(encoding="utf-8")
    assert [x for x in fixed.splitlines() if x.strip()] == \
        [x for x in (BASE / f"{base}.txt").read_text(encoding="utf-8").splitlines() if x.strip()]
    assert r.exit_code == 0


def test_near_block_and_near_paragraph_are_never_fixed(tmp_path):
    for name in ("block-near", "near-paragraph-edits", "list-renumbered", "passage-mid-paragraph"):
        src = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
        (tmp_path / "doc.txt").write_text(src, encoding="utf-8")
        run_cli("check", "--select", "KJ1", "--fix", "doc.txt", cwd=tmp_path)
        assert (tmp_path / "doc.txt").read_text(encoding="utf-8") == src, name


def test_crlf_line_endings_survive_the_fix(tmp_path):
    text = f"标题\r\n{P1}\r\n{P2}\r\n{P1}\r\n{P3}\r\n"
    (tmp_path / "doc.txt").write_bytes(text.encode("utf-8"))
    run_cli("check", "--select", "KJ101", "--fix", "doc.txt", cwd=tmp_path)
    assert (tmp_path / "doc.txt").read_bytes() == f"标题\r\n{P1}\r\n{P2}\r\n{P3}\r\n".encode("utf-8")


def test_passage_across_page_marker_and_line_breaks():
    flat = P1 + P2 + P4
    text = f"一、工作情况\n{flat}\n二、存在问题\n{P3}\n{flat[:40]}\n- 2 -\n{flat[40:]}\n"
    found = kj1(text)
    assert [(f.code, f.line) for f in found] == [("KJ103", 5)]
    assert found[0].related[0].line == 2


def test_passage_threshold_and_min_length_are_parameters(tmp_path):
    sentence = "通过组织技术对接会和成果发布会促成企业与高校院所签订技术合同三十七项成交额三点四亿元"
    text = f"一、工作情况\n今年以来，{sentence}。\n二、下一步\n明年继续，{sentence[:40]}，并且{P4}\n"
    assert [f.code for f in kj1(text)] == []  # 40 characters: below the default 50
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "kjlint.toml").write_text("[rules.KJ103]\nmin-length = 30\n", encoding="utf-8")
    r = run_cli("check", "--select", "KJ1", "--format", "json", "doc.txt", cwd=tmp_path)
    assert [f["code"] for f in json.loads(r.stdout)] == ["KJ103"]


def test_related_location_in_text_json_and_sarif(tmp_path):
    (tmp_path / "doc.txt").write_text(f"标题\n{P1}\n{P2}\n{P1}\n", encoding="utf-8")
    text = run_cli("check", "--select", "KJ1", "doc.txt", cwd=tmp_path).stdout
    assert "doc.txt:4:1: KJ101" in text and "= related: doc.txt:2:1 (first copy)" in text
    js = json.loads(run_cli("check", "--select", "KJ1", "--format", "json", "doc.txt", cwd=tmp_path).stdout)
    assert js[0]["related"] == [{"path": "doc.txt", "line": 2, "column": 1, "message": "first copy"}]
    sarif = json.loads(run_cli("check", "--select", "KJ1", "--format", "sarif", "doc.txt", cwd=tmp_path).stdout)
    rel = sarif["runs"][0]["results"][0]["relatedLocations"][0]
    assert rel["physicalLocation"]["region"]["startLine"] == 2 and rel["message"]["text"] == "first copy"


def _near(units_text: list[str], exhaustive_below: int):
    doc = Document("\n".join(units_text) + "\n")
    units = duplication.build_units(doc, Context(load_catalog(), None, None, {}))
    p_near = dict(duplication.DEFAULTS["near-duplicate-paragraph"], **{"exhaustive-below": exhaustive_below})
    return [(x.later, x.earlier) for x in duplication.near_pairs(units, set(), p_near,
                                                                   duplication.DEFAULTS["duplicate-paragraph"])]


def test_minhash_lsh_finds_the_same_near_duplicates_as_exhaustive_comparison():
    base = [line for p in sorted(BASE.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()]
    edited = [line[:20] + "进一步" + line[20:] for line in base if len(line) > 40][:25]
    paragraphs = base + edited
    exhaustive = _near(paragraphs, 10_000)
    lsh = _near(paragraphs, 0)
    assert len(exhaustive) >= 20 and lsh == exhaustive


def test_analysis_is_linear_not_all_pairs():
    """Doubling a document of distinct paragraphs must not quadruple the stream work: the
    k-gram index does one dict lookup per character, whatever the number of paragraphs."""
    # distinct text, with the same formulaic phrase every 40 characters (a candidate for every
    # earlier occurrence: an all-pairs comparison would extend O(n^2) times)
    rng = random.Random(0)
    distinct = "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(40_000))
    s = "".join(distinct[i:i + 20] + "进一步加强组织领导确保各项工作落到实处" for i in range(0, 40_000, 20))
    calls = []
    real_extend = duplication._extend

    def counting(*a):
        calls.append(1)
        return real_extend(*a)

    duplication._extend = counting
    try:
        duplication.repeated_stretches(s[:len(s) // 2], 12)
        small = len(calls)
        duplication.repeated_stretches(s, 12)
        large = len(calls) - small
    finally:
        duplication._extend = real_extend
    assert small > 100 and large <= 2.2 * small


def test_a_body_copied_whole_is_not_judged_paragraph_by_paragraph(monkeypatch):
    """A body copied whole pairs each of its paragraphs with the first copy; the block covers
    them all, so the pairs' design tests (`_layout_repeat`: tables, text boxes) are made for the
    block and for what is reported or asked about, not for every pair."""
    rng = random.Random(3)
    body = ["".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(30)) + "。" for _ in range(200)]
    calls = []
    real = duplication._layout_repeat

    def counting(*a):
        calls.append(1)
        return real(*a)

    monkeypatch.setattr(duplication, "_layout_repeat", counting)
    found = kj1("\n".join(["标题", *body, *body]) + "\n")
    assert [f.code for f in found] == ["KJ104"]
    assert 0 < len(calls) < 20


def test_kgram_index_reuses_its_position_array_across_streams():
    """_first_sampled_hashed reads positions 0..m from one array kept for the process (a new
    one per stream faulted its pages in each time): the array grows for a longer stream and
    stays read-only, and a short stream after a long one (and the long one again) gets the
    same first positions, repeats and last positions as the dict."""
    import numpy as np

    texts = _repetitive_texts()
    longest = max(texts, key=len)
    for text in [longest, *texts[:20], longest * 3, *texts[:5]]:
        if len(text) < 12:
            continue
        hashed = _index(duplication._first_sampled_hashed(text, 12, 4), text, 12)
        by_dict = _index(duplication._first_sampled_dict(text, 12, 4), text, 12)
        assert hashed[:2] == by_dict[:2]
        exact = _last_positions(text, 12)
        assert hashed[2][::4] == exact[::4] and all(a >= b for a, b in zip(hashed[2], exact))
    positions = duplication._positions(len(longest) * 3, np.int32)
    assert positions.tolist() == list(range(len(longest) * 3)) and not positions.flags.writeable


def test_checks_do_not_import_numpy_or_datasketch_for_a_small_draft():
    code = ("import sys\nfrom kjlint import lint_text\n"
            f"lint_text({(P1 + chr(10) + P2 + chr(10) + P1 + chr(10))!r}, select=['KJ1'])\n"
            "print('numpy' in sys.modules, 'datasketch' in sys.modules)\n")
    out = run_python(code, timeout=120)
    assert out.stdout.split() == ["False", "False"], out.stderr


def test_linting_with_numpy_does_not_import_numpy_ma():
    """numpy's masked arrays (np.unique imports them on first use) cost every process 7 ms; the
    matching form's characters not met before are collected without it."""
    code = ("import sys\nimport numpy\nfrom kjlint import lint_text\n"  # (as linting a corpus has it)
            f"lint_text({P1 + chr(10) + P2 + chr(10) + P1 + '①②' + chr(10)!r} * 20)\n"
            "print('numpy' in sys.modules, 'numpy.ma' in sys.modules)\n")
    out = run_python(code, timeout=120)
    assert out.stdout.split() == ["True", "False"], out.stderr


def test_all_kj1_checks_share_one_analysis_per_document():
    catalog = load_catalog()
    ctx = Context(catalog)
    doc = Document(f"{P1}\n{P2}\n{P1}\n")
    first = duplication.analyse(doc, ctx)
    assert duplication.analyse(doc, ctx) is first


def test_third_copy_points_at_the_first_copy():
    found = lint_text((FIXTURES / "list-three-copies.txt").read_text(encoding="utf-8"), select=["KJ1"])
    assert [(f.code, f.line, f.related[0].line) for f in found] == [("KJ104", 19, 16), ("KJ104", 22, 16)]


def test_copy_with_several_edits_stays_one_block():
    lines = (BASE / "street-office-2024h1.txt").read_text(encoding="utf-8").splitlines()
    # one character changed in the middle of every paragraph
    copy = [line[:len(line) // 2] + "某" + line[len(line) // 2 + 1:] for line in lines[3:14]]
    found = kj1("\n".join(lines + copy) + "\n")
    assert [(f.code, f.line) for f in found] == [("KJ104", len(lines) + 1)]
    msg = found[0].message
    assert "repeated from line 4" in msg and "11 paragraphs" in msg and "% similar" in msg
    assert found[0].fix is None


LEGAL_ITEMS = ["（一）申请人隐瞒有关情况或者提供虚假材料的；", "（二）申请事项依法不需要取得行政许可的；",
               "（三）申请事项不属于本行政机关职权范围的；"]


def test_enumerated_conditions_repeated_under_other_articles_are_not_copies():
    """Legal texts list the same conditions under several articles on purpose."""
    text = "\n".join([
        "某市行政许可实施办法", "第一条 为规范行政许可的实施，根据有关法律法规，制定本办法。",
        "第四条 申请人有下列情形之一的，行政机关不予受理：", *LEGAL_ITEMS,
        "第六条 有下列情形之一的，行政机关应当撤销行政许可：", *LEGAL_ITEMS, "（四）依法应当撤销行政许可的其他情形。",
        "第七条 本办法自发布之日起施行。"]) + "\n"
    assert kj1(text) == []
    # The same items twice under one article are a copy; so is the whole text pasted again.
    once = text.replace("（四）依法应当撤销行政许可的其他情形。\n", "")
    same_article = once.replace("第六条 有下列情形之一的，行政机关应当撤销行政许可：\n", "")
    assert [f.code for f in kj1(same_article)] == ["KJ104"]
    assert [f.code for f in kj1(text + text.split("\n", 1)[1])] == ["KJ104"]


def test_long_conditions_under_other_articles_and_a_second_list_of_one_article_are_drafting():
    """Thresholds stated again for another offence (items longer than a line of a form), and the
    same condition in an article's list for 情节严重 and again in its list for 情节特别严重."""
    items = ["（一）违法所得数额在十万元以上不满五十万元，或者造成直接经济损失数额在二十万元以上不满一百万元的；",
             "（二）违法所得数额在五万元以上不满十万元，曾因同类违法行为受过刑事追究或者二年内受过行政处罚的；",
             "（三）在重大自然灾害、事故灾难、公共卫生事件等突发事件期间，针对救灾、防疫物资实施上述行为的；"]
    graver = [items[0].replace("十万元以上不满五十万元", "五十万元以上"), items[1].replace("五万元以上不满十万元", "三十万元以上")]
    second_list = "实施前款规定的行为，具有下列情形之一的，应当认定为“情节特别严重”："
    text = "\n".join([
        "关于办理某类刑事案件适用法律若干问题的解释", "第一条 为依法惩治相关犯罪，制定本解释。",
        "第二条 实施甲行为，具有下列情形之一的，应当认定为“情节严重”：", *items, "（四）其他情节严重的情形。",
        "第三条 实施乙行为，具有下列情形之一的，应当认定为“情节严重”：", *items, "（四）其他情节严重的情形。",
        "第四条 实施丙行为，具有下列情形之一的，应当认定为“情节严重”：", *items,
        second_list, *graver, items[2], "第五条 本解释自发布之日起施行。"]) + "\n"
    assert all(len(i) > 40 for i in items) and kj1(text) == []
    # the conditions pasted again under an article's own number: a copy
    pasted = text.replace("第五条", "第三条 实施乙行为，具有下列情形之一的，应当认定为“情节严重”：\n" + "\n".join(items) + "\n第五条")
    assert "KJ104" in [f.code for f in kj1(pasted)]


def test_a_decision_amending_several_regulations_quotes_their_parallel_wording():
    """三、修改《…》 items quote each regulation's new wording; regulations on alike matters are worded
    alike. An item pasted again with its own number is still a copy."""
    preamble = "“为正确审理{}纠纷案件，依法保护当事人的合法权益，根据《中华人民共和国民法典》等法律的规定，结合审判实践，制定本解释。”"
    costs = "“{}法规定的制止侵权行为所支付的合理开支，包括权利人或者委托代理人对侵权行为进行调查、取证的合理费用。”"
    items = []
    for n, (name, law) in enumerate([("商标", "商标"), ("著作权", "著作权"), ("专利", "专利")]):
        items += [f"{'一二三'[n]}、修改《关于审理{name}民事纠纷案件适用法律若干问题的解释》", "1.将引言修改为：",
                  preamble.format(name), "2.将第十七条修改为：", costs.format(law)]
    text = "\n".join(["关于修改知识产权审判工作中适用的若干司法解释的决定", *items, "本决定自2021年1月1日起施行。"]) + "\n"
    assert kj1(text) == []
    pasted = text.replace("本决定", "\n".join(items[5:10]) + "\n本决定")
    assert "KJ104" in [f.code for f in kj1(pasted)]


PENALTY = ("由区市场监督管理部门责令限期改正，给予警告，没收违法所得；逾期不改正的，处二千元以上二万元以下罚款；"
           "情节严重的，处二万元以上十万元以下罚款，并可以责令停业整顿。")


def test_a_law_repeats_its_formulas_and_parallel_provisions_on_purpose():
    """Article after article, a law repeats its penalty formula and words parallel provisions
    alike (KJ102, KJ103), and may restate one provision in two chapters (KJ101): drafting, not a
    scraping fault. An article pasted again with its own number is still a copy."""
    text = "\n".join([
        "某市生活垃圾管理条例", "第一条 为加强生活垃圾管理，改善城乡环境，根据有关法律，制定本条例。",
        f"第二十条 违反本条例第八条规定，未按照要求设置分类收集容器的，{PENALTY}",
        f"第二十一条 违反本条例第九条规定，未按照规定时间投放生活垃圾的，{PENALTY}",
        "第二十二条 区人民政府应当每年组织有关部门对辖区内生活垃圾分类工作的开展情况进行检查，并将检查结果向社会公布。",
        "第二十三条 区人民政府应当每年组织有关部门对辖区内餐厨垃圾处置工作的开展情况进行检查，并将检查结果向社会公布。",
        "第三十条 收运单位应当按照规定的时间和路线收运生活垃圾，不得混装混运已分类的生活垃圾。",
        "第四十条 本条例自2025年1月1日起施行。"]) + "\n"
    assert kj1(text) == []
    pasted = text.replace("第四十条", "第二十二条 区人民政府应当每年组织有关部门对辖区内生活垃圾分类工作的开展情况进行检查，并将检查结果向社会公布。\n第四十条")
    assert [f.code for f in kj1(pasted)] == ["KJ101"]


def test_program_code_repeats_its_own_lines():
    """Statements, calls and web addresses recur in code listings: no prose is repeated."""
    code = ["wac = WebApplicationContextUtils.getRequiredWebApplicationContext(req.getServletContext());",
            "Activity1Service activity1Service = wac.getBean(Activity1Service.class);",
            "patern_pro(i,1) = patern_pro(i,1) + max_pro(i,j);", "http://api.example.com/sentiment/analysis"]
    text = "\n".join(["系统实现", "活动模块的控制器如下。", *code, "组织模块的控制器如下。", *code,
                      "patern_pro(i,2) = patern_pro(i,2) + max_pro(i,j);"]) + "\n"
    assert kj1(text) == []


def test_parallel_captions_fields_and_clauses_are_not_near_copies():
    text = "\n".join([
        "论文写作规范",
        "如图5-9所示，分别为红灯情况下，十折交叉验证和五折交叉验证时，新方法的准确率。",
        "如图5-10所示，分别为红灯情况下，十折交叉验证和五折交叉验证时，新方法的准确率。",
        "二级标题：黑体，4号，段前0.5行，段后0行，固定行间距20 pt。",
        "三级标题：黑体，小4号，段前0.5行，段后0行，固定行间距20 pt。",
        "Name名称：selectUserGovernOrgByUserId", "Name名称：selectUserGovernOrgByOrgId",
        "Description说明：插入用户参与的活动，注意在活动表中要做相应的修改", "Description说明：根据orgId选择组织",
        "Description说明：删除用户参与的活动，注意在活动表中要做相应的修改",
        "Definition定义: public List<Activity1> selectUserGovernActivityByUserId(int userId)",
        "Definition定义: public List<Activity1> selectUserEnrollActivityByUserId (int userId)",
        "2.提供相应技术工程师对乙方技术人员进行培训交流，并提供全部技术文档。",
        "5.提供相应技术工程师对甲方技术人员进行培训交流，并提供全部技术文档。",
    ]) + "\n"
    assert kj1(text) == []
    # The same caption for the same figure is a copy; so is a labelled sentence with a figure
    # edited, and the same 代表 (not a table) in both.
    caption = "如图5-9所示，分别为红灯情况下，十折交叉验证和五折交叉验证时，新方法的准确率。"
    assert [f.code for f in kj1(f"标题\n{caption}\n{P2}\n{caption.replace('五折', '三折')}\n")] == ["KJ102"]
    done = "主要做法：全年走访人大代表12名，召开专题会议8次，督办群众反映事项45件。"
    assert [f.code for f in kj1(f"标题\n{done}\n{P2}\n{done.replace('12名', '15名')}\n")] == ["KJ102"]


def test_reference_list_venues_are_not_repeated_passages():
    venue = ("In Proceedings of the 2019 Conference of the North American Chapter of the Association "
             "for Computational Linguistics: Human Language Technologies")
    refs = ["[1]Devlin, J., Chang, M., Lee, K., & Toutanova, K. (2019). BERT: Pre-training of Deep "
            f"Bidirectional Transformers. {venue}, 4171-4186.",
            "[2]Talmor, A., Herzig, J., Lourie, N., & Berant, J. (2019). CommonsenseQA: A Question "
            f"Answering Challenge Targeting Commonsense Knowledge. {venue}, 4149-4158.",
            "[3]Rajani, N., McCann, B., Xiong, C., & Socher, R. (2019). Explain Yourself! Leveraging "
            "Language Models for Commonsense Reasoning. In Proceedings of the 57th Annual Meeting of "
            "the Association for Computational Linguistics, 4932-4942."]
    text = "\n".join(["参考文献", *refs]) + "\n"
    assert kj1(text) == []
    # One reference listed twice is a real repeat.
    found = kj1(text + refs[1].replace("[2]", "[4]") + "\n")
    assert [(f.code, f.line) for f in found] == [("KJ102", 5)]


def test_a_template_of_labels_repeated_is_not_a_repeated_block():
    """Use cases repeat their labels (Actors, Trigger 触发条件 …) around different text."""
    def case(n, goal, actor, trigger):
        return [f"Use Case {n} 用例{n}", "Goal in Context 简要说明", goal, "End Condition 后置条件",
                "Success End Condition 成功后置条件", "界面显示操作成功。", "Actors", actor,
                "Trigger 触发条件", trigger]
    text = "\n".join(["需求规格说明书", *case(1, "用户通过探索，在地图上发现自己感兴趣的活动并报名。", "用户", "用户选择报名活动。"),
                      *case(2, "用户进入活动详情页后，可以关注该活动或者取消关注。", "用户", "用户选择关注活动。")]) + "\n"
    assert kj1(text) == []


def _repetitive_texts() -> list[str]:
    """Texts full of exact and edited repeats: few distinct characters, copies with changes."""
    rng = random.Random(3)
    texts = ["", "甲" * 30, "甲乙" * 200]
    for _ in range(60):
        alphabet = "甲乙丙丁戊己庚辛"[:rng.randint(1, 8)]
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        for _ in range(rng.randint(0, 5)):
            a = rng.randrange(len(t) + 1)
            piece = list(t[a:a + rng.randint(10, 150)])
            for _ in range(rng.randint(0, 3)):
                if piece:
                    piece[rng.randrange(len(piece))] = rng.choice("子丑寅")
            t += "".join(rng.choice("金木水火土") for _ in range(rng.randint(0, 20))) + "".join(piece)
        texts.append(t)
    return texts


def _index(found, text: str, k: int) -> tuple[list[int], list[int], list[int]]:
    """first_sampled's values as lists, the first positions read one by one (the find path
    works them out when read)."""
    first, hits, latest = found
    return [first[p] for p in range(len(text) - k + 1)], list(hits), list(latest)


def _last_positions(text: str, k: int) -> list[int]:
    return [text.rfind(text[p:p + k]) for p in range(len(text) - k + 1)]


def test_extend_is_the_length_of_the_common_prefix():
    """_extend (rapidfuzz's Prefix on doubling blocks) against comparing character by character,
    for repeats short and long (past several blocks), astral characters and every limit."""
    from rapidfuzz.distance.Prefix import similarity

    rng = random.Random(11)
    body = "".join(rng.choice("甲乙丙丁𠀀ab") for _ in range(9000))
    for _ in range(3000):
        size = rng.choice([5, 70, 300, 9000])
        noise = "".join(rng.choice("甲乙丙丁𠀀ab") for _ in range(rng.randrange(0, 40)))
        copy = list(body[:size])
        for _ in range(rng.randrange(0, 4)):  # a few characters of the copy changed
            copy[rng.randrange(size)] = "子"
        text = body[:size] + noise + "".join(copy)
        j = rng.randrange(size)
        i = j + size + len(noise) if rng.random() < 0.8 else rng.randrange(len(text))
        limit = rng.choice([0, 1, 17, 64, 65, 5000, len(text)])
        limit = min(limit, len(text) - max(i, j))
        expected = 0
        while expected < limit and text[i + expected] == text[j + expected]:
            expected += 1
        assert duplication._extend(text, i, j, limit, similarity) == expected
    # a copy of the whole body, from its start: a long common prefix
    text = body + "子" + body
    assert duplication._extend(text, len(body) + 1, 0, len(body), similarity) == len(body)


def test_the_kgram_indexes_agree(monkeypatch):
    """numpy hashes (long streams), str.find (drafts) and a dict (the streams between) give
    the same first positions and repeats (also with a character outside the Basic Multilingual
    Plane, two UTF-16 units); the last positions are exact at the sampled positions and an
    upper bound elsewhere, and repeated_stretches finds the same repeats with any of them."""
    import types

    texts = _repetitive_texts()
    for text in texts + [t.replace("丁", "𠀀") for t in texts if "丁" in t]:
        for k in (4, 12):
            if len(text) < k:
                assert _index(duplication.first_sampled(text, k, 4), text, k) == ([], [], [])
                continue
            by_dict = _index(duplication._first_sampled_dict(text, k, 4), text, k)
            by_find = _index(duplication._first_sampled_find(text, k, 4), text, k)
            hashed = _index(duplication._first_sampled_hashed(text, k, 4), text, k)
            exact = _last_positions(text, k)
            assert by_find[:2] == by_dict[:2] == hashed[:2]
            for latest in (by_find[2], by_dict[2], hashed[2]):
                assert latest[::4] == exact[::4]
                assert all(a >= b for a, b in zip(latest, exact))
            stretches = duplication.repeated_stretches(text, k)
            with monkeypatch.context() as m:
                m.setattr(duplication, "_first_sampled_hashed", lambda *a: None)
                assert duplication.repeated_stretches(text, k) == stretches
                m.setattr(duplication, "sys", types.SimpleNamespace(modules={}))  # no numpy: find or dict
                assert duplication.repeated_stretches(text, k) == stretches
                m.setattr(duplication, "FIND_BELOW", 0)
                assert duplication.repeated_stretches(text, k) == stretches


@pytest.mark.parametrize("with_numpy", [True, False])
def test_remembered_positions_are_those_a_list_per_kgram_would_hold(with_numpy, monkeypatch):
    """_Remembered keeps the repeats' ranges and reads them at a look-up: the candidates it gives
    are the first ones (in text order) of the positions that the look-ups and the ranges put
    there, as a list per k-gram filled at each repeat would hold them."""
    import types

    if not with_numpy:
        monkeypatch.setattr(duplication, "sys", types.SimpleNamespace(modules={}))
    seen = {"fills": 0, "added": 0}

    class Checked(duplication._Remembered):
        def __init__(self, earliest, latest, last, step):
            super().__init__(earliest, latest, last, step)
            self.every: dict[int, list[int]] = {}  # each range's positions, at once

        def add(self, lo, hi, end):
            super().add(lo, hi, end)
            for t in range(lo, hi, self.step):
                if self.latest[t] >= end:
                    self.every.setdefault(self.earliest[t], []).append(t)

        def fill(self, cands, key, i, limit):
            expected = sorted(set(cands) | {t for t in self.every.get(key, []) if t < i})[:limit]
            super().fill(cands, key, i, limit)
            assert cands == expected
            seen["fills"] += 1
            seen["added"] += len(cands) > 1

    monkeypatch.setattr(duplication, "_Remembered", Checked)
    body = "".join(_repetitive_texts()[5:9])
    texts = _repetitive_texts() + [body * 3, body + "壬癸" + body[:200] + body]
    for text in texts:
        for k in (4, 12):
            duplication.repeated_stretches(text, k)
    assert seen["fills"] > 100 and seen["added"] > 10


def test_a_hash_collision_falls_back_to_comparing_kgrams(monkeypatch):
    text = "甲乙丙丁戊己庚辛子丑寅丁壬癸"
    monkeypatch.setattr(duplication, "_HASH_MULTIPLIERS", (0,))  # every k-gram hashes to 0
    assert duplication._first_sampled_hashed(text, 4, 4) is None
    monkeypatch.setattr(duplication, "NUMPY_FROM", 0)
    found = duplication.first_sampled(text, 4, 4)
    assert isinstance(found[0], list)  # the dict's exact lists, which numpy can read
    by_dict, by_find = _index(found, text, 4), _index(duplication._first_sampled_find(text, 4, 4), text, 4)
    assert by_dict[:2] == by_find[:2] and by_dict[2][::4] == by_find[2][::4]


def test_equal_high_bits_of_different_hashes_fall_back(monkeypatch):
    """The sort groups k-grams by the high bits of their hashes (the position takes the low
    bits): two k-grams that differ only there are told apart, not merged."""
    # 甲乙丙丁 at 0 (a sampled position) and its neighbour in the lowest bit at 5: their hashes'
    # top bits are equal (both end in 丁), so both are sorted, and only the hashes' low bits,
    # which the position takes, tell them apart
    text = "甲乙丙丁戊" + chr(ord("甲") + 1) + "乙丙丁己"
    # a 4-gram's hash is its 4 UTF-16 units, the first in the lowest 16 bits
    monkeypatch.setattr(duplication, "_HASH_MULTIPLIERS", (1,))
    assert duplication._first_sampled_hashed(text, 4, 4) is None
    monkeypatch.setattr(duplication, "NUMPY_FROM", 0)
    assert list(map(list, duplication.first_sampled(text, 4, 4))) == list(map(list, duplication._first_sampled_dict(text, 4, 4)))
    monkeypatch.setattr(duplication, "NUMPY_FROM", 0)
    assert list(map(list, duplication.first_sampled(text, 4, 4))) == list(map(list, duplication._first_sampled_dict(text, 4, 4)))


@pytest.mark.parametrize("way", ["numpy", "python", "rapidfuzz"])
@pytest.mark.parametrize("cutoff", [0.0, 50.0, 90.0, 97.5, 100.0])
def test_similar_pairs_compares_only_similar_lengths_and_misses_nothing(cutoff, way, monkeypatch):
    """Every way: with numpy loaded, character counts rule pairs out first (_bag_bound); without,
    counted in Python for a few pairs (_bag_bound_py), or rapidfuzz compares every pair of
    similar length."""
    import types

    import numpy  # noqa: F401
    from rapidfuzz import fuzz

    if way != "numpy":
        monkeypatch.setattr(duplication, "sys", types.SimpleNamespace(modules={}))
    monkeypatch.setattr(duplication, "PY_BOUND_PAIRS", 10**6 if way == "python" else 0)
    rng = random.Random(int(cutoff))
    # 40 characters: the bucket counts of the numpy way hold several characters each
    base = "".join(chr(0x4E00 + rng.randrange(40)) for _ in range(120))
    texts = []
    for _ in range(70):
        t = base[:rng.randint(5, 120)]
        for _ in range(rng.randint(0, 12)):
            at = rng.randrange(len(t) + 1)
            t = t[:at] + chr(0x4E00 + rng.randrange(40)) + t[at + 1:]
        texts.append(t)
    texts += texts[10:13]  # exact copies
    every = sorted((a, b) for b in range(len(texts)) for a in range(b) if fuzz.ratio(texts[a], texts[b]) >= cutoff)
    assert sorted(duplication._similar_pairs(texts, cutoff)) == every
    assert cutoff == 0.0 or 0 < len(every) < len(texts) * (len(texts) - 1) // 2


def test_common_prefix_is_rapidfuzz_prefix_similarity():
    from rapidfuzz.distance.Prefix import similarity

    rng = random.Random(5)
    for _ in range(3000):
        a = "".join(rng.choice("甲乙") for _ in range(rng.randint(0, 70)))
        b = a[:rng.randint(0, len(a))] + "".join(rng.choice("甲乙丙") for _ in range(rng.randint(0, 9)))
        assert duplication._common_prefix(a, b) == duplication._common_prefix(b, a) == similarity(a, b)


def test_short_draft_without_similar_paragraphs_never_imports_rapidfuzz():
    """A short draft's paragraphs are bounded by their characters first (_bag_bound_py) and its
    repeated phrases measured by _common_prefix: with no paragraphs alike, rapidfuzz (9 ms to
    import) is not loaded; with two alike, it confirms them."""
    code = ("import sys\nfrom kjlint import lint_text\n"
            "codes = [f.code for f in lint_text(sys.argv[1], 'd.txt')]\n"
            "print('rapidfuzz' in sys.modules, 'KJ102' in codes)")
    apart = "某局工作总结\n一是加强组织领导，健全工作机制。\n二是强化资金保障，全年争取上级资金三千万元。\n三是深化改革创新，优化营商环境。\n"
    # a clean report with a phrase said twice: its repeat measured by _common_prefix
    repeats = (Path(__file__).parent.parent / "fixtures" / "clean" / "development-zone-annual.txt").read_text(encoding="utf-8")
    alike = apart + ("我们坚持以人民为中心的发展思想，扎实推进各项工作落实落地见效。\n"
                     "我们坚持以人民为中心的发展思想，扎实推进各项工作落实落地见成效。\n")
    assert run_python(code, apart, check=True).stdout.split() == ["False", "False"]
    assert run_python(code, repeats, check=True).stdout.split() == ["False", "False"]
    assert run_python(code, alike, check=True).stdout.split() == ["True", "True"]


@pytest.mark.parametrize("with_numpy", [True, False])
def test_unit_bounds_in_the_stream_are_those_of_one_conversion_each(with_numpy, monkeypatch):
    """Stream converts every unit's bounds to stream positions at once (numpy) or one by one:
    the same positions as `_raw_to_s` of each, bounds inside and at the edges of the
    formulaic phrases left out."""
    import types
    from types import SimpleNamespace

    if not with_numpy:
        monkeypatch.setattr(duplication, "sys", types.SimpleNamespace(modules={}))
    rng = random.Random(5)
    formulaic = ["贯彻(?:落实)?", "党的[一二三四五六七八九十]{2,3}大", "甲乙"]
    for _ in range(2000):
        pieces = ["".join(rng.choice("贯彻落实党的二十大精神甲乙") for _ in range(rng.randrange(0, 12)))
                  for _ in range(rng.randrange(1, 8))]
        units = [duplication.Unit(i, SimpleNamespace(text=p, start=0), p, p) for i, p in enumerate(pieces)]
        stream = duplication.Stream(units, formulaic)
        bounds = [0]
        for p in pieces:
            bounds.append(bounds[-1] + len(p))
        one_by_one = list(map(stream._raw_to_s, bounds))
        assert stream._raw_to_s_many(bounds) == one_by_one
        assert [(u.s0, u.s1) for u in units] == list(zip(one_by_one, one_by_one[1:]))


def test_informative_is_the_same_with_the_text_tests_known():
    """exact_pairs tests a repeated text once (informative_text) for all its paragraphs: the
    same verdict as testing each paragraph in full."""
    p = duplication.DEFAULTS["duplicate-paragraph"]
    texts = ["一、总体要求", "全年组织辖区企业申报省级科技项目十二项，争取上级资金八百万元。", "xx xx xx xx xx xx",
             "scaleX(n) 沿 X 轴缩放元素", "第一条 为了规范管理，根据有关规定，制定本办法。", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]
    doc = Document("\n".join(texts) + "\n")
    ctx = Context(load_catalog(), None, None, {})
    for u in duplication.build_units(doc, ctx):
        full = duplication.informative(u, p)
        u.informative = None
        assert duplication.informative(u, p, duplication.informative_text(u.norm, p)) == full


def test_a_title_repeated_at_the_top_is_reported_once_as_the_repeated_title():
    # a news page's headline copied twice above the text: KJ607's, not a duplicated paragraph
    from kjlint.engine import lint_text

    title = "人社部：就业持续增长、工资稳步提高、社保运行平稳"
    text = (f"{title}\n{title}\n"
            "新华社北京6月3日电 记者3日从人力资源和社会保障部了解到，全国就业持续增长，工资稳步提高。\n"
            "人社部相关负责人介绍，截至2016年末，全国就业人员达到77603万人，比上年末增加152万人。\n")
    assert [(f.code, f.line) for f in lint_text(text)] == [("KJ607", 2)]
    # the same paragraph repeated further down is still KJ101's
    body = text.splitlines()[2]
    again = text + body + "\n"
    assert ("KJ101", 5) in [(f.code, f.line) for f in lint_text(again)]


def test_a_copied_paragraph_s_line_is_judged_for_code_once():
    """A body pasted twice asks whether each paragraph is code in both copies (`exact_pairs`):
    the second copy's line, the same text, is not judged again (is_technical_line runs its code
    patterns on every line with a Latin letter: GDP, 5G, a name)."""
    body = ["全市GDP增长百分之六点五，经济运行总体平稳，主要指标好于预期。",
            "新建5G基站一千二百个，千兆光网覆盖所有城区和重点乡镇。",
            "引进ICT企业十八家，数字经济核心产业增加值占比提高两个百分点。",
            "PM2.5平均浓度下降百分之八，优良天数比例达到百分之九十。"]
    duplication._technical_line.cache_clear()
    found = kj1("\n".join(["标题", *body, *body]) + "\n")
    assert [f.code for f in found] == ["KJ104"]
    info = duplication._technical_line.cache_info()
    assert (info.misses, info.hits) == (len(body), len(body))


def test_list_marks_leave_the_norm_and_keep_the_piece():
    """build_units cuts the norms of all paragraphs in one batch and the pieces' heads of the
    marked ones in another: each paragraph's norm is its text without the list mark, its piece
    the whole text (a mark with an annotation right after it, or nothing after it, normalized
    with what follows), as normalizing each paragraph alone gives them."""
    from kjlint.normalize import fast_normalize

    texts = ["一是(shì)加强組織領導，全年召開專題會議十二次。", "（二）完善制度建设, 修订管理办法三项.", "3、", "1. 全年完成投资八亿元",
             "没有编号的段落，照常比较。", "①推进项目建设，新开工项目二十个。", "- 第一页要点"]
    doc = Document("\n".join(texts) + "\n")
    units = duplication.build_units(doc, Context(load_catalog(), None, None, {}))
    assert [u.norm for u in units] == [duplication.paragraph_norm(t) for t in texts]
    assert [u.piece for u in units] == [fast_normalize(t) for t in texts]


def test_a_pages_summary_cut_with_an_ellipsis_above_its_text_is_no_near_repeat():
    """A site's summary quoting the text from its start, cut at a length and closed by dots
    (各省气象局,…中心:  为进一步提高人...), above the addressee it quotes (fresh10 p116, invented
    text): the text's first paragraph is no near repeat of it."""
    from kjlint.engine import lint_text

    head = "某局关于印发某某工作指导意见的通知\n"
    addressee = "各省（区、市）气象局，各直属单位，各内设机构，某某区域人工影响天气中心："
    body = "为进一步提高人工影响天气的作业能力、管理水平和服务效益，现将指导意见印发给你们，请认真贯彻落实。\n"
    text = head + addressee + "  为进一步提高人...\n\n" + addressee + "\n\n" + body
    assert [f.code for f in lint_text(text) if f.code.startswith("KJ1")] == []
    # dots after words the text below does not start with: no summary of it, a near repeat
    other = head + addressee + "  请认真落实...\n\n" + addressee + "\n\n" + body
    assert "KJ102" in [f.code for f in lint_text(other)]


def test_a_run_of_many_drafts_imports_numpy_and_a_few_drafts_do_not(tmp_path):
    """numpy's import pays for itself over megabytes of drafts (runner.NUMPY_RUN_BYTES), not over
    a pre-commit hook's few files (here the threshold lies between two drafts and three)."""
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(P1 + P2, encoding="utf-8")
    code = ("import sys\nfrom kjlint import runner\n"
            f"runner.NUMPY_RUN_BYTES = {2 * len((P1 + P2).encode('utf-8')) + 10}\n"
            "files = sys.argv[1:]\n"
            "runner.lint_paths(files, jobs=1)\n"
            "print('numpy' in sys.modules)\n")
    few = run_python(code, *[str(tmp_path / "d0.txt"), str(tmp_path / "d1.txt")], timeout=120)
    many = run_python(code, *[str(tmp_path / f"d{i}.txt") for i in range(3)], timeout=120)
    assert (few.stdout.split(), many.stdout.split()) == (["False"], ["True"]), (few.stderr, many.stderr)
