"""The audio mixer: every audio input with mute, a dB fader and a live meter."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSlider, QWidget

from console.core.obs_state import ObsSnapshot, mics
from console.reports.format import number_text
from console.services.obs_service import ObsService
from console.ui.level_meter import LevelMeter
from console.ui.style import set_look

translate = QCoreApplication.translate

FADER_MIN_DB, FADER_MAX_DB = -60.0, 6.0
METER_HZ = 30
VOLUME_SEND_MS = 40  # coalesce fader drags into a few requests a second


class _Strip:
    """The widgets of one input's row."""

    def __init__(self, panel: AudioPanel, row: int, name: str, is_mic: bool):
        self.name = name
        self.label = QLabel(name)
        self.label.setProperty("mic", is_mic)
        self.mute = QPushButton()  # not checkable: it shows OBS's state, never a guess
        self.mute.setObjectName("muteButton")
        self.mute.setProperty("mic", is_mic)
        self.meter = LevelMeter()
        self.fader = QSlider(Qt.Orientation.Horizontal)
        self.fader.setRange(int(FADER_MIN_DB * 10), int(FADER_MAX_DB * 10))
        self.fader.setMinimumWidth(120)
        self.db = QLabel()
        self.db.setMinimumWidth(64)
        self.db.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid = panel.grid
        for col, w in enumerate((self.label, self.mute, self.meter, self.fader, self.db)):
            grid.addWidget(w, row, col)
        self.mute.clicked.connect(lambda: panel.service.toggle_mute(name))
        self.fader.valueChanged.connect(lambda _v: panel._on_fader_moved(self))

    def show(self, muted: bool, volume_db: float) -> None:
        self.mute.setText(
            translate("AudioPanel", "MUTED") if muted else translate("AudioPanel", "Mute")
        )
        set_look(self.mute, "muted", muted)
        if not self.fader.isSliderDown():
            self.fader.blockSignals(True)
            self.fader.setValue(int(round(max(FADER_MIN_DB, volume_db) * 10)))
            self.fader.blockSignals(False)
        self.db.setText(_db_text(volume_db))

    def widgets(self) -> tuple[QWidget, ...]:
        return self.label, self.mute, self.meter, self.fader, self.db


def _db_text(db: float) -> str:
    if db <= -100 or math.isinf(db):
        return "-∞ dB"
    return f"{'-' if db < 0 else '+'}{number_text(abs(db), 1)} dB"


class AudioPanel(QWidget):
    def __init__(self, service: ObsService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(2, 1)
        self.empty = QLabel(self.tr("No audio inputs in OBS."))
        self.grid.addWidget(self.empty, 0, 0, 1, 5)
        self.strips: dict[str, _Strip] = {}
        self._pending_volume: dict[str, float] = {}
        self._send_timer = QTimer(self, singleShot=True, interval=VOLUME_SEND_MS)
        self._send_timer.timeout.connect(self._send_volumes)
        self._meter_timer = QTimer(self, interval=1000 // METER_HZ)
        self._meter_timer.timeout.connect(self._on_meter_timer)
        self._meter_timer.start()
        service.changed.connect(self._on_service_changed)
        service.connection_changed.connect(self._on_service_connection_changed)
        service.failed.connect(self._on_service_failed)
        self._on_service_changed(service.snapshot)

    def _on_service_failed(self, *_failure) -> None:
        self._on_service_changed(self.service.snapshot)  # undo what the fader showed

    def _on_service_connection_changed(self, *_state) -> None:
        # Bound methods, not lambdas: Qt drops the connection when this widget is deleted.
        self.setEnabled(self.service.connected)

    def _on_service_changed(self, snapshot: ObsSnapshot) -> None:
        names = [i.name for i in snapshot.inputs]
        if names != list(self.strips):
            self._rebuild(snapshot)
        for i in snapshot.inputs:
            self.strips[i.name].show(i.muted, i.volume_db)
        self.setEnabled(self.service.connected)

    def _rebuild(self, snapshot: ObsSnapshot) -> None:
        for strip in self.strips.values():
            for w in strip.widgets():
                w.deleteLater()
        mic_names = {m.name for m in mics(snapshot)}
        self.strips = {
            i.name: _Strip(self, row, i.name, i.name in mic_names)
            for row, i in enumerate(snapshot.inputs, start=1)
        }
        self.empty.setVisible(not self.strips)

    def _on_fader_moved(self, strip: _Strip) -> None:
        db = strip.fader.value() / 10.0
        strip.db.setText(_db_text(db))
        self._pending_volume[strip.name] = db
        if not self._send_timer.isActive():
            self._send_timer.start()

    def _send_volumes(self) -> None:
        pending, self._pending_volume = self._pending_volume, {}
        for name, db in pending.items():
            self.service.set_volume_db(name, db)

    def _on_meter_timer(self) -> None:
        levels = self.service.levels
        silent = (-math.inf, -math.inf, -math.inf, 0.0)
        for i in self.service.snapshot.inputs:
            magnitude, peak, held, _ = levels.get(i.name, silent)
            self.strips[i.name].meter.set_levels(magnitude, peak, held, i.muted)
