"""The review's codes in words (platform, incidents, alert rules, cue outcomes), for the
exports and the review window alike. `translate` is a Words or QCoreApplication.translate;
`locale` the numbers' (format.py: None is the default, an export passes its Words.locale)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from console.core import alerts
from console.core.cues import CANNED
from console.reports.format import UNKNOWN, count_text, duration_text, number_text

if TYPE_CHECKING:  # the types only: importing review.py brings numpy in, which start-up avoids
    from console.reports.review import AlertRecord, CueRecord, Incident


def platform_name(code: str, translate=QCoreApplication.translate) -> str:
    """The platform's name, for the show dialogs (console/ui/show_messages.py) and the
    review alike (context ShowMessages); an unknown code as it is."""
    return {
        "douyin": translate("ShowMessages", "Douyin"),
        "kuaishou": translate("ShowMessages", "Kuaishou"),
        "taobao": translate("ShowMessages", "Taobao Live"),
        "channels": translate("ShowMessages", "WeChat Channels"),
        "tiktok": translate("ShowMessages", "TikTok Shop"),
        "other": translate("ShowMessages", "Other"),
    }.get(code, code)


def incident_name(kind: str, translate) -> str:
    return {
        "obs_disconnected": translate("Report", "OBS disconnected"),
        "device_error": translate("Report", "Device error"),
        "dropped_frames": translate("Report", "Dropped frames"),
        "mic_muted_live": translate("Report", "Mic muted while live"),
        "stream_stopped": translate("Report", "Stream stopped"),
    }.get(kind, kind)


def incident_detail(i: Incident, translate, locale: QLocale | None = None) -> str:
    d = i.detail
    if i.kind == "dropped_frames" and isinstance(d.get("pct"), int | float):
        pct, seconds = number_text(d["pct"], 1, locale), d.get("window_s")
        if isinstance(seconds, int | float):
            return translate("Report", "{0}% of the frames over {1} s").format(
                pct, count_text(seconds, locale)
            )
        return f"{pct}%"
    if i.kind == "mic_muted_live":
        return str(d.get("input", ""))
    if i.kind == "device_error":
        return " · ".join(str(d[k]) for k in ("device", "code", "detail") if d.get(k))
    if i.kind == "obs_disconnected":
        return str(d.get("reason", ""))
    return ""


def alert_name(rule: str, translate=QCoreApplication.translate) -> str:
    """The rule's name, for the alert settings, the alerts panel and the review alike
    (context Alerts); an unknown code as it is."""
    return {
        alerts.LOW_STOCK: translate("Alerts", "Low stock on the 讲解 product"),
        alerts.VIEWERS_DROP: translate("Alerts", "Viewers dropping"),
        alerts.MIC_SILENT: translate("Alerts", "Mic muted or silent while live"),
        alerts.DROPPED_FRAMES: translate("Alerts", "Dropped frames while live"),
        alerts.DISK_LOW: translate("Alerts", "Disk space low"),
        alerts.FLASH_SALE_ENDING: translate("Alerts", "Flash sale, coupon or 福袋 ending"),
        alerts.NO_STATS: translate("Alerts", "No stats coming in"),
    }.get(rule, rule)


def _number(value, decimals: int, locale: QLocale | None) -> str:
    """A number in the locale (1,240); "?" when unknown."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return "?"
    return number_text(value, decimals, locale)


def alert_detail(
    a: AlertRecord, translate=QCoreApplication.translate, locale: QLocale | None = None
) -> str:
    """What the alert saw, with its numbers; values of a rule this does not know, as
    recorded."""
    what = alert_what(a.rule, a.detail, translate, locale)
    if what is not None:
        return what
    shown = {k: x for k, x in a.detail.items() if k not in ("level", "on_host")}
    return ", ".join(f"{k} {x}" for k, x in shown.items() if not isinstance(x, dict | list))


def alert_what(
    rule: str, v: dict, translate=QCoreApplication.translate, locale: QLocale | None = None
) -> str | None:
    """What an alert saw, with its numbers (the values console/core/alerts.py gives and the
    timeline keeps), for the alerts panel, the host's cue and the review alike (context
    Alerts); None for a rule this does not know."""

    def _n(value, decimals: int = 0) -> str:
        return _number(value, decimals, locale)

    if rule == alerts.LOW_STOCK:
        name, left = v.get("name", ""), v.get("value")
        if isinstance(left, int | float) and left <= 0:
            return translate("Alerts", "讲解 product {name} is sold out").format(name=name)
        return translate("Alerts", "Stock low on 讲解 product {name}: {left} left").format(
            name=name, left=_n(left)
        )
    if rule == alerts.VIEWERS_DROP:
        return translate(
            "Alerts", "Viewers down {pct} % in {minutes} min ({before} → {now})"
        ).format(
            pct=_n(v.get("value")),
            minutes=_n(v.get("window_min")),
            before=_n(v.get("from")),
            now=_n(v.get("to")),
        )
    if rule == alerts.MIC_SILENT:
        if v.get("muted"):
            what = translate("Alerts", "Mic “{input}” muted for {seconds} s while live")
        else:
            what = translate("Alerts", "Mic “{input}” silent for {seconds} s while live")
        return what.format(input=v.get("input", ""), seconds=_n(v.get("value")))
    if rule == alerts.DROPPED_FRAMES:
        return translate("Alerts", "Dropped frames: {pct} % over the last {seconds} s").format(
            pct=_n(v.get("value"), 1), seconds=_n(v.get("window_s"))
        )
    if rule == alerts.DISK_LOW:
        return translate(
            "Alerts", "Disk almost full: {free} GB free (alert under {min} GB)"
        ).format(free=_n(v.get("value"), 1), min=_n(v.get("min_gb"), 1))
    if rule == alerts.NO_STATS:
        return translate("Alerts", "No stats for {minutes} min").format(minutes=_n(v.get("value")))
    if rule == alerts.FLASH_SALE_ENDING:
        seconds, name, kind = _n(v.get("value")), v.get("name", ""), v.get("offer")
        if kind == "lucky_bag":
            return translate("Alerts", "福袋 ends in {seconds} s").format(seconds=seconds)
        if kind == "coupon":
            return translate("Alerts", "Coupon ends in {seconds} s").format(seconds=seconds)
        if name:
            return translate("Alerts", "Flash sale on {name} ends in {seconds} s").format(
                name=name, seconds=seconds
            )
        return translate("Alerts", "Flash sale ends in {seconds} s").format(seconds=seconds)
    return None


def cue_text(c: CueRecord, translate) -> str:
    """A canned cue's built-in code as the cues panel words it (context Cues); typed text and
    the user's own canned words as written."""
    if c.kind != CANNED:
        return c.text
    return {
        "welfare": translate("Cues", "Talk up the perks"),
        "push_orders": translate("Cues", "Push for orders"),
        "read_comments": translate("Cues", "Read the comments"),
        "slow_down": translate("Cues", "Slow down"),
        "next_product": translate("Cues", "Next product"),
        "drink_water": translate("Cues", "Drink some water"),
    }.get(c.text, c.text)


def cue_outcome(outcome: str | None, translate) -> str:
    return {
        None: translate("Report", "Showing"),
        "acknowledged": translate("Report", "Acknowledged"),
        "timed_out": translate("Report", "Not acknowledged"),
    }.get(outcome, outcome or UNKNOWN)


def duration_or_open(ms: int | None, translate) -> str:
    return translate("Report", "not over") if ms is None else duration_text(ms)
