"""Shows (场次): what a show is and the rules for its fields. Pure: codes, never sentences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

PLATFORMS = ("douyin", "kuaishou", "taobao", "channels", "tiktok", "other")


class ShowError(ValueError):
    """A refused show or field; `code` names the rule, the UI words it."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Show:
    id: int
    title: str
    platform: str
    planned_start: str | None = None  # ISO 8601 with UTC offset
    planned_end: str | None = None
    archived: bool = False
    rehearsal: bool = False  # 彩排: its figures stay out of the real results


def clean_title(title: str | None) -> str:
    title = (title or "").strip()
    if not title:
        raise ShowError("title_empty")
    return title


def check_platform(platform: str) -> str:
    if platform not in PLATFORMS:
        raise ShowError("platform_unknown", repr(platform))
    return platform


def check_schedule(start: str | None, end: str | None) -> None:
    """Both times optional; given ones carry an offset (a room streams across time zones: a
    naive time would be read differently on the two monitors' machines) and end after start."""
    times = [_aware(t) for t in (start, end)]
    if None not in times and times[1] <= times[0]:
        raise ShowError("end_not_after_start", f"{start} .. {end}")


def _aware(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        t = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        raise ShowError("time_invalid", repr(text)) from None
    if t.tzinfo is None:
        raise ShowError("time_without_offset", repr(text))
    return t
