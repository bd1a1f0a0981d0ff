"""The top bar: connection state and reason, OBS version, and a banner nobody can miss when
a microphone is muted."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from console.core.obs_state import ObsSnapshot, mics
from console.services.obs_service import ObsService
from console.ui import messages
from console.ui.style import set_look


class ConnectionBar(QWidget):
    settings_requested = Signal()

    def __init__(self, service: ObsService, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("connectionBar")
        self.service = service
        self.dot = QLabel("●")
        self.dot.setObjectName("stateDot")
        self.state = QLabel()
        self.state.setObjectName("stateText")
        self.reason = QLabel()
        self.reason.setObjectName("stateReason")
        self.reason.setWordWrap(True)
        self.version = QLabel()
        self.mic_banner = QLabel()
        self.mic_banner.setObjectName("micMutedBanner")
        self.mic_banner.hide()
        self.settings = QPushButton(self.tr("OBS connection…"))
        self.settings.clicked.connect(self.settings_requested)
        layout = QHBoxLayout(self)
        layout.addWidget(self.dot)
        layout.addWidget(self.state)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.mic_banner)
        layout.addWidget(self.version)
        layout.addWidget(self.settings)
        service.connection_changed.connect(self._on_service_connection_changed)
        service.changed.connect(self._on_service_changed)
        self._on_service_connection_changed(service.state, service.reason, service.detail)

    def _on_service_connection_changed(self, state: str, reason: str, detail: str) -> None:
        set_look(self.dot, "state", state)
        self.state.setText(messages.connection_state(state))
        address = self.service.client.address.url
        self.reason.setText(
            "" if state == "connected" else messages.connect_reason(reason, address)
        )
        self.version.setText(self.tr("OBS {0}").format(detail) if state == "connected" else "")
        self._on_service_changed(self.service.snapshot)

    def _on_service_changed(self, s: ObsSnapshot) -> None:
        muted = [m.name for m in mics(s) if m.muted] if self.service.connected else []
        self.mic_banner.setText(self.tr("MIC MUTED: {0}").format(", ".join(muted)))
        self.mic_banner.setVisible(bool(muted))
