"""The engine options every command that runs on an engine shares (`--engine`, `--master`, `--conf`),
and the engine settings they make: one definition for `kjlint dedupe` and `kjlint check`."""
from __future__ import annotations

from typing import Any, Callable

import click

from ..clihelp import N_, option
from .base import ENGINES

ENGINE_HELP = N_("local: this machine; spark: the same method on a Spark cluster (pip install "
                 "'kjlint[spark]').")


def engine_options(engine_help: str = ENGINE_HELP) -> Callable:
    """Decorate a command with --engine, --master and --conf (parameters engine, master, spark_conf)."""
    options = [
        option("--engine", type=click.Choice(list(ENGINES)), default="local", show_default=True, help=engine_help),
        option("--master", default="local[*]", show_default=True, help=N_("(--engine spark) Spark master URL.")),
        option("--conf", "spark_conf", multiple=True, metavar="KEY=VALUE",
               help=N_("(--engine spark) Spark configuration property; repeatable.")),
    ]

    def apply(f: Callable) -> Callable:
        for deco in reversed(options):
            f = deco(f)
        return f

    return apply


def engine_settings(engine: str, jobs: int | None, master: str, spark_conf) -> dict[str, Any]:
    """The options `engine_named(engine, **…)` takes; ValueError names a malformed --conf."""
    if engine == "spark":
        return {"master": master, "conf": parse_conf(spark_conf)}
    return {"jobs": jobs}


def parse_conf(pairs) -> dict[str, str]:
    """`--conf key=value` options as a dict; a malformed one is a usage error naming it."""
    conf: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            from ..i18n import _

            raise ValueError(_("--conf expects key=value, got {pair}").format(pair=repr(pair)))
        conf[key.strip()] = value.strip()
    return conf
