"""The wheel ships the rule packs; the pre-commit hook works through the real pre-commit."""
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from helpers import ROOT

pytestmark = pytest.mark.slow


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=900, **kw)


def test_wheel_installs_outside_the_source_tree_and_runs(tmp_path):
    dist = tmp_path / "dist"
    r = run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)])
    assert r.returncode == 0, r.stderr[-3000:]
    wheel = next(dist.glob("kjlint-*.whl"))
    import zipfile
    names = zipfile.ZipFile(wheel).namelist()
    assert "kjlint/_rules/kj2-placeholders.yaml" in names and "kjlint/_rules/profiles.yaml" in names
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    r = run([str(bindir / "python"), "-m", "pip", "install", "-q", str(wheel)])
    assert r.returncode == 0, r.stderr[-3000:]
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "draft.txt").write_text("xx区科技局工作总结\n", encoding="utf-8")
    r = run([str(bindir / "kjlint"), "check", "--select", "KJ201", "draft.txt"], cwd=work)
    assert r.returncode == 1 and "KJ201" in r.stdout, r.stdout + r.stderr
    r = run([str(bindir / "kjlint"), "rules"], cwd=work)
    assert r.returncode == 0 and "KJ201" in r.stdout
    # The installed package must not be reading the source checkout's rules/
    r = run([str(bindir / "python"), "-c", "import kjlint.catalog as c; print(c.builtin_rules_dir())"], cwd=work)
    assert "_rules" in r.stdout and str(ROOT / "rules") not in r.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is required by pre-commit")
def test_pre_commit_try_repo(tmp_path):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    repo = tmp_path / "docs"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid"}
    run(["git", "init", "-q"], cwd=repo, env=env)
    (repo / "kjlint.toml").write_text('select = ["KJ201", "KJ202", "KJ301"]\n', encoding="utf-8")
    (repo / "draft.txt").write_text("xx区科技局2023年工作总结\n全年争取资金*万元。\n", encoding="utf-8")
    (repo / "clean.txt").write_text("区科技局2023年工作总结\n全年争取资金1200万元。\n", encoding="utf-8")
    run(["git", "add", "."], cwd=repo, env=env)
    bad = run([pre_commit, "try-repo", str(ROOT), "kjlint", "--files", "draft.txt"], cwd=repo, env=env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "KJ201" in bad.stdout
    good = run([pre_commit, "try-repo", str(ROOT), "kjlint", "--files", "clean.txt"], cwd=repo, env=env)
    assert good.returncode == 0, good.stdout + good.stderr
    # A staged file whose name starts with '-' is a file, not an option (the entry ends with --).
    (repo / "-x.txt").write_text("xx区科技局2023年工作总结\n", encoding="utf-8")
    run(["git", "add", "--", "-x.txt"], cwd=repo, env=env)
    dash = run([pre_commit, "try-repo", str(ROOT), "kjlint", "--all-files"], cwd=repo, env=env)
    assert dash.returncode == 1 and "-x.txt:1:1: KJ201" in dash.stdout, dash.stdout + dash.stderr
