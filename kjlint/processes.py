"""Worker processes that end with the process that started them.

A pool's workers wait on a pipe whose write end they inherited themselves (fork), so when the
main process is killed (SIGKILL, `timeout`, a cancelled CI step) nothing tells them to stop and
they would wait forever. Each worker calls `exit_with_parent` first: on Linux the kernel sends it
SIGKILL when its parent dies (PR_SET_PDEATHSIG); elsewhere a thread checks the parent once a
second.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
POLL_SECONDS = 1.0


def exit_with_parent(parent: int | None = None) -> None:
    """End this process when its parent does. `parent` is the pid the parent had when it started
    this process (None: the current parent), so a parent that died before this call is seen."""
    expected = parent or os.getppid()
    if sys.platform.startswith("linux") and _kernel_signal_on_parent_death():
        if os.getppid() != expected:  # the parent died before the kernel was asked to tell
            os._exit(1)
        return

    def watch() -> None:
        while os.getppid() == expected:
            time.sleep(POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _kernel_signal_on_parent_death() -> bool:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def own_peak_rss() -> int:
    """Peak RSS of this process in bytes. Linux: VmHWM, which starts afresh at exec; ru_maxrss
    also counts the memory of the parent a process was forked from before its exec (a benchmark
    that holds its corpus would be charged for it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    import resource  # not on Windows

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
