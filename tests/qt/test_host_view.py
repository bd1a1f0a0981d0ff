"""The host view and where it goes (HostWindow), against a real SQLite file through the
writer thread, a fake rundown and clocks the test moves."""

from datetime import datetime

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette, QShortcut
from PySide6.QtWidgets import QDockWidget, QMainWindow

from console.core.cues import ACKNOWLEDGED, TIMED_OUT
from console.core.offers import clock_text
from console.resources import resource_path
from console.settings import Settings
from console.store.cues_repo import list_cues
from console.store.db import open_db
from console.ui import host_window
from console.ui.host_view import SIZES, HostView, _wrap, first_point, money
from console.ui.host_window import DOCK, WINDOW, HostWindow, screen_key
from console.ui.queue_panel import QueuePanel
from tests.helpers.host_view_rig import Clock, FakeRundown, flush, open_services, segment


@pytest.fixture
def env(qtbot, tmp_path):
    clock = Clock()
    writer, queue, cues, show_id = open_services(tmp_path / "shows.db", clock)
    rundown = FakeRundown(segment("开场福利", 95, "warning"))
    view = HostView(queue, cues, rundown, clock=lambda: datetime(2024, 11, 11, 20, 31, 5))
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    with qtbot.waitSignal(queue.changed, timeout=3000):
        queue.open_show(show_id)
    yield view, queue, cues, rundown, clock, writer, tmp_path / "shows.db", show_id
    writer.close()


def texts(view):
    view.refresh()  # what the 250 ms tick does
    return {
        "segment": view.segment.text(),
        "remaining": view.remaining.text(),
        "clock": view.time.text(),
        "caption": view.caption.text(),
        "product": view.product.text(),
        "price": view.price.text(),
        "stock": view.stock.text(),
        "sale": view.sale.text(),
        "point": view.point.text(),
        "next": view.next.text(),
        "viewers": view.viewers.text(),
        "gmv": view.gmv.text(),
        "cue": view.cue.text(),
    }


def test_redraws_on_a_quarter_second_timer(env):
    view = env[0]
    assert view._tick.isActive() and view._tick.interval() == 250


def test_shows_segment_product_next_and_placeholders(qtbot, env):
    view, queue, cues, rundown, clock, *_ = env
    queue.start_explain(queue.queue.items[1].id)
    assert texts(view) == {
        "segment": "开场福利",
        "remaining": "01:35 left",
        "clock": "20:31:05",
        "caption": "NOW · link 2",
        "product": "烟酰胺美白精华液 30ml",
        "price": "¥139",
        "stock": "Stock 1,200",
        "sale": "",
        "point": "5%烟酰胺+VC衍生物，28天提亮肤色",
        "next": "Next: 氨基酸温和洁面乳 120g  ¥39.90",
        "viewers": "Online —",
        "gmv": "GMV — / target —",
        "cue": "",
    }
    assert view.remaining.property("level") == "warning"
    view.set_stats(viewers=12345, gmv_fen=8_812_300, target_fen=50_000_000)
    rundown.set(segment_remaining_s=-83, level="over")
    shown = texts(view)
    assert shown["viewers"] == "Online 12,345"
    assert shown["gmv"] == "GMV ¥88,123 / target ¥500,000"
    assert shown["remaining"] == "Over 01:23"
    assert view.remaining.property("level") == "over"


def test_before_the_show_everything_says_so(qtbot, env):
    view, queue, cues, rundown, *_ = env
    rundown.set(segment_title=None, level="idle")
    shown = texts(view)
    assert shown["segment"] == "—" and shown["remaining"] == ""
    assert shown["product"] == "Nothing being explained" and shown["price"] == ""
    assert view.product.property("idle") is True
    assert shown["next"] == "Next: 玻尿酸补水保湿面膜 10片装  ¥59.90"
    no_rundown = HostView(queue, cues)
    qtbot.addWidget(no_rundown)
    assert texts(no_rundown)["segment"] == "—"


def test_low_stock_is_marked(env):
    view, queue, *_ = env
    queue.start_explain(queue.queue.items[0].id)  # 7 left
    assert texts(view)["stock"] == "Stock 7"
    assert view.stock.property("low") is True
    queue.set_stock(queue.queue.items[0].id, 0)
    assert texts(view)["stock"] == "Sold out"


