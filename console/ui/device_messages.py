"""The rig's words for Settings ▸ Devices: every Rig.problems() code with what to do about it,
a device's live status and why it is down, a Test's outcome, the DMX channel roles and
protocols. Filed under the DevicesPage translation context, where they have always been."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.core.devices import ERROR, ONLINE, DeviceStatus
from console.core.dmx import FINE
from console.core.rig import (
    ARTNET,
    CAMERA_SOURCE,
    DMX,
    FIXTURE,
    KEYLIGHT,
    MIC_INPUT,
    PTZ,
    SACN,
    Rig,
    RigProblem,
)

translate = QCoreApplication.translate


def column_titles(kind: str, with_test: bool) -> list[str]:
    """The device table's columns: the kind's own, Status, and Test where it has one."""
    return (
        {
            KEYLIGHT: [
                translate("DevicesPage", "Name"),
                translate("DevicesPage", "Address"),
                translate("DevicesPage", "Port"),
            ],
            DMX: [
                translate("DevicesPage", "Name"),
                translate("DevicesPage", "Protocol"),
                translate("DevicesPage", "Node address"),
                translate("DevicesPage", "Universe"),
            ],
            FIXTURE: [
                translate("DevicesPage", "Name"),
                translate("DevicesPage", "Universe"),
                translate("DevicesPage", "Start address"),
                translate("DevicesPage", "Channels"),
            ],
            PTZ: [
                translate("DevicesPage", "Name"),
                translate("DevicesPage", "Address"),
                translate("DevicesPage", "Port"),
                translate("DevicesPage", "Highest preset"),
            ],
        }[kind]
        + [translate("DevicesPage", "Status")]
        + ([translate("DevicesPage", "Test")] if with_test else [])
    )


def test_hint(kind: str) -> str:
    """What Test does to a device of the kind."""
    return {
        KEYLIGHT: translate("DevicesPage", "The light blinks so you can see which one it is."),
        DMX: translate("DevicesPage", "Sends the output's current levels once more."),
        PTZ: translate("DevicesPage", "Asks the camera to answer; it does not move."),
    }[kind]


def problem_text(p: RigProblem, rig: Rig) -> str:
    """One problem of the rig being edited, in the user's words, with what to do about it."""
    name, other = p.name, p.other
    if p.code == "empty_name":
        return {
            KEYLIGHT: translate("DevicesPage", "A Key Light has no name. Give it one."),
            DMX: translate("DevicesPage", "A DMX output has no name. Give it one."),
            FIXTURE: translate("DevicesPage", "A fixture has no name. Give it one."),
            PTZ: translate("DevicesPage", "A PTZ camera has no name. Give it one."),
            CAMERA_SOURCE: translate(
                "DevicesPage", "A camera source has no name. Pick or type one."
            ),
            MIC_INPUT: translate("DevicesPage", "A mic input has no name. Pick or type one."),
        }.get(other, translate("DevicesPage", "A device has no name. Give it one."))
    if p.code == "duplicate_name":
        if other == CAMERA_SOURCE:
            return translate("DevicesPage", "The camera source “{0}” is listed twice.").format(name)
        if other == MIC_INPUT:
            return translate("DevicesPage", "The mic input “{0}” is listed twice.").format(name)
        return translate(
            "DevicesPage",
            "The name “{0}” is used twice. Each light, output, fixture and camera needs "
            "its own name.",
        ).format(name)
    if p.code == "bad_address":
        return _address_text(name, other, any(o.name == name for o in rig.dmx_outputs))
    texts = {
        "bad_port": translate(
            "DevicesPage",
            "{0}: port {1} does not exist. Use 1–65535 (Key Light: 9123, VISCA: 52381).",
        ),
        "bad_protocol": translate(
            "DevicesPage", "{0}: unknown protocol “{1}”. Choose sACN or Art-Net."
        ),
        "bad_max_preset": translate(
            "DevicesPage", "{0}: the highest preset must be between 0 and 254."
        ),
        "universe_out_of_range": translate(
            "DevicesPage",
            "{0}: universe {1} does not exist. sACN uses 1–63999, Art-Net 0–32767.",
        ),
        "no_output_for_universe": translate(
            "DevicesPage",
            "{0}: no DMX output sends universe {1}. Add an output for it, or change the "
            "fixture's universe.",
        ),
        "duplicate_universe": translate(
            "DevicesPage",
            "{0} sends the same universe as {1}. Give each output its own universe.",
        ),
        "address_out_of_range": translate(
            "DevicesPage",
            "{0}: its channels must fit within DMX addresses 1–512. Lower the start "
            "address or use fewer channels.",
        ),
        "overlapping_fixtures": translate(
            "DevicesPage", "{0} and {1} share DMX channels. Move one to a free start address."
        ),
        "unknown_role": translate(
            "DevicesPage", "{0}: unknown channel role “{1}”. Pick one from the list."
        ),
        "duplicate_role": translate(
            "DevicesPage", "{0}: “{1}” is set on two channels. Use each role once."
        ),
        "fine_without_coarse": translate(
            "DevicesPage",
            "{0}: “{1}” needs its coarse channel too. Add it, or set this one to Not used.",
        ),
        "bad_kelvin_range": translate(
            "DevicesPage",
            "{0}: the colour temperature range must go from a lower to a higher kelvin value.",
        ),
        "bad_frame": translate("DevicesPage", "{0}: a DMX frame must have 512 channels."),
        "level_out_of_range": translate("DevicesPage", "{0}: a level is out of range ({1})."),
        "unknown_fixture": translate("DevicesPage", "{0}: no such fixture in the rig."),
        "bad_duration": translate("DevicesPage", "{0}: the fade time must be 0 s or more."),
    }
    if p.code == "universe_out_of_range" and any(f.name == name for f in rig.fixtures):
        universe = next((str(f.universe) for f in rig.fixtures if f.name == name), "")
        return translate("DevicesPage", "{0}: universe {1} does not exist (0–63999).").format(
            name, universe
        )
    shown = role_name(other) if p.code.endswith("_role") or "coarse" in p.code else other
    text = texts.get(p.code)
    if text is None:
        return translate("DevicesPage", "{0}: {1}").format(name, p.code)
    return text.format(name, shown)


