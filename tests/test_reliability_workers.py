"""Issue #12: worker processes exit when the main process goes (SIGTERM, SIGKILL, `timeout`, a
cancelled CI step), instead of living on forever.

Each run is held in the middle of its work by a named pipe that the test keeps open for writing
without writing to it: the main process (dedupe) or a worker (check) waits on it, the pool is up,
and the test kills the main process and checks that every process it started is gone.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DRAFT = "xx区科技局2021年工作总结\n一、主要工作\n全年完成项目十二项。\n"
GONE_WITHIN = 10.0  # seconds


def _children() -> dict[int, int]:
    """pid -> parent pid of every live (not zombie) process."""
    out = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z":
            out[int(entry)] = int(fields[1])
    return out


def descendants(pid: int) -> set[int]:
    table = _children()
    found, frontier = set(), {pid}
    while frontier:
        frontier = {c for c, p in table.items() if p in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    return pids & set(_children())


def _start(args, cwd, workers_expected: int) -> tuple[subprocess.Popen, set[int]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kjlint", *args], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        kids = descendants(proc.pid)
        if len(kids) >= workers_expected:
            time.sleep(1.0)  # let the pool settle into waiting
            return proc, descendants(proc.pid)
        assert proc.poll() is None, "kjlint ended before its workers were seen"
        time.sleep(0.1)
    proc.kill()
    pytest.fail("the worker pool never started")


def _assert_gone(pids: set[int]) -> None:
    deadline = time.monotonic() + GONE_WITHIN
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = alive(pids)
    for pid in left:  # do not leave them behind for the rest of the suite
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes still alive {GONE_WITHIN:.0f} s after their parent died: {sorted(left)}"


@pytest.fixture
def held_pipe(tmp_path):
    """A named pipe open for writing by this test (so readers wait) with nothing written to it."""
    path = tmp_path / "held.txt"
    os.mkfifo(path)
    fd = os.open(path, os.O_RDWR)  # a writer that never writes
    yield path
    os.close(fd)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_check_workers_exit_when_the_main_process_is_killed(tmp_path, held_pipe, sig):
    names = []
    for i in range(10):
        (tmp_path / f"d{i}.txt").write_text(DRAFT, encoding="utf-8")
        names.append(f"d{i}.txt")
    proc, workers = _start(["check", "-j", "2", *names, held_pipe.name], tmp_path, workers_expected=2)
    assert workers
    os.kill(proc.pid, sig)
    proc.wait(timeout=30)
    _assert_gone(workers)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_dedupe_workers_exit_when_the_main_process_is_killed(tmp_path, held_pipe, sig):
    corpus = tmp_path / "corpus.jsonl"
    with open(corpus, "w", encoding="utf-8") as fh:
        for i in range(1500):  # several batches: the pool starts
            fh.write(json.dumps({"id": str(i), "text": f"{DRAFT}第{i}号文件，全年完成项目{i}项。" * 3},
                                ensure_ascii=False) + "\n")
    pipe = tmp_path / "held.jsonl"
    os.rename(held_pipe, pipe)
    proc, workers = _start(["dedupe", "-j", "2", "--no-cache", "--no-progress", "-q", corpus.name, pipe.name],
                           tmp_path, workers_expected=3)  # the forkserver and two workers
    os.kill(proc.pid, sig)
    proc.wait(timeout=30)
    _assert_gone(workers)


def test_without_the_kernel_signal_a_thread_ends_the_orphaned_worker():
    """The fallback of systems without PR_SET_PDEATHSIG (macOS): a thread watches the parent."""
    code = (
        "import os, sys, time\n"
        "import kjlint.processes as p\n"
        "p._kernel_signal_on_parent_death = lambda: False\n"
        "if os.fork() == 0:\n"
        "    g = os.fork()\n"
        "    if g == 0:\n"
        "        p.exit_with_parent()\n"
        "        time.sleep(60)\n"
        "        os._exit(0)\n"
        "    print(g, flush=True)\n"
        "    time.sleep(0.5)\n"
        "    os._exit(0)\n"  # the worker's parent dies; the worker is orphaned
        "os.wait()\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=30)
    worker = int(out.stdout.split()[0])
    _assert_gone({worker})


def test_worker_chunks_balance_bytes_and_keep_every_task_in_order():
    from kjlint.runner import byte_balanced_chunks

    sizes = [200_000, 120_000] + [1_000] * 400  # two big reports, then many small drafts
    tasks = [(f"f{i}",) for i in range(len(sizes))]
    chunks = byte_balanced_chunks(tasks, sizes, jobs=2, min_bytes=4_000)
    assert [t for c in chunks for t in c] == tasks
    assert chunks[0] == [("f0",)] and chunks[1] == [("f1",)]  # a big report goes alone
    small = chunks[2:]
    assert small and all(len(c) >= 4 for c in small)  # drafts share a chunk, at least min_bytes
    assert len(small[0]) > len(small[-1])  # and the chunks shrink towards the end


def test_parallel_run_loads_the_frequency_table_before_forking():
    """Forked workers share what the parent loaded: the character frequency table, read by
    several rules on first use, is loaded once before forking, not once in each worker."""
    from kjlint import runner
    from kjlint.checks.textspans import frequency_table

    frequency_table.cache_clear()
    runner._import_for_workers(1_000)
    assert frequency_table.cache_info().currsize == 1


def test_parallel_run_lints_one_file_in_the_parent_before_forking(tmp_path, monkeypatch):
    """What the rules build on their first document is built once, in the parent, and shared by
    the forked workers: the parent lints the smallest file of at least WARMING_BYTES itself, the
    workers lint the others, and the findings are those of a one-process run."""
    from kjlint import runner

    if not hasattr(os, "fork"):
        pytest.skip("workers are forked only where fork exists")
    line = "今年以来，我局认真贯彻落实上级部署，组织xx家企业参加培训，争取上级资金*万元。\n"
    sizes = [60, 45, 30, 20, 10, 5, 3, 2, 1]  # lines of ~118 bytes: 45 lines is the smallest >= 4 KB
    for k, n in enumerate(sizes):
        (tmp_path / f"d{k}.txt").write_text(f"关于2023年工作情况的总结\n{line * n}", encoding="utf-8")
    warming = min((p for p in tmp_path.iterdir() if p.stat().st_size >= runner.WARMING_BYTES),
                  key=lambda p: p.stat().st_size)
    log = tmp_path / "pids.log"
    real = runner.lint_one

    def logged(path, *args):
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\t{path}\n")
        return real(path, *args)

    monkeypatch.setattr(runner, "lint_one", logged)
    files = [str(p) for p in sorted(tmp_path.glob("d*.txt"))]
    parallel = runner.lint_paths(files, jobs=2)
    calls = [row.split("\t") for row in log.read_text(encoding="utf-8").splitlines()]
    assert [p for pid, p in calls if int(pid) == os.getpid()] == [str(warming)]
    assert sorted(p for _pid, p in calls) == sorted(files)
    serial = runner.lint_paths(files, jobs=1)
    assert [(r.path, [f.to_dict() for f in r.findings]) for r in parallel] == \
        [(r.path, [f.to_dict() for f in r.findings]) for r in serial]
