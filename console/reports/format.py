"""How the review words numbers and times, in every language alike: "¥1,234.50", "1,234",
"3.10%", "8:05", "—" for unknown. The dashboard's cards and tables use these too, so that the
report and the screen show one figure one way."""

from __future__ import annotations

from datetime import datetime

UNKNOWN = "—"
# Minus sign, not hyphen: "−12" reads as a fall at a glance.
MINUS = "\u2212"


# Grouped with commas in English and Chinese alike (the "C" locale a bare system reports would
# print 76289 where people read 76,289).
def count_text(n: int | float | None) -> str:
    return UNKNOWN if n is None else f"{round(n):,}"


def money_text(fen: int | float | None) -> str:
    if fen is None:
        return UNKNOWN
    return f"{MINUS if fen < 0 else ''}¥{abs(fen) / 100:,.2f}"


def yuan_text(fen: int | float | None) -> str:
    """Whole yuan, for chart axes where the fen are noise: "¥12,346"."""
    if fen is None:
        return UNKNOWN
    return f"{MINUS if fen < 0 else ''}¥{round(abs(fen) / 100):,}"


def percent_text(ratio: float | None, decimals: int = 2) -> str:
    return UNKNOWN if ratio is None else f"{ratio * 100:.{decimals}f}%"


def duration_text(ms: int | float | None) -> str:
    """ "8:05" (minutes:seconds) or "1:02:03" from an hour on; rounded to the second."""
    if ms is None:
        return UNKNOWN
    sign, s = (MINUS if ms < 0 else ""), round(abs(ms) / 1000)
    h, rest = divmod(s, 3600)
    return (
        f"{sign}{h}:{rest // 60:02d}:{rest % 60:02d}"
        if h
        else f"{sign}{rest // 60}:{rest % 60:02d}"
    )


def local_time(ts_ms: int) -> datetime:
    """An epoch-ms instant in the computer's time zone (the show's people read local time)."""
    return datetime.fromtimestamp(ts_ms / 1000).astimezone()


def clock_text(ts_ms: int | None, seconds: bool = True) -> str:
    if ts_ms is None:
        return UNKNOWN
    return local_time(ts_ms).strftime("%H:%M:%S" if seconds else "%H:%M")


def date_text(ts_ms: int | None) -> str:
    """ISO order ("2026-11-25 19:30"): read the same in Chinese and English."""
    return UNKNOWN if ts_ms is None else local_time(ts_ms).strftime("%Y-%m-%d %H:%M")


def signed_duration_text(ms: int | float | None) -> str:
    """Over or under a plan: "+2:00", "−1:30", "±0:00"."""
    if ms is None:
        return UNKNOWN
    text = duration_text(abs(ms))
    return ("+" if ms > 0 else MINUS if ms < 0 else "±") + text
