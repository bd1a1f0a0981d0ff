"""The alerts worded (console/core/alerts.py gives codes and values): what happened with its
number, and what to do. The assistant's panel shows both; the host's cue shows the first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.core import alerts as core
from console.core.alerts import Alert
from console.core.cues import MAX_TEXT

translate = QCoreApplication.translate


def _n(value, decimals: int = 0) -> str:
    """A number with thousands separated (1,240), as Chinese and English both write it;
    "?" when unknown."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "?"
    return f"{value:,.{decimals}f}"


def alert_text(alert: Alert) -> tuple[str, str]:
    """(what happened, with its numbers; what to do about it)."""
    v, rule = alert.values, alert.rule
    if rule == core.LOW_STOCK:
        name, left = v.get("name", ""), v.get("value")
        if isinstance(left, int | float) and left <= 0:
            return (
                translate("Alerts", "讲解 product {name} is sold out").format(name=name),
                translate("Alerts", "Mark it sold out and move on to the next product."),
            )
        return (
            translate("Alerts", "Stock low on 讲解 product {name}: {left} left").format(
                name=name, left=_n(left)
            ),
            translate("Alerts", "Restock it on the platform, or get ready for the next product."),
        )
    if rule == core.VIEWERS_DROP:
        return (
            translate("Alerts", "Viewers down {pct} % in {minutes} min ({before} → {now})").format(
                pct=_n(v.get("value")),
                minutes=_n(v.get("window_min")),
                before=_n(v.get("from")),
                now=_n(v.get("to")),
            ),
            translate("Alerts", "Win them back: talk up a perk, start a 福袋 or a flash sale."),
        )
    if rule == core.MIC_SILENT:
        name, seconds = v.get("input", ""), v.get("value")
        if v.get("muted"):
            what = translate("Alerts", "Mic “{input}” muted for {seconds} s while live")
            todo = translate("Alerts", "Unmute it now (audio panel), unless that is on purpose.")
        else:
            what = translate("Alerts", "Mic “{input}” silent for {seconds} s while live")
            todo = translate("Alerts", "Check the mic, its cable, its battery and its fader.")
        return what.format(input=name, seconds=_n(seconds)), todo
    if rule == core.DROPPED_FRAMES:
        return (
            translate("Alerts", "Dropped frames: {pct} % over the last {seconds} s").format(
                pct=_n(v.get("value"), 1), seconds=_n(v.get("window_s"))
            ),
            translate("Alerts", "The network or the encoder cannot keep up: check the connection."),
        )
    if rule == core.DISK_LOW:
        return (
            translate("Alerts", "Disk almost full: {free} GB free (alert under {min} GB)").format(
                free=_n(v.get("value"), 1), min=_n(v.get("min_gb"), 1)
            ),
            translate("Alerts", "Free space on the recording drive before the recording stops."),
        )
    if rule == core.FLASH_SALE_ENDING:
        return _sale_text(v)
    if rule == core.NO_STATS:
        return (
            translate("Alerts", "No stats for {minutes} min").format(minutes=_n(v.get("value"))),
            translate(
                "Alerts", "Check the stats feed (API, simulator, import) or type the numbers in."
            ),
        )
    return translate("Alerts", "Alert: {rule}").format(rule=rule), ""


def _sale_text(v: dict) -> tuple[str, str]:
    seconds, name, kind = _n(v.get("value")), v.get("name", ""), v.get("offer")
    if kind == "lucky_bag":
        what = translate("Alerts", "福袋 ends in {seconds} s").format(seconds=seconds)
        return what, translate("Alerts", "Remind viewers to join before it closes.")
    if kind == "coupon":
        what = translate("Alerts", "Coupon ends in {seconds} s").format(seconds=seconds)
    elif name:
        what = translate("Alerts", "Flash sale on {name} ends in {seconds} s").format(
            name=name, seconds=seconds
        )
    else:
        what = translate("Alerts", "Flash sale ends in {seconds} s").format(seconds=seconds)
    return what, translate("Alerts", "Push for the last orders now.")


def cue_text(alert: Alert) -> str:
    """The host's cue: what happened, cut to what a cue holds (console/core/cues.py)."""
    what = " ".join(alert_text(alert)[0].split())
    return what if len(what) <= MAX_TEXT else what[: MAX_TEXT - 1] + "…"


def rule_name(code: str) -> str:
    """A rule's name, for the settings page and the history."""
    return {
        core.LOW_STOCK: translate("Alerts", "Low stock on the 讲解 product"),
        core.VIEWERS_DROP: translate("Alerts", "Viewers dropping"),
        core.MIC_SILENT: translate("Alerts", "Mic muted or silent while live"),
        core.DROPPED_FRAMES: translate("Alerts", "Dropped frames while live"),
        core.DISK_LOW: translate("Alerts", "Disk space low"),
        core.FLASH_SALE_ENDING: translate("Alerts", "Flash sale, coupon or 福袋 ending"),
        core.NO_STATS: translate("Alerts", "No stats coming in"),
    }.get(code, code)
