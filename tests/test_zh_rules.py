"""Rules in Chinese and English (issue #13): every rule text of the built-in packs in both
languages, Chinese messages that read as 公文 review, a missing translation refused when a
built-in pack loads, a user's pack in one language, profiles and sections by their Chinese names,
`kjlint rule` / `kjlint rules` in both languages."""
from __future__ import annotations

import json
import re
import shutil
import string
import textwrap
from pathlib import Path

import pytest

from helpers import ROOT, json_findings, run_cli
from kjlint import catalog as catalog_module, i18n, lint_text
from kjlint.catalog import LANGUAGES, Catalog, PackError, load_catalog
from kjlint.docs import parameter_lines, rule_markdown, rules_markdown

DRAFT = textwrap.dedent("""\
    区科技局2023年工作总结
    当前位置：首页 > 范文 > 工作总结
    <!-- kjlint-disable KJ203 -->
    一、主要工作情况
    全年争取上级资金*万元，走访xx家企业。
    全年组织辖区企业申报省级科技项目十二项，争取上级资金八百万元。
    全年组织辖区企业申报省级科技项目十二项，争取上级资金八百万元。
    完成投资锟斤拷锟斤拷万元，区ç§‘æŠ€å±€全力支持。
    一是加强学习。三是强化督查。
    （一）加快园区道路建设
    （三）完善园区配套服务
    全年完成项目申报12項，推进项目建设。📈
    二、下一步计划
    继续推进项目建设。点击阅读全文
    """)
FAMILIES = {"KJ0", "KJ1", "KJ2", "KJ3", "KJ4", "KJ5", "KJ6", "KJ7"}
CJK = re.compile(r"[\u4e00-\u9fff]")
# What may stay in Latin letters in a Chinese message: codes, technical names a Chinese reader of
# such messages knows, code points and byte values, the document's encoding.
ALLOWED = re.compile(r"KJ\d+|U\+[0-9A-F]{4,6}|0x[0-9A-F]{2}|GB/T|GBK|UTF-8|Latin-1|CP1252|OCR|HTML|Markdown|"
                     r"gb18030|utf-8|utf-16|latin-1|cp1252|gbk|big5", re.I)
QUOTED = re.compile(r"“[^”]*”|`[^`]*`")


def english_words(message: str, names: set[str] = frozenset()) -> list[str]:
    """Words in Latin letters left in a Chinese message once quoted document text, codes, rule
    names and allowed technical names are taken out."""
    text = QUOTED.sub("", message)
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    text = ALLOWED.sub("", text)
    return re.findall(r"[A-Za-z]{2,}", text)


def template_fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def per_language(value) -> bool:
    return isinstance(value, dict) and set(value) == set(LANGUAGES) and all(
        isinstance(v, str) and v.strip() for v in value.values())


@pytest.fixture
def zh():
    i18n.set_language("zh")
    yield
    i18n.set_language("en")


# --- the catalogue in both languages -------------------------------------------------------------

def test_every_rule_has_chinese_and_english_texts():
    catalog = load_catalog()
    assert {r.family for r in catalog.rules.values()} == FAMILIES
    for rule in catalog.rules.values():
        for key in ("title", "message", "description", "rationale"):
            text = rule.texts.get(key)
            assert per_language(text), (rule.code, key)
            assert CJK.search(text["zh"]), (rule.code, key, "no Chinese in the zh text")
            assert text["zh"] != text["en"], (rule.code, key)
        for key, text in [("message", rule.texts["message"]), *rule.messages.items()]:
            assert per_language(text), (rule.code, key)
            assert template_fields(text["zh"]) == template_fields(text["en"]), (rule.code, key)
            assert not english_words(re.sub(r"\{\w+\}", "", text["zh"]), {rule.name}), (rule.code, key, text["zh"])
        for key in ("description", "rationale"):
            assert rule.text(key, "zh") != rule.text(key, "en")
        assert rule.title and rule.text("title", "zh") != rule.name


