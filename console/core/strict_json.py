"""Strict reading of a JSON document (the rig in the settings, an exported presets file): each
field's shape is checked, and the first wrong one is refused with a code and the dotted path of
the field ("presets[1].lights[0].brightness"), for the UI to word. Pure. Each reader raises its
own subclass of FieldError (`Reader(RigError)`), so callers catch what they always caught.

Codes: not_an_object, not_a_list, missing, wrong_type, out_of_range, empty_name.

A field read by key tells its absence from a JSON null, as its caller asks: `default` is what an
absent field reads as (REQUIRED: refused as missing), `null` what a null reads as (REFUSE:
refused as wrong_type; ABSENT: as if the field were not there; any other value: that value).
Neither a default nor a null's reading is checked against the field's type or range."""

from __future__ import annotations

import math
from typing import Any, NoReturn

REQUIRED: Any = object()  # default: no default, an absent field is "missing"
REFUSE: Any = object()  # null: a null is a value of the wrong type
ABSENT: Any = object()  # null: a null reads as if the field were not there


class FieldError(ValueError):
    def __init__(self, code: str, path: str):
        super().__init__(f"{code} at {path}")
        self.code, self.path = code, path


class Reader:
    def __init__(self, error: type[FieldError]):
        self.error = error

    def fail(self, code: str, path: str) -> NoReturn:
        raise self.error(code, path)

    # -- values, at their own path ------------------------------------------------------------
    def obj(self, value: object, path: str) -> dict:
        if not isinstance(value, dict):
            self.fail("not_an_object", path)
        return value

    def array(self, value: object, path: str) -> list:
        if not isinstance(value, list):
            self.fail("not_a_list", path)
        return value

    def strings(self, value: object, path: str) -> tuple[str, ...]:
        """A list of strings; a wrong item is wrong_type at path[n]."""
        for n, item in enumerate(self.array(value, path)):
            if not isinstance(item, str):
                self.fail("wrong_type", f"{path}[{n}]")
        return tuple(value)

    # -- fields of an object, at path.key -----------------------------------------------------
    def string(self, d: dict, key: str, path: str, *, name: bool = False) -> str:
        """Never absent nor null. name=True: a name, stripped, and refused blank (empty_name)."""
        where = f"{path}.{key}"
        _, value = self._field(d, key, where, REQUIRED, REFUSE)
        if not isinstance(value, str):
            self.fail("wrong_type", where)
        if name and not value.strip():
            self.fail("empty_name", where)
        return value.strip() if name else value

    def boolean(self, d: dict, key: str, path: str, *, default=REQUIRED, null=REFUSE):
        where = f"{path}.{key}"
        check, value = self._field(d, key, where, default, null)
        if check and not isinstance(value, bool):
            self.fail("wrong_type", where)
        return value

    def integer(
        self, d: dict, key: str, path: str, low=None, high=None, *, default=REQUIRED, null=REFUSE
    ):
        """An int (not a bool), within [low, high] when they are given (else out_of_range)."""
        where = f"{path}.{key}"
        check, value = self._field(d, key, where, default, null)
        if not check:
            return value
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail("wrong_type", where)
        if low is not None and not low <= value <= high:
            self.fail("out_of_range", where)
        return value

    def number(self, d: dict, key: str, path: str, low, high, *, default=REQUIRED, null=REFUSE):
        """A finite int or float (not a bool) within [low, high], read as a float."""
        where = f"{path}.{key}"
        check, value = self._field(d, key, where, default, null)
        if not check:
            return value
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail("wrong_type", where)
        # Only a float can be NaN or infinite; an int too big for a float is merely too big
        # (math.isfinite would raise OverflowError on it).
        if isinstance(value, float) and not math.isfinite(value):
            self.fail("wrong_type", where)
        if not low <= value <= high:
            self.fail("out_of_range", where)
        return float(value)

    def _field(self, d: dict, key: str, where: str, default, null) -> tuple[bool, Any]:
        """(True, d[key] to check), or (False, what its absence or its null reads as)."""
        value = d.get(key, ABSENT)
        if value is None and null is not REFUSE and null is not ABSENT:
            return False, null
        if value is ABSENT or (value is None and null is ABSENT):
            if default is REQUIRED:
                self.fail("missing", where)
            return False, default
        return True, value
