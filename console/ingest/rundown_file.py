"""Reading a rundown (run of show) from a file operations staff wrote: CSV in UTF-8, UTF-8 with
BOM or GBK (or XLSX), decoded by the catalog reader. Columns, in Chinese or English:
环节/title (required), 时长/duration (required: "5", "5分钟", "5:00", "90秒", "1h"), 话术/notes,
链接号/links ("1,3,5": link numbers of products in the show's queue).

Errors are codes with the file's line numbers; the UI words them. A file that cannot be read
at all raises CatalogFileError (its codes).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from console.core.rundown import RundownError, Segment, check, parse_duration
from console.ingest.catalog_file import read_catalog

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("环节", "环节名称", "标题", "段落", "title", "segment"),
    "duration": ("时长", "计划时长", "时长分钟", "duration", "planned", "length", "minutes"),
    "notes": ("话术", "脚本", "话术脚本", "notes", "script"),
    "links": ("链接号", "链接", "商品链接号", "links", "link", "link numbers", "link no"),
}
_UNIT_SUFFIX = re.compile(r"[(\[（【].*[)\]）】]$")
_IGNORED = re.compile(r"[\s_\-*.:\ufeff]")
_LINK_SEPARATORS = re.compile(r"[,，、;；/\s]+")


@dataclass(frozen=True)
class RundownRowError:
    """Codes: missing_title_column, missing_duration_column, duplicate_column (value: the
    header), missing_title, bad_duration (value: the cell), unknown_link (value: the link
    number not in the show's queue)."""

    line: int
    code: str
    value: str = ""


@dataclass
class RundownFile:
    segments: list[tuple[int, Segment]] = field(default_factory=list)  # (line, segment), id 0
    errors: list[RundownRowError] = field(default_factory=list)


def _normalize(header: str) -> str:
    text = unicodedata.normalize("NFKC", header).casefold().strip()
    return _IGNORED.sub("", _UNIT_SUFFIX.sub("", text))


_FIELD_BY_HEADER = {_normalize(a): f for f, aliases in HEADER_ALIASES.items() for a in aliases}


def link_key(link_no: str) -> str:
    """Link numbers compared as people mean them: "01" and "１" are link 1."""
    text = unicodedata.normalize("NFKC", link_no).strip().lstrip("#")
    return str(int(text)) if text.isdigit() else text.casefold()


def read_rundown(path: str | os.PathLike, queue_links: Mapping[str, int]) -> RundownFile:
    """The segments in the file, in order, each linked to the show_item ids whose link numbers
    it names (`queue_links`: link number → show_item id, from the show's queue)."""
    table = read_catalog(path)
    links = {}
    for link_no, item_id in queue_links.items():
        links.setdefault(link_key(link_no), item_id)
    out = RundownFile()
    columns: dict[str, int] = {}
    for i, header in enumerate(table.header):
        name = _FIELD_BY_HEADER.get(_normalize(header))
        if name in columns:
            out.errors.append(RundownRowError(table.header_line, "duplicate_column", header))
        elif name:
            columns[name] = i
    for required in ("title", "duration"):
        if required not in columns:
            out.errors.append(RundownRowError(table.header_line, f"missing_{required}_column"))
    if out.errors:
        return out
    for line, cells in table.rows:
        values = {name: cells[i].strip() if i < len(cells) else "" for name, i in columns.items()}
        segment = _segment(line, values, links, out.errors)
        if segment is not None:
            out.segments.append((line, segment))
    return out


def _segment(
    line: int, values: dict[str, str], links: Mapping[str, int], errors: list
) -> Segment | None:
    found = []
    title, duration, notes = values["title"], values["duration"], values.get("notes", "")
    planned_s = parse_duration(duration)
    if not title:
        found.append(RundownRowError(line, "missing_title"))
    if planned_s is None:
        found.append(RundownRowError(line, "bad_duration", duration))
    item_ids = []
    for link in filter(None, _LINK_SEPARATORS.split(values.get("links", ""))):
        item_id = links.get(link_key(link))
        if item_id is None:
            found.append(RundownRowError(line, "unknown_link", link))
        else:
            item_ids.append(item_id)
    errors.extend(found)
    if found:
        return None
    try:
        return check(Segment(0, title, planned_s, notes, tuple(dict.fromkeys(item_ids))))
    except RundownError as e:  # parse_duration and the title test cover the rules today
        errors.append(RundownRowError(line, e.code))
        return None