def test_values_that_end_up_in_messages_are_given_in_both_languages():
    catalog = load_catalog()
    values = []
    for rule in catalog.rules.values():
        for spec in rule.params.get("context-fields") or []:
            values.append(spec["default"])
            values += [case["value"] for case in spec["cases"]]
        values += [group["label"] for group in rule.params.get("groups") or []]
    for profile in catalog.profiles.values():
        values += [section["label"] for section in profile.sections]
    assert len(values) > 60
    for value in values:
        assert per_language(value) and CJK.search(value["zh"]), value
        assert not re.search(r"[A-Za-z(（]", value["zh"]), value  # no more 存在问题 (problems)


def test_every_parameter_of_every_rule_is_explained_in_both_languages():
    catalog = load_catalog()
    for lang in LANGUAGES:
        i18n.set_language(lang)
        for rule in catalog.rules.values():
            lines = parameter_lines(rule)
            assert len(lines) == len(rule.params)
            for line in lines:
                meaning = line.split(" — ", 1)[1] if lang == "en" else line.rsplit("：", 1)[-1]
                assert " — " in line or "：" in line, (rule.code, line)
                assert len(meaning) > 8, (rule.code, line)
                assert "(?" not in line and "\\u" not in line, (rule.code, line)  # no raw regular expression
                if lang == "zh":
                    assert CJK.search(meaning), (rule.code, line)


# --- messages ------------------------------------------------------------------------------

def test_a_draft_with_a_defect_of_each_family_reads_in_chinese(zh):
    found = lint_text(DRAFT, profile="工作总结")
    assert {f.family for f in found} == FAMILIES
    messages = {(f.code, f.line): f.message for f in found}
    assert messages[("KJ202", 5)] == "金额缺失：“*”是星号占位符，请填写实际金额"
    assert messages[("KJ201", 5)] == "数量缺失：“xx”是占位符，请填写实际数量"
    assert messages[("KJ502", 11)] == "序号跳号：“（一）”之后是“（三）”，缺少“（二）”，请补上缺少的部分或改正序号"
    assert messages[("KJ505", 9)] == "列举跳号：“一是”之后是“三是”，请补上缺少的一项或改正序号"
    assert messages[("KJ101", 7)] == "段落重复：与第6行的段落相同，请删除重复的一段"
    assert messages[("KJ501", 3)] == ("缺少章节：工作总结应有“存在问题”部分（标题中含“问题 / 不足 / 短板 / 差距 / 困难”"
                                      "之一），请补写")
    assert messages[("KJ405", 8)] == ("乱码：“ç§‘æŠ€å±€”是 UTF-8 文字被当作 Latin-1/CP1252 读取的结果，"
                                      "原文为“科技局”，请改正")
    assert messages[("KJ601", 2)].startswith("网站模板文字（面包屑导航，“当前位置”）")
    assert messages[("KJ701", 12)] == "繁简混用：简体文档中有1个繁体字：項（全文繁体字1个、简体字66个），请改为简体"
    assert messages[("KJ002", 3)] == "无效的抑制指令：“<!-- kjlint-disable KJ203 -->”没有抑制任何问题，请删除"
    names = {r.name for r in load_catalog().rules.values()}
    for f in found:
        assert CJK.search(QUOTED.sub("", f.message)), f.message
        assert not english_words(f.message, names), f.message
        assert f.name in names and re.fullmatch(r"KJ\d{3}", f.code)  # stable in every language


def test_the_same_draft_reads_in_english_with_the_same_codes(zh):
    chinese = lint_text(DRAFT, profile="work-summary")
    i18n.set_language("en")
    english = lint_text(DRAFT, profile="work-summary")
    assert [(f.code, f.name, f.line, f.fingerprint) for f in english] == \
        [(f.code, f.name, f.line, f.fingerprint) for f in chinese]
    messages = {(f.code, f.line): f.message for f in english}
    assert messages[("KJ202", 5)] == "Asterisk mask `*` left in the text: an amount is missing"
    assert messages[("KJ502", 11)] == "Numbering gap: （三） after （一）; （二） missing"
    assert messages[("KJ501", 3)].startswith("Missing required section: 存在问题 (problems)")


