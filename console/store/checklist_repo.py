"""Each show's checklist in SQLite (checklist_items), made from a template the first time the
show is opened: the user's own template if they saved one, else the shipped one for the UI
language. Checking and unchecking write their timeline event in the same transaction."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

import sqlite_utils

from console.core.checklist import (
    PHASES,
    ChecklistItem,
    TemplateError,
    ordered,
    phase_rank,
    template_items,
    to_template,
)
from console.resources import resource_path
from console.settings import data_dir
from console.store.timeline import event_row, stamp

log = logging.getLogger(__name__)

_COLUMNS = "id, phase, text, position, required, auto_check, params, checked_by, checked_at"
EDITABLE = ("text", "required", "auto_check", "params", "phase")


def user_template_path() -> Path:
    return data_dir() / "checklist_template.json"


def shipped_template_path(language: str) -> Path:
    path = resource_path("checklists", f"{language}.json")
    return path if path.exists() else resource_path("checklists", "en.json")


def read_template(language: str, user_path: Path | None = None) -> tuple[tuple, str | None]:
    """(items, problem): the user's template if there is a usable one, else the shipped one.
    `problem` is "user_template_unreadable" when the user's file exists but cannot be used."""
    user_path = user_path or user_template_path()
    problem = None
    if user_path.exists():
        try:
            return template_items(json.loads(user_path.read_text(encoding="utf-8"))), None
        except (OSError, ValueError, TemplateError) as e:
            # The show must still get a checklist: fall back to the shipped one, and say so.
            log.warning("Checklist template %s unusable (%s); using the shipped one", user_path, e)
            problem = "user_template_unreadable"
    shipped = shipped_template_path(language)
    return template_items(json.loads(shipped.read_text(encoding="utf-8"))), problem


def save_template(items, path: Path | None = None, language: str = "") -> Path:
    """Write the items as the user's template, atomically: a crash leaves the old file."""
    path = path or user_template_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".checklist-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(to_template(items, language), f, ensure_ascii=False, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _item(row) -> ChecklistItem:
    id_, phase, text, position, required, auto, params, by, at = row
    try:
        params = json.loads(params) if params else {}
    except ValueError:
        params = {"": params}  # kept visible as unusable: the check reports bad_params
    return ChecklistItem(id_, phase, text, position, bool(required), auto, params, by, at)


def load_checklist(db: sqlite_utils.Database, show_id: int) -> tuple[ChecklistItem, ...]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM checklist_items WHERE show_id = ?", [show_id]
    ).fetchall()
    return ordered(_item(r) for r in rows)


def ensure_checklist(
    db: sqlite_utils.Database, show_id: int, language: str, user_path: Path | None = None
) -> tuple[tuple[ChecklistItem, ...], str | None]:
    """The show's checklist, made from the template if the show has none yet; and the
    template's problem code, if any."""
    problem = None
    if not db.execute("SELECT 1 FROM checklist_items WHERE show_id = ?", [show_id]).fetchone():
        items, problem = read_template(language, user_path)
        db["checklist_items"].insert_all(
            {
                "show_id": show_id,
                "position": n,
                "phase": i.phase,
                "text": i.text,
                "required": int(i.required),
                "auto_check": i.auto_check,
                "params": json.dumps(i.params, ensure_ascii=False),
            }
            for n, i in enumerate(items)
        )
    return load_checklist(db, show_id), problem


def show_is_rehearsal(db: sqlite_utils.Database, show_id: int) -> bool:
    """彩排: such a show never goes live (its flag is set when the show is made or edited)."""
    row = db.execute("SELECT rehearsal FROM shows WHERE id = ?", [show_id]).fetchone()
    return bool(row and row[0])


def _own(db: sqlite_utils.Database, show_id: int, item_id: int) -> ChecklistItem:
    row = db.execute(
        f"SELECT {_COLUMNS} FROM checklist_items WHERE id = ? AND show_id = ?", [item_id, show_id]
    ).fetchone()
    if row is None:
        raise LookupError(f"checklist item {item_id} is not in show {show_id}")
    return _item(row)


