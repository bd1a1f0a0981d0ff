"""A DMX fixture's channel map: how many channels it takes and which role each one plays, each
combo labelled with its DMX address. Part of Settings ▸ Devices (DevicesPage's words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.core.dmx import FINE, ROLES
from console.ui.device_messages import role_name

translate = QCoreApplication.translate
MAX_CHANNELS = 32
CHANNEL_CHOICES = ("", *(r + s for r in ROLES for s in ("", FINE)))


class ChannelMapEditor(QWidget):
    edited = Signal()  # the user changed the count or a role: re-read roles()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: list[tuple[QLabel, QComboBox]] = []
        self._quiet = False  # boxes are being set from the draft, not edited
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.count = QSpinBox()
        self.count.setRange(1, MAX_CHANNELS)
        self.count.valueChanged.connect(self._on_count_changed)
        top.addWidget(QLabel(translate("DevicesPage", "Number of channels")))
        top.addWidget(self.count)
        top.addStretch(1)
        layout.addLayout(top)
        self.grid = QGridLayout()
        layout.addLayout(self.grid)

    def roles(self) -> tuple[str, ...]:
        return tuple(combo.currentData() for _, combo in self.boxes)

    def set_roles(self, roles: tuple[str, ...]) -> None:
        """Show a fixture's channels; no edit."""
        self._quiet = True
        try:
            self.count.setValue(len(roles))
            self._set_boxes(roles)
        finally:
            self._quiet = False

    def relabel(self, start: int) -> None:
        """Name each channel with its DMX address, the fixture starting at start."""
        for n, (label, _) in enumerate(self.boxes):
            label.setText(translate("DevicesPage", "Ch {0} (DMX {1})").format(n + 1, start + n))

    def _set_boxes(self, roles: tuple[str, ...]) -> None:
        while len(self.boxes) > len(roles):
            label, combo = self.boxes.pop()
            label.deleteLater()
            combo.deleteLater()
        while len(self.boxes) < len(roles):
            n = len(self.boxes)
            label, combo = QLabel(), QComboBox()
            for role in CHANNEL_CHOICES:
                combo.addItem(role_name(role), role)
            combo.currentIndexChanged.connect(self._on_role_changed)
            label.setBuddy(combo)
            self.grid.addWidget(label, n // 2, (n % 2) * 2)
            self.grid.addWidget(combo, n // 2, (n % 2) * 2 + 1)
            self.boxes.append((label, combo))
        for (_, combo), role in zip(self.boxes, roles, strict=True):
            if combo.findData(role) < 0:  # from a hand-edited file: shown, marked a problem
                combo.addItem(role, role)
            combo.setCurrentIndex(combo.findData(role))

    def _on_count_changed(self, n: int) -> None:
        if self._quiet:
            return
        roles = self.roles()
        self._quiet = True  # the new boxes' first index is no edit yet
        try:
            self._set_boxes((roles + ("",) * n)[:n])
        finally:
            self._quiet = False
        self.edited.emit()

    def _on_role_changed(self, _index: int) -> None:
        if not self._quiet:
            self.edited.emit()