def test_every_finding_on_the_fixtures_reads_in_chinese_with_a_template_of_its_rule(zh, monkeypatch):
    """Each key a check chooses is a template of the rule in the pack (not the fallback), and no
    message, related location or folded text is left in English."""
    from kjlint.catalog import Rule
    from kjlint.runner import Overrides, lint_paths

    unknown_keys = set()
    original = Rule.message_for

    def message_for(self, key, lang=None):
        if key is not None and key not in self.messages and self.builtin:
            unknown_keys.add((self.code, key))
        return original(self, key, lang)

    monkeypatch.setattr(Rule, "message_for", message_for)
    names = {r.name for r in load_catalog().rules.values()}
    seen = set()
    for folder, overrides in (("labeled", {}), ("kj1", {}), ("meta", {}), ("drafts", {}),
                              ("reference", {"options": (("report-unchanged", True),)}),
                              ("style", {"extend_select": ("KJ702",)}), ("profile", {"profile": "工作总结"})):
        files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fixtures" / folder).glob("*.txt"))
        import os
        old = os.getcwd()
        os.chdir(ROOT)
        try:
            results = lint_paths(files, jobs=1, overrides=Overrides(**overrides))
        finally:
            os.chdir(old)
        for result in results:
            assert result.error is None, result.error
            for f in result.findings:
                seen.add(f.code)
                assert not english_words(f.message, names), (f.code, f.message)
                for rel in f.related:
                    assert not english_words(rel.message, names), (f.code, rel.message)
    assert not unknown_keys
    assert len(seen) > 40


# --- loading packs -----------------------------------------------------------------------------

@pytest.fixture
def builtin_copy(tmp_path, monkeypatch):
    """A copy of the built-in packs that the loader takes for kjlint's own."""
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    monkeypatch.setattr(catalog_module, "builtin_rules_dir", lambda: rules)
    catalog_module._load_catalog_cached.cache_clear()
    yield rules
    catalog_module._load_catalog_cached.cache_clear()


@pytest.mark.parametrize("pack, old, new, expected", [
    ("kj2-placeholders.yaml", '      zh: "{missing}缺失：“{match}”是占位符，请填写实际{missing}"\n', "",
     "rule KJ201: field 'message' has no Chinese text ('zh')"),
    ("kj5-structure.yaml", '    title: {en: "Numbering gap", zh: "序号跳号"}', '    title: {zh: "序号跳号"}',
     "rule KJ502: field 'title' has no English text ('en')"),
    ("kj5-structure.yaml", '    title: {en: "Numbering gap", zh: "序号跳号"}', '    title: Numbering gap',
     "rule KJ502: field 'title' must be given per language"),
    ("kj5-structure.yaml", '    title: {en: "Numbering gap", zh: "序号跳号"}\n', "",
     "rule KJ502: field 'title' is missing"),
    ("kj5-structure.yaml", '        zh: "序号重复：“{number}”连续用了两次，请改正序号"\n', "",
     "rule KJ503: field 'messages.repeat' has no Chinese text"),
    ("kj1-duplication.yaml", '        zh: "段落（统一格式后）少于此字数的不报告。"\n', "",
     "rule KJ101: field 'parameters.min-length' has no Chinese text"),
    ("kj2-placeholders.yaml", "value: {en: an amount, zh: 金额}", "value: an amount",
     "field 'value' must be given per language"),
    ("kj6-contamination.yaml", "label: {en: breadcrumb, zh: 面包屑导航}", "label: {en: breadcrumb}",
     "field 'label' has no Chinese text"),
    ("profiles.yaml", "label: {en: 存在问题 (problems), zh: 存在问题}", "label: {en: 存在问题 (problems), fr: problèmes}",
     "unknown language 'fr'"),
])
def test_a_builtin_pack_missing_a_translation_is_an_error_when_it_loads(builtin_copy, pack, old, new, expected):
    from kjlint.ruletypes import verify_rule_examples

    path = builtin_copy / pack
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(PackError) as exc:
        catalog = load_catalog()
        # as the test suite checks the built-in rules (tests/test_packs.py): a parameter a check
        # reads when it first runs (KJ6's labels) fails there, not at every user's first run
        for rule in catalog.rules.values():
            verify_rule_examples(rule, catalog)
    assert pack in str(exc.value) and expected in str(exc.value)


