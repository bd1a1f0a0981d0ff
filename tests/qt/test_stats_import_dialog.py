"""The stats import dialog against a real SQLite file through the writer thread: the preview
shows how each column is read and every bad row; Import stores exactly the good rows, all or
nothing, where the dashboard's read finds them; importing the same file twice counts nothing
twice; a file that cannot be read says why and stores nothing."""

import csv
import sqlite3
from datetime import datetime, timedelta, timezone

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMainWindow

from console.core.metrics import METRICS
from console.resources import resource_path
from console.services.queue_service import QueueService
from console.store import stats_repo
from console.store.db import open_db, open_reader
from console.store.shows import create_show
from console.store.writer import DbWriter
from console.ui.stats_import_dialog import StatsImportDialog, install_stats_import

SAMPLE = resource_path("samples", "douyin_stats_export.csv")
CST = timezone(timedelta(hours=8))


def ms(*args) -> int:
    return int(datetime(*args, tzinfo=CST).timestamp() * 1000)


@pytest.fixture
def env(qtbot, tmp_path):
    path = tmp_path / "shows.db"
    db = open_db(path)
    show_id = create_show(db, "双11晚场", "douyin", "2026-11-25T19:30:00+08:00").id
    db.close()
    writer = DbWriter(path)
    queue = QueueService(writer)
    with qtbot.waitSignal(queue.changed, timeout=3000):
        queue.open_show(show_id)
    yield writer, queue, path, show_id
    writer.close()


@pytest.fixture
def dialog(qtbot, env):
    writer, queue, _, _ = env
    d = StatsImportDialog(writer, queue)
    qtbot.addWidget(d)
    d.show()
    return d


def load(qtbot, dialog, path):
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        dialog.open_file(path)


def run_import(qtbot, dialog):
    with qtbot.waitSignal(dialog.import_finished, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def stored(path, show_id):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT ts_ms, metric, value, source FROM samples WHERE show_id = ? "
            "ORDER BY ts_ms, metric",
            [show_id],
        ).fetchall()
    finally:
        conn.close()


def latest(path, show_id):
    db = open_reader(path)  # as the dashboard reads
    try:
        return stats_repo.latest_values(db, show_id, METRICS)
    finally:
        db.close()


