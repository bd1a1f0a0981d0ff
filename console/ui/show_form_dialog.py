"""The fields of a new or duplicated show (场次), or the title alone for a rename."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.core.show import PLATFORMS, Show
from console.ui.show_messages import platform_name, time_format
from console.ui.style import set_look

NEW, DUPLICATE, RENAME = "new", "duplicate", "rename"
DEFAULT_LENGTH = timedelta(hours=2)
WEEK = timedelta(weeks=1)


def iso_local(edit: QDateTimeEdit) -> str:
    """The edit's wall-clock time with this computer's UTC offset on that date (so a show
    planned across a daylight-saving change keeps the right offset)."""
    return edit.dateTime().toPython().replace(microsecond=0).astimezone().isoformat()


class ShowFormDialog(QDialog):
    """OK only submits: the dialog stays open until the store has accepted the show (the caller
    then closes it) or refused it (the reason is shown here and the input kept for a fix)."""

    submitted = Signal(dict)  # create_show / duplicate_show keyword arguments

    def __init__(
        self,
        mode: str,
        show: Show | None = None,
        parent: QWidget | None = None,
        now: datetime | None = None,  # for tests; the proposed times count from it
    ):
        super().__init__(parent)
        self.mode = mode
        name = show.title if show else ""
        self.setWindowTitle(
            {
                NEW: self.tr("New show"),
                DUPLICATE: self.tr("Duplicate “{0}”").format(name),
                RENAME: self.tr("Rename “{0}”").format(name),
            }[mode]
        )
        self.title = QLineEdit(self._suggested_title(show))
        self.title.setMinimumWidth(360)
        self.platform = QComboBox()
        for code in PLATFORMS:
            self.platform.addItem(platform_name(code), code)
        self.platform.setCurrentIndex(PLATFORMS.index(show.platform if show else "douyin"))
        self.start, self.end = QDateTimeEdit(), QDateTimeEdit()
        self.schedule = self._schedule_box(show, now or datetime.now())
        self.rehearsal = QCheckBox(self.tr("Rehearsal (彩排): its figures stay out of the results"))
        self.error = QLabel()
        self.error.setObjectName("dialogStatus")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if mode != RENAME:
            form.addRow(self.tr("Platform"), self.platform)
            layout.addWidget(self.schedule)
            layout.addWidget(self.rehearsal)
        if mode == DUPLICATE:
            note = QLabel(
                self.tr(
                    "The copy gets this show's products in the same order, each one pending, "
                    "with its live price and stock. What happened in the show (讲解 times, "
                    "offers) stays with it."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok_text = {
            NEW: self.tr("Create"),
            DUPLICATE: self.tr("Duplicate"),
            RENAME: self.tr("Rename"),
        }
        self.ok = buttons.addButton(ok_text[mode], QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.title.selectAll()

    def values(self) -> dict:
        if self.mode == RENAME:
            return {"title": self.title.text()}
        timed = self.schedule.isChecked()
        return {
            "title": self.title.text(),
            "platform": self.platform.currentData(),
            "planned_start": iso_local(self.start) if timed else None,
            "planned_end": iso_local(self.end) if timed else None,
            "rehearsal": self.rehearsal.isChecked(),
        }

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        set_look(self.error, "state", "failed" if text else "")
        self.ok.setEnabled(True)

    def _on_ok_clicked(self) -> None:
        self.show_error("")
        self.ok.setEnabled(False)  # one submission at a time; the answer re-enables it
        self.submitted.emit(self.values())

    def _suggested_title(self, show: Show | None) -> str:
        if show is None:
            return ""
        return show.title if self.mode == RENAME else self.tr("{0} (copy)").format(show.title)

    def _schedule_box(self, show: Show | None, now: datetime) -> QGroupBox:
        box = QGroupBox(self.tr("Planned time"))
        box.setCheckable(True)
        start, length = _suggested_times(show, now)
        for edit, value in ((self.start, start), (self.end, start + length)):
            edit.setDisplayFormat(time_format())
            edit.setCalendarPopup(True)
            edit.setDateTime(QDateTime(value))
        self._length = length
        self.start.dateTimeChanged.connect(self._on_start_changed)
        self.end.dateTimeChanged.connect(self._on_end_changed)
        form = QFormLayout(box)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("End"), self.end)
        return box

    def _on_start_changed(self, start: QDateTime) -> None:
        # Moving the start moves the end with it: the show's length is what was planned.
        if self._length > timedelta(0):
            self.end.setDateTime(start.addSecs(int(self._length.total_seconds())))

    def _on_end_changed(self, end: QDateTime) -> None:
        self._length = timedelta(seconds=self.start.dateTime().secsTo(end))


def _suggested_times(show: Show | None, now: datetime) -> tuple[datetime, timedelta]:
    """The next full hour, for two hours. For a copy of a planned show: the same weekday, time of
    day and length one week after it, moved on by whole weeks until that is after `now` (a
    weekly show is duplicated for its next week, an old one for the coming week)."""
    now = _local(now).replace(second=0, microsecond=0)
    start = now.replace(minute=0) + timedelta(hours=1)
    length = DEFAULT_LENGTH
    if show and show.planned_start:
        # Local wall-clock time: 20:00 stays 20:00 across a daylight-saving change.
        source = _local(datetime.fromisoformat(show.planned_start))
        start = source + WEEK
        if start <= now:  # the fewest whole weeks more that put it after now
            start += WEEK * ((now - start) // WEEK + 1)
        if show.planned_end:
            end = _local(datetime.fromisoformat(show.planned_end))
            length = end - source if end > source else DEFAULT_LENGTH
    return start, length


def _local(moment: datetime) -> datetime:
    """This computer's wall-clock time, without an offset (what the date-time edits show)."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment
