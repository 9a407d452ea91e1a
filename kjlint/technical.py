"""Lines written in a technical notation (code, markup, API listings) rather than in prose.

Developers' notes, specifications and course reports paste code and API references into a
Word file: `scaleX(n)	沿 X 轴缩放元素`, `dialog.Filter = "所有文件(*.*)|*.*"`,
`"订单查询" "/Shop/Order/Query";`, `max-width	元素的最大宽度`. There an
`x` or a `*` is a variable, an axis or a wildcard, not a mask, and parallel lines that differ
in one identifier are a listing, not a repeated paragraph. The rules that would misread such
lines (see `ruletypes.TECHNICAL_EXEMPT`) leave them alone.

A line is technical when it shows code syntax (a call `name(…)`, an assignment, a statement
`;`, a markup tag, a dotted name `System.IO.File`, a path `/Area/Page/Index`, a `//` comment)
or opens with an identifier being defined (`RetryInterval：…`, `bordercolor<TAB>…`),
and, for code syntax, Chinese characters are less than half of what it holds: prose that
mentions one function stays prose. A program's string literals are its own text, not the
line's language: `st.error("❌ 请求超时，请重试")` is a call whose message is Chinese, so the
code patterns and the share are judged with ASCII-quoted strings emptied; so is a comment after a
statement (`int flag;   //判断第几次诊断(主要针对B类患者)`).
"""
from __future__ import annotations

import re

from .diskcache import compile_regex

# Web addresses and e-mail addresses are taken out first: a URL in a sentence is no code.
_ADDRESS = compile_regex(r"(?:https?://|www\.)[!-~]+|[!-~]+@[!-~]+")
_CODE = compile_regex(
    r"[A-Za-z_]*[a-z][A-Za-z0-9_]*\([ -~]*\)"  # a call: scaleX(n), Index(), rgb(x,x,x)
    r"|[A-Za-z_][A-Za-z0-9_.\[\]\"']*[ \t]*(?:[=!]=|\+=|=)[ \t]*[^\s=]"  # state = 1, a.b == c
    r"|[!-~];[ \t]*(?://.*)?$"  # a statement: …Index";
    r"|</?[A-Za-z][A-Za-z0-9]*(?:[ \t][^<>\n]*)?/?>"  # a markup tag: <abbr title="…">
    r"|\b[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){2,}"  # a dotted name: System.IO.File, a.b.c
    r"|\b[A-Za-z_]*[a-wyz][A-Za-z_]*\.[A-Za-z_]*[a-wyz][A-Za-z_]*\b"  # sys.syscolumns (not x.xx)
    r"|(?<![\w:/])/[A-Za-z_]\w*/[A-Za-z_]"  # a path: "/Shop/Order/Query"
    r"|(?<![:/])//[ \t]*\S"  # a comment: //已测试
    # an SQL statement's opening: INSERT INTO aud_log (…, SELECT 'UF', voucher_id, UPDATE t SET
    r"|^[ \t]*(?:INSERT[ \t]+INTO|DELETE[ \t]+FROM|UPDATE[ \t]+[A-Za-z_]\w*[ \t]+SET|SELECT[ \t]+(?:DISTINCT[ \t]+)?[A-Za-z_*'\"(]"
    r"|(?:CREATE[ \t]+(?:TABLE|VIEW|INDEX|DATABASE|PROCEDURE)|ALTER[ \t]+TABLE|DROP[ \t]+(?:TABLE|VIEW|INDEX|DATABASE))\b"
    # a graph query's clause (Cypher): MATCH (p:Person)-[:负责]->(proj), MERGE (n…, RETURN p, proj, c
    r"|(?:OPTIONAL[ \t]+)?MATCH[ \t]*\(|MERGE[ \t]*\(|RETURN[ \t]+[A-Za-z_]\w*(?:\.\w+)?[ \t]*(?:,|$))"
    # a command line's options, after a blank or a colon: -Xms2048M -Xmx1048M, -XX:+PrintFlagsFinal,
    # --user=root (not COVID-19, 2-3, 区-A1)
    r"|(?<![^ \t：:])(?:--[A-Za-z][\w-]*(?:=\S+)?|[-+][A-Za-z]+(?::[+\-<\[A-Za-z]|\d))"
    # a class's declaration: class SProcess : public QPushButton, struct node {, class A extends B
    r"|\b(?:class|struct|interface|enum)[ \t]+[A-Za-z_]\w*[ \t]*(?::[ \t]*(?:public|private|protected)\b|\{|extends\b|implements\b)",
    re.ASCII,
)
# A comment after a statement (int flag;   //判断第几次诊断(主要针对B类患者)): the program's own note,
# in whatever language, not the line's
_TRAILING_COMMENT = compile_regex(r"(?<=[;{}),])[ \t]*//.*$")
# An identifier defined at the start of the line: camelCase, hyphenated or dotted names and
# lower-case words before a tab; not a form label (Tel：, Email：, GDP：).
_DEFINED = compile_regex(
    r"^[ \t]*(?:[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z]+[A-Z][A-Za-z0-9]*|[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+)"
    r"[ \t]*(?:\t|[：:])"
    r"|^[ \t]*[a-z][a-z0-9]{3,}[ \t]*\t",
)
# A field of a data sample (an API's response, a JSON or YAML object shown field by field): a
# lower-case identifier (a page's `ID:10590117` is its metadata), a colon and a literal or nothing (name:"holyZhengs", user_id:3, data:Array(5), user:).
_DATA_FIELD = compile_regex(
    r"^[ \t]*[\"']?[a-z_][A-Za-z0-9_]+[\"']?[ \t]*:[ \t]*"
    r"(?:\"[^\"\n]*\"|'[^'\n]*'|-?\d+(?:\.\d+)?|true|false|null|None|\[\]|\{\}|Array\(\d+\)|[\[{])?[ \t]*,?[ \t]*$")
