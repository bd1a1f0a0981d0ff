"""Cues to the host (提示主播), for the assistant: one click (or Alt+1…) per canned cue, a line
for free text (Enter sends), whether the host saw the last one, and, plainly, when the host
view is not on any screen. The canned list is the user's, kept in Settings; the built-in cues
are codes worded here, so they follow the language.

An edited list is in use at once and written to the settings file on a worker thread (fsync can
stall on a slow disk; the GUI thread must not wait on it), so a crash later loses nothing. One
thread writes them in order; at quit the app's own save waits for the last of them."""

from __future__ import annotations

import copy
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.core.cues import (
    ACKNOWLEDGED,
    CANNED,
    DEFAULT_CANNED,
    DRINK_WATER,
    FREE,
    MAX_CANNED,
    MAX_TEXT,
    NEXT_PRODUCT,
    NS,
    PUSH_ORDERS,
    READ_COMMENTS,
    SLOW_DOWN,
    TIMED_OUT,
    WELFARE,
    Cue,
    canned_list,
)
from console.services.cue_service import CueService
from console.settings import Settings
from console.ui.background import new_job
from console.ui.style import set_look

translate = QCoreApplication.translate
COLUMNS = 3
SAVE_WAIT_AT_QUIT_S = 10
_saver: ThreadPoolExecutor | None = None


def _save_in_background(settings: Settings) -> Future:
    """A copy of `settings` written by the one settings-writer thread, in submission order."""
    global _saver
    if _saver is None:
        _saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="livedesk-settings")
    return _saver.submit(copy.deepcopy(settings).save)


def cue_words() -> dict[str, str]:
    return {
        WELFARE: translate("Cues", "Talk up the perks"),
        PUSH_ORDERS: translate("Cues", "Push for orders"),
        READ_COMMENTS: translate("Cues", "Read the comments"),
        SLOW_DOWN: translate("Cues", "Slow down"),
        NEXT_PRODUCT: translate("Cues", "Next product"),
        DRINK_WATER: translate("Cues", "Drink some water"),
    }


def cue_text(code_or_text: str) -> str:
    """What the host reads for a cue: a built-in code worded, anything else as written."""
    return cue_words().get(code_or_text, code_or_text)


def cue_words_of(cue: Cue) -> str:
    """A sent cue as the host reads it: only canned cues can be codes."""
    return cue_text(cue.text) if cue.kind == CANNED else cue.text


def cue_failure(code: str) -> str:
    texts = {
        "no_show": translate("Cues", "Open a show first: cues are logged with the show."),
        "empty": translate("Cues", "Type the cue first."),
        "too_long": translate("Cues", "Too long for the host view: at most {0} characters."),
        "db_error": translate("Cues", "The host saw the cue, but the show log could not save it."),
    }
    return texts.get(code, code).format(MAX_TEXT)


class _EditCuesDialog(QDialog):
    """One cue per line; built-in cues left as worded stay codes (and keep translating)."""

    def __init__(self, entries: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit canned cues"))
        self.edit = QPlainTextEdit("\n".join(cue_text(e) for e in entries))
        self.edit.textChanged.connect(self._check)
        self.error = QLabel()
        self.error.setObjectName("dialogStatus")
        self.error.setWordWrap(True)
        self.defaults = QPushButton(self.tr("Restore the built-in cues"))
        self.defaults.clicked.connect(
            lambda: self.edit.setPlainText("\n".join(cue_text(c) for c in DEFAULT_CANNED))
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = self.tr("One cue per line, at most {0} cues of {1} characters.")
        layout.addWidget(QLabel(hint.format(MAX_CANNED, MAX_TEXT)))
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.defaults)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)

    def lines(self) -> list[str]:
        return [" ".join(line.split()) for line in self.edit.toPlainText().splitlines()]

    def entries(self) -> list[str]:
        """The list to save: [] when it is the built-in one (so it follows later versions)."""
        codes = {words: code for code, words in cue_words().items()}
        entries = [codes.get(line, line) for line in self.lines() if line]
        return [] if tuple(entries) == DEFAULT_CANNED else entries

    def _check(self) -> None:
        lines = [line for line in self.lines() if line]
        if not lines:
            problem = self.tr("Keep at least one cue.")
        elif len(lines) > MAX_CANNED:
            problem = self.tr("At most {0} cues.").format(MAX_CANNED)
        elif any(len(line) > MAX_TEXT for line in lines):
            problem = self.tr("A cue is longer than {0} characters.").format(MAX_TEXT)
        else:
            problem = ""
        self.error.setText(problem)
        set_look(self.error, "state", "failed" if problem else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)


