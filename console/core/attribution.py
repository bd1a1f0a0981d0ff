"""Sales attributed to explain windows and rundown segments: what sold while a window was on
air, and in the minutes after it. Pure; the numbers are metrics.totals() over each range.

Choices (notes/domain.md is silent on them):
- Every window and every "after" range uses the source of the show's totals at now (orders if
  any order was posted, else the counters), so that the windows add up to the show's figure and
  a window without orders shows 0 rather than falling back to the counters.
- Overlapping windows are counted independently: each gets everything inside it.
- An open window (end None) counts up to and including now, and has no "after" yet (None).
- "After" is [end, end + after_minutes), cut at now. With cut_at_next, it is also cut at the
  start of the next window (the earliest one starting later than this one), so the next
  product's sales are not credited to this one; for back-to-back windows it is then empty.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from console.core.metrics import MINUTE_MS, ShowData, Totals, Window, sales_source, totals


@dataclass(frozen=True)
class Attribution:
    key: Hashable
    during: Totals
    after: Totals | None  # None while the window is open


def attribute(
    data: ShowData,
    windows: Iterable[Window],
    now_ms: int,
    after_minutes: int = 5,
    cut_at_next: bool = False,
) -> list[Attribution]:
    """One Attribution per window, in the order given."""
    windows = list(windows)
    cap = now_ms + 1  # up to and including now
    source = sales_source(data, None, cap)
    starts = sorted(w.start_ms for w in windows)
    out = []
    for w in windows:
        end = cap if w.end_ms is None else min(max(w.end_ms, w.start_ms), cap)
        start = min(w.start_ms, end)
        after = None
        if w.end_ms is not None:
            stop = min(end + after_minutes * MINUTE_MS, cap)
            k = bisect_right(starts, w.start_ms)
            if cut_at_next and k < len(starts):
                stop = min(stop, starts[k])
            after = totals(data, end, max(stop, end), source)
        out.append(Attribution(w.key, totals(data, start, end, source), after))
    return out
