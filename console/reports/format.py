"""How the review words numbers and times, in the format locale: "¥1,234.50", "1,234", "3.10%",
"19:30:05", "11/25/2026 19:30" in en_US; "¥1.234,50", "1.234", "3,10%", "25.11.2026 19:30" in a
locale that writes like German; "—" for unknown. The dashboard's cards and tables use these too,
so that the report and the screen show one figure one way.

Each takes an optional QLocale: none is the default one (console/i18n.py sets it from the UI
language and the system); a report passes its own language's (words.Words.locale). Files for
other programs (CSV, file names) take the plain forms at the end, the same in every locale."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QTime

UNKNOWN = "—"
# Minus sign, not hyphen: "−12" reads as a fall at a glance.
MINUS = "\u2212"
# ¥ before the amount in every locale: the money is always renminbi, written as the platforms'
# back-ends and the on-stream price write it (a German-style "1.234,50 ¥" would look foreign
# there); only the digits follow the locale.
YUAN = "¥"
_ENGLISH = QLocale("en_US")


def _locale(locale: QLocale | None = None) -> QLocale:
    """`locale`, or the default one. "C" (what a bare system without LANG reports, which prints
    76289 where people read 76,289) writes as English does, as the UI on such a system is."""
    locale = QLocale() if locale is None else locale
    return _ENGLISH if locale.language() == QLocale.Language.C else locale


def number_text(value: int | float | None, decimals: int = 0, locale: QLocale | None = None) -> str:
    """Grouped, with the locale's decimal point: "1,234.5"; the locale's minus sign."""
    if value is None:
        return UNKNOWN
    loc = _locale(locale)
    if decimals == 0:
        return loc.toString(round(value))
    return loc.toString(float(value), "f", decimals)


def count_text(n: int | float | None, locale: QLocale | None = None) -> str:
    return number_text(n, 0, locale)


def money_text(fen: int | float | None, locale: QLocale | None = None) -> str:
    if fen is None:
        return UNKNOWN
    return f"{MINUS if fen < 0 else ''}{YUAN}{number_text(abs(fen) / 100, 2, locale)}"


def yuan_text(fen: int | float | None, locale: QLocale | None = None) -> str:
    """Whole yuan, for chart axes where the fen are noise: "¥12,346"."""
    if fen is None:
        return UNKNOWN
    return f"{MINUS if fen < 0 else ''}{YUAN}{number_text(abs(fen) / 100, 0, locale)}"


def percent_text(ratio: float | None, decimals: int = 2, locale: QLocale | None = None) -> str:
    if ratio is None:
        return UNKNOWN
    loc = _locale(locale)
    return number_text(ratio * 100, decimals, loc) + loc.percent()


def duration_text(ms: int | float | None) -> str:
    """ "8:05" (minutes:seconds) or "1:02:03" from an hour on; rounded to the second. Written
    alike in every locale, as stopwatches and video players write it."""
    if ms is None:
        return UNKNOWN
    sign, s = (MINUS if ms < 0 else ""), round(abs(ms) / 1000)
    h, rest = divmod(s, 3600)
    return (
        f"{sign}{h}:{rest // 60:02d}:{rest % 60:02d}"
        if h
        else f"{sign}{rest // 60}:{rest % 60:02d}"
    )


def signed_duration_text(ms: int | float | None) -> str:
    """Over or under a plan: "+2:00", "−1:30", "±0:00"."""
    if ms is None:
        return UNKNOWN
    text = duration_text(abs(ms))
    return ("+" if ms > 0 else MINUS if ms < 0 else "±") + text


def local_time(ts_ms: int) -> datetime:
    """An epoch-ms instant in the computer's time zone (the show's people read local time)."""
    return datetime.fromtimestamp(ts_ms / 1000).astimezone()


# -- times of day and dates ------------------------------------------------------------------
# Times of day are 24-hour in every locale, with the locale's separator ("19:30:05"; "19.30.05"
# where the locale writes that): a live show is run by the 24-hour clock. OBS, the recordings'
# names, the platforms' back-ends and the rundown all say 19:30, a host reads it faster than
# "7:30:05 PM", an evening and a morning show are never confused, and a column of times keeps
# one width. zh_CN and en_GB are 24-hour anyway; en_US's 12-hour clock is the one left out.


def clock_pattern(seconds: bool = True, locale: QLocale | None = None) -> str:
    """The Qt time pattern clock_text writes with: "HH:mm:ss"."""
    short = _locale(locale).timeFormat(QLocale.FormatType.ShortFormat)
    found = re.search(r"[hH]+([:.])mm", short)
    sep = found.group(1) if found else ":"
    return sep.join(("HH", "mm", "ss") if seconds else ("HH", "mm"))


def date_pattern(locale: QLocale | None = None) -> str:
    """The Qt pattern of the locale's short date with the year in full: "2026/11/25" (zh_CN),
    "11/25/2026" (en_US), "25.11.2026" (de_DE). A review is read years later and compared with
    others: "11/25/26" could be 1926 or the 26th of something."""
    short = _locale(locale).dateFormat(QLocale.FormatType.ShortFormat)
    return short if "yyyy" in short else re.sub(r"y+", "yyyy", short)


def time_text(at: datetime, seconds: bool = True, locale: QLocale | None = None) -> str:
    """A datetime's time of day as it is (no conversion of its time zone): "19:30:05"."""
    loc = _locale(locale)
    return loc.toString(QTime(at.hour, at.minute, at.second), clock_pattern(seconds, loc))


def moment_text(at: datetime, seconds: bool = False, locale: QLocale | None = None) -> str:
    """A datetime's date and time of day as it is: "11/25/2026 19:30" (en_US)."""
    loc = _locale(locale)
    day = loc.toString(QDate(at.year, at.month, at.day), date_pattern(loc))
    return f"{day} {time_text(at, seconds, loc)}"


def clock_text(ts_ms: int | None, seconds: bool = True, locale: QLocale | None = None) -> str:
    return UNKNOWN if ts_ms is None else time_text(local_time(ts_ms), seconds, locale)


def date_text(ts_ms: int | None, locale: QLocale | None = None) -> str:
    """Date and time of day: "2026/11/25 19:30" (zh_CN), "11/25/2026 19:30" (en_US)."""
    return UNKNOWN if ts_ms is None else moment_text(local_time(ts_ms), False, locale)


# -- for other programs: the same in every locale ---------------------------------------------


def plain_yuan(fen: int) -> str:
    """Yuan with a point and no grouping, as spreadsheets read it: "1234.50"."""
    return f"{fen / 100:.2f}"


def file_date(ts_ms: int | None) -> str:
    """The local date for a file name: "20261125" (a locale's "/" cannot be in one)."""
    return UNKNOWN if ts_ms is None else local_time(ts_ms).strftime("%Y%m%d")
