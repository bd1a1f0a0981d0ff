"""Numbers typed as the platform's big screen shows them: "12.3万", "1.05亿", "123,456.78",
"¥8,000", "８，０００", "10w+". Pure: text in, a Decimal or an error code out; the UI words it.

Accepted: full-width digits and signs (NFKC), spaces anywhere, one leading ¥/￥/RMB/CNY, one
trailing 元, thousands separators only in groups of three ("12,34" is refused: a decimal comma
or a typo, never guessed), one scale suffix (万 or w/W ×10⁴, 亿 ×10⁸, 千 or k/K ×10³), and the
"+" platforms put after a rounded figure ("10万+" is read as 100000)."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from console.core.metrics import METRICS

# Codes: empty, not_a_number, negative, not_whole, too_precise, out_of_range, unknown_metric.
SCALES = {"万": 10**4, "w": 10**4, "W": 10**4, "亿": 10**8, "千": 10**3, "k": 10**3, "K": 10**3}
MAX_TEXT = 40  # longer is junk pasted by mistake, not a number from a big screen
_NUMBER = re.compile(
    r"(?P<sign>\+?)"
    r"(?:RMB|CNY|¥)?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<scale>[万亿千wWkK]?)"
    r"元?\+?",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")


class NumberTextError(ValueError):
    def __init__(self, code: str, text: str = ""):
        super().__init__(f"{code}: {text!r}" if text else code)
        self.code = code


def parse_number(text: str) -> Decimal:
    """The value of one typed number, exactly (Decimal: "12.3万" is 123000, not 122999.99…)."""
    cleaned = _SPACES.sub("", unicodedata.normalize("NFKC", text or ""))
    if not cleaned:
        raise NumberTextError("empty")
    if len(cleaned) > MAX_TEXT:
        raise NumberTextError("not_a_number", text)
    found = _NUMBER.fullmatch(cleaned)
    if cleaned[0] in "-−":  # said apart from junk: a platform never shows one, a typo might
        rest = _NUMBER.fullmatch(cleaned[1:])
        code = "negative" if rest is not None and not rest["sign"] else "not_a_number"
        raise NumberTextError(code, text)
    if found is None:
        raise NumberTextError("not_a_number", text)
    value = Decimal(found["digits"].replace(",", ""))
    scale = found["scale"]
    return value * SCALES[scale] if scale else value


def metric_value(metric: str, text: str) -> float:
    """The sample value for a quick-entry field: online and orders are whole numbers of people
    or orders; gmv_fen is typed in yuan (at most two decimals) and returned in fen. Checked
    against the metric's bounds like any ingested sample."""
    if metric not in METRICS:
        raise NumberTextError("unknown_metric", metric)
    value = parse_number(text)
    if metric == "gmv_fen":
        value *= 100
        if value != value.to_integral_value():
            raise NumberTextError("too_precise", text)
    elif value != value.to_integral_value():
        raise NumberTextError("not_whole", text)
    number = float(value)
    if not METRICS[metric].accepts(number):
        raise NumberTextError("out_of_range", text)
    return number
