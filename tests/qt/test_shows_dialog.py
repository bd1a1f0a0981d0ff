"""The shows dialog and the Show menu against a real SQLite file through the writer thread: what
the assistant does in the dialog is what the store holds."""

import dataclasses
import threading
from datetime import datetime

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from console.services.queue_service import QueueService
from console.store import shows
from console.store.queue_repo import add_products, load_queue
from console.store.writer import DbWriter
from console.ui.show_form_dialog import DUPLICATE, NEW, ShowFormDialog
from console.ui.show_menu import install_show_menu
from console.ui.shows_dialog import ARCHIVED, END, PLATFORM, REHEARSAL, START, ShowsDialog

START_ISO, END_ISO = "2025-06-17T20:00:00+08:00", "2025-06-17T23:00:00+08:00"


def seed(db):
    """A Tuesday show that has run: one product done, one sold out, one explained now."""
    products = [
        db["products"].insert({"sku": f"SKU{n}", "name": f"商品{n}", "stock": 10 * n}).last_pk
        for n in range(1, 4)
    ]
    tuesday = shows.create_show(db, "周二场", "douyin", START_ISO, END_ISO)
    add_products(db, tuesday.id, products)
    for item_id, state in zip((1, 2, 3), ("done", "sold_out", "explaining"), strict=True):
        db["show_items"].update(item_id, {"state": state})
    db["explain_windows"].insert({"show_item_id": 1, "start_mono_ns": 1, "end_mono_ns": 2})
    return tuesday


@pytest.fixture
def env(qtbot, tmp_path):
    path = tmp_path / "shows.db"
    writer = DbWriter(path)
    tuesday = writer.submit(seed).result(timeout=5)
    service = QueueService(writer)
    with qtbot.waitSignal(service.changed, timeout=3000):
        service.open_show(tuesday.id)
    dialog = ShowsDialog(writer, service, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: titles(dialog) == ["周二场"], timeout=3000)
    yield dialog, writer, service, tuesday
    writer.close()


def titles(dialog):
    return [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]


def row_of(dialog, title):
    return titles(dialog).index(title)


def cell(dialog, title, column):
    return dialog.table.item(row_of(dialog, title), column).text()


def open_form(qtbot, button) -> ShowFormDialog:
    dialog = button.window()
    button.click()
    form = dialog.form
    qtbot.waitUntil(form.isVisible, timeout=1000)
    return form


def submit(qtbot, form):
    form.ok.click()
    qtbot.waitUntil(lambda: form.ok.isEnabled(), timeout=3000)  # answered, either way


def stored(writer, fn, *args, **kwargs):
    return writer.submit(fn, *args, **kwargs).result(timeout=5)


