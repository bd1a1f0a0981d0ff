"""Keeps named OBS text sources showing the product being explained, its live price, a
selling point and the flash-sale countdown. Sources missing in OBS are created (in the chosen
scene) with the text source kind this OBS offers."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from console.core.queue import Queue
from console.devices.obs.client import CONNECTED
from console.services.obs_service import ObsService
from console.services.queue_service import QueueService

log = logging.getLogger(__name__)

DEFAULT_SOURCES = {
    "name": "LiveDesk 商品名",
    "price": "LiveDesk 直播价",
    "selling_point": "LiveDesk 卖点",
    "countdown": "LiveDesk 倒计时",
}
TEXT_KINDS = ("text_gdiplus_v2", "text_ft2_source_v2", "text_gdiplus", "text_ft2_source")
TICK_MS = 100  # the countdown's second boundary is caught within this


def source_names(overrides: dict) -> dict[str, str]:
    """The OBS source for each overlay text: a non-empty name from `overrides` (the user's
    settings, which may be stale or hand-edited) or the default."""
    names = {}
    for key, default in DEFAULT_SOURCES.items():
        name = overrides.get(key)
        names[key] = name.strip() if isinstance(name, str) and name.strip() else default
    return names


class OverlayService(QObject):
    failed = Signal(str, str)  # source name, reason

    def __init__(
        self,
        obs: ObsService,
        queue: QueueService,
        texts: Callable,
        sources: dict[str, str] | None = None,
        scene: str | None = None,
        clock: Callable[[], int] = time.monotonic_ns,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.obs, self.queue, self.texts, self.clock = obs, queue, texts, clock
        self.sources = source_names(sources or {})
        self.scene = scene
        self.enabled = True
        self._ready = False  # OBS's text sources are known (created where missing)
        self.sent: dict[str, str] = {}  # source name -> text OBS has
        self._pending: dict[int, tuple] = {}  # token -> what the request was for
        self._kind: str | None = None
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self.refresh)
        client = obs.client
        client.replied.connect(self._on_client_replied)
        client.request_failed.connect(self._on_client_request_failed)
        obs.connection_changed.connect(self._on_obs_connection_changed)
        queue.changed.connect(self._on_queue_changed)
        queue.flash_sale_changed.connect(self._on_queue_changed)

    def configure(self, enabled: bool, scene: str, sources: dict) -> None:
        """Apply the settings: on or off, the scene missing sources are created in ("" = the
        program scene) and the source names. Sources under old names stay in OBS as they are."""
        self.enabled, self.scene, self.sources = enabled, scene or None, source_names(sources)
        self.sent.clear()
        self._on_obs_connection_changed(self.obs.state)

    def _send(self, request_type: str, data: dict | None, purpose: tuple) -> None:
        self._pending[self.obs.client.request(request_type, data)] = purpose

    def _on_obs_connection_changed(self, state: str, *_rest) -> None:
        self.sent.clear()
        self._ready = False
        if state == CONNECTED and self.enabled:
            self._send("GetInputKindList", {"unversioned": False}, ("kinds",))

    def _on_client_replied(self, token: int, _request_type: str, data: dict) -> None:
        purpose = self._pending.pop(token, ("",))
        if purpose[0] == "kinds":
            kinds = data.get("inputKinds", [])
            self._kind = next((k for k in TEXT_KINDS if k in kinds), None)
            self._send("GetInputList", None, ("inputs",))
        elif purpose[0] == "inputs":
            have = {i["inputName"] for i in data.get("inputs", [])}
            scene = self.scene or self.obs.snapshot.program
            texts = self._texts()
            for key, name in self.sources.items():
                if name not in have and self._kind:
                    self.sent[name] = texts[key]  # created showing what it should show
                    settings = {"text": texts[key]}
                    self._send(
                        "CreateInput",
                        {
                            "sceneName": scene,
                            "inputName": name,
                            "inputKind": self._kind,
                            "inputSettings": settings,
                        },
                        ("create", name),
                    )
            self._ready = True
            self.refresh()

    def _on_client_request_failed(self, token: int, _type: str, code: str, comment: str) -> None:
        purpose = self._pending.pop(token, None)
        if purpose is None:
            return
        log.info("Overlay request %s failed: %s %s", purpose[:2], code, comment)
        if purpose[0] in ("text", "create"):
            name = purpose[1]
            if purpose[0] == "create" or self.sent.get(name) == purpose[2]:
                self.sent.pop(name, None)  # OBS does not show it: send again next time
            self.failed.emit(name, code)

    def _on_queue_changed(self, *_value) -> None:
        self.refresh()

    def _texts(self) -> dict[str, str]:
        q: Queue = self.queue.queue
        item = q.explaining
        sale = self.queue.flash_sale
        phase = sale.phase(self.clock()) if sale and item and sale.item_id == item.id else None
        if phase and not self._tick.isActive():
            self._tick.start()
        elif not phase and self._tick.isActive():
            self._tick.stop()
        return self.texts(item, phase)

    def refresh(self) -> None:
        """Send the texts that changed; called on every queue change and by the tick."""
        texts = self._texts()
        if self.obs.state != CONNECTED or not self.enabled or not self._ready:
            return
        for key, text in texts.items():
            name = self.sources[key]
            if self.sent.get(name) != text:
                self.sent[name] = text
                self._send(
                    "SetInputSettings",
                    {"inputName": name, "inputSettings": {"text": text}},
                    ("text", name, text),
                )
