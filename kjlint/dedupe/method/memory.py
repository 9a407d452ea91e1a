"""Peak memory of this process and of its children (what a run reports)."""
from __future__ import annotations

import resource


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
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def peak_rss() -> tuple[int, int]:
    own = own_peak_rss()
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return own, kids