def press(qtbot, dialog, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key as the assistant presses it: to the focused list, in the active window."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=1000)
    qtbot.keyClick(dialog.table, key, modifier)


def double_click(qtbot, dialog, title):
    table = dialog.table
    rect = table.visualRect(table.model().index(row_of(dialog, title), 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def answer(qtbot, dialog, button_text):
    box = dialog.confirm
    qtbot.waitUntil(lambda: box.isVisible(), timeout=1000)
    [button] = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
    button.click()


def local_iso(*parts):
    return datetime(*parts).astimezone().isoformat()


def test_new_show_with_platform_and_planned_times(qtbot, env):
    dialog, writer, _service, _ = env
    form = open_form(qtbot, dialog.new_button)
    form.title.setText("  618 大促 ")
    form.platform.setCurrentIndex(form.platform.findData("kuaishou"))
    form.start.setDateTime(QDateTime(2025, 6, 18, 20, 0, 0))
    form.end.setDateTime(QDateTime(2025, 6, 18, 23, 30, 0))
    form.rehearsal.setChecked(True)
    with qtbot.waitSignal(form.accepted, timeout=3000):  # closed once the store has it
        form.ok.click()
    qtbot.waitUntil(lambda: "618 大促" in titles(dialog), timeout=3000)
    new = stored(writer, shows.list_shows)[0]
    # Stored as ISO 8601 with this computer's offset, and read back as the same moment.
    local = datetime(2025, 6, 18, 20, 0).astimezone()
    assert new.planned_start == local.isoformat()
    assert datetime.fromisoformat(new.planned_start).utcoffset() == local.utcoffset()
    assert datetime.fromisoformat(new.planned_end) == datetime(2025, 6, 18, 23, 30).astimezone()
    assert (new.title, new.platform, new.rehearsal) == ("618 大促", "kuaishou", True)
    assert cell(dialog, "618 大促", PLATFORM) == "Kuaishou"
    assert cell(dialog, "618 大促", START) == "6/18/2025 Wed 20:00"
    assert cell(dialog, "618 大促", END) == "6/18/2025 Wed 23:30"
    assert cell(dialog, "618 大促", REHEARSAL) == "Rehearsal"
    assert dialog.selected().id == new.id  # the new show is the one selected


def test_moving_the_start_keeps_the_planned_length(qtbot, env):
    dialog = env[0]
    form = open_form(qtbot, dialog.new_button)
    form.start.setDateTime(QDateTime(2025, 6, 18, 20, 0, 0))
    form.end.setDateTime(QDateTime(2025, 6, 18, 21, 30, 0))
    form.start.setDateTime(QDateTime(2025, 6, 19, 19, 0, 0))
    assert form.end.dateTime() == QDateTime(2025, 6, 19, 20, 30, 0)
    form.schedule.setChecked(False)  # no planned time yet: both stay empty
    assert (form.values()["planned_start"], form.values()["planned_end"]) == (None, None)


def test_invalid_input_is_explained_in_the_form_and_nothing_is_stored(qtbot, env):
    dialog, writer, _service, _ = env
    form = open_form(qtbot, dialog.new_button)
    form.title.setText("   ")
    submit(qtbot, form)
    assert form.isVisible()
    assert form.error.text() == "Give the show a title."
    form.title.setText("晚场")
    form.start.setDateTime(QDateTime(2025, 6, 18, 20, 0, 0))
    form.end.setDateTime(QDateTime(2025, 6, 18, 19, 0, 0))
    submit(qtbot, form)
    assert form.error.text() == "The planned end must be after the planned start."
    assert form.title.text() == "晚场"  # the input is kept for a fix
    assert [s.title for s in stored(writer, shows.list_shows)] == ["周二场"]
    form.end.setDateTime(QDateTime(2025, 6, 18, 22, 0, 0))
    form.ok.click()
    qtbot.waitUntil(lambda: "晚场" in titles(dialog), timeout=3000)


def test_rename(qtbot, env):
    dialog, writer, _service, tuesday = env
    form = open_form(qtbot, dialog.rename_button)
    assert form.title.text() == "周二场"
    assert not form.platform.isVisibleTo(form)  # a rename changes the title only
    form.title.setText("周二返场")
    form.ok.click()
    qtbot.waitUntil(lambda: titles(dialog) == ["周二返场"], timeout=3000)
    assert stored(writer, shows.get_show, tuesday.id).title == "周二返场"


def test_duplicate_copies_the_queue_with_every_state_reset(qtbot, env):
    dialog, writer, _service, tuesday = env
    form = open_form(qtbot, dialog.duplicate_button)
    assert form.title.text() == "周二场 (copy)"
    assert form.platform.currentData() == "douyin"  # the source's, unless changed
    length = form.start.dateTime().secsTo(form.end.dateTime())
    assert length == 3 * 3600  # the source's planned length
    form.title.setText("周四场")
    form.platform.setCurrentIndex(form.platform.findData("taobao"))
    form.ok.click()
    qtbot.waitUntil(lambda: "周四场" in titles(dialog), timeout=3000)
    copy = stored(writer, shows.list_shows)[0]
    assert (copy.title, copy.platform, copy.rehearsal) == ("周四场", "taobao", False)
    source_queue = stored(writer, load_queue, tuesday.id)
    copied = stored(writer, load_queue, copy.id)
    assert [i.product_id for i in copied.items] == [i.product_id for i in source_queue.items]
    assert [i.state for i in copied.items] == ["pending"] * 3
    assert copied.windows == ()
    assert [i.state for i in source_queue.items] == ["done", "sold_out", "explaining"]


def test_archive_hides_the_show_unless_archived_ones_are_shown(qtbot, env):
    dialog, writer, _service, tuesday = env
    stored(writer, shows.create_show, "周三场", "channels")
    dialog.reload()
    qtbot.waitUntil(lambda: titles(dialog) == ["周三场", "周二场"], timeout=3000)
    dialog.table.selectRow(row_of(dialog, "周二场"))
    assert dialog.archive_button.text() == "&Archive"
    assert dialog.table.isColumnHidden(ARCHIVED)
    dialog.archive_button.click()
    answer(qtbot, dialog, "Archive")  # it is the open show
    qtbot.waitUntil(lambda: titles(dialog) == ["周三场"], timeout=3000)
    assert dialog.status.text() == "“周二场” is archived."
    assert stored(writer, shows.get_show, tuesday.id).archived
    dialog.show_archived.setChecked(True)
    qtbot.waitUntil(lambda: titles(dialog) == ["周三场", "周二场"], timeout=3000)
    assert not dialog.table.isColumnHidden(ARCHIVED)
    assert cell(dialog, "周二场", ARCHIVED) == "Archived"
    dialog.table.selectRow(row_of(dialog, "周二场"))
    assert dialog.archive_button.text() == "Un&archive"
    assert not dialog.open_button.isEnabled()  # unarchive it first
    dialog.archive_button.click()  # unarchiving asks nothing
    qtbot.waitUntil(lambda: cell(dialog, "周二场", ARCHIVED) == "", timeout=3000)
    assert not stored(writer, shows.get_show, tuesday.id).archived


def test_open_switches_the_queue_to_that_show(qtbot, env):
    dialog, writer, service, _ = env
    other = stored(writer, shows.create_show, "周三场", "tiktok")
    stored(writer, add_products, other.id, [3, 1])
    dialog.reload()
    qtbot.waitUntil(lambda: len(titles(dialog)) == 2, timeout=3000)
    dialog.table.selectRow(row_of(dialog, "周三场"))
    with qtbot.waitSignal(service.changed, timeout=3000):
        dialog.open_button.click()
    assert service.show_id == other.id
    assert [i.product_id for i in service.queue.items] == [3, 1]
    assert not dialog.isVisible()


def test_archiving_the_open_show_asks_first_and_cancel_leaves_it(qtbot, env):
    dialog, writer, service, tuesday = env
    assert dialog.selected().id == service.show_id == tuesday.id  # pre-selected: the open one
    press(qtbot, dialog, Qt.Key.Key_Delete)
    box = dialog.confirm
    qtbot.waitUntil(box.isVisible, timeout=1000)
    assert box.windowModality() == Qt.WindowModality.WindowModal  # open(), not a nested exec()
    assert box.text() == "“周二场” is open in the console now. Archive it?"
    assert "stays in the database" in box.informativeText()
    assert "“Show archived shows”" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    answer(qtbot, dialog, "Cancel")
    qtbot.waitUntil(lambda: dialog.confirm is None, timeout=1000)  # the box is gone, not kept
    assert titles(dialog) == ["周二场"]
    assert not stored(writer, shows.get_show, tuesday.id).archived
    dialog.archive_button.click()  # the button asks too
    answer(qtbot, dialog, "Archive")
    qtbot.waitUntil(lambda: titles(dialog) == [], timeout=3000)
    assert stored(writer, shows.get_show, tuesday.id).archived


def test_keys_new_rename_archive_and_mnemonics(qtbot, env):
    dialog, writer, service, _ = env
    other = stored(writer, shows.create_show, "周三场", "channels")
    dialog.reload()
    qtbot.waitUntil(lambda: titles(dialog) == ["周三场", "周二场"], timeout=3000)
    dialog.table.selectRow(row_of(dialog, "周三场"))
    press(qtbot, dialog, Qt.Key.Key_Delete)  # not the open show: archived without a question
    qtbot.waitUntil(lambda: titles(dialog) == ["周二场"], timeout=3000)
    assert dialog.confirm is None
    assert stored(writer, shows.get_show, other.id).archived
    for key, modifier, expected in (
        (Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier, "Rename “周二场”"),
        (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier, "New show"),
        (Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier, "New show"),
        (Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier, "Duplicate “周二场”"),
        (Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier, "Rename “周二场”"),
    ):
        press(qtbot, dialog, key, modifier)
        qtbot.waitUntil(lambda: dialog.form is not None, timeout=1000)  # a mnemonic animates
        form = dialog.form
        qtbot.waitUntil(form.isVisible, timeout=1000)
        assert form.windowTitle() == expected
        form.reject()
        qtbot.waitUntil(lambda: dialog.form is None, timeout=1000)  # deleted: no stale reference
    assert dialog.rename_button.toolTip() == "F2"
    assert dialog.archive_button.toolTip() == "Del"
    assert service.show_id != other.id


def test_enter_right_after_opening_keeps_the_open_show_and_its_undo(qtbot, env):
    dialog, _writer, service, _ = env
    with qtbot.waitSignal(service.saved, timeout=3000):
        service.set_price(1, 9900)  # something the host may want to undo
    assert service.can_undo
    with qtbot.assertNotEmitted(service.changed, wait=300):
        press(qtbot, dialog, Qt.Key.Key_Return)  # Open is the default button
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=1000)
    assert service.can_undo
    assert service.queue.items[0].live_price_fen == 9900


def test_double_click_opens_like_the_button_and_waits_for_the_list(qtbot, env):
    dialog, writer, service, tuesday = env
    other = stored(writer, shows.create_show, "周三场", "tiktok")
    dialog.reload()
    qtbot.waitUntil(lambda: len(titles(dialog)) == 2, timeout=3000)
    with qtbot.assertNotEmitted(service.changed, wait=300):  # the open show: only stays open
        double_click(qtbot, dialog, "周二场")
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=1000)
    dialog.show()
    held = threading.Event()
    writer.submit(lambda db: held.wait(5))  # the writer is busy: the list is being reloaded
    dialog.reload()
    with qtbot.assertNotEmitted(service.changed, wait=300):
        double_click(qtbot, dialog, "周三场")
    assert dialog.isVisible() and service.show_id == tuesday.id
    held.set()
    qtbot.waitUntil(dialog.open_button.isEnabled, timeout=3000)
    assert dialog.selected().id == other.id
    with qtbot.waitSignal(service.changed, timeout=3000):
        double_click(qtbot, dialog, "周三场")
    assert service.show_id == other.id
    assert not dialog.isVisible()


@pytest.mark.parametrize(
    ("now", "proposed"),
    [
        ((2025, 6, 18, 10, 0), "6/24/2025 Tue 20:00"),  # the day after: next week, not today
        ((2025, 6, 24, 19, 59), "6/24/2025 Tue 20:00"),
        ((2025, 6, 24, 20, 0), "7/1/2025 Tue 20:00"),  # starting now is not in the future
        ((2025, 7, 9, 21, 30), "7/15/2025 Tue 20:00"),  # weeks later: the coming Tuesday
        ((2025, 6, 1, 9, 0), "6/24/2025 Tue 20:00"),  # planned ahead: still one week after it
    ],
)
def test_duplicate_proposes_the_same_weekday_and_time_a_week_on(qtbot, env, now, proposed):
    tuesday = dataclasses.replace(
        env[3],
        planned_start=local_iso(2025, 6, 17, 20, 0),
        planned_end=local_iso(2025, 6, 17, 23, 0),
    )
    form = ShowFormDialog(DUPLICATE, tuesday, now=datetime(*now))
    qtbot.addWidget(form)
    assert form.start.text() == proposed
    assert form.start.dateTime().secsTo(form.end.dateTime()) == 3 * 3600


def test_without_a_planned_start_the_next_full_hour_is_proposed(qtbot, env):
    unplanned = dataclasses.replace(env[3], planned_start=None, planned_end=None)
    for mode, show in ((NEW, None), (DUPLICATE, unplanned)):
        form = ShowFormDialog(mode, show, now=datetime(2025, 6, 18, 10, 20))
        qtbot.addWidget(form)
        assert (form.start.text(), form.end.text()) == (
            "6/18/2025 Wed 11:00",
            "6/18/2025 Wed 13:00",
        )


def test_a_show_removed_elsewhere_is_reported(qtbot, env):
    dialog, writer, _service, _ = env
    gone = stored(writer, shows.create_show, "临时场", "other")
    dialog.reload()
    qtbot.waitUntil(lambda: "临时场" in titles(dialog), timeout=3000)
    dialog.table.selectRow(row_of(dialog, "临时场"))
    stored(writer, lambda db: db.execute("DELETE FROM shows WHERE id = ?", [gone.id]))
    dialog.archive_button.click()
    qtbot.waitUntil(lambda: titles(dialog) == ["周二场"], timeout=3000)
    assert dialog.status.text() == "This show is no longer in the database. The list was reloaded."


def test_the_database_path_is_shown_and_selectable(env, tmp_path):
    dialog = env[0]
    assert dialog.path.text() == str(tmp_path / "shows.db")
    assert dialog.path.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen only
def test_show_menu_opens_the_dialogs_and_titles_the_window(qtbot, env, tmp_path):
    _dialog, writer, service, tuesday = env
    window = QMainWindow()
    window.setWindowTitle("LiveDesk")
    window.show_menu = window.menuBar().addMenu("&Show")
    qtbot.addWidget(window)
    menu = install_show_menu(window, writer, service, tmp_path / "shows.db")
    qtbot.waitUntil(lambda: window.windowTitle() == "周二场 — LiveDesk", timeout=3000)
    assert [a.shortcut().toString() for a in window.show_menu.actions()] == [
        "Ctrl+Shift+O",
        "Ctrl+Shift+A",
    ]
    menu.shows_action.trigger()
    shows_dialog = menu.shows_dialog
    qtbot.waitUntil(lambda: titles(shows_dialog) == ["周二场"], timeout=3000)
    menu.shows_action.trigger()  # a second press brings the same dialog forward
    assert menu.shows_dialog is shows_dialog
    form = open_form(qtbot, shows_dialog.rename_button)
    form.title.setText("周二返场")
    form.ok.click()  # renaming the open show retitles the window
    qtbot.waitUntil(lambda: window.windowTitle() == "周二返场 — LiveDesk", timeout=3000)
    rehearsal = stored(writer, shows.create_show, "彩排", "douyin", rehearsal=True)
    with qtbot.waitSignal(service.changed, timeout=3000):
        service.open_show(rehearsal.id)
    qtbot.waitUntil(lambda: window.windowTitle() == "彩排 (rehearsal) — LiveDesk", timeout=3000)
    menu.products_action.trigger()
    assert menu.products_dialog.isVisible()
    shows_dialog.reject()
    menu.products_dialog.reject()