def test_flash_sale_countdown_is_the_queue_panel_s(qtbot, env):
    view, queue, cues, rundown, clock, *_ = env
    panel = QueuePanel(queue)
    qtbot.addWidget(panel)
    queue.start_explain(queue.queue.items[1].id)
    queue.start_flash_sale(60, 300, 100)
    for seconds, phase in ((0.0, "counting_down"), (14.5, "counting_down"), (46, "on_sale")):
        clock.advance(seconds)
        panel._show_sale()
        shown = texts(view)["sale"]
        digits = panel.sale_state.text().split()[-1 if phase == "counting_down" else -2]
        assert digits in shown, (panel.sale_state.text(), shown)
        assert view.sale.property("phase") == phase
    assert shown == f"On sale · {clock_text(300)} left"  # 0.5 s into the 5 minutes
    queue.next_item()  # the sale was on the last product: not the new one's
    assert texts(view)["sale"] == "" and view.sale.property("phase") == ""


def test_cue_flashes_until_the_host_clicks(qtbot, env):
    view, queue, cues, rundown, clock, writer, path, show_id = env
    cues.send_canned("welfare")
    looks = []
    for _ in range(4):
        shown = texts(view)
        looks.append(view.cue.property("flash"))
        clock.advance(0.5)
    assert shown["cue"] == "Talk up the perks"
    assert looks == ["on", "off", "on", "off"]
    qtbot.mouseClick(view.price, Qt.MouseButton.LeftButton)  # anywhere on the view
    assert cues.current.outcome == ACKNOWLEDGED
    assert texts(view)["cue"] == "" and view.cue.property("flash") == ""
    flush(writer)
    db = open_db(path)
    assert [c.outcome for c in list_cues(db, show_id)] == [ACKNOWLEDGED]
    db.close()


def test_cue_stops_flashing_when_it_times_out(env):
    view, queue, cues, rundown, clock, *_ = env
    cues.send_text("看左边第三条评论")
    assert texts(view)["cue"] == "看左边第三条评论"
    clock.advance(30)
    cues.expire_due()
    assert cues.current.outcome == TIMED_OUT
    assert texts(view)["cue"] == "" and view.cue.property("flash") == ""


def font_px(label):
    return label.font().pixelSize()


def test_type_scales_with_the_window_and_fits(qtbot, env):
    view, queue, *_ = env
    queue.start_explain(queue.queue.items[1].id)
    px = {}
    for width, height in ((1280, 720), (1920, 1080)):
        view.resize(width, height)
        qtbot.waitUntil(lambda h=height: font_px(view.price) == round(h * SIZES["hostPrice"]))
        texts(view)
        px[height] = {label.objectName(): font_px(label) for label in view.labels}
        assert px[height]["hostPoint"] >= height / 25  # the smallest: ~15 mm on a 24" 1080p
        for label in view.labels:  # every text fits its box: nothing is cut or elided
            name = label.objectName()
            assert "…" not in label.text(), name
            assert label.sizeHint().height() <= label.height() * 1.05, name
            assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width(), name
    for name, small in px[720].items():
        assert abs(px[1080][name] - small * 1.5) <= 1.5, name  # in proportion


def test_the_theme_colours_the_flash_and_keeps_the_large_type(qtbot, qapp, env):
    view, queue, cues, rundown, clock, *_ = env
    theme = resource_path("theme", "dark.qss").read_text(encoding="utf-8")
    qapp.setStyleSheet(theme)  # its QWidget { font-size: 10pt } must not win
    try:
        view.resize(1920, 1080)
        cues.send_canned("slow_down")
        texts(view)
        qtbot.waitUntil(lambda: font_px(view.price) == round(1080 * SIZES["hostPrice"]))
        colours = []
        for _ in range(2):
            texts(view)
            colours.append(view.cue.palette().color(QPalette.ColorRole.WindowText).name())
            clock.advance(0.5)
        assert colours == ["#000000", "#ffffff"]  # black on yellow, then white on red
        rundown.set(segment_remaining_s=-5, level="over")
        texts(view)
        assert view.remaining.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    finally:
        qapp.setStyleSheet("")


def test_a_narrow_dock_gets_type_that_fits_its_width(qtbot, env):
    view, queue, *_ = env
    view.resize(480, 900)
    qtbot.waitUntil(lambda: font_px(view.price) == round(480 * 9 / 16 * SIZES["hostPrice"]))


