"""Near-duplicate detection over a corpus of Chinese documents (`kjlint dedupe`).

Library use (no CLI needed):

    from kjlint.dedupe import dedupe, DedupeConfig
    result = dedupe(["corpus/"], DedupeConfig(cache_dir=".cache"))
    for cluster in result.clusters:
        print(cluster.to_json())       # {"cluster": N, "members": [{id, path, kept, similarity, reason}]}
    result.timings, result.similarities(), result.summary()   # what a report needs
    dedupe(["corpus/"], engine=SparkEngine(spark))           # kjlint.engines.spark: same clusters

Stages, each a plain function over arrays/records (kjlint.dedupe.method), run by an engine
(kjlint.engines: local processes or Spark):
`iter_records` → `normalize` + `sign_texts` → `band_keys` → `exact_groups` + `candidate_pairs_sorted`
→ `candidate_groups` → `resolve_group` (`shingle_set`, `verify_pairs`, `union_find`, `choose`,
`describe_cluster`) → `assemble` → `write_output`. A `Fetcher` reads any document back by its
(source, offset) locator.
"""
from .cluster import components, union_find
from .keep import Candidate, choose, quality_findings
from .lsh import candidate_pairs_datasketch, candidate_pairs_sorted
from ..minhash import band_keys, permutations, shingle_hash, shingle_hashes, shingles, sign_hashes, signature, to_lean_minhash
from .normalize import NormalizeOptions, normalize
from .method import (Cluster, DedupeConfig, DedupeResult, Group, GroupResult, Member, Signed, VerifiedPairs,
                     assemble, candidate_groups, dedupe, describe_cluster, exact_groups,
                     resolve_group, sign_texts)
from ..records import Fetcher, Fields, Record, Warnings, iter_records, plan_sources, write_output
from .verify import VerifyOptions, overlap, score_pair, shingle_set, verify_pairs

__all__ = [
    "Candidate", "Cluster", "DedupeConfig", "DedupeResult", "Fetcher", "Fields", "Group", "GroupResult", "Member",
    "NormalizeOptions", "assemble", "candidate_groups", "describe_cluster", "resolve_group",
    "Record", "Signed", "VerifiedPairs", "VerifyOptions", "Warnings", "band_keys", "candidate_pairs_datasketch",
    "candidate_pairs_sorted", "choose", "components", "dedupe", "exact_groups", "iter_records", "normalize",
    "overlap", "permutations", "plan_sources", "quality_findings", "score_pair", "shingle_hash",
    "shingle_hashes", "shingle_set", "shingles", "sign_hashes", "sign_texts", "signature", "to_lean_minhash",
    "union_find", "verify_pairs", "write_output",
]