def test_the_builtin_copy_loads_as_it_is(builtin_copy):
    assert "KJ201" in load_catalog().rules


HOUSE = textwrap.dedent("""\
    rules:
      - code: KJ901
        name: banned-phrase
        severity: warning
        type: phrases
        params: {phrases: [据不完全统计]}
        message: MESSAGE
        description: DESCRIPTION
        rationale: They weaken the figures they introduce.
        examples:
          bad: 据不完全统计，全年完成项目12项。
          good: 全年完成项目12项。
    """)


@pytest.mark.parametrize("message, description, english, chinese", [
    ('{zh: "避免使用“{match}”"}', "{zh: 含糊的说法}", "避免使用“据不完全统计”", "避免使用“据不完全统计”"),
    ('{en: "Avoid `{match}`"}', "{en: Vague phrases}", "Avoid `据不完全统计`", "Avoid `据不完全统计`"),
    ('"Avoid `{match}`"', "Vague phrases", "Avoid `据不完全统计`", "Avoid `据不完全统计`"),
    ('{en: "Avoid `{match}`", zh: "避免使用“{match}”"}', "{en: Vague, zh: 含糊}", "Avoid `据不完全统计`",
     "避免使用“据不完全统计”"),
])
def test_a_house_pack_may_give_one_language_and_the_other_falls_back_to_it(tmp_path, message, description,
                                                                           english, chinese):
    pack = tmp_path / "house.yaml"
    pack.write_text(HOUSE.replace("MESSAGE", message).replace("DESCRIPTION", description), encoding="utf-8")
    text = "据不完全统计，全年完成项目12项。"
    assert [f.message for f in lint_text(text, extend_rules=[str(pack)], select=["KJ901"])] == [english]
    i18n.set_language("zh")
    assert [f.message for f in lint_text(text, extend_rules=[str(pack)], select=["KJ901"])] == [chinese]
    rule = load_catalog((str(pack),)).rules["KJ901"]
    assert rule.title == "banned-phrase" and rule.description  # no title: its name stands for it


