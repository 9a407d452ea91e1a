"""What Word shows for characters set in the Symbol and Wingdings fonts.

These fonts are not Unicode: a list bullet or an inserted symbol is stored as a byte of the font
(0x20–0xFF), usually written as a private-use code point U+F020–U+F0FF (`w:sym w:char="F0A7"`,
a bullet `w:lvlText` of U+F0A7 with the Wingdings font), sometimes as the plain byte in a run
whose font is Symbol or Wingdings (`l` shown as ●). `symbol_char` maps either to the Unicode
character with the glyph Word displays, so that the extracted text reads as the page does.

Symbol follows the Adobe Symbol encoding. Wingdings follows the Unicode mapping of its glyphs,
except that shapes and arrows used as list bullets are given their Basic Multilingual Plane
equivalents (■ ◆ ➢ …), never an emoji code point: a bullet is not a pictograph.
"""
from __future__ import annotations

SYMBOL: dict[int, str] = {
    **{c: chr(c) for c in range(0x20, 0x7F)},  # ASCII punctuation and digits are the same
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅",
    **dict(zip(range(0x41, 0x5B), "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ")),
    0x5C: "∴", 0x5E: "⊥", 0x60: "‾",
    **dict(zip(range(0x61, 0x7B), "αβχδεφγηιϕκλμνοπθρστυϖωξψζ")),
    0x7E: "∼",
    **dict(zip(range(0xA0, 0xC0), "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵")),
    **dict(zip(range(0xC0, 0xE0), "ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓")),
    **dict(zip(range(0xE0, 0xF0), "◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪")),
    **dict(zip(range(0xF1, 0xFF), "〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭")),
}

WINGDINGS: dict[int, str] = {
    0x20: " ",
    **dict(zip(range(0x21, 0x5E), [
        "\U0001F589", "✂", "✁", "\U0001F453", "\U0001F56D", "\U0001F56E", "\U0001F56F", "\U0001F57F", "✆",
        "\U0001F582", "\U0001F583", "\U0001F4EA", "\U0001F4EB", "\U0001F4EC", "\U0001F4ED", "\U0001F4C1",
        "\U0001F4C2", "\U0001F4C4", "\U0001F5CF", "\U0001F5D0", "\U0001F5C4", "⌛", "\U0001F5AE", "\U0001F5B0",
        "\U0001F5B2", "\U0001F5B3", "\U0001F5B4", "\U0001F5AB", "\U0001F5AC", "✇", "✍", "\U0001F58E", "✌",
        "\U0001F44C", "\U0001F44D", "\U0001F44E", "☜", "☞", "☝", "☟", "\U0001F590", "☺", "\U0001F610", "☹",
        "\U0001F4A3", "☠", "\U0001F3F3", "\U0001F3F1", "✈", "☼", "\U0001F4A7", "❄", "\U0001F546", "✞",
        "\U0001F548", "✠", "✡", "☪", "☯", "ॐ", "☸"])),
    **dict(zip(range(0x5E, 0x6A), "♈♉♊♋♌♍♎♏♐♑♒♓")),
    0x6A: "&", 0x6B: "&",
    **dict(zip(range(0x6C, 0x7F), "●❍■□◼❑❒⬧⧫◆❖⬥⌧⮹⌘❀✿❝❞")),
    0x7F: "▯",
    0x80: "⓪", **dict(zip(range(0x81, 0x8B), "①②③④⑤⑥⑦⑧⑨⑩")), 0x8B: "⓿",
    **dict(zip(range(0x8C, 0x96), "❶❷❸❹❺❻❼❽❾❿")),
    **dict(zip(range(0x96, 0x9E), "❧❧❧❧☙☙☙☙")),
    **dict(zip(range(0x9E, 0xB7), "·•▪○◯⦿◉◎◌▪◻✦✦★✶✴✹✵⯐⌖◇⌑⯑✪✰")),
    **{0xB7 + i: chr(0x1F550 + i) for i in range(12)},  # clock faces
    **dict(zip(range(0xC3, 0xCB), "⮰⮱⮲⮳⮴⮵⮶⮷")),
    **dict(zip(range(0xCB, 0xD5), "❧❧☙☙❧❧☙☙❦❦")),
    **dict(zip(range(0xD5, 0xDF), "⌫⌦⮘➢⮙⮛⮈⮊⮉⮋")),
    **dict(zip(range(0xDF, 0xEF), "←→↑↓↖↗↙↘⬅➔⬆⬇⬉⬈⬋⬊")),
    **dict(zip(range(0xEF, 0xFF), "⇦⇨⇧⇩⬄⇳⬀⬁⬃⬂▭▫✗✓☒☑")),
    0xFF: "⊞",
}

# Wingdings 2: only the glyphs forms use for their check boxes and ticks (a byte not listed shows
# as itself, as before): R ☑ and S ☒ beside the empty box £ □ (选项: R 重点项目 £ 一般项目), P ✓, O ✗.
WINGDINGS_2: dict[int, str] = {0x20: " ", 0x4F: "✗", 0x50: "✓", 0x52: "☑", 0x53: "☒", 0xA3: "□"}

FONTS = {"symbol": SYMBOL, "wingdings": WINGDINGS, "wingdings 2": WINGDINGS_2}


def symbol_font(name: str | None) -> dict[int, str] | None:
    """The character table of a symbol font by its name (None for a text font)."""
    return FONTS.get((name or "").strip().lower()) if name else None


def symbol_char(code: int, table: dict[int, str] | None) -> str | None:
    """The character shown for `code` (a font byte or U+F020–U+F0FF) in a symbol font, or None
    when `code` is neither or the font has no such glyph."""
    if table is None:
        return None
    if 0xF000 <= code <= 0xF0FF:
        code -= 0xF000
    return table.get(code) if code <= 0xFF else None


def render(text: str, table: dict[int, str] | None) -> str:
    """`text` of a run set in a symbol font as Word shows it (CJK and other text unchanged)."""
    if table is None:
        return text
    out = []
    for ch in text:
        shown = symbol_char(ord(ch), table) if (ord(ch) <= 0xFF or 0xF000 <= ord(ch) <= 0xF0FF) else None
        out.append(shown if shown is not None else ch)
    return "".join(out)


def fontless_bullet(code: int) -> str | None:
    """What a paragraph-leading private-use code U+F020–U+F0FF set in no symbol font stands for: a
    list bullet pasted with its character but not its font (WPS and copied lists leave `\uf0d8`
    in a plain run). Word shows it in whatever symbol font it falls back to; the text reads it as
    the bullet it is: Symbol's • for U+F0B7 (the usual Symbol bullet), else the Wingdings shape
    (➢ ▪ ● ◆ ✓ …), else •. Never a private-use character, never an emoji."""
    if not 0xF020 <= code <= 0xF0FF:
        return None
    if code == 0xF0B7:
        return "•"
    shown = WINGDINGS.get(code - 0xF000)
    return shown if shown is not None and shown.strip() and ord(shown) <= 0xFFFF else "•"
