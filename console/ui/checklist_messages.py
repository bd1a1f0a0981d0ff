"""The checklist's words: phase and self-check names, what a self-check saw ("mic −18 dBFS
peak, 3 s ago") and why an action failed. Filed under the ChecklistPanel translation context,
where they have always been."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from console.core.checklist import CheckResult
from console.reports.format import MINUS, moment_text, number_text, time_text
from console.ui.messages import connection_state

translate = QCoreApplication.translate


def phase_name(phase: str) -> str:
    return {
        "account": translate("ChecklistPanel", "Account and platform"),
        "planning": translate("ChecklistPanel", "Content planning"),
        "before_live": translate("ChecklistPanel", "Before going live"),
        "during": translate("ChecklistPanel", "During the show"),
        "after": translate("ChecklistPanel", "After the show"),
    }.get(phase, phase)


def check_name(kind: str | None) -> str:
    return {
        None: translate("ChecklistPanel", "By hand"),
        "obs_connected": translate("ChecklistPanel", "OBS connected"),
        "scene_collection": translate("ChecklistPanel", "OBS scene collection"),
        "profile": translate("ChecklistPanel", "OBS profile"),
        "stream_service": translate("ChecklistPanel", "Stream server and key"),
        "mic_live": translate("ChecklistPanel", "Microphone live"),
        "disk_free": translate("ChecklistPanel", "Free disk space"),
        "queue_not_empty": translate("ChecklistPanel", "Product queue not empty"),
        "queue_priced": translate("ChecklistPanel", "Live price and stock for every product"),
        "lights_reachable": translate("ChecklistPanel", "Lights reachable"),
        "camera_reachable": translate("ChecklistPanel", "Camera reachable"),
    }.get(kind, kind or "")


def _db(value) -> str:
    # A real minus sign, as meters print it.
    return (MINUS if value < 0 else "") + number_text(abs(value))


def _gb(value: float) -> str:
    return number_text(value, 0 if value >= 10 else 1)


def evidence_text(result: CheckResult | None) -> str:
    """What a self-check saw, in words; "" for an item checked by hand."""
    if result is None:
        return ""
    v, code = result.values, result.code
    if code == "obs_connected":
        return translate("ChecklistPanel", "OBS connected")
    if code == "obs_not_connected":
        return (
            connection_state(v["state"])
            if v.get("state")
            else translate("ChecklistPanel", "OBS not connected")
        )
    if code == "not_configured":
        return translate("ChecklistPanel", "Not configured: set the expected name")
    if code == "waiting":
        return translate("ChecklistPanel", "Asking OBS…")
    if code in ("collection_current", "profile_current"):
        text = (
            translate("ChecklistPanel", "Scene collection “{name}”")
            if code[0] == "c"
            else translate("ChecklistPanel", "Profile “{name}”")
        )
        return text.format(name=v["name"])
    if code in ("collection_other", "profile_other"):
        if code[0] == "c":
            text = translate("ChecklistPanel", "Scene collection is “{actual}”, not “{expected}”")
        else:
            text = translate("ChecklistPanel", "Profile is “{actual}”, not “{expected}”")
        return text.format(actual=v["actual"], expected=v["expected"])
    if code == "stream_set":
        return translate("ChecklistPanel", "Stream server {server}").format(server=v["server"])
    if code == "stream_no_server":
        return translate("ChecklistPanel", "No stream server set in OBS")
    if code == "stream_no_key":
        return translate("ChecklistPanel", "No stream key set in OBS")
    if code == "stream_server_other":
        return translate(
            "ChecklistPanel", "Stream server {server} does not contain “{expected}”"
        ).format(server=v["server"], expected=v["expected"])
    if code == "mic_heard":
        if v.get("peak_db") is None:
            return translate("ChecklistPanel", "Mic heard {ago} s ago").format(ago=v["ago_s"])
        if v["ago_s"] < 1:
            return translate("ChecklistPanel", "Mic {peak} dBFS peak, just now").format(
                peak=_db(v["peak_db"])
            )
        return translate("ChecklistPanel", "Mic {peak} dBFS peak, {ago} s ago").format(
            peak=_db(v["peak_db"]), ago=v["ago_s"]
        )
    if code == "mic_muted":
        return translate("ChecklistPanel", "Mic “{input}” is muted").format(input=v["input"])
    if code == "mic_missing":
        if v.get("input"):
            return translate("ChecklistPanel", "No audio input “{input}” in OBS").format(
                input=v["input"]
            )
        return translate("ChecklistPanel", "No mic input in OBS")
    if code == "mic_listening":
        return translate("ChecklistPanel", "Listening to the mic…")
    if code == "mic_silent":
        return translate("ChecklistPanel", "Mic silent for over {window} s").format(
            window=number_text(v["window_s"])
        )
    if code == "no_disk_figure":
        return translate("ChecklistPanel", "Free disk space not known yet")
    if code == "disk_free":
        return translate("ChecklistPanel", "{free} GB free (at least {min})").format(
            free=_gb(v["free_gb"]), min=_gb(v["min_gb"])
        )
    if code == "disk_low":
        return translate("ChecklistPanel", "Only {free} GB free, {min} GB needed").format(
            free=_gb(v["free_gb"]), min=_gb(v["min_gb"])
        )
    if code == "no_show":
        return translate("ChecklistPanel", "No show open")
    if code == "queue_empty":
        return translate("ChecklistPanel", "The product queue is empty")
    if code == "queue_items":
        return translate("ChecklistPanel", "{count} products in the queue").format(count=v["count"])
    if code == "queue_priced":
        return translate(
            "ChecklistPanel", "All {count} products have a live price and stock"
        ).format(count=v["count"])
    if code == "queue_unpriced":
        return translate(
            "ChecklistPanel", "{count} of {total} products lack a live price or stock: {names}"
        ).format(
            count=v["count"],
            total=v["total"],
            names=translate("ChecklistPanel", ", ").join(v["names"]),
        )
    if code == "not_available":
        return translate("ChecklistPanel", "No device control in this console")
    if code == "no_devices":
        return translate("ChecklistPanel", "None set up (Tools ▸ Settings ▸ Devices)")
    if code == "devices_online":
        return translate("ChecklistPanel", "{count} answering").format(count=v["count"])
    if code == "devices_down":
        return translate("ChecklistPanel", "Not answering: {names}").format(
            names=translate("ChecklistPanel", ", ").join(v["names"])
        )
    if code == "unknown_kind":
        return translate("ChecklistPanel", "Unknown self-check “{kind}”").format(
            kind=v.get("kind", "")
        )
    if code == "bad_params":
        return translate("ChecklistPanel", "The self-check's settings are not valid")
    return translate("ChecklistPanel", "Not known")


def failure_text(action: str, code: str) -> str:
    texts = {
        "no_user": translate(
            "ChecklistPanel", "Enter your name first: it is recorded with every check."
        ),
        "db_error": translate("ChecklistPanel", "The checklist could not be saved. Try again."),
        "no_show": translate("ChecklistPanel", "Open a show first."),
        "no_such_item": translate("ChecklistPanel", "That item is no longer in the checklist."),
        "empty_text": translate("ChecklistPanel", "An item needs a text."),
        "bad_params": translate("ChecklistPanel", "Those self-check settings are not valid."),
        "user_template_unreadable": translate(
            "ChecklistPanel",
            "Your checklist template could not be read; this show got the built-in one.",
        ),
        "io_error": translate("ChecklistPanel", "Your template could not be saved."),
        "empty": translate("ChecklistPanel", "The checklist is empty."),
    }
    return texts.get(
        code,
        translate("ChecklistPanel", "Checklist: {action} failed ({code})").format(
            action=action, code=code
        ),
    )


def local_time(wall: str | None, with_date: bool = False) -> str:
    if not wall:
        return ""
    try:
        at = datetime.fromisoformat(wall).astimezone()
    except ValueError:
        return wall
    return moment_text(at, seconds=True) if with_date else time_text(at, seconds=False)
