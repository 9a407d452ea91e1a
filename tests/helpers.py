"""Shared test helpers: run the CLI in-process or as a real subprocess."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: str | os.PathLike | None = None, input: str | bytes | None = None):
    """Invoke `kjlint ARGS` in-process; returns the click Result (exit_code, stdout, stderr)."""
    from kjlint.cli import main

    old = os.getcwd()
    try:
        if cwd:
            os.chdir(cwd)
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    finally:
        os.chdir(old)


def run_process(*args: str, cwd=None, timeout: int = 300, stdin: bytes | None = None, env: dict | None = None):
    """Run `python -m kjlint ARGS` as a real process (exit codes, stderr, start-up)."""
    return subprocess.run([sys.executable, "-m", "kjlint", *args], cwd=cwd, capture_output=True,
                          timeout=timeout, input=stdin, env=env)


def run_python(code: str, *args: str, timeout: int = 300, env: dict | None = None, check: bool = False):
    """Run a Python snippet in a fresh interpreter (start-up behaviour, hangs caught by `timeout`)."""
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=timeout, env=env, check=check)


def json_findings(result) -> list[dict]:
    return json.loads(result.stdout)
