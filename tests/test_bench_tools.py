"""The benchmarks' tools. bench/benchenv.py: the benchmarks time the kjlint that PYTHONPATH names
(this clone's when it names none), wherever they are run from; `python -m kjlint` puts the
working directory first on sys.path, and comparing two trees from one clone timed that clone
twice (issue #11's speed bar). bench/bench_rules.py: each rule's own time, without the rules it
runs itself."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def bench_dir(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "bench"))


@pytest.fixture
def bench_env(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "bench"))
    from benchenv import bench_env

    return bench_env


@pytest.mark.skipif(sys.version_info < (3, 11), reason="PYTHONSAFEPATH is read from Python 3.11")
def test_kjlint_of_pythonpath_runs_from_inside_a_clone(tmp_path, bench_env):
    other = tmp_path / "kjlint"
    other.mkdir()
    (other / "__init__.py").write_text("")
    (other / "__main__.py").write_text("print('the other tree')\n")
    out = subprocess.run([sys.executable, "-m", "kjlint", "--version"], cwd=ROOT, capture_output=True, text=True,
                         env=bench_env(PYTHONPATH=str(tmp_path)), timeout=60)
    assert out.stdout.strip() == "the other tree", out.stdout + out.stderr


def test_without_pythonpath_the_clone_of_the_benchmarks_is_timed(monkeypatch, bench_env):
    monkeypatch.delenv("PYTHONPATH", raising=False)
    env = bench_env()
    assert env["PYTHONPATH"] == str(ROOT)
    assert env["PYTHONSAFEPATH"] == "1"
    monkeypatch.setenv("PYTHONPATH", "/elsewhere")
    assert bench_env()["PYTHONPATH"] == "/elsewhere"


def test_own_time_leaves_out_the_checkers_a_checker_runs(bench_dir):
    """A rule consulting another (KJ101 asks KJ601's lines) runs it inside its own check: those
    seconds are the other rule's, once, and the outer rule keeps only its own."""
    from bench_rules import OwnTime

    now = [0.0]
    own = OwnTime(clock=lambda: now[0])

    def inner(doc, ctx):
        now[0] += 2.0
        return ["inner hit"]

    def outer(doc, ctx):
        now[0] += 1.0
        hits = inner_run(doc, ctx)
        now[0] += 0.5
        yield from hits

    inner_run = own.wrap("KJ601", inner)
    outer_run = own.wrap("KJ101", outer)
    assert outer_run(None, None) == ["inner hit"]
    assert inner_run(None, None) == ["inner hit"]
    assert dict(own.seconds) == {"KJ101": 1.5, "KJ601": 4.0}
