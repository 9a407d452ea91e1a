"""The README stays true: generated rule catalogue, Quick start commands, CI calls the test command."""
import re

from helpers import ROOT
from kjlint.catalog import load_catalog
from kjlint.docs import rules_markdown
from kjlint.i18n import set_language

README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.S)


def test_rule_catalogue_in_readme_is_generated_from_packs():
    table = README.split("<!-- rules:start -->\n", 1)[1].split("<!-- rules:end -->", 1)[0]
    assert table == rules_markdown(load_catalog()), \
        "README rule catalogue is stale: run `python tests/test_readme.py`"


def test_rule_catalogue_of_the_chinese_readme_is_generated_from_packs():
    path = ROOT / "README.zh.md"
    if not path.is_file() or "<!-- rules:start -->" not in path.read_text(encoding="utf-8"):
        return  # the Chinese README has no generated catalogue (yet)
    table = path.read_text(encoding="utf-8").split("<!-- rules:start -->\n", 1)[1].split("<!-- rules:end -->", 1)[0]
    set_language("zh")
    assert table == rules_markdown(load_catalog()), \
        "README.zh.md rule catalogue is stale: run `python tests/test_readme.py`"


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_test_command():
    commands = quick_start_commands()
    assert len(commands) == 2 and all("\n" not in c for c in commands)
    assert "kjlint check fixtures/" in commands[0]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci, ".ci/run must run the README's test command verbatim"


def test_every_documented_format_exists():
    from kjlint.formats import FORMATS
    for name in ("text", "concise", "json", "jsonl", "sarif", "github", "rdjson", "junit"):
        assert f"`{name}`" in README and name in FORMATS


if __name__ == "__main__":  # regenerate the catalogue sections in place, whatever the locale
    for name, lang in (("README.md", "en"), ("README.zh.md", "zh")):
        path = ROOT / name
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        if "<!-- rules:start -->" not in text:
            continue
        set_language(lang)
        head, rest = text.split("<!-- rules:start -->\n", 1)
        tail = rest.split("<!-- rules:end -->", 1)[1]
        path.write_text(head + "<!-- rules:start -->\n" + rules_markdown(load_catalog())
                        + "<!-- rules:end -->" + tail, encoding="utf-8")
        print(f"{name}: rule catalogue regenerated")
