"""Cues (提示) from the assistant to the host view: one-click canned cues and free text. Pure:
times are monotonic nanoseconds; the ui words the built-in codes, the store adds wall time.

The rule, decided here once:
- One cue shows at a time: the host can read only one. A newer cue replaces the one showing at
  once; the replaced cue ends unacknowledged and is stored as timed out (its event says
  reason "replaced"), so that "acknowledged" always means the host clicked that very cue.
- A cue flashes until the host clicks the host view (acknowledged) or DEFAULT_TIMEOUT_S pass
  (timed out). Flashing is 1 Hz, well under the 3 Hz that photosensitivity guidance warns of.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

CANNED, FREE = "canned", "free"
ACKNOWLEDGED, TIMED_OUT = "acknowledged", "timed_out"
REPLACED, SHOW_CHANGED, NOT_CLOSED = "replaced", "show_changed", "not_closed"  # why timed out
# The built-in canned cues in button order; the ui words them: 讲福利 催单 看评论 放慢 下一个 喝水
WELFARE, PUSH_ORDERS, READ_COMMENTS = "welfare", "push_orders", "read_comments"
SLOW_DOWN, NEXT_PRODUCT, DRINK_WATER = "slow_down", "next_product", "drink_water"
DEFAULT_CANNED = (WELFARE, PUSH_ORDERS, READ_COMMENTS, SLOW_DOWN, NEXT_PRODUCT, DRINK_WATER)
DEFAULT_TIMEOUT_S = 30
MAX_TEXT = 40  # one line on the host view, still large from two metres
MAX_CANNED = 9  # Alt+1 … Alt+9
FLASH_HALF_NS = 500_000_000  # 0.5 s bright, 0.5 s dark
NS = 1_000_000_000


class CueError(ValueError):
    """A cue refused; `code` is for the ui to word."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Cue:
    kind: str  # CANNED or FREE
    text: str  # canned: a built-in code or the user's own words; free: what was typed
    sent_ns: int
    timeout_s: int = DEFAULT_TIMEOUT_S
    outcome: str | None = None  # None while showing; ACKNOWLEDGED or TIMED_OUT
    outcome_ns: int | None = None
    id: int | None = None  # the store's id (listings only)
    wall: str = ""  # when sent, wall clock as stored (listings only)

    @property
    def showing(self) -> bool:
        return self.outcome is None

    @property
    def due_ns(self) -> int:
        return self.sent_ns + self.timeout_s * NS

    def expired(self, now_ns: int) -> bool:
        return now_ns >= self.due_ns

    def flash_on(self, now_ns: int) -> bool:
        """The bright half of the flash: from the cue's own start, so every view agrees."""
        return max(0, now_ns - self.sent_ns) // FLASH_HALF_NS % 2 == 0

    def ended(self, outcome: str, now_ns: int) -> Cue:
        if outcome not in (ACKNOWLEDGED, TIMED_OUT):
            raise CueError("unknown_outcome")
        return replace(self, outcome=outcome, outcome_ns=max(now_ns, self.sent_ns))


def make_cue(
    kind: str,
    text: str,
    now_ns: int,
    last_sent_ns: int | None = None,
    timeout_s: int = DEFAULT_TIMEOUT_S,
) -> Cue:
    """A new cue, stamped `now_ns` but always after `last_sent_ns`: the store finds a cue by its
    show and stamp, and a coarse clock (Windows: ~16 ms) must not give two cues one stamp."""
    if kind not in (CANNED, FREE):
        raise CueError("unknown_kind")
    words = " ".join(text.split())  # a pasted line break must not split the banner
    if not words:
        raise CueError("empty")
    if len(words) > MAX_TEXT:
        raise CueError("too_long")
    if timeout_s <= 0:
        raise CueError("bad_timeout")
    if last_sent_ns is not None and now_ns <= last_sent_ns:
        now_ns = last_sent_ns + 1
    return Cue(kind, words, now_ns, timeout_s)


def canned_list(saved: list) -> tuple[str, ...]:
    """The canned cues to offer: the saved list (codes or the user's words), or the built-in
    ones when it is empty. Blank and over-long entries are dropped; at most MAX_CANNED."""
    entries = []
    for entry in saved:
        words = " ".join(entry.split()) if isinstance(entry, str) else ""
        if words and len(words) <= MAX_TEXT and words not in entries:
            entries.append(words)
    return tuple(entries[:MAX_CANNED]) or DEFAULT_CANNED
