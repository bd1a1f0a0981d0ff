"""Stats posted by other tools (the local HTTP API): one JSON document, already decoded, is
checked field by field and becomes a Batch of typed records, or a StatsInputError listing every
problem as a code and the path of the field ("items[3].value: out_of_range"). A batch with one
bad item is refused whole.

The document is one item, or a batch {"items": [item, ...]} of 1..MAX_ITEMS items:

    {"type": "sample",  "ts": T, "metric": "online", "value": 1234}
    {"type": "order",   "ts": T, "order_id": "A1", "sku": "SKU-1", "qty": 2, "amount": 59.8}
    {"type": "comment", "ts": T, "user": "小王", "text": "多少钱"}
    {"type": "like",    "ts": T, "count": 30}

T is Unix epoch milliseconds (an integer), or an ISO 8601 string with an offset
("2025-06-01T20:15:00+08:00", "...Z"); it must lie within MAX_SKEW_MS of now. An order's money
is EXACTLY ONE of "amount" (yuan, a JSON number with at most 2 decimals: 59.8, 59.80, 60) or
"amount_fen" (an integer number of fen: 5980). "sku" and "user" are optional (string or null).
Fields not listed are refused, so that a typo never passes silently."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from console.core.metrics import METRICS, Count, MetricDef, Order, Sample

MAX_ITEMS = 5000
MAX_PROBLEMS = 100  # listed; the error still counts them all
MAX_SKEW_MS = 2 * 24 * 3600 * 1000
MAX_QTY = 100_000
MAX_AMOUNT_FEN = 10**11  # ¥1,000,000,000 for one order: anything above is a unit mix-up
MAX_LIKES = 1_000_000  # in one post
MAX_ID_LEN = 128  # order_id
MAX_NAME_LEN = 64  # sku, user, metric
MAX_TEXT_LEN = 2000  # a comment
MAX_TS_TEXT = 40
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")

# Codes: not_an_object, not_a_list, missing, wrong_type, unknown_field, unknown_type,
# unknown_metric, out_of_range, not_finite, too_precise, conflict, empty, too_long, bad_text,
# bad_time, no_offset, far_from_now, empty_batch, too_many_items.
# The records are console.core.metrics's (Sample, Order; likes as Count) plus Comment, whose
# text the metrics do not need but the store keeps.


@dataclass(frozen=True)
class Comment:
    ts_ms: int
    text: str
    user: str | None = None


@dataclass(frozen=True)
class Batch:
    samples: tuple[Sample, ...] = ()
    orders: tuple[Order, ...] = ()
    comments: tuple[Comment, ...] = ()
    likes: tuple[Count, ...] = ()  # Count.n likes at ts_ms

    def __len__(self) -> int:
        return len(self.samples) + len(self.orders) + len(self.comments) + len(self.likes)


@dataclass(frozen=True)
class Problem:
    path: str  # "items[3].value"; "$" is the document itself
    code: str

    def __str__(self) -> str:
        return f"{self.path}: {self.code}"


class StatsInputError(ValueError):
    """The document is refused; `problems` lists the first MAX_PROBLEMS, `count` all of them."""

    def __init__(self, problems: list[Problem], count: int | None = None):
        self.problems = tuple(problems[:MAX_PROBLEMS])
        self.count = max(count or 0, len(problems))
        more = (
            f" (+{self.count - len(self.problems)} more)" if self.count > len(self.problems) else ""
        )
        super().__init__("; ".join(map(str, self.problems[:5])) + more)


def parse(doc: object, now_ms: int, metrics: dict[str, MetricDef] = METRICS) -> Batch:
    """The records of one decoded JSON document; raises StatsInputError with every problem."""
    found = _Problems()
    if isinstance(doc, dict) and "items" in doc:
        for key in doc:
            if key != "items":
                found.add(_join("", key), "unknown_field")
        items = doc["items"]
        if not isinstance(items, list):
            found.add("items", "not_a_list")
            items = []
        elif not items:
            found.add("items", "empty_batch")
        elif len(items) > MAX_ITEMS:
            found.add("items", "too_many_items")
            items = []
        paths = [f"items[{n}]" for n in range(len(items))]
    elif isinstance(doc, dict):
        items, paths = [doc], [""]
    else:
        found.add("$", "not_an_object")
        items, paths = [], []
    check = _Checker(found, now_ms, metrics)
    records = [check.item(item, path) for item, path in zip(items, paths, strict=True)]
    if found.count:
        raise StatsInputError(found.list, found.count)
    return Batch(
        tuple(r for r in records if isinstance(r, Sample)),
        tuple(r for r in records if isinstance(r, Order)),
        tuple(r for r in records if isinstance(r, Comment)),
        tuple(r for r in records if isinstance(r, Count)),
    )


class _Problems:
    def __init__(self):
        self.list: list[Problem] = []
        self.count = 0

    def add(self, path: str, code: str) -> None:
        self.count += 1
        if len(self.list) < MAX_PROBLEMS:
            self.list.append(Problem(path or "$", code))


def _join(path: str, key: str) -> str:
    """path.key, or path["key"] for a key that is not a plain name (cut short: it is echoed)."""
    key = key if isinstance(key, str) else repr(key)  # JSON keys are strings; a dict may not be
    if _PLAIN_KEY.fullmatch(key):
        return f"{path}.{key}" if path else key
    shown = key if len(key) <= 40 else key[:40] + "…"
    return f"{path}[{_quote(shown)}]"


def _quote(text: str) -> str:
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_FIELDS = {
    "sample": {"type", "ts", "metric", "value"},
    "order": {"type", "ts", "order_id", "sku", "qty", "amount", "amount_fen", "user"},
    "comment": {"type", "ts", "user", "text"},
    "like": {"type", "ts", "count"},
}
_MISSING = object()


class _Checker:
    def __init__(self, found: _Problems, now_ms: int, metrics: dict[str, MetricDef]):
        self.found, self.now_ms, self.metrics = found, now_ms, metrics

    def item(self, data: object, path: str):
        if not isinstance(data, dict):
            self.found.add(path, "not_an_object")
            return None
        start = self.found.count
        kind = data.get("type", _MISSING)
        if kind is _MISSING:
            self.found.add(_join(path, "type"), "missing")
            return None
        if not isinstance(kind, str):
            self.found.add(_join(path, "type"), "wrong_type")
            return None
        if kind not in _FIELDS:
            self.found.add(_join(path, "type"), "unknown_type")
            return None
        for key in data:
            if key not in _FIELDS[kind]:
                self.found.add(_join(path, key), "unknown_field")
        ts = self.ts(data, path)
        record = getattr(self, kind)(data, path, ts)
        return record if self.found.count == start else None

    def sample(self, d: dict, path: str, ts: int | None) -> Sample | None:
        metric = self.text(d, "metric", path, MAX_NAME_LEN)
        value = self.number(d, "value", path)
        if metric is not None and metric not in self.metrics:
            self.found.add(_join(path, "metric"), "unknown_metric")
            return None
        if metric is None or value is None:
            return None
        if not self.metrics[metric].accepts(value):  # its bounds; 10**400 too
            self.found.add(_join(path, "value"), "out_of_range")
            return None
        return Sample(ts, metric, float(value))

    def order(self, d: dict, path: str, ts: int | None) -> Order:
        order_id = self.text(d, "order_id", path, MAX_ID_LEN)
        sku = self.text(d, "sku", path, MAX_NAME_LEN, optional=True)
        user = self.text(d, "user", path, MAX_NAME_LEN, optional=True)
        qty = self.integer(d, "qty", path, 1, MAX_QTY)
        fen = None
        if "amount" in d and "amount_fen" in d:
            self.found.add(_join(path, "amount_fen"), "conflict")
        elif "amount_fen" in d:
            fen = self.integer(d, "amount_fen", path, 0, MAX_AMOUNT_FEN)
        else:
            fen = self.yuan(d, "amount", path)
        return Order(ts, order_id, sku, qty, fen, user)

    def comment(self, d: dict, path: str, ts: int | None) -> Comment:
        text = self.text(d, "text", path, MAX_TEXT_LEN)
        return Comment(ts, text, self.text(d, "user", path, MAX_NAME_LEN, optional=True))

    def like(self, d: dict, path: str, ts: int | None) -> Count:
        return Count(ts, self.integer(d, "count", path, 1, MAX_LIKES))

    # -- fields ---------------------------------------------------------------------------
    def ts(self, d: dict, path: str) -> int | None:
        where = _join(path, "ts")
        value = d.get("ts", _MISSING)
        if value is _MISSING:
            self.found.add(where, "missing")
            return None
        if isinstance(value, str):
            ms = self._iso_ms(value, where)
        elif isinstance(value, int) and not isinstance(value, bool):
            ms = value
        else:
            self.found.add(where, "wrong_type")
            return None
        if ms is not None and abs(ms - self.now_ms) > MAX_SKEW_MS:
            self.found.add(where, "far_from_now")
            return None
        return ms

    def _iso_ms(self, text: str, where: str) -> int | None:
        if len(text) > MAX_TS_TEXT:
            self.found.add(where, "bad_time")
            return None
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            self.found.add(where, "bad_time")
            return None
        if when.tzinfo is None:
            self.found.add(where, "no_offset")
            return None
        try:
            return (when - _EPOCH) // timedelta(milliseconds=1)
        except OverflowError:  # year 1 with a positive offset, and the like
            self.found.add(where, "far_from_now")
            return None

    def text(self, d: dict, key: str, path: str, max_len: int, optional=False) -> str | None:
        where = _join(path, key)
        value = d.get(key, _MISSING)
        if value is _MISSING or value is None:
            if not optional:
                self.found.add(where, "missing")
            return None
        if not isinstance(value, str):
            self.found.add(where, "wrong_type")
            return None
        if not value.strip():
            self.found.add(where, "empty")
            return None
        if len(value) > max_len:
            self.found.add(where, "too_long")
            return None
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate ("\ud800"): SQLite cannot store it
            self.found.add(where, "bad_text")
            return None
        return value

    def number(self, d: dict, key: str, path: str) -> int | float | None:
        where = _join(path, key)
        value = d.get(key, _MISSING)
        if value is _MISSING:
            self.found.add(where, "missing")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.found.add(where, "wrong_type")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.found.add(where, "not_finite")
            return None
        return value

    def integer(self, d: dict, key: str, path: str, low: int, high: int) -> int | None:
        where = _join(path, key)
        value = d.get(key, _MISSING)
        if value is _MISSING:
            self.found.add(where, "missing")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.found.add(where, "wrong_type")
            return None
        if not low <= value <= high:
            self.found.add(where, "out_of_range")
            return None
        return value

    def yuan(self, d: dict, key: str, path: str) -> int | None:
        where = _join(path, key)
        value = self.number(d, key, path)
        if value is None:
            return None
        if not 0 <= value <= MAX_AMOUNT_FEN / 100:
            self.found.add(where, "out_of_range")
            return None
        # The shortest decimal that reads back as this float is what the client wrote
        # (59.8 -> "59.8"), so "at most 2 decimals" is checked on that, not on binary noise.
        exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        fen = exact * 100
        if fen != fen.to_integral_value():
            self.found.add(where, "too_precise")
            return None
        return int(fen)
