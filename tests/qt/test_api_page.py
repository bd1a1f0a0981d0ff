"""Settings ▸ Stats API against a real StatsApi on 127.0.0.1 and a real DbWriter: the token
(masked, shown, copied, regenerated with a confirmation, the old one refused at once), the LAN
opt-in (a red warning and a question), a port change applied off the GUI thread (a taken port
says so and the API stays where it was), the state as it changes, and a token from the
environment."""

import json
import socket
import threading
import time
from http.client import HTTPConnection

import keyring
import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QMessageBox

from console import settings as settings_module
from console.ingest.stats_api import LAN_HOST, StatsApi
from console.settings import API_TOKEN_ENV, Settings, load_api_token
from console.store import stats_repo
from console.store.writer import DbWriter
from console.ui.api_page import ApiPage
from tests.helpers.show_db import make_show


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as s:
        return s.getsockname()[1]


def post(port: int, token: str) -> int:
    """One sample, as another tool would post it; the HTTP status."""
    body = {"type": "sample", "ts": time.time_ns() // 1_000_000, "metric": "online", "value": 5}
    conn = HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        conn.request("POST", "/v1/ingest", body=json.dumps(body), headers=headers)
        return conn.getresponse().status
    finally:
        conn.close()


@pytest.fixture
def make_api(tmp_path, monkeypatch):
    """StatsApis on a show, their token from console.settings as in the app."""
    monkeypatch.setattr(settings_module, "_api_token_in_memory", "")
    monkeypatch.delenv(API_TOKEN_ENV, raising=False)
    path = tmp_path / "api.db"
    show_id = make_show(path, [])
    writer = DbWriter(path)
    made = []

    def make(port=None, token=load_api_token):
        api = StatsApi(
            writer, stats_repo, lambda: show_id, lambda: None, token, port=port or free_port()
        )
        made.append(api)
        return api

    yield make
    for api in made:
        api.stop()
    writer.close()


@pytest.fixture
def api(make_api):
    api = make_api()
    api.start_in_background().join(5)
    return api


@pytest.fixture
def page(qtbot, api):
    page = ApiPage(api, Settings())
    qtbot.addWidget(page)
    page.show()
    return page


def answer(qtbot, page, pick):
    box = page.confirm
    qtbot.waitUntil(box.isVisible, timeout=1000)
    pick(box).click()
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=1000)


def by_role(role):
    return lambda box: next(b for b in box.buttons() if box.buttonRole(b) == role)


def by_button(standard):
    return lambda box: box.button(standard)


def test_the_address_and_the_token_masked_shown_and_copied(qtbot, page, api):
    assert "Listening on 127.0.0.1:" in page.status.text()
    assert page.address.text() == f"http://127.0.0.1:{api.port}/v1/ingest"
    assert f"http://127.0.0.1:{api.port}/v1/now" in page.read_address.text()
    assert page.token.text() == api.token and len(api.token) >= 40
    assert page.token.echoMode() == QLineEdit.EchoMode.Password
    page.show_token.click()
    assert page.token.echoMode() == QLineEdit.EchoMode.Normal
    assert page.show_token.text() == "Hide"
    page.copy_token.click()
    assert QGuiApplication.clipboard().text() == api.token
    page.copy_address.click()
    assert QGuiApplication.clipboard().text() == page.address.text()
    assert not page.env_note.isVisible() and not page.lan_warning.isVisible()


def test_regenerate_asks_first_then_the_old_token_is_refused_at_once(qtbot, page, api):
    old = api.token
    page.regenerate.click()
    assert "stop working" in page.confirm.informativeText()
    answer(qtbot, page, by_button(QMessageBox.StandardButton.Cancel))
    qtbot.wait(100)
    assert api.token == page.token.text() == old

    page.regenerate.click()
    answer(qtbot, page, by_role(QMessageBox.ButtonRole.AcceptRole))
    qtbot.waitUntil(lambda: page.token.text() != old, timeout=3000)
    new = page.token.text()
    assert new == api.token
    assert "new token is in use" in page.message.text()
    assert post(api.port, old) == 401  # the running API, no restart
    assert post(api.port, new) == 200
    assert keyring.get_password(settings_module.API_TOKEN_SERVICE, "token") == new


