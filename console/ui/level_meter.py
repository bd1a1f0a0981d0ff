"""A horizontal audio level meter in dBFS with peak hold, painted on the panel's timer."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

FLOOR_DB = -60.0
ZONES = ((-20.0, QColor("#3fb950")), (-9.0, QColor("#d29922")), (0.0, QColor("#f85149")))
MUTED = QColor("#6e7681")


class LevelMeter(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.magnitude = self.peak = self.held = -math.inf
        self.muted = False

    def sizeHint(self) -> QSize:
        return QSize(200, 14)

    def set_levels(self, magnitude: float, peak: float, held: float, muted: bool) -> None:
        new = (magnitude, peak, held, muted)
        if new != (self.magnitude, self.peak, self.held, self.muted):
            self.magnitude, self.peak, self.held, self.muted = new
            self.update()

    def _x(self, db: float) -> float:
        if db <= FLOOR_DB or math.isnan(db):
            return 0.0
        return min(1.0, (db - FLOOR_DB) / -FLOOR_DB) * self.width()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        h = self.height()
        p.fillRect(self.rect(), QColor("#161b22"))
        start = 0.0
        for top, color in ZONES:
            end = min(self._x(self.magnitude), self._x(top))
            if end > start:
                p.fillRect(QRectF(start, 0, end - start, h), MUTED if self.muted else color)
            start = max(start, self._x(top))
        peak_color = MUTED if self.muted else QColor("#e6edf3")
        for db, width in ((self.peak, 2.0), (self.held, 3.0)):
            x = self._x(db)
            if x > 0:
                p.fillRect(QRectF(x - width, 0, width, h), peak_color)
        p.setPen(QColor("#30363d"))
        for db in (-40, -20, -9):
            x = self._x(db)
            p.drawLine(int(x), h - 4, int(x), h)
        if self.muted:
            p.setPen(QColor("#f85149"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("MUTED"))
        p.end()
