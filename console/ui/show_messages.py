"""Words for shows (场次): platform names and why a show was refused, from the store's codes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt

from console.reports import report_text
from console.reports.format import clock_pattern, date_pattern

translate = QCoreApplication.translate


def time_format() -> str:
    """A planned time's Qt pattern in the format locale, with the weekday (shows are planned by
    the week): "11/25/2026 Wed 19:30" (en_US), "2026/11/25 周三 19:30" (zh_CN)."""
    return f"{date_pattern()} ddd {clock_pattern(False)}"


def platform_name(code: str) -> str:
    """Worded once, in console/reports/report_text.py, which the review shares."""
    return report_text.platform_name(code, translate)


def show_error(code: str) -> str:
    texts = {
        "title_empty": translate("ShowMessages", "Give the show a title."),
        "platform_unknown": translate("ShowMessages", "Choose the platform from the list."),
        "time_invalid": translate("ShowMessages", "The planned time is not a valid date and time."),
        "time_without_offset": translate(
            "ShowMessages", "The planned time has no time zone, so it could be read two ways."
        ),
        "end_not_after_start": translate(
            "ShowMessages", "The planned end must be after the planned start."
        ),
        "show_not_found": translate(
            "ShowMessages", "This show is no longer in the database. The list was reloaded."
        ),
        "db_error": translate(
            "ShowMessages", "Could not read or write the show database (see the log)."
        ),
    }
    return texts.get(code, translate("ShowMessages", "Not done ({0}).").format(code))


def local_time(iso: str | None) -> str:
    """A stored time (ISO 8601 with its offset) in this computer's time zone."""
    if not iso:
        return "—"
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso  # shown as stored rather than hidden: someone typed it by hand
    return QLocale().toString(moment.toLocalTime(), time_format())
