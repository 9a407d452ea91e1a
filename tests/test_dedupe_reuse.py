"""Dedupe normalization reuses the lint rules' knowledge instead of keeping its own lists."""
from kjlint.catalog import load_catalog
from kjlint.dedupe.normalize import boilerplate_phrases, normalize


def test_boilerplate_phrases_come_from_the_kj601_rule():
    rule = load_catalog().rules["KJ601"]
    listed = {p for g in rule.params["groups"] for key in ("line-start", "anywhere") for p in g.get(key, [])}
    phrases = set(boilerplate_phrases())
    assert "免责声明" in listed and "免责声明" in phrases
    assert len(listed & phrases) >= len(listed) * 0.9


def test_site_chrome_and_pinyin_do_not_change_the_normalized_text():
    body = "全年组织企业申报项目12项，争取上级资金300万元。"
    scraped = "當前位置:首頁 > 範文\n" + "全年組織企業申報項(xiàng)目12項，爭取上級資金300萬(wàn)元。\n免责声明:本文仅限学习分享。"
    assert normalize(scraped) == normalize(body)
