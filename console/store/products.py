"""The product catalog table: bulk import in one transaction, and reading it back.

Functions take a sqlite_utils.Database owned by the caller's thread; they never open their own.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlite_utils

from console.core.catalog import ParsedRow, Product

BATCH = 1000  # rows per progress report and cancel check
_TEXT_FIELDS = ("name", "selling_points", "link_no", "image", "category")
_NUMBER_FIELDS = ("list_price_fen", "live_price_fen", "stock")


@dataclass(frozen=True)
class RowOutcome:
    line: int | None  # as in the imported file; None for products given without a line
    sku: str
    action: str  # "updated" or "skipped": what happened to a SKU already in the catalog


@dataclass
class ImportResult:
    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    duplicates: list[RowOutcome] = field(default_factory=list)
    cancelled: bool = False  # nothing was written


class _Cancelled(Exception):
    pass


def import_products(
    db: sqlite_utils.Database,
    products: Sequence[ParsedRow | Product],
    on_duplicate: str = "skip",
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Add products; a SKU already in the catalog is skipped or updated (`on_duplicate`).

    All or nothing: one transaction, rolled back on any error or on cancel. "update" only
    overwrites what the file has a value for, so a file without an image column (or with an
    empty stock cell) does not wipe what the catalog already knows.
    """
    if on_duplicate not in ("skip", "update"):
        raise ValueError(f"on_duplicate must be 'skip' or 'update', not {on_duplicate!r}")
    items = [(p.line, p.product) if isinstance(p, ParsedRow) else (None, p) for p in products]
    if len({p.sku for _, p in items}) != len(items):
        raise ValueError("the same SKU twice in one import; validate_rows reports these")
    result = ImportResult()
    table = db["products"]
    try:
        with db.atomic():
            existing = _existing(db, full=on_duplicate == "update")
            now = datetime.now(UTC).isoformat()
            for start in range(0, len(items), BATCH):
                if is_cancelled and is_cancelled():
                    raise _Cancelled
                new, changed = [], []
                for line, product in items[start : start + BATCH]:
                    old = existing.get(product.sku)
                    if old is None:
                        new.append(_record(product, now))
                        continue
                    action = "skipped" if on_duplicate == "skip" else "updated"
                    result.duplicates.append(RowOutcome(line, product.sku, action))
                    if action == "updated":
                        changed.append(_merged(old, product, now))
                table.insert_all(new, batch_size=BATCH)
                table.upsert_all(changed, pk="id", batch_size=BATCH)
                result.inserted += len(new)
                result.updated += len(changed)
                if progress:
                    progress(min(start + BATCH, len(items)), len(items))
            if is_cancelled and is_cancelled():  # a cancel during the last batch still counts
                raise _Cancelled
    except _Cancelled:
        return ImportResult(cancelled=True)
    result.skipped = len(result.duplicates) - result.updated
    return result


def list_products(db: sqlite_utils.Database) -> list[Product]:
    return [_product(row) for row in db.query("SELECT * FROM products ORDER BY id")]


def existing_skus(db: sqlite_utils.Database, skus: Iterable[str]) -> set[str]:
    """Which of these SKUs the catalog already has (for a preview before the user chooses)."""
    return set(_existing(db, full=False)) & set(skus)


def _existing(db: sqlite_utils.Database, full: bool) -> dict[str, dict]:
    columns = "*" if full else "id, sku"
    return {row["sku"]: row for row in db.query(f"SELECT {columns} FROM products")}


def _record(p: Product, now: str) -> dict:
    record = {f: getattr(p, f) for f in ("sku", *_TEXT_FIELDS, *_NUMBER_FIELDS)}
    record.update(extra=json.dumps(p.extra, ensure_ascii=False), updated_at=now)
    return record


def _merged(old: dict, p: Product, now: str) -> dict:
    record = dict(old, updated_at=now)
    record.update({f: getattr(p, f) for f in _TEXT_FIELDS if getattr(p, f)})
    record.update({f: getattr(p, f) for f in _NUMBER_FIELDS if getattr(p, f) is not None})
    extra = json.loads(old["extra"] or "{}")
    extra.update({k: v for k, v in p.extra.items() if v or k not in extra})
    record["extra"] = json.dumps(extra, ensure_ascii=False)
    return record


def _product(row: dict) -> Product:
    return Product(
        id=row["id"],
        sku=row["sku"],
        **{f: row[f] or "" for f in _TEXT_FIELDS},
        **{f: row[f] for f in _NUMBER_FIELDS},
        extra=json.loads(row["extra"] or "{}"),
    )
