"""The alerts worded (console/core/alerts.py gives codes and values): what happened with its
number, and what to do. The assistant's panel shows both; the host's cue shows the first.
What happened and the rules' names are worded once, in console/reports/report_text.py, which
the review shares."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.core import alerts as core
from console.core.alerts import Alert
from console.core.cues import MAX_TEXT
from console.reports.report_text import alert_name, alert_what

translate = QCoreApplication.translate


def alert_text(alert: Alert) -> tuple[str, str]:
    """(what happened, with its numbers; what to do about it)."""
    what = alert_what(alert.rule, alert.values, translate)
    if what is None:
        return translate("Alerts", "Alert: {rule}").format(rule=alert.rule), ""
    return what, _todo(alert.rule, alert.values)


def _todo(rule: str, v: dict) -> str:
    if rule == core.LOW_STOCK:
        left = v.get("value")
        if isinstance(left, int | float) and left <= 0:
            return translate("Alerts", "Mark it sold out and move on to the next product.")
        return translate("Alerts", "Restock it on the platform, or get ready for the next product.")
    if rule == core.VIEWERS_DROP:
        return translate("Alerts", "Win them back: talk up a perk, start a 福袋 or a flash sale.")
    if rule == core.MIC_SILENT:
        if v.get("muted"):
            return translate("Alerts", "Unmute it now (audio panel), unless that is on purpose.")
        return translate("Alerts", "Check the mic, its cable, its battery and its fader.")
    if rule == core.DROPPED_FRAMES:
        return translate(
            "Alerts", "The network or the encoder cannot keep up: check the connection."
        )
    if rule == core.DISK_LOW:
        return translate("Alerts", "Free space on the recording drive before the recording stops.")
    if rule == core.FLASH_SALE_ENDING:
        if v.get("offer") == "lucky_bag":
            return translate("Alerts", "Remind viewers to join before it closes.")
        return translate("Alerts", "Push for the last orders now.")
    if rule == core.NO_STATS:
        return translate(
            "Alerts", "Check the stats feed (API, simulator, import) or type the numbers in."
        )
    return ""


def cue_text(alert: Alert) -> str:
    """The host's cue: what happened, cut to what a cue holds (console/core/cues.py)."""
    what = " ".join(alert_text(alert)[0].split())
    return what if len(what) <= MAX_TEXT else what[: MAX_TEXT - 1] + "…"


def rule_name(code: str) -> str:
    """A rule's name, for the settings page and the history."""
    return alert_name(code, translate)
