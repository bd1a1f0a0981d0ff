"""The rundown (run of show): timed segments, planned against actual. Like the queue, every
action is a pure function from one Rundown to the next. Times are monotonic nanoseconds; wall
times are only carried along for people (the store stamps them when the caller has none).

A segment is *played* once it has an actual start; the *running* one has a start and no end.
The rules keep at most one running and every end at or after its start. A segment is *skipped*
when it is unplayed and a segment after it (in rundown order) has been played: the assistant
jumped over it. A skipped one can still be started by choosing it, but next() never goes back
to it, and the show is finished once nothing after the last played segment is left.

The show's over/under compares when the show will end with when the plan said it would: the
projected end is now plus the running segment's time left plus the planned time of every
segment still to play (skipped ones are not), the planned end is the show's start plus every
segment's planned time (skipped ones too). So skipping a 10-minute segment shows as 10 minutes
gained, which is usually why it was skipped, and a finished show compares its last end with the
planned end.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

NS = 1_000_000_000
PLANNED_RANGE_S = (1, 12 * 3600)
IDLE, NORMAL, WARNING, DANGER, OVER = "idle", "normal", "warning", "danger", "over"


class RundownError(ValueError):
    """An action the rundown refuses; `code` is for the ui to word."""

    def __init__(self, code: str, segment_id: int | None = None):
        super().__init__(code if segment_id is None else f"{code}: segment {segment_id}")
        self.code = code
        self.segment_id = segment_id


@dataclass(frozen=True)
class Segment:
    id: int  # negative: not stored yet (the store maps it to the row it inserts)
    title: str
    planned_s: int
    notes: str = ""  # script / 话术
    item_ids: tuple[int, ...] = ()  # the queue's show_items it presents, in order
    preset_id: int | None = None
    start_ns: int | None = None
    end_ns: int | None = None
    start_wall: str | None = None
    end_wall: str | None = None

    @property
    def played(self) -> bool:
        return self.start_ns is not None

    @property
    def running(self) -> bool:
        return self.start_ns is not None and self.end_ns is None

    def actual_s(self, now_ns: int) -> int | None:
        """How long it ran (or has run so far); None before it starts."""
        if self.start_ns is None:
            return None
        end = now_ns if self.end_ns is None else self.end_ns
        return max(0, end - self.start_ns) // NS

    def over_under_s(self, now_ns: int) -> int | None:
        """Actual minus planned; while running only the overtime counts (it may still end
        on time)."""
        actual = self.actual_s(now_ns)
        if actual is None:
            return None
        over = actual - self.planned_s
        return max(0, over) if self.running else over


@dataclass(frozen=True)
class Rundown:
    show_id: int | None = None
    segments: tuple[Segment, ...] = ()  # in rundown order
    rehearsal: bool = False

    @property
    def running(self) -> Segment | None:
        return next((s for s in self.segments if s.running), None)

    def segment(self, segment_id: int) -> Segment:
        for s in self.segments:
            if s.id == segment_id:
                return s
        raise RundownError("no_such_segment", segment_id)

    def index(self, segment_id: int) -> int:
        return self.segments.index(self.segment(segment_id))

    def _after_last_played(self) -> int:
        """The index just after the last played segment (0 when none is)."""
        return max((n + 1 for n, s in enumerate(self.segments) if s.played), default=0)

    def skipped(self) -> frozenset[int]:
        """Ids of the unplayed segments before the last played one."""
        last = self._after_last_played()
        return frozenset(s.id for s in self.segments[:last] if not s.played)

    def to_play(self) -> tuple[Segment, ...]:
        """The segments still to play, in order: the unplayed ones after the last played."""
        return self.segments[self._after_last_played() :]

    def next_up(self) -> Segment | None:
        """What next() starts: the first segment still to play (never a skipped one)."""
        return next(iter(self.to_play()), None)


@dataclass(frozen=True)
class RundownStatus:
    segment_title: str | None  # None = not started or finished
    segment_index: int | None
    segment_elapsed_s: int
    segment_remaining_s: int  # negative when over its planned time
    level: str  # "idle", "normal", "warning", "danger", "over"
    next_title: str | None
    show_elapsed_s: int
    show_over_under_s: int  # + = behind the plan (over), - = ahead


# -- the warning and danger rule: the only place it lives ----------------------------------
def thresholds(planned_s: int) -> tuple[int, int]:
    """(warning, danger) in seconds left: warning at 20 % of the segment left (at least 30 s,
    at most 2 min), danger at the last 10 % (at least 10 s, at most 30 s). The floors give a
    short segment time to react; the caps keep a long one from turning amber for minutes."""
    return min(120, max(30, planned_s // 5)), min(30, max(10, planned_s // 10))


def level(planned_s: int, remaining_s: int) -> str:
    warning, danger = thresholds(planned_s)
    if remaining_s <= 0:
        return OVER
    if remaining_s <= danger:
        return DANGER
    return WARNING if remaining_s <= warning else NORMAL


def status(rundown: Rundown, now_ns: int) -> RundownStatus:
    played = [s for s in rundown.segments if s.played]
    nxt = rundown.next_up()
    next_title = nxt.title if nxt else None
    if not played:
        return RundownStatus(None, None, 0, 0, IDLE, next_title, 0, 0)
    show_start = min(s.start_ns for s in played)
    planned_end = show_start + sum(s.planned_s for s in rundown.segments) * NS
    still_planned = sum(s.planned_s for s in rundown.to_play()) * NS
    current = rundown.running
    if current is not None:
        i = rundown.index(current.id)
        elapsed_ns = max(0, now_ns - current.start_ns)
        elapsed = elapsed_ns // NS
        remaining = current.planned_s - elapsed
        left_ns = max(0, current.planned_s * NS - elapsed_ns)
        return RundownStatus(
            current.title,
            i,
            elapsed,
            remaining,
            level(current.planned_s, remaining),
            next_title,
            _whole_s(now_ns - show_start),
            _whole_s(now_ns + left_ns + still_planned - planned_end),
        )
    if nxt is None:  # finished: nothing left to play
        end = max(s.end_ns for s in played)
        return RundownStatus(
            None, None, 0, 0, IDLE, None, _whole_s(end - show_start), _whole_s(end - planned_end)
        )
    # Stopped between segments: the pause eats into the plan.
    return RundownStatus(
        None,
        None,
        0,
        0,
        IDLE,
        next_title,
        _whole_s(now_ns - show_start),
        _whole_s(now_ns + still_planned - planned_end),
    )


def _whole_s(ns: int) -> int:
    """Whole seconds, towards zero (so 0.5 s ahead is not shown as a second ahead)."""
    return ns // NS if ns >= 0 else -(-ns // NS)


# -- editing ------------------------------------------------------------------------------
def check(segment: Segment) -> Segment:
    """The segment with its title trimmed, or RundownError."""
    title = (segment.title or "").strip()
    if not title:
        raise RundownError("title_empty", segment.id)
    if not PLANNED_RANGE_S[0] <= segment.planned_s <= PLANNED_RANGE_S[1]:
        raise RundownError("duration_out_of_range", segment.id)
    return replace(segment, title=title)


def _with(r: Rundown, segment_id: int, **changes) -> Rundown:
    r.segment(segment_id)
    return replace(
        r, segments=tuple(replace(s, **changes) if s.id == segment_id else s for s in r.segments)
    )


def add(r: Rundown, segment: Segment, index: int | None = None) -> Rundown:
    """Insert a new (unplayed) segment at `index`, at the end by default."""
    if any(s.id == segment.id for s in r.segments):
        raise RundownError("duplicate_id", segment.id)
    segment = replace(check(segment), start_ns=None, end_ns=None, start_wall=None, end_wall=None)
    segments = list(r.segments)
    segments.insert(len(segments) if index is None else max(0, index), segment)
    return replace(r, segments=tuple(segments))


def edit(r: Rundown, segment_id: int, **changes) -> Rundown:
    """Change title, planned_s, notes, item_ids or preset_id (the running one's too: a host
    may be given more time)."""
    allowed = {"title", "planned_s", "notes", "item_ids", "preset_id"}
    if not changes.keys() <= allowed:
        raise TypeError(f"not editable: {sorted(changes.keys() - allowed)}")
    checked = check(replace(r.segment(segment_id), **changes))
    return replace(r, segments=tuple(checked if s.id == segment_id else s for s in r.segments))


def remove(r: Rundown, segment_id: int) -> Rundown:
    """A played segment stays in a real show: it is the planned-vs-actual record."""
    segment = r.segment(segment_id)
    if segment.running:
        raise RundownError("segment_running", segment_id)
    if segment.played and not r.rehearsal:
        raise RundownError("segment_played", segment_id)
    return replace(r, segments=tuple(s for s in r.segments if s.id != segment_id))


def move(r: Rundown, segment_id: int, to_index: int) -> Rundown:
    segment = r.segment(segment_id)
    rest = [s for s in r.segments if s.id != segment_id]
    rest.insert(max(0, min(to_index, len(rest))), segment)
    return replace(r, segments=tuple(rest))


def duplicate(r: Rundown, segment_id: int, new_id: int) -> Rundown:
    """A copy of the plan (not of what happened) right after the original."""
    s = r.segment(segment_id)
    copy = Segment(new_id, s.title, s.planned_s, s.notes, s.item_ids, s.preset_id)
    return add(r, copy, r.index(segment_id) + 1)


# -- running ------------------------------------------------------------------------------
def _end_running(r: Rundown, now_ns: int, wall: str | None) -> Rundown:
    current = r.running
    if current is None:
        return r
    return _with(r, current.id, end_ns=max(now_ns, current.start_ns), end_wall=wall)


def start(
    r: Rundown, now_ns: int, segment_id: int | None = None, wall: str | None = None
) -> Rundown:
    """Start `segment_id` (a jump: the running one ends), or the next unplayed one."""
    if not r.segments:
        raise RundownError("no_segments")
    target = r.next_up() if segment_id is None else r.segment(segment_id)
    if target is None:
        raise RundownError("nothing_to_start")
    if target.running:
        return r
    if target.played:
        raise RundownError("already_played", target.id)
    r = _end_running(r, now_ns, wall)
    return _with(r, target.id, start_ns=now_ns, start_wall=wall)


def next_segment(r: Rundown, now_ns: int, wall: str | None = None) -> Rundown:
    """End the running segment and start the next unplayed one; after the last, the show is
    finished. With none running this is start()."""
    if r.running is None:
        return start(r, now_ns, wall=wall)
    following = r.next_up()
    if following is None:
        return _end_running(r, now_ns, wall)
    return start(r, now_ns, following.id, wall)


def _ended_last(r: Rundown) -> Segment | None:
    """The segment that ended last (of two ended at the same moment, the one started later)."""
    ended = [(s.end_ns, s.start_ns, n, s) for n, s in enumerate(r.segments) if s.end_ns is not None]
    return max(ended, key=lambda e: e[:3])[3] if ended else None


def previous(r: Rundown, now_ns: int) -> Rundown:
    """Back to the previous segment, as if the last press had not been made: the running one
    is unplayed again and the segment that ended last (in time, not in rundown order: after a
    jump that is the one jumped from) runs on from its own start. With none running, the
    segment that ended last runs again (undoes stop() or the end of the show). The timeline
    keeps what really happened."""
    current = r.running
    if current is None:
        last = _ended_last(r)
        if last is None:
            raise RundownError("nothing_to_reopen")
        return _with(r, last.id, end_ns=None, end_wall=None)
    r = _with(r, current.id, start_ns=None, end_ns=None, start_wall=None, end_wall=None)
    last = _ended_last(r)
    return r if last is None else _with(r, last.id, end_ns=None, end_wall=None)


def stop(r: Rundown, now_ns: int, wall: str | None = None) -> Rundown:
    if r.running is None:
        raise RundownError("not_running")
    return _end_running(r, now_ns, wall)


def reset(r: Rundown) -> Rundown:
    """A rehearsal run again from the top: every actual time cleared. A real show keeps its
    record."""
    if not r.rehearsal:
        raise RundownError("not_rehearsal")
    if r.running is not None:
        raise RundownError("segment_running", r.running.id)
    cleared = dict(start_ns=None, end_ns=None, start_wall=None, end_wall=None)
    return replace(r, segments=tuple(replace(s, **cleared) for s in r.segments))


# -- after a reboot ---------------------------------------------------------------------------
BOOT_SLACK_NS = 120 * NS  # wall-clock steps and drift smaller than this are one boot
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def rebase(r: Rundown, now_ns: int, now_wall: str) -> Rundown:
    """The rundown with monotonic times from another boot (a PC restarted mid-show) moved onto
    this boot's clock by their wall-clock times, so a running segment's clock and the show's
    go on. A time is from another boot when it is later than `now_ns`, or when its wall time
    minus its monotonic time (the moment its clock started) is more than BOOT_SLACK_NS away
    from now's. A segment keeps its actual duration: its end moves with its start. A time
    without a usable wall time is put at now (a clock at 0 beats one that never moves)."""
    now_boot = _boot_ns(now_ns, now_wall)
    segments = []
    for s in r.segments:
        if s.start_ns is not None and _other_boot(s.start_ns, s.start_wall, now_ns, now_boot):
            start = _on_this_boot(s.start_wall, now_ns, now_wall)
            shift = (now_ns if start is None else min(start, now_ns)) - s.start_ns
            end = None if s.end_ns is None else s.end_ns + shift
            s = replace(s, start_ns=s.start_ns + shift, end_ns=end)
        if s.end_ns is not None and _other_boot(s.end_ns, s.end_wall, now_ns, now_boot):
            end = _on_this_boot(s.end_wall, now_ns, now_wall)
            s = replace(s, end_ns=max(s.start_ns, now_ns if end is None else min(end, now_ns)))
        segments.append(s)
    return replace(r, segments=tuple(segments))


def _wall_ns(wall: str | None) -> int | None:
    try:
        moment = datetime.fromisoformat(wall) if wall else None
    except ValueError:
        return None
    if moment is None or moment.tzinfo is None:
        return None
    return (moment - _EPOCH) // timedelta(microseconds=1) * 1000


def _boot_ns(mono_ns: int, wall: str | None) -> int | None:
    wall_ns = _wall_ns(wall)
    return None if wall_ns is None else wall_ns - mono_ns


def _other_boot(mono_ns: int, wall: str | None, now_ns: int, now_boot: int | None) -> bool:
    if mono_ns > now_ns:
        return True
    boot = _boot_ns(mono_ns, wall)
    return boot is not None and now_boot is not None and abs(boot - now_boot) > BOOT_SLACK_NS


def _on_this_boot(wall: str | None, now_ns: int, now_wall: str) -> int | None:
    wall_ns, now_wall_ns = _wall_ns(wall), _wall_ns(now_wall)
    if wall_ns is None or now_wall_ns is None:
        return None
    return now_ns - (now_wall_ns - wall_ns)


# -- durations as people write them --------------------------------------------------------
_CLOCK = re.compile(r"(\d+):(\d{1,2})(?::(\d{1,2}))?")
_PART = re.compile(
    r"(\d+(?:\.\d+)?)(小时|时|分钟|分|秒|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)"
)
_UNIT_S = {"小时": 3600, "时": 3600, "分钟": 60, "分": 60, "秒": 1}


def _unit_s(unit: str) -> int:
    return _UNIT_S.get(unit) or {"h": 3600, "m": 60, "s": 1}[unit[0]]


def parse_duration(text: str) -> int | None:
    """Seconds from "5" (minutes), "5分钟", "5 min", "5:00", "1:30:00", "90秒", "1h",
    "1小时30分"; None for anything else, for zero and for more than PLANNED_RANGE_S allows."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "").casefold())
    if not text:
        return None
    if m := _CLOCK.fullmatch(text):
        parts = [int(p) for p in m.groups() if p is not None]  # [m, s] or [h, m, s]
        if any(p >= 60 for p in parts[1:]):
            return None
        seconds = 0
        for part in parts:
            seconds = seconds * 60 + part
    elif re.fullmatch(r"\d+(?:\.\d+)?", text):
        seconds = round(float(text) * 60)
    else:
        parts = list(_PART.finditer(text))
        if not parts or "".join(p[0] for p in parts) != text:
            return None
        seconds = round(sum(float(p[1]) * _unit_s(p[2]) for p in parts))
    return seconds if PLANNED_RANGE_S[0] <= seconds <= PLANNED_RANGE_S[1] else None


def duration_text(seconds: int) -> str:
    """ "04:05", "1:02:03", "-00:30" (over)."""
    sign, seconds = ("-", -seconds) if seconds < 0 else ("", seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}" if h else f"{sign}{m:02d}:{s:02d}"
