"""Every setting of a dedupe run, in one frozen object that ships to any worker."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

from ...minhash import SHINGLE_SIZE
from ..normalize import NormalizeOptions, boilerplate_phrases
from ...records import Fields
from ..verify import VerifyOptions


@dataclass(frozen=True)
class DedupeConfig:
    """Every setting of a run (the CLI options map one to one)."""

    num_perm: int = 128
    seed: int = 1
    shingle: int = SHINGLE_SIZE
    bands: int = 16
    rows: int = 8
    # Truncated copies: a second, small signature of the first `prefix_chars` canonical
    # characters (the first `prefix_perm` permutations), banded `prefix_bands` x rest.
    prefix_chars: int = 300
    prefix_perm: int = 32
    prefix_bands: int = 8
    normalize: NormalizeOptions = NormalizeOptions()
    verify: VerifyOptions = VerifyOptions()
    keep: str = "best"
    jobs: int | None = None  # worker processes for signing; None = all cores
    batch: int = 256  # documents per worker task
    cache_dir: str | None = None  # None = no cache
    # Candidate search: "sort" (numpy sort of band keys, 128 bytes per document), "datasketch"
    # (MinHashLSH; keeps signatures) or "auto" (datasketch up to `datasketch_max` documents).
    # Both give the same pairs (tested); importing datasketch costs about a second.
    lsh: str = "auto"
    datasketch_max: int = 1_000
    fields: Fields = Fields()
    # Inner loops: "numba" (compiled, see kernels.py), "numpy", or "auto" (numba from about
    # 48 MB of input, where it pays for its load time). Same values either way.
    kernels: str = "auto"
    # Verification reads the canonical texts signing computed from a temporary file (2 bytes per
    # canonical character, in the system temp directory) instead of normalizing them again.
    spill: bool = True

    def settings_key(self) -> str:
        """What changes a signature: hashed into the cache folder name."""
        desc = json.dumps({
            "v": 3, "num_perm": self.num_perm, "seed": self.seed, "shingle": self.shingle,
            "prefix_chars": self.prefix_chars, "prefix_perm": self.prefix_perm,
            "normalize": asdict(self.normalize),
            "boilerplate": boilerplate_phrases(self.normalize.rules_dir),
        }, sort_keys=True, ensure_ascii=False)
        return hashlib.sha1(desc.encode("utf-8")).hexdigest()[:16]