# No-break spaces, which code copied from a web page's code block keeps between its words
# (int\xa0mid\xa0=\xa0low;): read as spaces.
_NBSP = "\u00a0"
MAX_LINE = 1000
# A string literal in ASCII quotes (Chinese prose quotes with “…”): "…" or '…', on one line.
_LITERAL = compile_regex(r'"[^"\n]*"|\'[^\'\n]*\'')
_LETTER = compile_regex(r"[A-Za-z]")
_HAN_CLASS = "\u3400-\u9fff\uf900-\ufaff"
_HAN = compile_regex(f"[{_HAN_CLASS}]")
_NOT_HAN = compile_regex(f"[^{_HAN_CLASS}]+")


def is_technical(line: str) -> bool:
    """Is this line code, markup or an API listing rather than Chinese prose? A line longer
    than MAX_LINE is prose (and the patterns are never run on a run of 300,000 letters)."""
    if len(line) > MAX_LINE:
        return False
    text = line.replace(_NBSP, " ") if _NBSP in line else line
    if "@" in text or "://" in text or "www." in text:  # what every address holds
        # (a value of its own where it stands: String username = "-@qq.com"; stays an assignment)
        text = _ADDRESS.sub(" _ ", text)
    if _DEFINED.search(text) or _DATA_FIELD.match(text):
        return True
    # The share of Chinese first: it is cheaper than the code patterns, and a line that is half
    # Chinese or more is prose whatever code it shows.
    if _code_shaped(text):
        return True
    if "//" in text and _code_shaped(_TRAILING_COMMENT.sub(";", text)):
        return True
    return ('"' in text or "'" in text) and _code_shaped(_LITERAL.sub('""', text))


def _code_shaped(text: str) -> bool:
    """Less than half Chinese, and code syntax somewhere."""
    visible = len(text) - sum(text.count(c) for c in " \t\u3000")
    return len(_NOT_HAN.sub("", text)) * 2 < visible and _CODE.search(text) is not None


def is_technical_line(line: str) -> bool:
    """is_technical, the lines without a Latin letter (most) ruled out by one scan."""
    return _LETTER.search(line) is not None and is_technical(line)


# A line of a listing copied with its line numbers (a blog's code block: `1./* 节点 */`, `2.struct
# node {`, `6.` for an empty line): the number, then the code or nothing.
_NUMBERED = compile_regex(r"^[ \t]*(\d{1,4})[.．](?!\d)[ \t]*(.*)$")
MIN_LISTING = 5  # consecutive numbered lines that make a listing
_BRACES = compile_regex(r"[{};]")
_LISTING_COMMENT = compile_regex(r"[ \t\u00a0]*(?:/\*|//|#(?![0-9]))")


def technical_lines(lines: list[str]) -> frozenset[int]:
    """0-based indexes of the technical lines among `lines`, with every line of a listing quoted
    with its line numbers (see `_numbered_listings`)."""
    found = {i for i, line in enumerate(lines) if is_technical_line(line)}
    if found:  # a listing holds code: no code line, no listing
        found.update(_numbered_listings(lines, found))
        found.update(_sql_statements(lines, found))
    found.update(_box_diagrams(lines))
    return frozenset(found)


# A box's edge in a diagram drawn with ASCII characters: +------+, +----^----+, a corner and a run of dashes.
_BOX_EDGE = compile_regex(r"^[ \t]*[+|](?=[^\n]*-{3})[-=+|^v<>* \t]*$")
MIN_DIAGRAM = 3  # lines of a box diagram, its edges with them


