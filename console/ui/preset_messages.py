"""The presets dock's words: what a preset sets, in a few words; how a recall started, how it
is going, which device each of its steps is and why one failed; why a save, import, export or
recall failed, from the codes of core.presets, the store and PresetService. Filed under the
PresetsPanel translation context, where they have always been."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.core.presets import Preset
from console.services.preset_service import PTZ_SLOTS, Recall, Step

translate = QCoreApplication.translate


def summary(p: Preset) -> str:
    """scene · camera · lights · mic, in a few words."""
    parts = []
    if p.scene:
        parts.append(p.scene)
    camera = [p.camera.source] if p.camera else []
    if p.ptz:
        camera.append(
            translate("PresetsPanel", "{0} preset {1}").format(p.ptz.camera, p.ptz.preset)
        )
    if camera:
        parts.append(" + ".join(camera))
    lights = len(p.lights) + len(p.fixtures)
    if lights:
        parts.append(translate("PresetsPanel", "lights ×{0}").format(lights))
    if len(p.mics) == 1:
        parts.append(_mic_summary(p.mics[0].muted))
    elif p.mics:
        parts.append(translate("PresetsPanel", "mics ×{0}").format(len(p.mics)))
    return " · ".join(parts) or translate("PresetsPanel", "(sets nothing)")


def _mic_summary(muted: bool | None) -> str:
    if muted is True:
        return translate("PresetsPanel", "mic muted")
    if muted is False:
        return translate("PresetsPanel", "mic live")
    return translate("PresetsPanel", "mic")


def origin_text(recall: Recall) -> str:
    name = recall.preset.name
    if recall.origin == "hotkey" and recall.preset.hotkey is not None:
        return translate("PresetsPanel", "“{0}”, recalled by hotkey Ctrl+{1}").format(
            name, recall.preset.hotkey
        )
    words = {
        "button": translate("PresetsPanel", "“{0}”, recalled by button"),
        "hotkey": translate("PresetsPanel", "“{0}”, recalled by hotkey"),
        "explain": translate("PresetsPanel", "“{0}”, recalled by 讲解 on its product"),
        "segment": translate("PresetsPanel", "“{0}”, recalled as its rundown segment started"),
    }
    return words.get(recall.origin, "“{0}”").format(name)


def device_text(step: Step) -> str:
    """ "Key Light · Key Light R"; OBS as a whole (a capture's reading) is just "OBS"."""
    kind = kind_text(step.kind)
    return kind if step.kind == "obs" else f"{kind} · {step.name}"


def kind_text(kind: str) -> str:
    words = {
        "scene": translate("PresetsPanel", "Scene"),
        "camera": translate("PresetsPanel", "Camera"),
        "ptz": translate("PresetsPanel", "PTZ camera"),
        "keylight": translate("PresetsPanel", "Key Light"),
        "dmx": translate("PresetsPanel", "DMX"),
        "mic": translate("PresetsPanel", "Mic"),
        "obs": translate("PresetsPanel", "OBS"),
    }
    return words.get(kind, kind)


def reason_text(code: str) -> str:
    """Why a device's part of a recall failed, in a few words a host can act on mid-show.
    (Settings ▸ Devices words the device codes at more length: device_messages.reason_words.)"""
    words = {
        "timeout": translate("PresetsPanel", "no answer in time: is it on?"),
        "refused": translate("PresetsPanel", "connection refused: wrong port, or restarting?"),
        "unreachable": translate("PresetsPanel", "cannot reach it: unplugged, or a wrong address?"),
        "bad_reply": translate("PresetsPanel", "unexpected answer: is it the right device?"),
        "rejected": translate("PresetsPanel", "it refused the setting"),
        "not_configured": translate("PresetsPanel", "not in the rig (Settings ▸ Devices)"),
        "closed": translate("PresetsPanel", "not in use any more (removed or changed in Settings)"),
        "no_answer": translate("PresetsPanel", "no answer within 2 s"),
        "out_of_range": translate("PresetsPanel", "a value out of range for this device"),
        "camera_not_in_scene": translate("PresetsPanel", "that camera is not in the scene"),
        "obs_not_connected": translate("PresetsPanel", "OBS is not connected"),
        "obs_timeout": translate("PresetsPanel", "OBS did not answer"),
        "obs_lost": translate("PresetsPanel", "the connection to OBS was lost"),
        "obs_stale": translate("PresetsPanel", "OBS was too busy: not sent"),
        "obs_not_found": translate("PresetsPanel", "not found in OBS: renamed or deleted?"),
        "obs_rejected": translate("PresetsPanel", "OBS refused it"),
        "moving": translate("PresetsPanel", "still moving…"),
        "no_free_slot": translate(
            "PresetsPanel", "no free preset number: LiveDesk's top {0} are all in use"
        ).format(PTZ_SLOTS),
        "level_out_of_range": translate("PresetsPanel", "a level out of range for this fixture"),
        "unknown_fixture": translate("PresetsPanel", "no such fixture in the rig"),
        "bad_duration": translate("PresetsPanel", "the fade time is not valid"),
        "bad_frame": translate("PresetsPanel", "a DMX frame must have 512 channels"),
    }
    if code in DMX_PATCH_CODES:
        return translate("PresetsPanel", "the DMX patch has a problem (Settings ▸ Devices)")
    if code.startswith("filter_missing:"):
        return translate(
            "PresetsPanel", "OBS has no filter “{0}” (renamed?); the rest of the mic was set"
        ).format(code.split(":", 1)[1])
    return words.get(code, code)


# console.core.dmx's codes for a patch the look cannot be sent through
DMX_PATCH_CODES = frozenset(
    (
        "address_out_of_range",
        "universe_out_of_range",
        "overlapping_fixtures",
        "duplicate_name",
        "unknown_role",
        "duplicate_role",
        "fine_without_coarse",
        "bad_kelvin_range",
    )
)


def failed_text(count: int) -> str:
    if count == 1:
        return translate("PresetsPanel", "1 device failed")
    return translate("PresetsPanel", "{0} devices failed").format(count)


def failure_text(action: str, code: str) -> str:
    """Why an action failed; code may end in "@path", the place in an import file (or, for
    "ptz_store", the camera)."""
    code, _, path = code.partition("@")
    if action == "ptz_store":
        return translate(
            "PresetsPanel", "Saved, but the PTZ camera {0} did not store its position: {1}"
        ).format(path, reason_text(code))
    reason = problem_text(code)
    if path and path != "$":
        reason = translate("PresetsPanel", "{0} (at {1})").format(reason, path)
    heads = {
        "import": translate("PresetsPanel", "Nothing was imported: {0}"),
        "export": translate("PresetsPanel", "Not exported: {0}"),
        "save": translate("PresetsPanel", "Not saved: {0}"),
        "remove": translate("PresetsPanel", "Not deleted: {0}"),
        "load": translate("PresetsPanel", "The presets could not be read: {0}"),
        "link": translate("PresetsPanel", "The product's preset was not changed: {0}"),
        "capture": translate("PresetsPanel", "Not captured: {0}"),
        "recall": translate("PresetsPanel", "Not recalled: {0}"),
    }
    return heads.get(action, "{0}").format(reason)


def problem_text(code: str) -> str:
    words = {
        "not_json": translate("PresetsPanel", "the file is not JSON"),
        "unknown_format": translate("PresetsPanel", "the file is not a LiveDesk presets file"),
        "newer_version": translate("PresetsPanel", "the file is from a newer LiveDesk"),
        "not_an_object": translate("PresetsPanel", "a part of the file has the wrong shape"),
        "not_a_list": translate("PresetsPanel", "a part of the file has the wrong shape"),
        "wrong_type": translate("PresetsPanel", "a value has the wrong type"),
        "missing": translate("PresetsPanel", "a value is missing"),
        "out_of_range": translate("PresetsPanel", "a value is out of range"),
        "empty_name": translate("PresetsPanel", "a name is empty"),
        "duplicate_name": translate("PresetsPanel", "two presets have the same name"),
        "duplicate_hotkey": translate("PresetsPanel", "two presets have the same hotkey"),
        "file_error": translate("PresetsPanel", "the file could not be read or written"),
        "db_error": translate("PresetsPanel", "the show database could not store it"),
        "no_preset_on_key": translate("PresetsPanel", "no preset is on that key"),
        "unknown_preset": translate("PresetsPanel", "that preset no longer exists"),
        "busy": translate("PresetsPanel", "a capture is already running"),
    }
    return words.get(code, code)


def recall_badge(recall: Recall) -> tuple[str, str]:
    """(state for the badge's look: failed, pending or done; its words)."""
    failed = len(recall.failed)
    waiting = len(recall.waiting)
    if failed:
        return "failed", failed_text(failed)
    if waiting and recall.finished:  # only PTZ cameras wait past the deadline
        return "pending", translate("PresetsPanel", "Done; camera still moving…")
    if waiting:
        return "pending", translate("PresetsPanel", "Recalling… {0} waiting").format(waiting)
    if recall.steps:
        slowest = max((s.ms or 0.0) for s in recall.steps)
        return "done", translate("PresetsPanel", "All done in {0} ms").format(round(slowest))
    return "done", translate("PresetsPanel", "Nothing to do")