def write_csv(path, rows, encoding="utf-8"):
    with path.open("w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def mapping_of(dialog) -> dict[str, str]:
    return {
        dialog.mapping.item(r, 0).text(): dialog.mapping.cellWidget(r, 2).currentText()
        for r in range(dialog.mapping.rowCount())
    }


def test_the_sample_export_previews_imports_and_the_dashboard_reads_it(qtbot, dialog, env):
    _, _, path, show_id = env
    load(qtbot, dialog, SAMPLE)
    assert dialog.problem_texts() == []
    assert "douyin_stats_export.csv: 60 rows ready, 0 with problems (skipped)" in (
        dialog.counts.text()
    )
    assert "11/25/2026 20:00:00 to 20:59:00" in dialog.counts.text()  # en_US, as tests run
    mapping = mapping_of(dialog)
    assert mapping["时间"] == "time"
    assert mapping["在线人数"] == "online viewers"
    assert mapping["累计观看人次"] == "cumulative viewers (场观), total so far"
    assert mapping["成交金额(元)"] == "GMV (yuan), per row (added up)"  # it rises and falls
    assert mapping["评论次数"] == "not imported"
    header = dialog.model.headerData(10, Qt.Orientation.Horizontal)
    assert header == "评论次数\nnot imported: LiveDesk keeps no such count"
    assert dialog.model.rowCount() == 60 and dialog.import_button.isEnabled()

    imported = run_import(qtbot, dialog)
    assert (imported.inserted, imported.replaced) == (540, 0)
    assert "Imported 60 rows (540 readings) into 双11晚场." in dialog.message.text()
    rows = stored(path, show_id)
    assert len(rows) == 540 and {r[3] for r in rows} == {"file"}
    now = latest(path, show_id)
    with SAMPLE.open(encoding="utf-8-sig", newline="") as f:
        last = list(csv.DictReader(f))[-1]
    assert now["online"] == (ms(2026, 11, 25, 20, 59), float(last["在线人数"]))
    assert now["viewers"][1] == float(last["累计观看人次"])
    assert not dialog.import_button.isEnabled()  # done: a second press needs a second choice


def test_rows_with_problems_are_shown_and_only_the_good_rows_stored(qtbot, dialog, env, tmp_path):
    _, _, path, show_id = env
    file = write_csv(
        tmp_path / "export.csv",
        [
            ["时间", "在线人数", "成交金额"],
            ["20:00", "1000", "¥1,234.50"],
            ["20:01", "1.2万", "200"],
            ["20:02", "很多", "100"],
            ["20:03", "1300", "1.005"],
            ["25:99", "1400", "100"],
        ],
    )
    load(qtbot, dialog, file)
    assert dialog.problem_texts() == [
        "line 4: 在线人数 is not a number (很多)",
        "line 5: 成交金额 has more than two decimals (1.005)",
        "line 6: 时间 is not a time LiveDesk reads (25:99)",
        "line 5: 成交金额 is added up row by row and this row is skipped, so its totals from "
        "here on are unknown and are not imported",
    ]
    assert "export.csv: 2 rows ready, 3 with problems (skipped)" in dialog.counts.text()
    bad = dialog.model.item(2, 0)  # line 4, the preview's third row
    assert "is not a number" in bad.toolTip() and bad.background().color().name() == "#5a1e1e"
    assert dialog.model.item(0, 0).toolTip() == ""
    assert dialog.import_button.isEnabled()
    run_import(qtbot, dialog)
    assert stored(path, show_id) == [
        (ms(2026, 11, 25, 20, 0), "gmv_fen", 123450.0, "file"),
        (ms(2026, 11, 25, 20, 0), "online", 1000.0, "file"),
        (ms(2026, 11, 25, 20, 1), "gmv_fen", 143450.0, "file"),  # per row: 1234.50 + 200
        (ms(2026, 11, 25, 20, 1), "online", 12000.0, "file"),
    ]


def test_importing_the_same_file_twice_counts_nothing_twice(qtbot, dialog, env):
    _, _, path, show_id = env
    load(qtbot, dialog, SAMPLE)
    run_import(qtbot, dialog)
    first, first_latest = stored(path, show_id), latest(path, show_id)
    load(qtbot, dialog, SAMPLE)
    again = run_import(qtbot, dialog)
    assert (again.inserted, again.replaced) == (540, 540)
    assert "540 readings replaced those of an earlier import" in dialog.message.text()
    assert stored(path, show_id) == first
    assert latest(path, show_id) == first_latest


def test_the_same_export_as_xlsx_imports_the_same_readings(qtbot, env, tmp_path):
    writer, queue, path, show_id = env
    book = openpyxl.Workbook()
    with SAMPLE.open(encoding="utf-8-sig", newline="") as f:
        for n, row in enumerate(csv.reader(f)):
            if n:  # the time as Excel keeps it: a date cell
                row[0] = datetime.fromisoformat(row[0])
            book.active.append(row)
    xlsx = tmp_path / "export.xlsx"
    book.save(xlsx)
    for file in (SAMPLE, xlsx):
        d = StatsImportDialog(writer, queue)
        qtbot.addWidget(d)
        load(qtbot, d, file)
        assert "60 rows ready, 0 with problems" in d.counts.text()
        run_import(qtbot, d)
        if file == SAMPLE:
            from_csv = stored(path, show_id)
    assert stored(path, show_id) == from_csv  # the xlsx's readings replaced the csv's one for one


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("garbage.csv", bytes(range(256)) * 4, "this is not a spreadsheet"),
        ("empty.csv", b"", "the file is empty"),
        ("damaged.xlsx", b"PK\x03\x04 not really a zip", "the Excel file is damaged"),
        ("header_only.csv", "时间,在线人数\n".encode(), "a header row but no figures"),
    ],
)
def test_a_file_that_cannot_be_read_says_why_and_stores_nothing(
    qtbot, dialog, env, tmp_path, name, content, words
):
    _, _, path, show_id = env
    file = tmp_path / name
    file.write_bytes(content)
    load(qtbot, dialog, file)
    assert words in dialog.message.text() and dialog.message.text().startswith("Nothing imported")
    assert dialog.message.property("state") == "failed"
    assert not dialog.import_button.isEnabled() and not dialog.details.isVisible()
    assert stored(path, show_id) == []


