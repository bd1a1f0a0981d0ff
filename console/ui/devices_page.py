"""Settings ▸ Devices: the room's rig (Key Lights, DMX outputs and fixtures, PTZ cameras, which
OBS sources are cameras and which inputs are mics), edited as a draft. Rig.problems() is the one
rule book: every problem is worded (ui/device_messages.py), its rows marked, and OK stays off
while any is left. Each device list is a DeviceSection, each OBS name list a NameListTab; this
page holds the draft they edit, the problems, the live statuses and Test.

`edited` says whether the draft differs from the rig the page started from (or last saved):
the dialog saves the rig, and lets its problems hold OK back, only then. When the saved rig
could not be read the app runs without devices; the page says so above the lists, so that an
empty page is not taken for a rig that was never set up.

Live status comes from DeviceService.status_changed. Test runs device_service.test(name) on the
device's own thread; the result comes back through the app's mailbox (ui/background.py), never
by waiting on the Future here. Only an applied device can be tested: testing the draft would
mean opening devices the user may still cancel, mid-show, so a new or changed device asks for
Apply first."""

from __future__ import annotations

import itertools
from concurrent.futures import CancelledError
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QLabel, QStyle, QTabWidget, QVBoxLayout, QWidget

from console.core.devices import ERROR, ONLINE, DeviceStatus
from console.core.rig import (
    CAMERA_SOURCE,
    DMX,
    FIXTURE,
    KEYLIGHT,
    MIC_INPUT,
    PTZ,
    Rig,
    RigError,
    RigProblem,
)
from console.devices.obs.looks import VIDEO_CAPTURE_KINDS, unversioned
from console.ui import device_messages
from console.ui.background import new_job
from console.ui.device_section import DEVICE_KINDS, TESTABLE, DeviceSection
from console.ui.device_section import PROBLEM_BACK as PROBLEM_BACK  # where tests look for it
from console.ui.name_list_tab import NameListTab
from console.ui.style import say

if TYPE_CHECKING:
    from console.services.device_service import DeviceService
    from console.services.obs_service import ObsService

TEST_DEADLINE_MS = 2000  # the "result within 2 s"
SERVICE_KIND = {"keylight": KEYLIGHT, "dmx": DMX, "ptz": PTZ}  # status_changed's kinds
STATE_COLORS = {ONLINE: QColor("#3fb950"), ERROR: QColor("#f85149")}
GREY = QColor("#8b949e")