def _address_text(name: str, address: str, is_dmx_node: bool) -> str:
    if is_dmx_node:
        if not address:
            return translate(
                "DevicesPage", "{0}: type the DMX node's IP address, e.g. 192.168.1.50."
            ).format(name)
        return translate(
            "DevicesPage",
            "{0}: “{1}” is not an IP address. Type the node's address, e.g. 192.168.1.50.",
        ).format(name, address)
    if not address:
        return translate(
            "DevicesPage",
            "{0}: type its address: an IP such as 192.168.1.20, or a name such as keylight.local.",
        ).format(name)
    return translate(
        "DevicesPage",
        "{0}: “{1}” is not an address. Type an IP such as 192.168.1.20, or a name such "
        "as keylight.local.",
    ).format(name, address)


def status_text(status: DeviceStatus, kind: str = "") -> tuple[str, str]:
    """(short words for a table cell, the full sentence with what to do). DMX is one-way: an
    output (or a fixture, by its output) online is sending without error, which says nothing
    of whether the node receives it."""
    if status.state == ONLINE and kind in (DMX, FIXTURE):
        return translate("DevicesPage", "Sending"), translate(
            "DevicesPage",
            "LiveDesk sends to it without errors. DMX does not answer back: only the lights "
            "show whether the node receives it.",
        )
    if status.state == ONLINE:
        return translate("DevicesPage", "Online"), translate("DevicesPage", "Online: it answers.")
    short, advice = reason_words(status.reason)
    if status.state == ERROR:
        return translate("DevicesPage", "Error: {0}").format(short), advice
    if status.reason in ("", "not_configured"):
        return (
            translate("DevicesPage", "Not checked yet"),
            translate("DevicesPage", "LiveDesk has not talked to it yet. Press Test to check it."),
        )
    return translate("DevicesPage", "Offline: {0}").format(short), advice