def test_a_long_cue_gets_smaller_type_not_cut(qtbot, env):
    view, queue, cues, *_ = env
    view.resize(1920, 1080)
    long_cue = "主播注意：左边第三个评论问尺码，回答一下再继续讲解这个商品的福利"
    cues.send_text(long_cue)
    texts(view)
    qtbot.waitUntil(lambda: font_px(view.cue) < round(1080 * SIZES["hostCue"]))
    texts(view)
    assert view.cue.text() == long_cue
    assert view.cue.fontMetrics().horizontalAdvance(long_cue) <= view.cue.width()


def test_long_names_wrap_to_two_lines_then_elide():
    font = QFont()
    font.setPixelSize(40)
    name = "【直播专享】超大容量保温杯 316不锈钢 男女学生大容量水杯 带茶隔 1000ml 送杯刷"
    two = _wrap(name, font, 600, 2)
    first, second = two.split("\n")
    assert name.startswith(first) and second.endswith("…")
    assert _wrap("短名", font, 600, 2) == "短名"


def test_words_for_the_host():
    assert money(9900) == "¥99" and money(5990) == "¥59.90" and money(None) == "—"
    assert first_point("\n 三重玻尿酸；敏感肌可用\n第二条") == "三重玻尿酸"
    assert first_point("a; b") == "a" and first_point("") == ""