def test_the_wrong_sheet_says_there_is_no_time_column(qtbot, dialog, env, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "汇总"
    book.active.append(["指标", "数值"])
    book.active.append(["成交金额", "12345"])
    data = book.create_sheet("分钟数据")
    data.append(["时间", "在线人数"])
    data.append(["20:00", 100])
    file = tmp_path / "two_sheets.xlsx"
    book.save(file)
    load(qtbot, dialog, file)
    text = dialog.message.text()
    assert "no time column (such as 时间 or time)" in text and "first sheet" in text
    assert not dialog.import_button.isEnabled()
    assert stored(env[2], env[3]) == []


@pytest.mark.allow_warning_logs  # the failed import is logged as an error
def test_a_failure_mid_import_stores_nothing(qtbot, dialog, env, monkeypatch):
    _, _, path, show_id = env
    load(qtbot, dialog, SAMPLE)
    run_import(qtbot, dialog)
    before = stored(path, show_id)
    real = stats_repo.insert_batch

    def half_then_fail(db, *args, **kwargs):
        real(db, *args, **kwargs)  # every row written in the transaction, then it fails
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(stats_repo, "insert_batch", half_then_fail)
    load(qtbot, dialog, SAMPLE)
    assert run_import(qtbot, dialog) is None
    assert "nothing was written" in dialog.message.text()
    assert dialog.import_button.isEnabled()  # may be tried again
    # The earlier import's readings, which this one deleted before failing, are all there.
    assert stored(path, show_id) == before


def test_the_mapping_can_be_changed_per_column(qtbot, dialog, env, tmp_path):
    _, _, path, show_id = env
    file = write_csv(
        tmp_path / "export.csv",
        [["时间", "在线", "GMV", "备注"], ["20:00", "10", "50", "a"], ["20:01", "12", "30", "b"]],
    )
    load(qtbot, dialog, file)
    assert mapping_of(dialog)["GMV"] == "GMV (yuan), per row (added up)"
    combo = dialog.mapping.cellWidget(2, 2)
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        combo.setCurrentIndex(combo.findText("GMV (yuan), total so far"))
    header = dialog.model.headerData(2, Qt.Orientation.Horizontal)
    assert header == "GMV\n→ GMV (yuan), total so far"
    combo = dialog.mapping.cellWidget(1, 2)
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        combo.setCurrentIndex(combo.findText("not imported"))
    run_import(qtbot, dialog)
    assert [(r[1], r[2]) for r in stored(path, show_id)] == [
        ("gmv_fen", 5000.0),
        ("gmv_fen", 3000.0),
    ]


def test_two_columns_mapped_to_one_figure_block_the_import(qtbot, dialog, tmp_path):
    file = write_csv(tmp_path / "e.csv", [["时间", "在线", "备注"], ["20:00", "10", "12"]])
    load(qtbot, dialog, file)
    combo = dialog.mapping.cellWidget(2, 2)
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        combo.setCurrentIndex(combo.findText("online viewers"))
    assert "are both imported as one figure" in dialog.message.text()
    assert not dialog.import_button.isEnabled()


def test_times_without_a_date_are_on_the_chosen_day(qtbot, dialog, env, tmp_path):
    _, _, path, show_id = env
    file = write_csv(tmp_path / "e.csv", [["时间", "在线人数"], ["23:59", "10"], ["00:00", "12"]])
    load(qtbot, dialog, file)
    assert dialog.date_edit.date() == QDate(2026, 11, 25)  # the show's planned start
    with qtbot.waitSignal(dialog.preview_ready, timeout=5000):
        dialog.date_edit.setDate(QDate(2026, 11, 26))
    run_import(qtbot, dialog)
    assert [r[0] for r in stored(path, show_id)] == [ms(2026, 11, 26, 23, 59), ms(2026, 11, 27)]


def test_without_an_open_show_nothing_can_be_imported(qtbot, tmp_path):
    writer = DbWriter(tmp_path / "shows.db")
    try:
        d = StatsImportDialog(writer, QueueService(writer))
        qtbot.addWidget(d)
        load(qtbot, d, SAMPLE)
        assert "No show is open" in d.message.text()
        assert not d.import_button.isEnabled()
    finally:
        writer.close()


def test_install_adds_the_action_to_the_tools_menu(qtbot, env):
    writer, queue, _, _ = env
    window = QMainWindow()
    qtbot.addWidget(window)
    tools = window.menuBar().addMenu("&Tools")
    window.settings_action = tools.addAction("Settings…")
    action = install_stats_import(window, writer, queue)
    assert action in tools.actions() and action.text() == "Import platform stats…"