class CuesPanel(QWidget):
    def __init__(self, service: CueService, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.settings = settings
        self.buttons: list[QPushButton] = []
        self.grid = QGridLayout()
        self.text = QLineEdit()
        self.text.setMaxLength(MAX_TEXT)
        self.text.setPlaceholderText(self.tr("Cue in your own words, Enter sends"))
        self.text.returnPressed.connect(self._send_text)
        send = QPushButton(self.tr("Send"))
        send.clicked.connect(self._send_text)
        self.state = QLabel()
        self.state.setObjectName("cueState")
        self.state.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit cues…"))
        self.edit_button.clicked.connect(self.edit_cues)
        self.dialog: _EditCuesDialog | None = None
        line = QHBoxLayout()
        line.addWidget(self.text, 1)
        line.addWidget(send)
        bottom = QHBoxLayout()
        bottom.addWidget(self.state, 1)
        bottom.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addLayout(line)
        layout.addLayout(bottom)
        layout.addStretch(1)
        for n in range(MAX_CANNED):
            shortcut = QShortcut(QKeySequence(f"Alt+{n + 1}"), self)
            shortcut.activated.connect(lambda n=n: self.send_canned(n))
        self._tick = QTimer(self, interval=500)  # the seconds left on the showing cue
        self._tick.timeout.connect(self._show_state)
        self._tick.start()
        self._failure = ""
        self.host_visible = True  # until whoever places the host view says otherwise
        self.saving: Future | None = None  # the last write of the settings file
        QCoreApplication.instance().aboutToQuit.connect(self._on_app_about_to_quit)
        self._build_buttons()
        service.cue_changed.connect(self._on_service_cue_changed)
        service.failed.connect(self._on_service_failed)
        self._show_state()

    @property
    def entries(self) -> tuple[str, ...]:
        return canned_list(self.settings.canned_cues)

    def send_canned(self, index: int) -> None:
        if 0 <= index < len(self.entries):
            self.service.send_canned(self.entries[index])

    def set_host_visible(self, visible: bool) -> None:
        """Whether the host view is on a screen (HostWindow.visibility_changed)."""
        self.host_visible = visible
        self._show_state()

    def edit_cues(self) -> None:
        self.dialog = _EditCuesDialog(self.entries, self)
        self.dialog.accepted.connect(self._on_dialog_accepted)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()

    def _on_dialog_accepted(self) -> None:
        self.settings.canned_cues = self.dialog.entries()  # the app's one Settings object
        self._build_buttons()
        self.saving = _save_in_background(self.settings)
        new_job(self, lambda _: None, self._on_save_failed).watch(self.saving)

    def _on_save_failed(self, error: BaseException) -> None:
        # In use all the same; the app tries again when it saves its settings at exit.
        self._failure = self.tr("The cues could not be saved: {0}").format(error)
        self._show_state()

    def _on_app_about_to_quit(self) -> None:
        """The app saves the settings after this: its write must be the last one."""
        if self.saving is not None:
            try:
                self.saving.result(timeout=SAVE_WAIT_AT_QUIT_S)
            except Exception:  # reported, or hung: the app's own save follows either way
                pass

    def _build_buttons(self) -> None:
        for button in self.buttons:
            self.grid.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for n, entry in enumerate(self.entries):
            button = QPushButton(cue_text(entry))
            button.setObjectName("cueButton")
            key = QKeySequence(f"Alt+{n + 1}")
            button.setToolTip(key.toString(QKeySequence.SequenceFormat.NativeText))
            button.clicked.connect(lambda _=False, n=n: self.send_canned(n))
            self.grid.addWidget(button, n // COLUMNS, n % COLUMNS)
            self.buttons.append(button)

    def _send_text(self) -> None:
        if self.text.text().strip():
            self.service.send_text(self.text.text())
        else:
            self.service.failed.emit("send", "empty")

    def _on_service_cue_changed(self, cue: Cue | None) -> None:
        self._failure = ""
        if cue is not None and cue.kind == FREE and cue.showing:
            self.text.clear()  # sent: the line is ready for the next one
        self._show_state()

    def _on_service_failed(self, _action: str, code: str) -> None:
        self._failure = cue_failure(code)
        self._show_state()

    def _show_state(self) -> None:
        cue = self.service.current
        if self._failure:
            state, text = "failed", self._failure
        elif not self.host_visible and cue is not None and cue.showing:
            state = "failed"
            text = self.tr("The host view is not shown anywhere: the host cannot see {0} ({1} s)")
            text = text.format(cue_words_of(cue), self._seconds_left(cue))
        elif not self.host_visible:
            state = "failed"
            text = self.tr("The host view is not shown anywhere: the host will not see cues.")
        elif cue is None:
            state, text = "", self.tr("No cue sent yet.")
        elif cue.showing:
            state = "showing"
            text = self.tr("Flashing on the host view: {0} ({1} s)")
            text = text.format(cue_words_of(cue), self._seconds_left(cue))
        elif cue.outcome == ACKNOWLEDGED:
            state, text = ACKNOWLEDGED, self.tr("The host saw it: {0}").format(cue_words_of(cue))
        elif cue.outcome == TIMED_OUT:
            state = TIMED_OUT
            text = self.tr("Not acknowledged, timed out: {0}").format(cue_words_of(cue))
        else:
            state, text = "", ""
        self.state.setText(text)
        set_look(self.state, "state", state)

    def _seconds_left(self, cue: Cue) -> int:
        return max(0, -(-(cue.due_ns - self.service.clock()) // NS))
