"""Write a run's results: clusters JSONL, keep/drop id lists, the deduplicated corpus, the HTML report."""
from __future__ import annotations

import json
from typing import Iterable

from .method.config import DedupeConfig
from .method.result import DedupeResult
from .options import Outputs
from ..records import Source, iter_records, write_output


def write_lines(path: str, lines: Iterable[str]) -> int:
    """Write one line per item atomically; the number of lines."""
    from ..fixes import atomic_write_text

    lines = [f"{line}\n" for line in lines]
    atomic_write_text(path, "".join(lines))
    return len(lines)


def write_results(result: DedupeResult, outputs: Outputs, sources: list[Source],
                  config: DedupeConfig) -> list[tuple[str, int, str]]:
    """Every output asked for; (path, count, what) of each, for the summary."""
    written: list[tuple[str, int, str]] = []
    if outputs.clusters:
        n = write_lines(outputs.clusters, (json.dumps(c.to_json(), ensure_ascii=False) for c in result.clusters))
        written.append((outputs.clusters, n, "clusters"))
    if outputs.keep_list:
        written.append((outputs.keep_list, write_lines(outputs.keep_list, result.keep_list()), "ids"))
    if outputs.drop_list:
        written.append((outputs.drop_list, write_lines(outputs.drop_list, result.drop_list()), "ids"))
    if outputs.output:
        written.append((outputs.output, write_output(sources, result.keep_mask, outputs.output, config.fields),
                        "documents"))
    if outputs.report:
        write_report(outputs.report, result, sources, config)
        written.append((outputs.report, len(result.clusters), "report"))
    return written


def member_texts(clusters, sources: list[Source], config: DedupeConfig) -> dict[int, str]:
    """Texts of the given clusters' members by document index, in one pass over the inputs
    (ids need not be unique; the index names one document)."""
    wanted = {m.index for c in clusters for m in c.members}
    return {r.index: r.text for r in iter_records(sources, config.fields, None, wanted=wanted.__contains__)}


def write_report(path: str, result: DedupeResult, sources: list[Source], config: DedupeConfig) -> None:
    """The HTML report, its texts read by document index (as --show reads them)."""
    from ..formats.dedupe_html import MAX_CLUSTERS, largest_first, write_dedupe_report

    clusters = [c.to_json() for c in result.clusters]
    by_number = {c.number: c for c in result.clusters}
    shown = [by_number[c["cluster"]] for c in largest_first(clusters)[:MAX_CLUSTERS]]
    texts = member_texts(shown, sources, config)
    index_of = {(c.number, k): m.index for c in shown for k, m in enumerate(c.members)}
    position = {id(m): (c["cluster"], k) for c in clusters for k, m in enumerate(c["members"])}

    def text_of(member) -> str | None:
        where = position.get(id(member))
        return texts.get(index_of.get(where, -1)) if where else None

    write_dedupe_report(path, clusters, text_of, similarities=result.similarities(), timings=result.timings,
                        summary=result.summary())
