from kjlint.document import Document, display_width


def test_positions_are_one_based_and_count_characters():
    doc = Document("第一行\n第二行xx\n")
    off = doc.text.index("xx")
    assert doc.position(off) == (2, 4)
    assert doc.position(0) == (1, 1)
    assert doc.line_text(2) == "第二行xx"


def test_crlf_line_endings_belong_to_the_line_ending():
    doc = Document("标题\r\n  正文一段。\r\n\r\n结尾")
    assert [l.text for l in doc.lines] == ["标题", "  正文一段。", "", "结尾"]
    assert [p.text for p in doc.paragraphs] == ["标题", "正文一段。", "结尾"]
    p = doc.paragraphs[1]
    assert doc.text[p.start:p.end] == "正文一段。"


def test_paragraphs_trim_ideographic_indentation():
    doc = Document("\u3000\u3000一是加强学习。\u3000\n")
    assert doc.paragraphs[0].text == "一是加强学习。"


def test_display_width_counts_wide_characters_twice():
    assert display_width("ab") == 2
    assert display_width("科技") == 4
    assert display_width("ｘ，") == 4


def test_pinyin_spans_skip_the_scan_in_a_text_without_a_tone_mark(monkeypatch):
    # Every annotation has a tone mark (總結(zǒng jié)): a text with parentheses but none (most
    # documents: (一), (a), (2024)) is not scanned for them at all.
    from kjlint import normalize

    class Refused:
        def finditer(self, text):
            raise AssertionError("scanned for pinyin annotations in a text without a tone mark")

    found = Document("總結(zǒng)與計劃").pinyin_spans
    monkeypatch.setattr(normalize, "PINYIN_ANNOTATION", Refused())
    assert Document("（一）工作(a)总结(2024)，(de)").pinyin_spans == []
    assert found == [(2, 8)]
