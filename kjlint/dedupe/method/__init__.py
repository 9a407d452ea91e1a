"""The dedupe method, written once as pure functions over batches; engines only run its tasks.

normalize + sign (`sign.sign_texts`, per batch of texts) → exact groups and LSH candidates
(`candidates`, whole-corpus arrays on the driver) → per candidate group: verify, cluster, keep
(`resolve.resolve_group`) → `result.assemble`. `run.dedupe` strings them together.
"""
from .candidates import candidate_groups, exact_groups, find_candidates
from .config import DedupeConfig
from .resolve import Group, GroupResult, describe_cluster, resolve_group
from .result import Cluster, DedupeResult, Member, VerifiedPairs, assemble
from .run import dedupe
from .sign import Signed, sign_texts

__all__ = ["Cluster", "DedupeConfig", "DedupeResult", "Group", "GroupResult", "Member", "Signed", "VerifiedPairs",
           "assemble", "candidate_groups", "dedupe", "describe_cluster", "exact_groups", "find_candidates",
           "resolve_group", "sign_texts"]
