"""Where OBS is and its password; shows the live connection state while it tries."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.devices.obs.client import ObsAddress
from console.services.obs_service import ObsService
from console.ui import messages
from console.ui.style import set_look


class ConnectDialog(QDialog):
    address_chosen = Signal(object, bool)  # ObsAddress, remember password

    def __init__(self, service: ObsService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(self.tr("Connect to OBS"))
        current = service.client.address
        self.host = QLineEdit(current.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(current.port)
        self.password = QLineEdit(current.password)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password (system keyring)"))
        self.remember.setChecked(True)
        help_text = QLabel(
            self.tr(
                "In OBS open Tools → WebSocket Server Settings, tick Enable WebSocket server, "
                "and copy the port and password from Show Connect Info."
            )
        )
        help_text.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("dialogStatus")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Host"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = buttons.addButton(
            self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self._on_connect_clicked)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(help_text)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        service.connection_changed.connect(self._on_service_connection_changed)
        self._on_service_connection_changed(service.state, service.reason, service.detail)

    def address(self) -> ObsAddress:
        return ObsAddress(
            self.host.text().strip() or "127.0.0.1", self.port.value(), self.password.text()
        )

    def _on_connect_clicked(self) -> None:
        self.address_chosen.emit(self.address(), self.remember.isChecked())

    def _on_service_connection_changed(self, state: str, reason: str, _detail: str) -> None:
        text = messages.connection_state(state)
        why = messages.connect_reason(reason, self.service.client.address.url)
        self.status.setText(f"{text}\n{why}" if why and state != "connected" else text)
        set_look(self.status, "state", state)
        if state == "connected" and self.isVisible():
            self.accept()
