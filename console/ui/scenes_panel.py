"""Scene buttons in OBS's order; program red, preview green; studio mode and Take;
transition and its duration."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.core.obs_state import ObsSnapshot
from console.services.obs_service import ObsService
from console.ui.style import set_look

COLUMNS = 3


class ScenesPanel(QWidget):
    def __init__(self, service: ObsService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.buttons: dict[str, QPushButton] = {}
        self.grid = QGridLayout()
        self.studio = QCheckBox(self.tr("Studio mode"))
        self.studio.clicked.connect(service.set_studio_mode)
        self.take = QPushButton(self.tr("Take"))
        self.take.setObjectName("takeButton")
        self.take.setToolTip(
            self.tr("Send the preview scene to program (or press its button again)")
        )
        self.take.clicked.connect(service.take)
        self.transition = QComboBox()
        self.transition.activated.connect(
            lambda i: service.set_transition(self.transition.itemText(i))
        )
        self.duration = QSpinBox()
        self.duration.setRange(50, 20000)
        self.duration.setSingleStep(50)
        self.duration.setSuffix(" ms")
        self.duration.editingFinished.connect(
            lambda: service.set_transition_duration(self.duration.value())
        )
        bar = QHBoxLayout()
        bar.addWidget(self.studio)
        bar.addWidget(self.take)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Transition")))
        bar.addWidget(self.transition)
        bar.addWidget(self.duration)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addLayout(bar)
        layout.addStretch(1)
        service.changed.connect(self._on_service_changed)
        service.connection_changed.connect(self._on_service_connection_changed)
        service.failed.connect(self._on_service_failed)
        self._on_service_changed(service.snapshot)
        self.setEnabled(service.connected)

    def _on_service_connection_changed(self, *_state) -> None:
        # Bound methods, not lambdas: Qt drops the connection when this widget is deleted.
        self.setEnabled(self.service.connected)

    def _on_service_failed(self, *_failure) -> None:
        self._on_service_changed(self.service.snapshot)  # undo what a click showed

    def _on_service_changed(self, s: ObsSnapshot) -> None:
        if tuple(self.buttons) != s.scenes:
            self._rebuild(s.scenes)
        for name, button in self.buttons.items():
            preview = s.studio and name == s.preview
            role = "program" if name == s.program else "preview" if preview else ""
            set_look(button, "role", role)
        self.studio.setChecked(s.studio)
        self.take.setVisible(s.studio)
        if [self.transition.itemText(i) for i in range(self.transition.count())] != list(
            s.transitions
        ):
            self.transition.clear()
            self.transition.addItems(s.transitions)
        self.transition.setCurrentText(s.transition)
        self.duration.setEnabled(s.transition not in s.fixed_transitions)  # a cut has none
        if not self.duration.hasFocus():
            self.duration.setValue(s.transition_ms or 300)

    def _rebuild(self, scenes: tuple[str, ...]) -> None:
        for b in self.buttons.values():
            b.deleteLater()
        self.buttons = {}
        for n, name in enumerate(scenes):
            key = f"{n + 1}  " if n < 9 else ""
            button = QPushButton(key + name)
            button.setObjectName("sceneButton")
            button.setMinimumHeight(56)
            button.clicked.connect(lambda _c=False, s=name: self.service.select_scene(s))
            self.grid.addWidget(button, n // COLUMNS, n % COLUMNS)
            self.buttons[name] = button
