"""The shows dialog and the Show menu against a real SQLite file through the writer thread: what
the assistant does in the dialog is what the store holds."""

from datetime import datetime

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QMainWindow

from console.services.queue_service import QueueService
from console.store import shows
from console.store.queue_repo import add_products, load_queue
from console.store.writer import DbWriter
from console.ui.show_form_dialog import ShowFormDialog
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
    assert cell(dialog, "618 大促", START) == "2025-06-18 Wed 20:00"
    assert cell(dialog, "618 大促", END) == "2025-06-18 Wed 23:30"
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
    assert dialog.archive_button.text() == "Archive"
    assert dialog.table.isColumnHidden(ARCHIVED)
    dialog.archive_button.click()
    qtbot.waitUntil(lambda: titles(dialog) == ["周三场"], timeout=3000)
    assert dialog.status.text() == "“周二场” is archived."
    assert stored(writer, shows.get_show, tuesday.id).archived
    dialog.show_archived.setChecked(True)
    qtbot.waitUntil(lambda: titles(dialog) == ["周三场", "周二场"], timeout=3000)
    assert not dialog.table.isColumnHidden(ARCHIVED)
    assert cell(dialog, "周二场", ARCHIVED) == "Archived"
    dialog.table.selectRow(row_of(dialog, "周二场"))
    assert dialog.archive_button.text() == "Unarchive"
    assert not dialog.open_button.isEnabled()  # unarchive it first
    dialog.archive_button.click()
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
