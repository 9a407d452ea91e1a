"""Everything `kjlint dedupe` was asked for, in one object built from the command line."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from ..engines.cli import engine_settings
from .method.config import DedupeConfig


@dataclass(frozen=True)
class Outputs:
    """Where results go (None: not written)."""

    clusters: str | None = None
    output: str | None = None
    keep_list: str | None = None
    drop_list: str | None = None
    report: str | None = None

    def named(self) -> dict[str, str | None]:
        """By option name, for messages and the overwrite check."""
        return {"--output": self.output, "--clusters": self.clusters, "--keep-list": self.keep_list,
                "--drop-list": self.drop_list, "--report": self.report}

    def any(self) -> bool:
        return any(self.named().values())


@dataclass(frozen=True)
class DedupeOptions:
    inputs: tuple[str, ...]
    config: DedupeConfig = DedupeConfig()
    outputs: Outputs = Outputs()
    engine: str = "local"
    engine_options: Mapping[str, Any] = field(default_factory=dict)
    level: str = "document"
    min_docs: int = 3
    show: int = 0
    quiet: bool = False
    progress: bool = True

    @classmethod
    def from_params(cls, p: Mapping[str, Any]) -> "DedupeOptions":
        """From the `dedupe` command's parameters; ValueError names a bad combination."""
        from ..i18n import _
        from .cache import default_cache_dir
        from .normalize import NormalizeOptions
        from ..records import Fields
        from .verify import VerifyOptions

        if p["bands"] * p["rows"] > p["num_perm"]:
            raise ValueError(_("--bands x --rows ({product}) exceeds --num-perm ({num_perm})").format(
                product=p["bands"] * p["rows"], num_perm=p["num_perm"]))
        config = DedupeConfig(
            num_perm=p["num_perm"], bands=p["bands"], rows=p["rows"], lsh=p["lsh"], keep=p["keep"], jobs=p["jobs"],
            normalize=NormalizeOptions(fold_digits=p["fold_digits"], fold_masks=p["fold_masks"]),
            verify=VerifyOptions(jaccard=p["jaccard"], containment=p["containment"], fuzzy=p["fuzzy"]),
            cache_dir=None if p["no_cache"] else str(p["cache_dir"] or default_cache_dir()),
            fields=Fields(p["text_field"], p["id_field"]), spill=not p["no_spill"])
        outputs = Outputs() if p["dry_run"] else Outputs(p["clusters_path"], p["output_path"], p["keep_list"],
                                                         p["drop_list"], p["report_path"])
        engine_options = engine_settings(p["engine"], p["jobs"], p["master"], p["spark_conf"])
        return cls(tuple(p["inputs"]), config, outputs, p["engine"], engine_options, p["level"], p["min_docs"],
                   p["show"], p["quiet"], not (p["quiet"] or p["no_progress"]))

