"""Open the show database: one SQLite file, WAL, append-only migrations applied at start."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils
from sqlite_utils import Migrations

from console.settings import data_dir

migrations = Migrations("livedesk")


class NewerDatabaseError(Exception):
    """The file was written by a newer LiveDesk; it is left untouched."""

    def __init__(self, path: Path, unknown: list[str]):
        super().__init__(f"{path}: unknown migrations {unknown}")
        self.path = path
        self.unknown = unknown


@migrations()
def m001_events(db: sqlite_utils.Database) -> None:
    # The append-only timeline: everything that happened, with both clocks.
    db["events"].create({"id": int, "mono_ns": int, "wall": str, "kind": str, "data": str}, pk="id")
    db["events"].create_index(["kind", "mono_ns"])


def default_path() -> Path:
    return data_dir() / "livedesk.db"


def open_db(path: Path | None = None) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate; refuse a database from a newer version."""
    path = Path(path or default_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    known = {m.name for m in migrations._migrations}
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    if unknown:
        db.close()
        raise NewerDatabaseError(path, unknown)
    db.enable_wal()
    db.execute("PRAGMA synchronous=FULL")
    migrations.apply(db)
    return db