def test_a_house_pack_with_an_unknown_language_is_refused(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(HOUSE.replace("MESSAGE", '{fr: "Évitez {match}"}').replace("DESCRIPTION", "x"),
                    encoding="utf-8")
    with pytest.raises(PackError, match=r"house\.yaml: rule KJ901: field 'message': unknown language 'fr'"):
        load_catalog((str(pack),))


# --- profiles and sections by their Chinese names ----------------------------------------------

SUMMARY = "2023年科技局工作总结\n一、主要工作情况\n全年组织企业申报项目12项。\n二、下一步工作计划\n继续做好项目申报工作。\n"


@pytest.mark.parametrize("name", ["work-summary", "工作总结", " 工作总结 "])
def test_a_profile_is_named_by_its_key_or_its_chinese_name(name):
    found = lint_text(SUMMARY, profile=name)
    assert [(f.code, f.message) for f in found if f.code == "KJ501"] == [
        ("KJ501", "Missing required section: 存在问题 (problems) (a heading containing 问题 / 不足 / 短板 / 差距 / 困难) "
                  "for a 工作总结")]


def test_section_labels_are_fully_chinese_in_chinese_output(zh):
    found = [f.message for f in lint_text(SUMMARY, profile="述职报告") if f.code == "KJ501"]
    assert found == ["缺少章节：述职报告应有“存在问题”部分（标题中含“问题 / 不足 / 短板 / 差距”之一），请补写"]
    assert all(not re.search(r"[A-Za-z]", m) for m in found)


def test_profile_in_configuration_and_on_the_command_line_by_chinese_name(tmp_path, monkeypatch):
    (tmp_path / "d.txt").write_text(SUMMARY, encoding="utf-8")
    (tmp_path / "kjlint.toml").write_text('profile = "述职报告"\n', encoding="utf-8")
    found = json_findings(run_cli("check", "--format", "json", "d.txt", cwd=tmp_path))
    assert [f["code"] for f in found] == ["KJ501"] and "述职报告" in found[0]["message"]
    (tmp_path / "kjlint.toml").unlink()
    found = json_findings(run_cli("check", "--format", "json", "--profile", "工作计划", "d.txt", cwd=tmp_path))
    assert {f["code"] for f in found} == {"KJ501"} and all("工作计划" in f["message"] for f in found)
    (tmp_path / "kjlint.toml").write_text('profile = "工作汇报"\n', encoding="utf-8")
    result = run_cli("check", "d.txt", cwd=tmp_path)
    assert result.exit_code == 2
    assert "unknown profile '工作汇报'" in result.stderr and "work-summary (工作总结)" in result.stderr


def test_chinese_output_of_check_through_the_environment(tmp_path, monkeypatch):
    (tmp_path / "d.txt").write_text(SUMMARY, encoding="utf-8")
    monkeypatch.setenv("KJLINT_LANG", "zh")
    found = json_findings(run_cli("check", "--format", "json", "--profile", "工作总结", "d.txt", cwd=tmp_path))
    assert [(f["code"], f["name"], f["message"]) for f in found] == [
        ("KJ501", "missing-required-section",
         "缺少章节：工作总结应有“存在问题”部分（标题中含“问题 / 不足 / 短板 / 差距 / 困难”之一），请补写")]


def test_required_sections_named_in_chinese_or_english_take_the_profile_section(tmp_path, zh):
    toml = textwrap.dedent("""\
        select = ["KJ501"]
        profile = "工作总结"
        [required-sections]
        "存在问题" = []
        problems = ["不足"]
        lessons = ["经验体会"]
        """)
    (tmp_path / "kjlint.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "d.txt").write_text(SUMMARY, encoding="utf-8")
    found = [f["message"] for f in json_findings(run_cli("check", "--format", "json", "d.txt", cwd=tmp_path))]
    assert found == [
        "缺少章节：工作总结应有“存在问题”部分（标题中含“问题 / 不足 / 短板 / 差距 / 困难”之一），请补写",
        "缺少章节：工作总结应有“存在问题”部分（标题中含“不足”之一），请补写",
        "缺少章节：工作总结应有“lessons”部分（标题中含“经验体会”之一），请补写",
    ]


# --- kjlint rule / kjlint rules ---------------------------------------------------------------

def test_rule_command_in_chinese_explains_everything_in_chinese():
    names = {r.name for r in load_catalog().rules.values()}
    for code in load_catalog().rules:
        out = run_cli("rule", code, "--lang", "zh").stdout
        assert out.startswith(f"# {code} ") and "## 检查什么" in out and "## 为什么" in out and "## 错误示例" in out
        prose = re.sub(r"```text\n.*?\n```", "", out, flags=re.S)  # examples are document text
        prose = re.sub(r"`[^`\n]*`|\[tool\.kjlint\.rules\.KJ\d+\]|\([a-z-]+\)|（[a-z-]+）|[^\s、]+\.(?:yaml|txt)", "", prose)
        prose = re.sub(r'"[a-z-]+"', "", prose)  # a built-in check's name
        left = [w for w in english_words(prose, names) if w not in ("kjlint", "true", "MinHash", "Markdown", "PDF",
                                                                   "Word", "Unicode", "OpenCC", "XML", "Symbol",
                                                                   "Wingdings", "Windows", "GDP", "pre", "commit",
                                                                   "ql", "block", "NextPage", "nbsp", "br", "div",
                                                                   "KB", "VIP", "if", "ASCII", "gb")]
        assert not left, (code, left)


def test_rule_command_in_english_is_english_and_shows_no_regular_expression():
    for code in load_catalog().rules:
        out = run_cli("rule", code, "--lang", "en").stdout
        assert out.startswith(f"# {code} ") and "## What it does" in out
        params = out.split("## Parameters", 1)[1] if "## Parameters" in out else ""
        assert "(?" not in params and "\\u" not in params and "[\\" not in params, code
    out = run_cli("rule", "KJ101").stdout
    assert "- `min-length` = 16 — Paragraphs shorter than this many characters" in out


def test_rules_catalogue_in_chinese_for_the_chinese_readme():
    out = run_cli("rules", "--format", "markdown", "--lang", "zh").stdout
    lines = out.splitlines()
    assert lines[0] == "| 代码 | 名称 | 规则名 | 类别 | 级别 | 默认 | 自动修复 | 说明 |"
    assert "| KJ201 | 字母 x 占位符 | x-mask | 占位符 | 错误 | 开启 | 无 |" in out
    assert "| KJ501 | 缺少章节 | missing-required-section | 结构 | 警告 | 指定文种时开启 | 无 |" in out
    assert len(lines) == 2 + len(load_catalog().rules)
    english = run_cli("rules", "--format", "markdown", "--lang", "en").stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert english in readme  # README.md keeps the English catalogue


def test_rules_json_keeps_machine_values_and_gives_the_description_in_the_language():
    en = json.loads(run_cli("rules", "--format", "json", "--lang", "en").stdout)
    zh = json.loads(run_cli("rules", "--format", "json", "--lang", "zh").stdout)
    strip = [{k: v for k, v in r.items() if k != "description"} for r in en]
    assert strip == [{k: v for k, v in r.items() if k != "description"} for r in zh]
    assert {r["default"] for r in zh} == {"on", "opt-in", "with a profile"}
    assert all(CJK.search(r["description"]) for r in zh)


def test_rules_table_in_chinese_stays_aligned_in_a_narrow_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    out = run_cli("rules", "--lang", "zh").stdout
    from rich.cells import cell_len

    rows = [line for line in out.splitlines() if line.startswith(("│", "┃", "┏", "┡", "└"))]
    assert rows and len({cell_len(line) for line in rows}) == 1  # every row as wide as the frame
    assert "…" not in out  # wrapped, not cut
    assert "\ufffd" not in out


@pytest.mark.parametrize("old, new, expected", [
    ("severity: warning", "severity: fatal",
     "broken.yaml：规则 KJ901：字段“severity”：未知的级别 'fatal'（应为 error、warning 或 info）"),
    ("good: 全年完成项目12项。", "good: 据不完全统计，完成了。",
     "broken.yaml：规则 KJ901：字段“examples.good”第 1 个示例在位置 0 触发了规则：'据不完全统计，完成了。'"),
    ("name: banned-phrase", "name: Banned Phrase", "broken.yaml：规则 KJ901：字段“name”应为小写字母和短横线组成的名称"),
    ("    rationale: They weaken the figures they introduce.\n", "", "broken.yaml：规则 KJ901：缺少字段“rationale”"),
])
def test_a_malformed_pack_is_reported_in_chinese_naming_file_rule_and_field(tmp_path, zh, old, new, expected):
    pack = tmp_path / "broken.yaml"
    pack.write_text(HOUSE.replace("MESSAGE", '"Avoid `{match}`"').replace("DESCRIPTION", "x").replace(old, new),
                    encoding="utf-8")
    with pytest.raises(PackError) as exc:
        load_catalog((str(pack),))
    assert expected in str(exc.value)


def test_a_parameter_override_of_the_wrong_type_is_reported_in_chinese(zh):
    from kjlint.catalog import OverrideError

    with pytest.raises(OverrideError, match="rules.KJ302.min-length：应为整数，实际为 'abc'"):
        load_catalog(overrides={"KJ302": {"min-length": "abc"}})
    with pytest.raises(OverrideError, match="rules.KJ999：规则 'KJ999' 不存在"):
        load_catalog(overrides={"KJ999": {"min-length": 3}})