def _box_diagrams(lines: list[str]) -> list[int]:
    """The lines of diagrams drawn with ASCII characters (a layered architecture's boxes:
    `+----------+` / `|  Controller  |` / `+----^-----+` / `     | 用户交互`): each run of lines next to
    a box's edge that are edges or open or close with a `|`, MIN_DIAGRAM lines or more. A caption
    in a box or beside an arrow is the drawing's, not prose: no template slot, no source line.
    A Markdown table has no `+` corners."""
    edges = [i for i, line in enumerate(lines) if "---" in line and "+" in line and _BOX_EDGE.match(line)]
    out: set[int] = set()

    def drawn(i: int) -> bool:
        text = lines[i].strip(" \t\u3000")
        return bool(text) and (text[0] in "|｜" or text[-1] in "|｜" or _BOX_EDGE.match(lines[i]) is not None)

    for i in edges:
        if i in out:
            continue
        a = i
        while a > 0 and drawn(a - 1):
            a -= 1
        b = i
        while b + 1 < len(lines) and drawn(b + 1):
            b += 1
        if b - a + 1 >= MIN_DIAGRAM:
            out.update(range(a, b + 1))
    return sorted(out)


# An SQL statement's first line; the statement runs on to the line that ends it with `;`.
_SQL_OPEN = compile_regex(r"^[ \t]*(?:INSERT|DELETE|UPDATE|SELECT|CREATE|ALTER|DROP)[ \t]")
MAX_STATEMENT = 40  # lines an SQL statement may run over


def _sql_statements(lines: list[str], code: set[int]) -> list[int]:
    """The continuation lines of the SQL statements opening on `code` lines (INSERT INTO aud_log
    (batch_id, …, / rows_affected, status) / VALUES ('BATCH-001', 'UF日期标准化', / …);): each
    line up to the one ending with `;`, no blank line between. A line of values with Chinese
    strings in it is the statement's, not prose broken inside a sentence."""
    out: list[int] = []
    for i in sorted(code):
        if not _SQL_OPEN.match(lines[i]):
            continue
        for j in range(i, min(len(lines), i + MAX_STATEMENT)):
            text = lines[j].rstrip()
            if not text:
                break
            if text.endswith(";"):
                out.extend(range(i + 1, j + 1))
                break
    return out


def _numbered_listings(lines: list[str], code: set[int]) -> list[int]:
    """The lines of code listings copied with their line numbers: MIN_LISTING lines or more in a
    row numbered one up from the line before (1. 2. 3. …), half of those with text or more code.
    A listing's empty line keeps its number alone (`6.`) and a line of prose inside it (a comment
    worded in Chinese) is still the listing's: read as numbered headings they would be items
    with no text. A numbered list of sentences has no code in it and stays prose."""
    out: list[int] = []
    run: list[int] = []
    last = None

    def close() -> None:
        worded = [i for i in run if _NUMBERED.match(lines[i]).group(2).strip()]
        if len(run) >= MIN_LISTING and worded and sum(map(coded, worded)) * 2 >= len(worded):
            out.extend(run)

    def coded(i: int) -> bool:
        # code by its syntax, a line of braces and statements (struct node {, };), a line of a
        # language's words without Chinese inside a listing (Verilog's begin, end, always@(…)), or
        # a comment worded in Chinese (/*选择输出*/, // 初始化)
        rest = _NUMBERED.match(lines[i]).group(2)
        if i in code or _LISTING_COMMENT.match(rest):
            return True
        return _HAN.search(rest) is None and (_BRACES.search(rest) is not None or _LETTER.search(rest) is not None)

    for i, line in enumerate(lines):
        m = _NUMBERED.match(line) if line[:8].lstrip(" \t")[:1].isdigit() else None
        number = int(m.group(1)) if m else None
        if number is not None and run and last is not None and number == last + 1 and run[-1] == i - 1:
            run.append(i)
        else:
            close()
            run = [i] if number is not None else []
        last = number
    close()
    return out


def glued_to_han(text: str, start: int, end: int) -> bool:
    """Is text[start:end] written against a Chinese character (`*万元`, `共xx家`)? Such a mask
    stands in Chinese prose even on a line that also holds code."""
    return bool((start > 0 and _HAN.match(text[start - 1])) or (end < len(text) and _HAN.match(text[end])))


def in_worded_string(text: str, start: int, end: int) -> bool:
    """Is text[start:end] inside an ASCII-quoted string worded in Chinese (a data sample's
    `application:"电话号码 156250xxxx"`)? The string is the sample's text, a mask in it a mask."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    return any(m.start() < start and end < m.end() and _HAN.search(m.group()) is not None
               for m in _LITERAL.finditer(text, lo, hi))


def between_han(text: str, start: int, end: int) -> bool:
    """Does text[start:end] join two Chinese characters (`赌场_澳门`, `辦法_第1頁`)?"""
    return bool(start > 0 and end < len(text) and _HAN.match(text[start - 1]) and _HAN.match(text[end]))
