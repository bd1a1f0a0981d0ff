"""Settings ▸ Stats API: where other tools post the room's numbers, the bearer token (masked;
Show, Copy, Regenerate…), the port and the LAN opt-in, and whether the API listens right now.

The page reads the running StatsApi (console/ingest/stats_api.py) on a short timer: its state()
is a plain snapshot, so the page never waits on it and holds nothing the API calls back. The
slow parts run off the GUI thread through ui/background.py: regenerating the token (a keyring
write) and restarting on another port or interface (binding, and letting the old listener
finish its requests).

Port and LAN are applied with the dialog's OK or Apply (apply() here). The settings file gets
them only once the API listens there: a taken port keeps the old values, and the API keeps
listening where it was."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.ingest.stats_api import (
    ADDRESS_UNAVAILABLE,
    LISTENING,
    NO_TOKEN,
    PORT_FORBIDDEN,
    PORT_IN_USE,
    STARTING,
    ApiState,
)
from console.settings import API_TOKEN_ENV, Settings, regenerate_api_token
from console.ui.background import new_job
from console.ui.style import say, set_look

if TYPE_CHECKING:
    from console.ingest.stats_api import StatsApi

REFRESH_MS = 500


class ApiPage(QWidget):
    restarted = Signal(bool)  # apply() finished: True when the API listens as asked

    def __init__(self, api: StatsApi, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.api, self.settings = api, settings
        self.token_from_env = bool(os.environ.get(API_TOKEN_ENV))
        self.restarting = False
        self.confirm: QMessageBox | None = None
        self._shown: tuple | None = None  # (state, token, restarting) last put on screen

        # Wrapping labels go in rows of their own: QFormLayout sizes a wrapping field by its
        # size hint (taller than needed, a gap under it), a spanning row by its real width.
        self.status = QLabel(objectName="dialogStatus")
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.clicked.connect(lambda: self.apply(again=True))
        self.address = QLineEdit(readOnly=True)  # selectable, for a support call too
        self.copy_address = QPushButton(self.tr("Copy"))
        self.copy_address.clicked.connect(lambda: self._copy(self.address.text()))
        self.lan_addresses = QLabel(wordWrap=True)
        self.read_address = QLabel()
        self.token = QLineEdit(readOnly=True, echoMode=QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("loading…"))
        self.show_token = QPushButton(self.tr("Show"), checkable=True)
        self.show_token.toggled.connect(self._on_show_token_toggled)
        self.copy_token = QPushButton(self.tr("Copy"))
        self.copy_token.clicked.connect(lambda: self._copy(self.api.token))
        self.regenerate = QPushButton(self.tr("Regenerate…"))
        self.regenerate.clicked.connect(self._on_regenerate_clicked)
        self.env_note = QLabel(wordWrap=True)
        if self.token_from_env:
            self.regenerate.setEnabled(False)
            self.env_note.setText(
                self.tr(
                    "The token comes from the environment variable {0}, so it cannot be "
                    "regenerated here: change it where that variable is set."
                ).format(API_TOKEN_ENV)
            )
        state = api.state()
        # Where it listens; else what it was asked (a failed restart is not shown as done)
        self.port = QSpinBox(minimum=1, maximum=65535)
        self.port.setValue((state.port if state.listening else state.wanted_port) or 8765)
        self.lan = QCheckBox(self.tr("Listen on the local network (LAN)"))
        self.lan.setChecked(api.lan if state.listening else state.wanted_lan)
        self.lan.clicked.connect(self._on_lan_clicked)
        self.lan_warning = QLabel(objectName="dialogStatus", wordWrap=True)
        say(self.lan_warning, self._lan_warning_text(), failed=True)
        self.message = QLabel(objectName="dialogStatus", wordWrap=True)
        hint = QLabel(
            self.tr("OK or Apply restarts the API with a new port or network setting at once.")
        )
        hint.setWordWrap(True)

        self.form = form = QFormLayout()
        form.addRow(self.tr("State"), _row(self.status, self.retry))
        form.addRow(self.tr("Post numbers to"), _row(self.address, self.copy_address))
        form.addRow(self.lan_addresses)
        form.addRow(self.tr("Read them from"), self.read_address)
        form.addRow(
            self.tr("Token"),
            _row(self.token, self.show_token, self.copy_token, self.regenerate),
        )
        form.addRow(self.env_note)
        form.addRow(self.tr("Port"), self.port)
        form.addRow("", self.lan)
        form.addRow(self.lan_warning)
        form.addRow(hint)
        form.addRow(self.message)
        page = QVBoxLayout(self)
        page.addLayout(form)
        page.addStretch(1)  # rows at their height: spare room goes below, not between them
        form.setRowVisible(self.env_note, self.token_from_env)
        form.setRowVisible(self.lan_warning, self.lan.isChecked())

        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self._refresh)
        self.timer.start()
        self._refresh()

    # -- applying port and LAN -----------------------------------------------------------------
    def pending(self) -> bool:
        """Whether the port or LAN on the page differ from where the API listens (or, when it
        does not, from what it was last asked): a dialog's OK for another tab must not retry
        a port that is still taken."""
        state = self.api.state()
        now = (
            (state.port, self.api.lan) if state.listening else (state.wanted_port, state.wanted_lan)
        )
        return (self.port.value(), self.lan.isChecked()) != now

    def apply(self, again: bool = False) -> bool:
        """Restart the API as the page says, off the GUI thread, when that differs from now
        (or `again`: Try again); `restarted` tells the outcome. False: nothing to do."""
        if self.restarting or not (again or self.pending()):
            return False
        port, lan = self.port.value(), self.lan.isChecked()
        self.restarting = True
        self.retry.hide()
        say(self.message, self.tr("Restarting the API…"))
        # The app owns the job: the new port is saved even when the dialog closed meanwhile.
        job = new_job(
            QCoreApplication.instance(),
            lambda state: self._on_restart_done(state, port, lan),
            self._on_restart_failed,
        )
        api = self.api
        job.run(lambda _report: api.restart(port, lan), name="stats-api-restart")
        return True

    def _on_restart_done(self, state: ApiState, port: int, lan: bool) -> None:
        saved = ""
        if not state.problem:
            self.settings.api_port, self.settings.api_lan = port, lan
            try:
                self.settings.save()
            except OSError as e:
                saved = self.tr("The settings could not be saved: {0}").format(e)
        if not shiboken6.isValid(self):
            return
        self.restarting = False
        if state.problem:
            say(self.message, self._problem_text(state), failed=True)
        elif saved:
            say(self.message, saved, failed=True)
        else:
            say(self.message, self.tr("The API listens on the new address now."))
        self._refresh()
        self.restarted.emit(not state.problem)

    def _on_restart_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.restarting = False
        say(self.message, self.tr("The API could not be restarted: {0}").format(error), True)
        self._refresh()
        self.restarted.emit(False)

    def _on_lan_clicked(self, checked: bool) -> None:
        self.form.setRowVisible(self.lan_warning, checked)
        if not checked:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Listen on the local network?"),
            self.tr("Let other computers on this network post numbers to LiveDesk?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setInformativeText(self._lan_warning_text())
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _r: self._on_lan_answered(box.clickedButton() is yes))
        box.finished.connect(box.deleteLater)
        self.confirm = box
        box.open()

    def _on_lan_answered(self, yes: bool) -> None:
        if not yes:
            self.lan.setChecked(False)
            self.form.setRowVisible(self.lan_warning, False)

    def _lan_warning_text(self) -> str:
        return self.tr(
            "Anyone on the network who has the token can then post numbers to this show and "
            "read them. Turn it on only on a trusted network (not a venue's or a café's Wi-Fi)."
        )

    # -- the token -----------------------------------------------------------------------------
    def _on_show_token_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.token.setEchoMode(mode)
        self.show_token.setText(self.tr("Hide") if shown else self.tr("Show"))

    def _copy(self, text: str) -> None:
        if text:
            QGuiApplication.clipboard().setText(text)
            say(self.message, self.tr("Copied."))

    def _on_regenerate_clicked(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Regenerate the token?"),
            self.tr("Make a new token for the stats API?"),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            self.tr(
                "Tools that use the old token stop working at once: give them the new one. "
                "The API takes the new token without a restart."
            )
        )
        yes = box.addButton(self.tr("Regenerate"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _r: box.clickedButton() is yes and self._regenerate())
        box.finished.connect(box.deleteLater)
        self.confirm = box
        box.open()

    def _regenerate(self) -> None:
        self.regenerate.setEnabled(False)
        say(self.message, self.tr("Making a new token…"))
        api = self.api

        def work(_report) -> str:
            token = regenerate_api_token()  # a keyring write: not on the GUI thread
            api.set_token(token)
            return token

        new_job(self, self._on_regenerated, self._on_regenerate_failed).run(work)

    def _on_regenerated(self, _token: str) -> None:
        self.regenerate.setEnabled(True)
        say(self.message, self.tr("A new token is in use: tools with the old one get refused."))
        self._refresh()

    def _on_regenerate_failed(self, error: BaseException) -> None:
        self.regenerate.setEnabled(True)
        say(self.message, self.tr("No new token was made: {0}").format(error), failed=True)

    # -- the live state ------------------------------------------------------------------------
    def _refresh(self) -> None:
        state, token = self.api.state(), self.api.token
        if (state, token, self.restarting) == self._shown:
            return
        self._shown = (state, token, self.restarting)
        if self.token.text() != token:
            self.token.setText(token)
        enabled = bool(token)
        self.copy_token.setEnabled(enabled)
        self.regenerate.setEnabled(enabled and not self.token_from_env)
        self.status.setText(self._state_text(state))
        look = {LISTENING: "connected", STARTING: ""}.get(state.status, "failed")
        set_look(self.status, "state", look)
        port = state.port if state.listening else state.wanted_port
        self.address.setText(f"http://127.0.0.1:{port}/v1/ingest")
        self.read_address.setText(
            self.tr("{0} (GET, with the token; for an OBS browser source)").format(
                f"http://127.0.0.1:{port}/v1/now"
            )
        )
        lan = state.listening and self.api.lan
        others = ", ".join(f"http://{ip}:{port}/v1/ingest" for ip in _lan_ips()) if lan else ""
        self.lan_addresses.setText(
            self.tr("From other computers: {0}").format(others or self.tr("no network address"))
            if lan
            else ""
        )
        self.form.setRowVisible(self.lan_addresses, lan)
        self.retry.setVisible(state.status not in (LISTENING, STARTING) and not self.restarting)

    def _state_text(self, state: ApiState) -> str:
        if state.status == STARTING:
            return self.tr("Starting…")
        if state.listening:
            # A failed restart is said once, in the message line: it changed nothing here.
            return (
                self.tr("Listening on port {0} on every network interface (LAN).")
                if self.api.lan
                else self.tr("Listening on 127.0.0.1:{0} (this computer only).")
            ).format(state.port)
        if state.problem:
            return self.tr("Not listening: {0}").format(self._problem_text(state))
        return self.tr("Not listening.")

    def _problem_text(self, state: ApiState) -> str:
        port = state.wanted_port
        reason = {
            PORT_IN_USE: self.tr("port {0} is in use by another program.").format(port),
            PORT_FORBIDDEN: self.tr(
                "the system does not let LiveDesk use port {0} (reserved, or below 1024)."
            ).format(port),
            ADDRESS_UNAVAILABLE: self.tr("this computer has no such network address."),
            NO_TOKEN: self.tr("the token could not be read ({0}).").format(state.detail),
        }.get(state.problem, self.tr("the system refused ({0}).").format(state.detail))
        if state.listening:
            return self.tr("The change was not made: {0} The API stays on port {1}.").format(
                reason, state.port
            )
        return reason


def _row(*widgets: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for n, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if n == 0 else 0)
    return row


def _lan_ips() -> list[str]:
    """This computer's IPv4 addresses other tools on the network can reach it by."""
    return [
        a.toString()
        for a in QNetworkInterface.allAddresses()
        if a.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
        and not a.isLoopback()
        and not a.isLinkLocal()
    ]
