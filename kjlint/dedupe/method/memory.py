"""Peak memory of this process and of its children (what a run reports)."""
from __future__ import annotations

import resource

from ...processes import own_peak_rss


def peak_rss() -> tuple[int, int]:
    own = own_peak_rss()
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return own, kids