class DevicesPage(QWidget):
    changed = Signal()  # the draft or its problems changed: re-read problems() and rig()

    def __init__(
        self,
        device_service: DeviceService,
        obs_service: ObsService,
        parent: QWidget | None = None,
        *,
        unreadable: RigError | None = None,
        settings_file: str = "",
    ):
        """unreadable: why the saved rig could not be read (the app then runs without
        devices); settings_file: where it is saved, to tell the user."""
        super().__init__(parent)
        self.devices, self.obs = device_service, obs_service
        rig = self._saved = device_service.rig
        self._items: dict[str, list] = {
            KEYLIGHT: list(rig.keylights),
            DMX: list(rig.dmx_outputs),
            FIXTURE: list(rig.fixtures),
            PTZ: list(rig.ptz_cameras),
            CAMERA_SOURCE: list(rig.camera_sources),
            MIC_INPUT: list(rig.mic_inputs),
        }
        self._problems: list[RigProblem] = []
        self._tests: dict[str, tuple[str, str, str]] = {}  # name -> text, tooltip, state
        self._test_ids = itertools.count(1)
        self._running: dict[str, int] = {}  # name -> id of its newest test
        self._inputs_token: int | None = None
        self._camera_choices: list[str] = []
        self.tabs = QTabWidget()
        self.sections: dict[str, DeviceSection] = {}
        self.lists: dict[str, NameListTab] = {}
        titles = {
            KEYLIGHT: self.tr("Key Lights"),
            DMX: self.tr("DMX outputs"),
            FIXTURE: self.tr("DMX fixtures"),
            PTZ: self.tr("PTZ cameras"),
            CAMERA_SOURCE: self.tr("Camera sources"),
            MIC_INPUT: self.tr("Mic inputs"),
        }
        for kind in DEVICE_KINDS:
            sec = self.sections[kind] = DeviceSection(kind, self._items)
            sec.edited.connect(self._refresh)
            if sec.test is not None:
                sec.test.clicked.connect(lambda _=False, s=sec: self._test(s))
            self.tabs.addTab(sec, titles[kind])
        for kind in (CAMERA_SOURCE, MIC_INPUT):
            names = self.lists[kind] = NameListTab(kind, self._items[kind])
            names.edited.connect(self._refresh)
            self.tabs.addTab(names, titles[kind])
        self.unreadable = QLabel()
        self.unreadable.setObjectName("dialogStatus")
        self.unreadable.setWordWrap(True)
        self.unreadable.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if unreadable is not None:
            text = device_messages.unreadable_text(unreadable.code, unreadable.path, settings_file)
            say(self.unreadable, text, failed=True)
        self.unreadable.setVisible(unreadable is not None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.unreadable)
        layout.addWidget(self.tabs)
        device_service.status_changed.connect(self._on_devices_status_changed)
        device_service.rig_changed.connect(self._on_devices_rig_changed)
        obs_service.connection_changed.connect(self._on_obs_connection_changed)
        obs_service.changed.connect(self._on_obs_changed)
        obs_service.client.replied.connect(self._on_obs_client_replied)
        for sec in self.sections.values():
            sec.fill(0)
        for names in self.lists.values():
            names.fill()
        self._ask_obs_inputs()
        self._on_obs_changed()
        self._refresh()

    # -- public ---------------------------------------------------------------------------
    def rig(self) -> Rig:
        """The edited rig, as it would be applied."""
        i = self._items
        return Rig(
            keylights=tuple(i[KEYLIGHT]),
            dmx_outputs=tuple(i[DMX]),
            fixtures=tuple(i[FIXTURE]),
            ptz_cameras=tuple(i[PTZ]),
            camera_sources=tuple(i[CAMERA_SOURCE]),
            mic_inputs=tuple(i[MIC_INPUT]),
        )

    def problems(self) -> list[RigProblem]:
        return list(self._problems)

    @property
    def edited(self) -> bool:
        """The draft differs from the rig the page started from or last saved."""
        return self.rig() != self._saved

    def mark_saved(self) -> None:
        """The draft was saved and applied: it is the new starting point, and the saved rig
        is readable again."""
        self._saved = self.rig()
        self.unreadable.hide()
        self.changed.emit()

    def problem_text(self, p: RigProblem) -> str:
        """One problem in the user's words, with what to do about it."""
        return device_messages.problem_text(p, self.rig())

    status_text = staticmethod(device_messages.status_text)

    def test_result(self, name: str) -> str:
        """The Test column's words for a device ("" before any test)."""
        return self._tests.get(name, ("", "", ""))[0]

    # -- camera sources and mic inputs ----------------------------------------------------
    def _fill_choices(self) -> None:
        mics = [i.name for i in self.obs.snapshot.inputs if i.is_mic]
        audio = [i.name for i in self.obs.snapshot.inputs if not i.is_mic]
        self.lists[CAMERA_SOURCE].set_choices(self._camera_choices)
        self.lists[MIC_INPUT].set_choices(mics + audio)
        self.lists[CAMERA_SOURCE].note.setText(
            self.tr(
                "The OBS sources that show a camera. A preset that picks one of them shows it "
                "and hides the other listed cameras in that scene; other sources stay as they "
                "are. With the list empty, every video capture source counts as a camera."
            )
            + ("" if self.obs.connected else " " + self.tr("Connect to OBS to pick from its list."))
        )
        if not self.obs.connected:
            default = self.tr("OBS's mic inputs (connect to OBS to see them)")
        elif mics:
            default = self.tr("OBS's mic inputs: {0}").format(", ".join(mics))
        else:
            default = self.tr("none: OBS has no mic input set (OBS: Settings ▸ Audio)")
        self.lists[MIC_INPUT].note.setText(
            self.tr(
                "The inputs whose mute, volume and filters a preset keeps. Empty list: {0}."
            ).format(default)
        )

    def _ask_obs_inputs(self) -> None:
        if self.obs.connected:
            self._inputs_token = self.obs.client.request("GetInputList")

    def _on_obs_client_replied(self, token: int, request_type: str, data: dict) -> None:
        if token != self._inputs_token:
            return
        inputs = [i for i in data.get("inputs", []) if isinstance(i.get("inputName"), str)]
        audio = {i.name for i in self.obs.snapshot.inputs}
        cameras = [
            i["inputName"]
            for i in inputs
            if unversioned(str(i.get("inputKind", ""))) in VIDEO_CAPTURE_KINDS
        ]
        others = [i["inputName"] for i in inputs if i["inputName"] not in audio]
        self._camera_choices = list(dict.fromkeys(cameras + others))
        self._fill_choices()

    def _on_obs_connection_changed(self, *_) -> None:
        self._ask_obs_inputs()
        self._fill_choices()

    def _on_obs_changed(self, *_) -> None:
        self._fill_choices()

    # -- problems and status ----------------------------------------------------------------
    def _refresh(self) -> None:
        rig = self.rig()
        self._problems = rig.problems()
        marked: dict[str, dict[int, list[str]]] = {k: {} for k in self._items}
        for p in self._problems:
            for kind, row in self._rows_of(p):
                marked[kind].setdefault(row, []).append(device_messages.problem_text(p, rig))
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for kind, sec in self.sections.items():
            sec.mark(marked[kind], warning)
        for kind, names in self.lists.items():
            names.mark(marked[kind])
        for index, kind in enumerate((*DEVICE_KINDS, CAMERA_SOURCE, MIC_INPUT)):
            rows = marked[kind]
            tab = self.sections[kind] if kind in self.sections else self.lists[kind]
            texts = list(dict.fromkeys(t for row in sorted(rows) for t in rows[row]))
            say(tab.problems, "\n".join(texts), failed=bool(texts))
            tab.problems.setVisible(bool(texts))
            self.tabs.setTabIcon(index, warning if rows else QIcon())
        self._show_statuses()
        self.changed.emit()

    def _rows_of(self, p: RigProblem) -> list[tuple[str, int]]:
        """The rows a problem marks: the named device(s), or the listed source."""
        if p.code in ("empty_name", "duplicate_name") and p.other in (CAMERA_SOURCE, MIC_INPUT):
            return [
                (p.other, r)
                for r, n in enumerate(self._items[p.other])
                if n.strip() == p.name.strip()
            ]
        names = {p.name}
        if p.code in ("overlapping_fixtures", "duplicate_universe"):
            names.add(p.other)
        kinds = [p.other] if p.code == "empty_name" and p.other in DEVICE_KINDS else DEVICE_KINDS
        return [
            (kind, r)
            for kind in kinds
            for r, d in enumerate(self._items[kind])
            if d.name in names or (p.code == "empty_name" and not d.name.strip())
        ]

    def _applied(self, kind: str, item) -> bool:
        rig = self.devices.rig
        return (
            item
            in {
                KEYLIGHT: rig.keylights,
                DMX: rig.dmx_outputs,
                FIXTURE: rig.fixtures,
                PTZ: rig.ptz_cameras,
            }[kind]
        )

    def _status_of(self, kind: str, item) -> tuple[str, str, QColor]:
        if not self._applied(kind, item):
            return (
                self.tr("Not applied yet"),
                self.tr("New or changed: press Apply to use it (and to test it)."),
                GREY,
            )
        if kind == FIXTURE:
            output = next(
                (o for o in self.devices.rig.dmx_outputs if o.universe == item.universe), None
            )
            if output is None:
                return self.tr("No output"), self.tr("No DMX output sends its universe."), GREY
            item = output
        status = self.devices.status(item.name)
        short, long = device_messages.status_text(status, kind)
        if kind == FIXTURE:
            long = self.tr("Its output {0}: {1}").format(item.name, long)
        return short, long, STATE_COLORS.get(status.state, GREY)

    def _show_statuses(self) -> None:
        for kind, sec in self.sections.items():
            column = sec.status_column
            for row, item in enumerate(self._items[kind]):
                short, long, color = self._status_of(kind, item)
                sec.set_cell(row, column, short, long, color)
                if kind in TESTABLE:
                    text, tip, state = self._tests.get(item.name, ("", "", ""))
                    color = STATE_COLORS.get(state, GREY)
                    sec.set_cell(row, column + 1, text, tip, color)

    def _on_devices_status_changed(self, kind: str, name: str, status: DeviceStatus) -> None:
        self._show_statuses()

    def _on_devices_rig_changed(self, _rig) -> None:
        self._show_statuses()

    # -- test ------------------------------------------------------------------------------
    def _test(self, sec: DeviceSection) -> None:
        item = sec.current_item()
        if sec.test is None or item is None:
            return
        if not self._applied(sec.kind, item):
            self._tests[item.name] = (
                self.tr("Press Apply first"),
                self.tr("This device is new or changed. Press Apply, then Test."),
                ERROR,
            )
            self._show_statuses()
            return
        test_id = next(self._test_ids)
        self._running[item.name] = test_id
        self._tests[item.name] = (self.tr("Testing…"), "", "")
        self._show_statuses()
        job = new_job(
            self,
            lambda result, n=item.name: self._on_test_done(n, test_id, result, None),
            lambda error, n=item.name: self._on_test_done(n, test_id, None, error),
        )
        job.watch(self.devices.test(item.name))
        QTimer.singleShot(
            TEST_DEADLINE_MS, self, lambda n=item.name: self._on_test_overdue(n, test_id)
        )

    def _on_test_done(self, name: str, test_id: int, result, error) -> None:
        if self._running.get(name) != test_id:
            return  # a newer test of this device is running; its result counts
        del self._running[name]
        if error is None:
            self._tests[name] = (device_messages.passed_test_text(result), "", ONLINE)
        else:
            reason = getattr(error, "reason", "closed" if isinstance(error, CancelledError) else "")
            short, long = (
                device_messages.reason_words(reason) if reason else (str(error), str(error))
            )
            self._tests[name] = (self.tr("Failed: {0}").format(short), long, ERROR)
        self._show_statuses()

    def _on_test_overdue(self, name: str, test_id: int) -> None:
        if self._running.get(name) == test_id:
            self._tests[name] = (
                self.tr("No answer yet"),
                self.tr(
                    "No answer within 2 s. Check that it is switched on and the address is right."
                ),
                ERROR,
            )
            self._show_statuses()
