"""The command line in the language in use (issue #13): the help of every command and option,
usage lines, click's own words (usage errors, "Options", "[default: …]") and the layout of help
in display cells, so that Chinese text stays aligned and wraps between characters.

Click reads help strings when the commands are defined, at import, before the language is
known: they are kept in English (the msgid, marked with `N_`) and translated when help is
shown. Click's own strings go through kjlint's catalogue: the `_` and `ngettext` of click's
modules are kjlint's (English is returned unchanged, so English output stays click's).

`--lang` is read from the arguments before click parses them, so that `kjlint check -h --lang zh`
shows Chinese help although `-h` comes first, and a usage error after it is in that language.
"""
from __future__ import annotations

import re
from functools import partial

import click

from .i18n import N_, _, language, ngettext, set_language

LANG_KEY = "kjlint.lang"  # in ctx.meta: the language given with --lang, if any
# What click names its path types with, at definition time: kept English (see install below).
_DEFINITION_TIME = frozenset({"file", "directory", "path"})


# --- click's own words ---------------------------------------------------------------------------

def _click_gettext(message: str) -> str:
    return message if message in _DEFINITION_TIME else _(message)


def install() -> None:
    """Route click's `_` and `ngettext` through kjlint's catalogue (idempotent, costs nothing)."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        if hasattr(module, "_"):
            module._ = _click_gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext


def _click_strings() -> None:  # pragma: no cover - never called: lists click's words for the catalogue
    """The strings of click that a kjlint user can meet, as click spells them (msgids)."""
    _("Usage:")
    _("Options")
    _("Commands")
    _("Positional arguments")
    _("Show this message and exit.")
    _("default: {default}")
    _("required")
    _("env var: {var}")
    _("(dynamic)")
    _("Aborted!")
    _("Error: {message}")
    _("Try '{command} {option}' for help.")
    _("Invalid value: {message}")
    _("Invalid value for {param_hint}: {message}")
    _("Missing argument")
    _("Missing option")
    _("Missing parameter")
    _("Missing {param_type}")
    _("Missing parameter: {param_name}")
    _("Missing command.")
    _("No such option {name!r}.")
    _("No such command {name!r}.")
    _("unknown error")
    _("Could not open file {filename!r}: {message}")
    ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1)
    ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 1)
    ngettext("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given.", 1)
    ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1)
    _("{value!r} is not a valid {number_type}.")
    _("{value} is not in the range {range}.")
    _("{value!r} is not a valid boolean. Recognized values: {states}")
    _("{name} {filename!r} does not exist.")
    _("{name} {filename!r} is a file.")
    _("{name} {filename!r} is a directory.")
    _("{name} {filename!r} is not readable.")
    _("{name} {filename!r} is not writable.")
    _("Option {name!r} does not take a value.")
    ngettext("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", 1)
    _("Argument {name!r} takes {nargs} values.")


# --- metavars: the placeholders after an option and in usage lines ------------------------------

_METAVAR = re.compile(r"\b(?:INTEGER RANGE|FLOAT RANGE|[A-Z][A-Z_]+)\b")


def metavar(text: str) -> str:
    """`text` (a metavar or usage piece such as `[OPTIONS]`, `FILE`, `INTEGER RANGE`,
    `KEY=VALUE`) with its English words in the language in use; choices ([text|json]) stay."""
    if language() == "en":
        return text
    # Translators: placeholders in usage lines and after options (kjlint check --config FILE).
    words = {
        "OPTIONS": _("OPTIONS"), "COMMAND": _("COMMAND"), "ARGS": _("ARGS"), "TEXT": _("TEXT"),
        "INTEGER": _("INTEGER"), "INTEGER RANGE": _("INTEGER"), "FLOAT": _("NUMBER"),
        "FLOAT RANGE": _("NUMBER"), "FILE": _("FILE"), "DIRECTORY": _("DIRECTORY"), "PATH": _("PATH"),
        "PATHS": _("PATHS"), "SELECTOR": _("SELECTOR"), "INPUTS": _("INPUTS"), "KEY": _("KEY"),
        "VALUE": _("VALUE"), "BOOLEAN": _("BOOLEAN"),
    }
    return _METAVAR.sub(lambda m: words.get(m.group(), m.group()), text)


class Option(click.Option):
    """An option whose help and metavar are translated when shown."""

    def make_metavar(self, *args, **kwargs) -> str:
        return metavar(super().make_metavar(*args, **kwargs))

    def get_help_record(self, ctx):
        english = self.help
        self.help = _(english) if english else english
        try:
            record = super().get_help_record(ctx)
        finally:
            self.help = english
        if record and language() != "en":  # click joins its notes with "; ": [默认：3，x>=2]
            spec, text = record
            record = spec, re.sub(r"\[[^\[\]]*\]$", lambda m: m.group().replace("; ", "，"), text)
        return record


class Argument(click.Argument):
    """An argument whose metavar (in usage lines and errors) is translated."""

    def make_metavar(self, *args, **kwargs) -> str:
        return metavar(super().make_metavar(*args, **kwargs))


option = partial(click.option, cls=Option)
argument = partial(click.argument, cls=Argument)


# --- layout in display cells ---------------------------------------------------------------------

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Marks that never start a line, and marks that never end one (Chinese typesetting, 避头尾).
NO_START = set("，。、；：！？）】》」』”’…,.;:!?)]%")
NO_END = set("（【《「『“‘([")


def cells(text: str) -> int:
    """Display cells of `text` (wide characters take two, ANSI colour none)."""
    from .document import display_width

    return display_width(_ANSI.sub("", text))


def _wide(text: str) -> bool:
    return cells(text) != len(_ANSI.sub("", text))


_KEEP_TOGETHER = re.compile(r"\[[^\[\]]{1,30}\]")  # what click adds after help: [默认：text]


def _tokens(paragraph: str) -> list[str]:
    """Spaces, single wide characters, and runs of narrow ones (a word, an option name, `KJ2`);
    a character of no width (a combining mark) stays with the one before; a short bracketed
    note ([默认：text]) is one token."""
    out: list[str] = []
    pos = 0
    for m in _KEEP_TOGETHER.finditer(paragraph):
        out += _char_tokens(paragraph[pos:m.start()])
        out.append(m.group())
        pos = m.end()
    return out + _char_tokens(paragraph[pos:])


def _char_tokens(paragraph: str) -> list[str]:
    out: list[str] = []
    narrow = False  # whether out[-1] is a run of narrow characters that may go on
    for ch in paragraph:
        w = cells(ch)
        if ch.isspace():
            if out and out[-1].isspace():
                out[-1] += ch
            else:
                out.append(ch)
            narrow = False
        elif w == 0 and out:
            out[-1] += ch
        elif w == 1 and narrow:
            out[-1] += ch
        else:
            out.append(ch)
            narrow = w == 1
    return out


def _split_word(word: str, width: int) -> tuple[str, str]:
    """The longest start of `word` within `width` cells (one character at least), and the rest:
    a word longer than a line is cut between characters, never inside one."""
    used = 0
    for i, ch in enumerate(word):
        used += cells(ch)
        if used > width and i:
            return word[:i], word[i:]
    return word, ""


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """One paragraph in lines of at most `width` cells (indent included): breaks at spaces and
    between wide characters, no line starting with a closing mark or ending with an opening one."""
    tokens = _tokens(" ".join(text.split()))
    lines: list[str] = []
    line: list[str] = []
    indent = initial_indent

    def room() -> int:
        return max(width - cells(indent), 2)

    def used() -> int:
        return sum(cells(t) for t in line)

    def flush() -> None:
        nonlocal line, indent
        while line and line[-1].isspace():
            line.pop()
        lines.append(indent + "".join(line))
        line, indent = [], subsequent_indent

    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.isspace():
            if line:
                line.append(" ")
            i += 1
            continue
        if used() + cells(t) <= room():
            line.append(t)
            i += 1
            continue
        if not line:  # a word longer than a line
            head, rest = _split_word(t, room())
            line.append(head)
            tokens[i] = rest
            if not rest:
                i += 1
            flush()
            continue
        carry: list[str] = []
        if t in NO_START:  # the character before moves down with the mark (and marks before it)
            while len([x for x in line if not x.isspace()]) > 1:
                carry.insert(0, line.pop())
                if carry[0] not in NO_START:
                    break
        while line and line[-1] in NO_END and len(line) > 1:
            carry.insert(0, line.pop())
        flush()
        line = carry
    if line or not lines:
        flush()
    return lines


def wrap_text(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "",
              preserve_paragraphs: bool = False) -> str:
    """click.formatting.wrap_text, measuring display cells when the text holds wide characters
    (English help is wrapped by click itself, unchanged)."""
    if not (_wide(text) or _wide(initial_indent)):
        return click.formatting.wrap_text(text, width, initial_indent, subsequent_indent, preserve_paragraphs)
    paragraphs = re.split(r"\n\s*\n", text.strip()) if preserve_paragraphs else [text]
    out = []
    for n, paragraph in enumerate(paragraphs):
        first = initial_indent if n == 0 else subsequent_indent
        out.append("\n".join(wrap(paragraph, width, first, subsequent_indent)))
    return "\n\n".join(out)


class HelpFormatter(click.HelpFormatter):
    """click's help formatter, counting display cells: wide characters take two, so that Chinese
    help wraps within the terminal and its columns line up."""

    def write_heading(self, heading: str) -> None:
        # Translators: a heading of the help ("Options:"), {heading} being translated already.
        line = _("{heading}:").format(heading=heading)
        self.write(f"{'':>{self.current_indent}}{line}\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            usage = _("Usage:")
            prefix = usage if usage.endswith("：") else usage + " "  # a full-width colon holds its space
        if not (_wide(prefix) or _wide(args)):
            return super().write_usage(prog, args, prefix)
        usage_prefix = f"{prefix:>{self.current_indent}}{prog} "
        text_width = self.width - self.current_indent
        indent = " " * cells(usage_prefix)
        if not args:
            self.write(usage_prefix.rstrip(" ") + "\n")
            return
        self.write("\n".join(wrap(args, text_width, usage_prefix, indent)))
        self.write("\n")

    def write_text(self, text: str) -> None:
        if not _wide(text):
            return super().write_text(text)
        indent = " " * self.current_indent
        self.write(wrap_text(text, self.width, indent, indent, preserve_paragraphs=True))
        self.write("\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not any(_wide(a) or _wide(b) for a, b in rows):
            return super().write_dl(rows, col_max, col_spacing)
        first_col = min(max((cells(a) for a, _b in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if cells(first) <= first_col - col_spacing:
                self.write(" " * (first_col - cells(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            text_width = max(self.width - first_col - 2, 10)
            lines = wrap_text(second, text_width, preserve_paragraphs=True).splitlines()
            self.write(f"{lines[0] if lines else ''}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n" if line else "\n")


class Context(click.Context):
    formatter_class = HelpFormatter


# --- commands ------------------------------------------------------------------------------------

def lang_in(args) -> str | None:
    """The value of `--lang` among `args` (before a `--`), when it is a language kjlint speaks."""
    for i, arg in enumerate(args):
        if arg == "--":
            return None
        value = None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in ("zh", "en"):
            return value
    return None


def _choose_language(ctx, _param, value):
    if value:
        set_language(value)
        ctx.meta[LANG_KEY] = value
    return value


LANG_HELP = N_("Language of messages, help and reports: zh (Chinese) or en (English); default: lang in the "
               "configuration, then KJLINT_LANG, then the locale.")


def _lang_param() -> Option:
    return Option(["--lang"], type=click.Choice(["zh", "en"]), expose_value=False, is_eager=True,
                  callback=_choose_language, help=LANG_HELP)


def lang_option(f):
    """`--lang zh|en` (exposes no value: the language is process-wide, see kjlint.i18n)."""
    if isinstance(f, click.Command):
        f.params.append(_lang_param())
    else:
        f.__click_params__ = [*getattr(f, "__click_params__", []), _lang_param()]
    return f


def explicit_language(ctx=None) -> bool:
    """Whether this invocation was given --lang (which configuration does not override)."""
    ctx = ctx or click.get_current_context(silent=True)
    return bool(ctx and ctx.meta.get(LANG_KEY))


def apply_configured_language(settings) -> None:
    """`lang` of the configuration (Settings), unless --lang was given; KJLINT_LANG and the locale
    come after it (see kjlint.i18n)."""
    if settings.lang and not explicit_language():
        set_language(settings.lang)


def configured_language() -> None:
    """For a command that reads no configuration otherwise (dedupe, diff): `lang` of the
    configuration of the current folder; a broken configuration is left to the commands that use
    it."""
    if explicit_language():
        return
    from .config import ConfigError, ConfigResolver

    try:
        apply_configured_language(ConfigResolver().for_path("."))
    except ConfigError:
        pass


HELP_OPTION_HELP = N_("Show this message and exit.")


class _Translated:
    """Help text, short help, usage pieces and the help option translated when shown."""

    context_class = Context

    def parse_args(self, ctx, args):
        lang = lang_in(args)
        if lang:
            _choose_language(ctx, None, lang)
        return super().parse_args(ctx, args)

    def format_help_text(self, ctx, formatter):
        english = self.help
        self.help = _(english) if english else english
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = english

    def get_short_help_str(self, limit: int = 45) -> str:
        english = self.help
        text = self.short_help or english or ""
        text = _(text) if text else text  # _("") would be the catalogue's header
        if not _wide(text):  # English: click's own short help
            self.help = _(english) if english else english
            try:
                return super().get_short_help_str(limit)
            finally:
                self.help = english
        first = re.split(r"(?<=[。；！？])", " ".join(text.split()), maxsplit=1)[0]
        first = first.rstrip("。")
        if cells(first) > limit:  # `limit` cells at most, as click's English short help
            first, _rest = _split_word(first, limit - 1)
            first += "…"
        return first

    def collect_usage_pieces(self, ctx):
        return [metavar(p) for p in super().collect_usage_pieces(ctx)]

    def get_help_option(self, ctx):
        opt = super().get_help_option(ctx)
        if opt is not None:
            opt.help = _(HELP_OPTION_HELP)  # click caches the option, with the language of its first use
        return opt


class Command(_Translated, click.Command):
    pass


class Group(_Translated, click.Group):
    command_class = Command


def command(**kwargs):
    """click.command of class Command (help given as `help=N_(…)`), with `--lang` last among its
    options."""
    kwargs.setdefault("cls", Command)

    def decorator(f):
        return lang_option(click.command(**kwargs)(f))

    return decorator


install()