# -- HostWindow: one screen here (offscreen); two screens in tests/integration --------------
@pytest.fixture
def placed(qtbot, env):
    view = env[0]
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = QDockWidget("Host view", window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    window.show()
    settings = Settings()
    host = HostWindow(view, settings, dock)
    yield host, view, dock, settings
    host.dispose()


def test_one_monitor_puts_the_view_in_the_dock(placed):
    host, view, dock, settings = placed
    assert len(QGuiApplication.screens()) == 1
    host.restore()
    assert host.mode == DOCK and dock.widget() is view and not host.frame.isVisible()


def test_own_window_is_remembered_and_docks_back(qtbot, placed):
    host, view, dock, settings = placed
    screen = QGuiApplication.primaryScreen()
    host.show_on(screen, fullscreen=False)
    assert host.mode == WINDOW and view.parent() is host.frame and host.frame.isVisible()
    area = screen.availableGeometry()
    assert host.frame.width() == round(area.width() * 2 / 3)  # a share of the screen, not pixels
    host.frame.move(area.topLeft() + QPoint(40, 30))
    host.remember()
    assert settings.host_view_screen == screen_key(screen)
    assert settings.host_view_fullscreen is False and settings.host_view_geometry
    host.show_docked()
    assert dock.widget() is view and not host.frame.isVisible()
    host.frame.move(0, 0)
    host.show_on(screen, False, settings.host_view_geometry)  # as the next run would
    assert host.frame.pos() == area.topLeft() + QPoint(40, 30)
    assert view.parent() is host.frame and dock.widget() is None


def test_a_screen_that_is_gone_falls_back_to_the_primary_and_is_kept(placed):
    host, view, dock, settings = placed
    host.dock = None  # no dock offered: a window on the primary screen
    settings.host_view_screen = "HDMI-9"
    host.restore()
    assert host.mode == WINDOW and host.frame.screen() == QGuiApplication.primaryScreen()
    assert not host.frame.isFullScreen()  # never over the console unasked
    host.remember()
    assert settings.host_view_screen == "HDMI-9"  # tried again next run


def test_a_screen_of_its_own_hides_the_empty_dock(placed):
    host, view, dock, settings = placed
    host.show_docked()
    assert dock.isVisible()
    host.show_on(QGuiApplication.primaryScreen(), fullscreen=False)
    assert view.parent() is host.frame and dock.widget() is None
    assert not dock.isVisible()  # no blank "Host view" panel left in the console


@pytest.mark.parametrize("fullscreen", [False, True], ids=["windowed", "full-screen"])
def test_the_saved_screen_coming_back_gets_the_view_back(qapp, monkeypatch, placed, fullscreen):
    """The host's TV goes to standby (Qt removes its screen) and wakes (adds it back)."""
    host, view, dock, settings = placed
    host.dock = None  # one screen here: the fallback is a window, not the dock
    tv = QGuiApplication.primaryScreen()
    area = tv.availableGeometry()
    host.show_on(tv, fullscreen=False)
    host.frame.move(area.topLeft() + QPoint(40, 30))
    if fullscreen:
        host.toggle_fullscreen()
    host.remember()
    kept = (settings.host_view_screen, settings.host_view_fullscreen, settings.host_view_geometry)
    monkeypatch.setattr(host_window, "_screens", lambda: [])
    qapp.screenRemoved.emit(tv)
    assert host.mode == WINDOW and not host.frame.isFullScreen()  # a fallback, windowed
    assert host.frame.pos() != area.topLeft() + QPoint(40, 30)
    host.remember()
    assert (settings.host_view_screen, settings.host_view_fullscreen) == kept[:2]
    assert settings.host_view_geometry == kept[2]  # the fallback is not saved
    monkeypatch.setattr(host_window, "_screens", lambda: [tv])
    qapp.screenAdded.emit(tv)
    assert host.frame.isFullScreen() is fullscreen
    if not fullscreen:
        assert host.frame.pos() == area.topLeft() + QPoint(40, 30)
    qapp.screenAdded.emit(tv)  # placed as saved now: another screen changes nothing
    assert host.frame.isFullScreen() is fullscreen


def test_a_screen_coming_while_the_user_s_choice_is_on_changes_nothing(qapp, placed):
    host, view, dock, settings = placed
    settings.host_view_screen = "HDMI-9"  # away
    host.show_docked()  # chosen from the menu
    qapp.screenAdded.emit(QGuiApplication.primaryScreen())
    assert host.mode == DOCK


def test_the_window_never_takes_the_keyboard_and_a_click_still_acknowledges(qtbot, placed, env):
    host, view, dock, settings = placed
    cues = env[2]
    frame = host.frame
    assert frame.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert frame.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert frame.focusPolicy() == Qt.FocusPolicy.NoFocus and not frame.findChildren(QShortcut)
    host.show_on(QGuiApplication.primaryScreen(), fullscreen=True)  # Qt warns if it activates
    assert frame.isFullScreen()
    cues.send_canned("welfare")
    qtbot.mouseClick(view.price, Qt.MouseButton.LeftButton)
    assert cues.current.outcome == ACKNOWLEDGED
    host.toggle_fullscreen()  # from the console's menu: the window has no keys of its own
    assert not frame.isFullScreen() and settings.host_view_fullscreen is False
    host.toggle_fullscreen()
    assert frame.isFullScreen() and settings.host_view_fullscreen is True


def test_dispose_deletes_the_window_and_stops_the_view_s_timer(qtbot, env):
    queue, cues = env[1], env[2]
    view = HostView(queue, cues)  # not the fixture's: this one is deleted here
    settings = Settings()
    host = HostWindow(view, settings)
    host.show_on(QGuiApplication.primaryScreen(), fullscreen=False)
    frame, timer = host.frame, view._tick
    assert timer.isActive()
    host.dispose()
    assert not timer.isActive()
    assert settings.host_view_screen == screen_key(QGuiApplication.primaryScreen())  # where
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(frame) and not shiboken6.isValid(view)  # the view was in it
    host.dispose()  # twice (quit, then the test's end): nothing more


def test_the_window_goes_with_its_owner(qtbot, env):
    """Parented to the console (through RunOfShow), the window dies with it."""
    view = HostView(env[1], env[2])
    owner = QMainWindow()
    host = HostWindow(view, Settings(), parent=owner)
    frame = host.frame
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(frame)


def test_visibility_is_reported_wherever_the_view_goes(qtbot, placed):
    host, view, dock, settings = placed
    seen = []
    host.visibility_changed.connect(seen.append)
    assert not host.is_visible()
    host.restore()  # one monitor, at start: the dock
    assert host.mode == DOCK and host.is_visible() and seen == [True]
    host.restore()  # again (Ctrl+H): nothing changes
    assert seen == [True]
    dock.close()  # the assistant closed the panel
    assert seen == [True, False]
    host.restore()
    assert seen == [True, False, True]
    host.show_on(QGuiApplication.primaryScreen(), fullscreen=False)
    assert seen == [True, False, True]  # moved, seen all along: no flicker in between
    host.frame.close()
    assert seen == [True, False, True, False] and not host.is_visible()
    host.frame.show()
    host.frame.showMinimized()
    assert seen[-1] is False and not host.is_visible()
    host.show_on(QGuiApplication.primaryScreen(), fullscreen=False)
    assert seen[-1] is True
    host.dispose()
    assert seen[-1] is False
