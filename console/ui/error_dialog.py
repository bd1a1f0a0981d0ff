"""The one dialog an unexpected error shows: what happened, where the log is, and that the
show goes on."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class ErrorDialog(QMessageBox):
    def __init__(self, log_path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.log_path = log_path
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("LiveDesk: unexpected error"))
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.count = 0
        self.finished.connect(self._on_finished)

    def report(self, summary: str) -> None:
        """Show (or update) the dialog; errors in a burst do not stack up windows."""
        self.count += 1
        self.setText(
            self.tr(
                "Something went wrong inside LiveDesk. The show goes on: "
                "OBS keeps running and this window can be closed."
            )
        )
        self.setInformativeText(
            self.tr("{0}\n\nDetails are in the log file:\n{1}").format(summary, self.log_path)
        )
        if self.count > 1:
            self.setDetailedText(
                self.tr("{0} errors since the last time this was closed.").format(self.count)
            )
        self.open()

    def _on_finished(self, _result: int) -> None:
        self.count = 0
