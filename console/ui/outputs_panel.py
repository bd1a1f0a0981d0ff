"""Go Live / Stop and Record, each with its elapsed time; stopping asks first. With a gate
(GoLiveGate), Go Live goes through the show's checklist, and a rehearsal cannot go live."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QMessageBox, QPushButton, QWidget

from console.core.obs_state import Health, ObsSnapshot
from console.services.obs_service import ObsService
from console.ui.style import set_look


def _clock(ms: int) -> str:
    s = max(0, ms) // 1000
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


class OutputsPanel(QWidget):
    def __init__(self, service: ObsService, parent: QWidget | None = None, gate=None):
        super().__init__(parent)
        self.service = service
        self.gate = None
        self.notice: QMessageBox | None = None
        self.live = QPushButton()
        self.live.setObjectName("liveButton")
        self.live.setMinimumHeight(48)
        self.live.clicked.connect(self._on_live_clicked)
        self.record = QPushButton()
        self.record.setObjectName("recordButton")
        self.record.setMinimumHeight(48)
        self.record.clicked.connect(self._on_record_clicked)
        self.live_time = QLabel(_clock(0))
        self.record_time = QLabel(_clock(0))
        for label in (self.live_time, self.record_time):
            label.setObjectName("elapsed")
        grid = QGridLayout(self)
        grid.addWidget(self.live, 0, 0)
        grid.addWidget(self.live_time, 0, 1)
        grid.addWidget(self.record, 1, 0)
        grid.addWidget(self.record_time, 1, 1)
        grid.setRowStretch(2, 1)
        self.confirm: QMessageBox | None = None
        # elapsed times: OBS's own durations at each 1 Hz poll, counted on locally between
        self._base = (0, 0, time.monotonic())
        self._tick = QTimer(self, interval=250)
        self._tick.timeout.connect(self._show_elapsed)
        self._tick.start()
        service.changed.connect(self._on_service_changed)
        service.health_changed.connect(self._on_service_health_changed)
        service.connection_changed.connect(self._on_service_connection_changed)
        self.set_gate(gate)

    def set_gate(self, gate) -> None:
        """Route Go Live through `gate` (a GoLiveGate); None: ask and go live, as always."""
        if self.gate is not None:
            self.gate.refused.disconnect(self._on_gate_refused)
            self.gate.overridden.disconnect(self._on_gate_overridden)
        self.gate, self._overridden = gate, False
        if gate is not None:
            gate.refused.connect(self._on_gate_refused)
            gate.overridden.connect(self._on_gate_overridden)
        self.live.setEnabled(True)
        self.live.setToolTip("")
        self._on_service_changed(self.service.snapshot)

    def refresh_gate(self) -> None:
        """The open show changed (a rehearsal or not): show Go Live accordingly."""
        self._on_service_changed(self.service.snapshot)

    def _rehearsal(self) -> bool:
        return self.gate is not None and bool(self.gate.is_rehearsal())

    def _show_gate(self) -> None:
        """A rehearsal cannot go live: the button says so (stopping stays possible)."""
        off = not self.service.snapshot.streaming and self._rehearsal()
        rehearsal = self.tr("Rehearsal — Go Live off")
        if off:
            self.live.setText(rehearsal)
        elif self.live.text() == rehearsal:  # no longer a rehearsal
            self.live.setText(self.tr("Go Live"))
        self.live.setToolTip(self.gate.refusal() if off else "")
        self.live.setEnabled(not off)

    def _on_service_changed(self, s: ObsSnapshot) -> None:
        known = self.service.connected
        if known:
            self.live.setText(self.tr("● LIVE — Stop") if s.streaming else self.tr("Go Live"))
            self.record.setText(self.tr("● REC — Stop") if s.recording else self.tr("Record"))
        else:  # never show a stale LIVE: whether OBS still streams is unknown
            self.live.setText(self.tr("Stream: unknown"))
            self.record.setText(self.tr("Recording: unknown"))
        for button, on in ((self.live, s.streaming), (self.record, s.recording)):
            set_look(button, "active", on and known)
        self.setEnabled(known)
        if self.gate is not None and known:
            self._show_gate()

    def _on_service_connection_changed(self, *_state) -> None:
        self._on_service_changed(self.service.snapshot)

    def _on_service_health_changed(self, h: Health) -> None:
        self._base = (h.stream_ms, h.record_ms, time.monotonic())

    def _show_elapsed(self) -> None:
        if self.gate is not None and self.service.connected:
            self._show_gate()  # the show (and with it the rehearsal flag) may have changed
        stream_ms, record_ms, at = self._base
        since = int((time.monotonic() - at) * 1000)
        s = self.service.snapshot
        if not self.service.connected:
            self.live_time.setText("--:--:--")
            self.record_time.setText("--:--:--")
            return
        self.live_time.setText(_clock(stream_ms + since) if s.streaming else _clock(0))
        self.record_time.setText(_clock(record_ms + since) if s.recording else _clock(0))

    def _on_live_clicked(self) -> None:
        if self.service.snapshot.streaming:
            self._ask(
                self.tr("Stop the live stream? Viewers will see the room end."),
                lambda: self.service.set_streaming(False),
            )
        elif self.gate is not None:
            # The gate asks its own question when items are open; otherwise ours follows.
            self._overridden = False
            self.gate.request(self._start_after_gate, parent=self)
        else:
            self._ask_go_live()

    def _ask_go_live(self) -> None:
        self._ask(
            self.tr("Go live now? The stream starts with the current scene."),
            lambda: self.service.set_streaming(True),
        )

    def _start_after_gate(self) -> None:
        if self._overridden:  # just answered "Go live anyway": no second question
            self._overridden = False
            self.service.set_streaming(True)
        else:
            self._ask_go_live()

    def _on_gate_overridden(self, *_who_why) -> None:
        self._overridden = True

    def _on_gate_refused(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("LiveDesk"), text, parent=self)
        box.finished.connect(box.deleteLater)
        self.notice = box
        box.open()

    def _on_record_clicked(self) -> None:
        if self.service.snapshot.recording:
            self._ask(self.tr("Stop recording?"), lambda: self.service.set_recording(False))
        else:
            self.service.set_recording(True)

    def _ask(self, question: str, on_yes) -> None:
        """A window-modal question that does not block the event loop (the show goes on)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("LiveDesk"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda b: on_yes() if b is yes else None)
        box.finished.connect(box.deleteLater)
        self.confirm = box
        box.open()
