"""One device list of Settings ▸ Devices (Key Lights, DMX outputs, DMX fixtures or PTZ
cameras): its table, Add / Remove / Test, and the form that edits the chosen row of the draft
in place. The page owns the draft, the problems and the statuses; the section says `edited`
after every change so the page re-reads the problems. Filed under DevicesPage's translation
context, where its words have always been."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.dmx import UNIVERSE_SIZE, Fixture
from console.core.rig import (
    ARTNET,
    DMX,
    FIXTURE,
    KEYLIGHT,
    KEYLIGHT_PORT,
    MAX_PRESET,
    PRESET_BYTE_MAX,
    PTZ,
    SACN,
    VISCA_PORT,
    DmxOutputConfig,
    KeyLightConfig,
    PtzCameraConfig,
)
from console.ui.channel_map_editor import ChannelMapEditor
from console.ui.device_messages import column_titles, protocol_name, role_name, test_hint
from console.ui.style import set_look

translate = QCoreApplication.translate
DEVICE_KINDS = (KEYLIGHT, DMX, FIXTURE, PTZ)
TESTABLE = (KEYLIGHT, DMX, PTZ)
PROBLEM_BACK = QColor(248, 81, 73, 70)  # the theme's failure red, see-through


class DeviceSection(QWidget):
    edited = Signal()  # the draft's list changed: a row edited, added or removed

    def __init__(self, kind: str, draft: dict[str, list], parent: QWidget | None = None):
        """draft: the page's lists by kind; this section edits draft[kind] in place and
        reads the others to name a new device."""
        super().__init__(parent)
        self.kind, self._draft = kind, draft
        self.fields: dict[str, QWidget] = {}
        self.channels: ChannelMapEditor | None = None
        self.multicast_warning: QLabel | None = None
        self._loading = False  # the form is being filled from the draft, not edited
        titles = column_titles(kind, with_test=kind in TESTABLE)
        self.table = table = QTableWidget(0, len(titles))
        table.setHorizontalHeaderLabels(titles)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.add = QPushButton(translate("DevicesPage", "&Add"))
        self.remove = QPushButton(translate("DevicesPage", "&Remove"))
        self.add.clicked.connect(self.add_device)
        self.remove.clicked.connect(self.remove_device)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_device)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        self.test: QPushButton | None = None  # the page runs the test
        if kind in TESTABLE:
            self.test = QPushButton(translate("DevicesPage", "&Test"))
            self.test.setToolTip(test_hint(kind))
            buttons.addWidget(self.test)
        buttons.addStretch(1)
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        self._build_form(form)
        self.problems = QLabel()
        self.problems.setObjectName("dialogStatus")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        table.currentCellChanged.connect(lambda *_: self._on_table_current_changed())
        layout = QVBoxLayout(self)
        layout.addWidget(table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.form)
        layout.addWidget(self.problems)

    @property
    def items(self) -> list:
        return self._draft[self.kind]

    @property
    def channel_count(self) -> QSpinBox | None:
        return self.channels.count if self.channels is not None else None

    @property
    def channel_boxes(self) -> list[tuple[QLabel, QComboBox]]:
        return self.channels.boxes if self.channels is not None else []

    @property
    def status_column(self) -> int:
        """The Status column; Test's, if any, comes after it."""
        return self.table.columnCount() - (2 if self.test is not None else 1)

    def current_item(self):
        """The chosen device of the draft, or None."""
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    # -- building ----------------------------------------------------------------------------
    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _: self._on_form_edited())
        self.fields[key] = edit
        return edit

    def _spin(self, key: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.valueChanged.connect(lambda _: self._on_form_edited())
        self.fields[key] = spin
        return spin

    def _build_form(self, form: QFormLayout) -> None:
        kind = self.kind
        form.addRow(translate("DevicesPage", "Name"), self._line("name"))
        if kind in (KEYLIGHT, PTZ):
            hint = translate("DevicesPage", "IP address or name, e.g. 192.168.1.20")
            form.addRow(translate("DevicesPage", "Address"), self._line("host", hint))
            form.addRow(translate("DevicesPage", "Port"), self._spin("port", 0, 65535))
        if kind == PTZ:
            top = self._spin("max_preset", 0, PRESET_BYTE_MAX)
            form.addRow(translate("DevicesPage", "Highest preset"), top)
        if kind == DMX:
            self._build_output_form(form)
        if kind == FIXTURE:
            self._build_fixture_form(form)

    def _build_output_form(self, form: QFormLayout) -> None:
        protocol = QComboBox()
        protocol.addItem(protocol_name(SACN), SACN)
        protocol.addItem(protocol_name(ARTNET), ARTNET)
        protocol.currentIndexChanged.connect(lambda _: self._on_form_edited())
        self.fields["protocol"] = protocol
        form.addRow(translate("DevicesPage", "Protocol"), protocol)
        form.addRow(translate("DevicesPage", "Node address"), self._line("address", "192.168.1.50"))
        form.addRow(translate("DevicesPage", "Universe"), self._spin("universe", 0, 63999))
        multicast = QCheckBox(
            translate("DevicesPage", "Send to the whole network (multicast / broadcast)")
        )
        multicast.toggled.connect(lambda _: self._on_form_edited())
        self.fields["multicast"] = multicast
        form.addRow("", multicast)
        self.multicast_warning = QLabel(
            translate(
                "DevicesPage",
                "Every DMX device on this network receives these levels, other rooms' "
                "lights included. Use it only when the node cannot be reached by its address.",
            )
        )
        self.multicast_warning.setObjectName("dialogStatus")
        set_look(self.multicast_warning, "state", "failed")  # red: it reaches every light
        self.multicast_warning.setWordWrap(True)
        form.addRow("", self.multicast_warning)

    def _build_fixture_form(self, form: QFormLayout) -> None:
        form.addRow(translate("DevicesPage", "Universe"), self._spin("universe", 0, 63999))
        start = self._spin("address", 1, UNIVERSE_SIZE)
        form.addRow(translate("DevicesPage", "Start address"), start)
        self.channels = ChannelMapEditor()
        self.channels.edited.connect(self._on_form_edited)
        form.addRow(translate("DevicesPage", "Channels"), self.channels)
        kelvin = QWidget()
        row = QHBoxLayout(kelvin)
        row.setContentsMargins(0, 0, 0, 0)
        low, high = self._spin("kelvin_min", 0, 20000), self._spin("kelvin_max", 0, 20000)
        for spin in (low, high):
            spin.setSuffix(" K")
            spin.setSingleStep(100)
        row.addWidget(low)
        row.addWidget(QLabel(translate("DevicesPage", "to")))
        row.addWidget(high)
        row.addStretch(1)
        self.fields["kelvin"] = kelvin
        form.addRow(translate("DevicesPage", "Colour temperature range"), kelvin)

    # -- the table -----------------------------------------------------------------------------
    def cells(self, item) -> list[str]:
        if self.kind == KEYLIGHT:
            return [item.name, item.host, str(item.port)]
        if self.kind == DMX:
            return [item.name, protocol_name(item.protocol), item.address, str(item.universe)]
        if self.kind == FIXTURE:
            roles = ", ".join(role_name(r) for r in item.channels)
            return [item.name, str(item.universe), str(item.address), roles]
        return [item.name, item.host, str(item.port), str(item.max_preset)]

    def fill(self, select: int) -> None:
        """Show the draft's list, select a row, fill the form from it."""
        items = self.items
        self.table.setRowCount(len(items))
        for row in range(len(items)):
            self._show_row(row)
        if items:
            self.table.setCurrentCell(min(max(select, 0), len(items) - 1), 0)
        self._on_table_current_changed()

    def _cell(self, row: int, col: int) -> QTableWidgetItem:
        cell = self.table.item(row, col)
        if cell is None:
            cell = QTableWidgetItem()
            self.table.setItem(row, col, cell)
        return cell

    def _show_row(self, row: int) -> None:
        for col, text in enumerate(self.cells(self.items[row])):
            self._cell(row, col).setText(text)

    def mark(self, rows: dict[int, list[str]], warning: QIcon) -> None:
        """Mark the rows with problems: red, the warning icon, the problems as tooltip."""
        for row in range(self.table.rowCount()):
            texts = rows.get(row)
            for col in range(self.table.columnCount()):
                cell = self._cell(row, col)
                cell.setBackground(QBrush(PROBLEM_BACK) if texts else QBrush())
                if col < len(self.cells(self.items[row])):
                    cell.setToolTip("\n".join(texts or []))
            self.table.item(row, 0).setIcon(warning if texts else QIcon())

    def set_cell(self, row: int, col: int, text: str, tip: str, color: QColor) -> None:
        cell = self._cell(row, col)
        cell.setText(text)
        cell.setToolTip(tip)
        cell.setForeground(QBrush(color))

    # -- the form ------------------------------------------------------------------------------
    def _on_table_current_changed(self) -> None:
        item = self.current_item()
        self.form.setEnabled(item is not None)
        self.remove.setEnabled(item is not None)
        if self.test is not None:
            self.test.setEnabled(item is not None)
        self._loading = True
        try:
            self._fill_form(item)
        finally:
            self._loading = False

    def _fill_form(self, item) -> None:
        f = self.fields
        f["name"].setText(item.name if item else "")
        if self.kind in (KEYLIGHT, PTZ):
            f["host"].setText(item.host if item else "")
            f["port"].setValue(item.port if item else 0)
        if self.kind == PTZ:
            f["max_preset"].setValue(item.max_preset if item else MAX_PRESET)
        if self.kind == DMX:
            f["protocol"].setCurrentIndex(
                max(0, f["protocol"].findData(item.protocol if item else SACN))
            )
            f["address"].setText(item.address if item else "")
            f["universe"].setValue(item.universe if item else 1)
            f["multicast"].setChecked(bool(item and item.multicast))
            self.multicast_warning.setVisible(bool(item and item.multicast))
        if self.kind == FIXTURE:
            f["universe"].setValue(item.universe if item else 1)
            f["address"].setValue(item.address if item else 1)
            self.channels.set_roles(item.channels if item and item.channels else ("",))
            self.channels.relabel(f["address"].value())
            f["kelvin_min"].setValue(item.kelvin_min if item else Fixture.kelvin_min)
            f["kelvin_max"].setValue(item.kelvin_max if item else Fixture.kelvin_max)
            f["kelvin"].setEnabled(bool(item) and "cct" in item.channels)

    def _read_form(self):
        f = self.fields
        name = f["name"].text().strip()
        if self.kind == KEYLIGHT:
            return KeyLightConfig(name, f["host"].text().strip(), f["port"].value())
        if self.kind == PTZ:
            host, port = f["host"].text().strip(), f["port"].value()
            return PtzCameraConfig(name, host, port, f["max_preset"].value())
        if self.kind == DMX:
            return DmxOutputConfig(
                name,
                f["protocol"].currentData(),
                f["address"].text().strip(),
                f["universe"].value(),
                f["multicast"].isChecked(),
            )
        return Fixture(
            name,
            f["universe"].value(),
            f["address"].value(),
            self.channels.roles(),
            f["kelvin_min"].value(),
            f["kelvin_max"].value(),
        )

    def _on_form_edited(self) -> None:
        row = self.table.currentRow()
        if self._loading or not 0 <= row < len(self.items):
            return
        item = self._read_form()
        self.items[row] = item
        if self.kind == DMX:
            self.multicast_warning.setVisible(item.multicast)
        if self.kind == FIXTURE:
            self.channels.relabel(item.address)
            self.fields["kelvin"].setEnabled("cct" in item.channels)
        self._show_row(row)
        self.edited.emit()

    # -- add and remove ------------------------------------------------------------------------
    def add_device(self) -> None:
        self.items.append(new_device(self.kind, self._draft))
        self.fill(len(self.items) - 1)
        self.edited.emit()
        name = self.fields["name"]
        name.setFocus()
        name.selectAll()

    def remove_device(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.items):
            return
        del self.items[row]
        self.fill(row)
        self.edited.emit()
        self.table.setFocus()


def new_device(kind: str, draft: dict[str, list]):
    """A new device of the kind, named apart from the draft's, on a free universe/address."""
    taken = {d.name for k in DEVICE_KINDS for d in draft[k]}
    base = {
        KEYLIGHT: translate("DevicesPage", "Key Light {0}"),
        DMX: translate("DevicesPage", "DMX output {0}"),
        FIXTURE: translate("DevicesPage", "Fixture {0}"),
        PTZ: translate("DevicesPage", "Camera {0}"),
    }[kind]
    name = next(base.format(n) for n in itertools.count(1) if base.format(n) not in taken)
    if kind == KEYLIGHT:
        return KeyLightConfig(name, "", KEYLIGHT_PORT)
    if kind == PTZ:
        return PtzCameraConfig(name, "", VISCA_PORT, MAX_PRESET)
    if kind == DMX:
        used = {o.universe for o in draft[DMX]}
        wanted = [f.universe for f in draft[FIXTURE] if f.universe not in used]
        universe = wanted[0] if wanted else next(u for u in itertools.count(1) if u not in used)
        return DmxOutputConfig(name, SACN, "", universe)
    outputs = draft[DMX]
    universe = outputs[0].universe if outputs else 1
    ends = [f.last_address for f in draft[FIXTURE] if f.universe == universe]
    return Fixture(
        name, universe, min(max(ends, default=0) + 1, UNIVERSE_SIZE - 1), ("dimmer", "cct")
    )