def reason_words(reason: str) -> tuple[str, str]:
    """Why a device is down or a Test failed: (a few words, the sentence with what to do)."""
    words = {
        "timeout": (
            translate("DevicesPage", "no answer"),
            translate(
                "DevicesPage",
                "No answer in time. Check that it is switched on and the address is right.",
            ),
        ),
        "refused": (
            translate("DevicesPage", "connection refused"),
            translate(
                "DevicesPage",
                "Nothing answers on that port. Check the port and that the device is on.",
            ),
        ),
        "unreachable": (
            translate("DevicesPage", "cannot reach it"),
            translate(
                "DevicesPage",
                "The network cannot reach it. Check the address and the cable or Wi-Fi.",
            ),
        ),
        "bad_reply": (
            translate("DevicesPage", "unexpected answer"),
            translate(
                "DevicesPage",
                "Something answered, but not as this kind of device does. Check the "
                "address and the port.",
            ),
        ),
        "rejected": (
            translate("DevicesPage", "command refused"),
            translate(
                "DevicesPage",
                "The device refused the command. Check its own settings (remote control on).",
            ),
        ),
        "not_configured": (
            translate("DevicesPage", "not set up"),
            translate("DevicesPage", "It is not set up yet: give it an address and press Apply."),
        ),
        "closed": (
            translate("DevicesPage", "closed"),
            translate(
                "DevicesPage",
                "LiveDesk stopped using it (removed or changed). Press Apply to use it.",
            ),
        ),
    }
    return words.get(reason, (reason, reason))


def unreadable_text(code: str, path: str, settings_file: str) -> str:
    """Why no devices show: the saved rig (a RigError's code and path) could not be read."""
    what = {
        "missing": translate("DevicesPage", "{0} is missing"),
        "wrong_type": translate("DevicesPage", "{0} has the wrong type"),
        "not_a_list": translate("DevicesPage", "{0} is not a list"),
        "not_an_object": translate("DevicesPage", "{0} is not an object"),
    }.get(code, translate("DevicesPage", "{0}: {1}"))
    return translate(
        "DevicesPage",
        "The saved devices could not be read ({0}), so LiveDesk is using none. Fix the "
        "“rig” part of {1} and restart LiveDesk, or set the devices up again here: OK or "
        "Apply after a change here replaces the saved ones.",
    ).format(what.format(path, code), settings_file)


def passed_test_text(result) -> str:
    """What a passed Test did, from the device's answer."""
    return {
        "identified": translate("DevicesPage", "Identified: it blinks"),
        "answered": translate("DevicesPage", "Answered"),
        "sent": translate("DevicesPage", "Sent (DMX does not answer back)"),
        "opened": translate("DevicesPage", "Ready: nothing to resend yet"),
    }.get(result, str(result))


def role_name(role: str) -> str:
    """A DMX channel's role ("cct_fine": "Colour temperature (fine)"); "" is an unused one."""
    words = {
        "": translate("DevicesPage", "Not used"),
        "dimmer": translate("DevicesPage", "Dimmer"),
        "cct": translate("DevicesPage", "Colour temperature"),
        "red": translate("DevicesPage", "Red"),
        "green": translate("DevicesPage", "Green"),
        "blue": translate("DevicesPage", "Blue"),
    }
    if role.endswith(FINE) and role.removesuffix(FINE) in words:
        return translate("DevicesPage", "{0} (fine)").format(words[role.removesuffix(FINE)])
    return words.get(role, role)


def protocol_name(protocol: str) -> str:
    return {
        SACN: translate("DevicesPage", "sACN (E1.31)"),
        ARTNET: translate("DevicesPage", "Art-Net"),
    }.get(protocol, protocol)
