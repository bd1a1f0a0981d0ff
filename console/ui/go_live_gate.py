"""Go Live through the checklist: a rehearsal never goes live; with required items still open
the person going live types who they are (never pre-filled: the record must name a person, not
a login) and why, which goes on the show's timeline; otherwise the stream starts at once. Enter
confirms once both are given, Esc cancels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.checklist import ChecklistItem
from console.services.checklist_service import ChecklistService
from console.ui.checklist_messages import evidence_text


class _OverrideDialog(QDialog):
    def __init__(self, items: tuple[ChecklistItem, ...], service, parent=None):
        super().__init__(parent)
        self.items = items
        self.setWindowTitle(self.tr("Required items still open"))
        heading = QLabel(
            self.tr("{count} required items before going live are not done:").format(
                count=len(items)
            )
        )
        heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)  # the items are sentences: wrap them, never scroll sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for item in items:
            words = evidence_text(service.checklist.result(item.id))
            self.list.addItem(f"{item.text} — {words}" if words else item.text)
        self.who = QLineEdit()
        self.who.setPlaceholderText(self.tr("your name"))
        self.why = QLineEdit()
        self.why.setPlaceholderText(self.tr("e.g. lights checked by hand, their controller is off"))
        form = QFormLayout()
        form.addRow(self.tr("Who goes live anyway"), self.who)
        form.addRow(self.tr("Why"), self.why)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = self.buttons.addButton(
            self.tr("Go live anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        # In the dialog now (a default button belongs to its dialog): Enter after the reason
        # confirms, and does nothing while the go button is off; Cancel takes Enter only when
        # it has the focus. Esc cancels.
        self.go.setDefault(True)
        self.setMinimumWidth(560)
        self.who.textChanged.connect(self._enable)
        self.why.textChanged.connect(self._enable)
        self._enable()
        self.who.setFocus()

    def _enable(self) -> None:
        # Both are required: the review needs to know who decided, and why.
        self.go.setEnabled(bool(self.who.text().strip() and self.why.text().strip()))


class GoLiveGate(QObject):
    refused = Signal(str)  # why Go Live is off, in words (rehearsal)
    overridden = Signal(str, str)  # who, why: going live with required items open

    def __init__(
        self,
        checklist_service: ChecklistService,
        is_rehearsal: Callable[[], bool],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.service = checklist_service
        self.is_rehearsal = is_rehearsal
        self.dialog: _OverrideDialog | None = None

    def refusal(self) -> str:
        return self.tr(
            "This show is a rehearsal (彩排): Go Live is off. Open or create the real show to "
            "go live."
        )

    def request(self, start: Callable[[], None], parent: QWidget | None = None) -> None:
        """Go live through the checklist: `start` runs now, after an override, or never."""
        if self.is_rehearsal():
            self.refused.emit(self.refusal())
            return
        open_items = self.service.open_required()
        if not open_items:
            start()
            return
        if self.dialog is not None and self.dialog.isVisible():  # a second press: the same one
            self.dialog.raise_()
            return
        dialog = _OverrideDialog(open_items, self.service, parent)
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog, start))
        dialog.finished.connect(lambda _result: self._on_dialog_finished(dialog))
        self.dialog = dialog
        dialog.open()  # window-modal, never exec(): the show goes on meanwhile

    def _on_dialog_finished(self, dialog: _OverrideDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _on_dialog_accepted(self, dialog: _OverrideDialog, start: Callable[[], None]) -> None:
        who, why = dialog.who.text().strip(), dialog.why.text().strip()
        self.service.record_override(who, why, dialog.items)
        self.overridden.emit(who, why)
        start()