def set_checked(
    db: sqlite_utils.Database,
    show_id: int,
    item_id: int,
    checked: bool,
    who: str,
    at: tuple[int, str] | None = None,
) -> tuple[ChecklistItem, ...]:
    """Check or uncheck an item as `who`, with its timeline event."""
    item = _own(db, show_id, item_id)
    at = at or stamp()
    db["checklist_items"].update(
        item_id,
        {"checked_by": who if checked else None, "checked_at": at[1] if checked else None},
    )
    kind = "checklist_checked" if checked else "checklist_unchecked"
    db["events"].insert(event_row(kind, at, show_id=show_id, item=item_id, text=item.text, by=who))
    return load_checklist(db, show_id)


def _renumber(db: sqlite_utils.Database, items) -> None:
    for position, item in enumerate(ordered(items)):
        if item.position != position:
            db["checklist_items"].update(item.id, {"position": position})


def update_item(
    db: sqlite_utils.Database, show_id: int, item_id: int, changes: dict
) -> tuple[ChecklistItem, ...]:
    """Change an item's text, required flag, self-check, params or phase (it then goes to the
    end of its new phase)."""
    item = _own(db, show_id, item_id)
    row = {}
    for key, value in changes.items():
        if key not in EDITABLE:
            raise ValueError(f"{key} is not editable")
        if key == "params":
            value = json.dumps(value or {}, ensure_ascii=False)
        elif key == "required":
            value = int(bool(value))
        elif key == "phase" and value not in PHASES:
            raise ValueError(f"unknown phase {value!r}")
        row[key] = value
    if "phase" in row and row["phase"] != item.phase:
        row["position"] = _end(db, show_id)
    db["checklist_items"].update(item_id, row)
    _renumber(db, load_checklist(db, show_id))
    return load_checklist(db, show_id)


def _end(db: sqlite_utils.Database, show_id: int) -> int:
    return db.execute(
        "SELECT COALESCE(MAX(position) + 1, 0) FROM checklist_items WHERE show_id = ?", [show_id]
    ).fetchone()[0]


def add_item(
    db: sqlite_utils.Database,
    show_id: int,
    phase: str,
    text: str,
    required: bool = False,
    auto_check: str | None = None,
    params: dict | None = None,
) -> tuple[ChecklistItem, ...]:
    """Append an item at the end of its phase (the new item has the highest id)."""
    if phase not in PHASES:
        raise ValueError(f"unknown phase {phase!r}")
    db["checklist_items"].insert(
        {
            "show_id": show_id,
            "position": _end(db, show_id),
            "phase": phase,
            "text": text,
            "required": int(required),
            "auto_check": auto_check,
            "params": json.dumps(params or {}, ensure_ascii=False),
        }
    )
    _renumber(db, load_checklist(db, show_id))
    return load_checklist(db, show_id)


def remove_item(db: sqlite_utils.Database, show_id: int, item_id: int) -> tuple:
    _own(db, show_id, item_id)
    db.execute("DELETE FROM checklist_items WHERE id = ?", [item_id])
    _renumber(db, load_checklist(db, show_id))
    return load_checklist(db, show_id)


def move_item(db: sqlite_utils.Database, show_id: int, item_id: int, to_index: int) -> tuple:
    """Move an item to `to_index` among the items of its own phase."""
    item = _own(db, show_id, item_id)
    items = list(load_checklist(db, show_id))
    phase = [i for i in items if i.phase == item.phase and i.id != item_id]
    to_index = max(0, min(to_index, len(phase)))
    phase.insert(to_index, item)
    others = [i for i in items if i.phase != item.phase]
    # Positions are global: rebuild the whole order with this phase's new order in place.
    order = {i.id: n for n, i in enumerate(phase)}
    rebuilt = sorted(others + phase, key=lambda i: (phase_rank(i.phase), order.get(i.id, 0)))
    for position, i in enumerate(rebuilt):
        if i.position != position:
            db["checklist_items"].update(i.id, {"position": position})
    return load_checklist(db, show_id)


def record_override(
    db: sqlite_utils.Database, show_id: int, who: str, why: str, open_items: list[dict]
) -> None:
    """Go Live with required items open: who decided, why, and which items were open."""
    db["events"].insert(
        event_row("go_live_override", show_id=show_id, who=who, why=why, open=open_items)
    )