def test_the_lan_opt_in_warns_in_red_and_needs_a_yes(qtbot, page, api):
    settings = page.settings
    page.lan.click()
    assert page.lan_warning.isVisible() and page.lan_warning.property("state") == "failed"
    warning = page.lan_warning.text()
    assert "Anyone on the network who has the token" in warning and "trusted network" in warning
    assert page.confirm.informativeText() == warning
    answer(qtbot, page, by_button(QMessageBox.StandardButton.No))
    assert not page.lan.isChecked() and not page.lan_warning.isVisible()
    assert not page.apply()  # nothing changed

    page.lan.click()
    answer(qtbot, page, by_button(QMessageBox.StandardButton.Yes))
    assert page.lan.isChecked() and page.lan_warning.isVisible()
    port = api.port
    with qtbot.waitSignal(page.restarted, timeout=5000) as outcome:
        assert page.apply()
    assert outcome.args == [True]
    assert (api.host, api.port) == (LAN_HOST, port)
    qtbot.waitUntil(lambda: "every network interface" in page.status.text(), timeout=2000)
    assert page.lan_addresses.isVisible()
    assert post(port, api.token) == 200
    assert (settings.api_lan, Settings.load().api_lan) == (True, True)
    page.confirm = None
    page.lan.click()  # off again: no question for the safe way
    assert page.confirm is None and not page.lan_warning.isVisible()
    with qtbot.waitSignal(page.restarted, timeout=5000):
        page.apply()
    assert api.host == "127.0.0.1" and Settings.load().api_lan is False


def test_a_taken_port_says_so_and_the_api_stays_where_it_was(qtbot, page, api):
    old = api.port
    with socket.create_server(("127.0.0.1", 0)) as taken:
        busy = taken.getsockname()[1]
        page.port.setValue(busy)
        with qtbot.waitSignal(page.restarted, timeout=5000) as outcome:
            assert page.apply()
    assert outcome.args == [False]
    assert f"port {busy} is in use by another program" in page.message.text()
    assert f"stays on port {old}" in page.message.text()
    assert f"Listening on 127.0.0.1:{old}" in page.status.text()
    assert api.port == old and post(old, api.token) == 200
    assert page.settings.api_port != busy and Settings.load().api_port != busy

    new = free_port()
    page.port.setValue(new)
    with qtbot.waitSignal(page.restarted, timeout=5000) as outcome:
        assert page.apply()
    assert outcome.args == [True] and api.port == new
    assert page.address.text() == f"http://127.0.0.1:{new}/v1/ingest"
    assert page.settings.api_port == Settings.load().api_port == new


@pytest.mark.allow_warning_logs  # the API logs that it could not listen at start
def test_the_state_is_shown_live_and_a_taken_port_can_be_tried_again(qtbot, make_api):
    gate = threading.Event()
    taken = socket.create_server(("127.0.0.1", 0))
    port = taken.getsockname()[1]
    api = make_api(port, token=lambda: gate.wait(5) and "slow-keyring")
    api.start_in_background()
    page = ApiPage(api, Settings())
    qtbot.addWidget(page)
    page.show()
    assert page.status.text() == "Starting…" and page.token.text() == ""
    assert not page.copy_token.isEnabled() and not page.regenerate.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: page.status.text().startswith("Not listening"), timeout=3000)
    assert f"port {port} is in use by another program" in page.status.text()
    assert page.status.property("state") == "failed" and page.retry.isVisible()
    assert page.token.text() == "slow-keyring" and not page.apply()  # OK elsewhere: no retry
    taken.close()
    with qtbot.waitSignal(page.restarted, timeout=5000) as outcome:
        page.retry.click()
    assert outcome.args == [True]
    qtbot.waitUntil(lambda: page.status.text().startswith("Listening on"), timeout=2000)
    assert not page.retry.isVisible() and post(port, "slow-keyring") == 200


def test_a_token_from_the_environment_cannot_be_regenerated_here(qtbot, make_api, monkeypatch):
    monkeypatch.setenv(API_TOKEN_ENV, "from-the-environment")
    api = make_api()
    api.start_in_background().join(5)
    page = ApiPage(api, Settings())
    qtbot.addWidget(page)
    page.show()
    assert page.token.text() == "from-the-environment"
    assert page.env_note.isVisible() and API_TOKEN_ENV in page.env_note.text()
    assert "cannot be regenerated here" in page.env_note.text()
    assert not page.regenerate.isEnabled() and page.copy_token.isEnabled()
