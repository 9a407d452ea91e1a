"""bench/benchenv.py: the benchmarks time the kjlint that PYTHONPATH names (this clone's when it
names none), wherever they are run from. `python -m kjlint` puts the working directory first on
sys.path: comparing two trees from one clone timed that clone twice (issue #11's speed bar)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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
