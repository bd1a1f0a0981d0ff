"""What the console knows of a device (a light, a DMX universe, a camera): its state and why.
Codes, not sentences: the UI words them."""

from __future__ import annotations

from dataclasses import dataclass

ONLINE, OFFLINE, ERROR = "online", "offline", "error"
# Reasons: timeout (no answer in time), refused (nothing listens there), unreachable (no route),
# bad_reply (it answered, but not as the protocol says), rejected (it refused the command),
# not_configured (no address yet), closed (LiveDesk stopped talking to it).


@dataclass(frozen=True)
class DeviceStatus:
    state: str = OFFLINE
    reason: str = ""
    detail: str = ""  # for the log and a tooltip: the exception text, the reply seen
