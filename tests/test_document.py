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
