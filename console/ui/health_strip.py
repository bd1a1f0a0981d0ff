"""OBS health at a glance: FPS, CPU, skipped and dropped frames, bitrate, free disk."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from console.core.obs_state import Health, health_levels
from console.reports.format import number_text
from console.ui.style import set_look


def _num(value, decimals: int = 0) -> str:
    return number_text(value, decimals)  # "—" when unknown


class HealthStrip(QWidget):
    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.labels: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        for key in ("fps", "cpu", "render", "output", "dropped", "bitrate", "disk"):
            label = QLabel()
            label.setObjectName("healthItem")
            layout.addWidget(label)
            self.labels[key] = label
        layout.addStretch(1)
        service.health_changed.connect(self._on_service_health_changed)
        self._on_service_health_changed(Health())

    def _on_service_health_changed(self, h: Health) -> None:
        texts = {
            "fps": self.tr("FPS {0}").format(_num(h.fps, 1)),
            "cpu": self.tr("CPU {0}%").format(_num(h.cpu_pct)),
            "render": self.tr("Render skipped {0}").format(_num(h.render_skipped)),
            "output": self.tr("Encoder skipped {0}").format(_num(h.output_skipped)),
            "dropped": self.tr("Dropped {0}%").format(_num(h.dropped_pct, 2)),
            "bitrate": self.tr("{0} kb/s").format(_num(h.bitrate_kbps)),
            "disk": self.tr("Disk {0} GB free").format(_num(h.disk_free_gb, 1)),
        }
        levels = health_levels(h)
        for key, label in self.labels.items():
            label.setText(texts[key])
            lvl = levels.get(key, "ok")
            set_look(label, "level", lvl)
