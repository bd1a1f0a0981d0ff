import json
import sqlite3
import time

import keyring
import pytest
from keyring.errors import NoKeyringError

from console import settings as settings_mod
from console.app import parse_args
from console.settings import Settings, load_password, store_password
from console.store.db import NewerDatabaseError, open_db
from console.store.writer import DbWriter


def test_settings_round_trip_and_atomic_write(tmp_path):
    path = tmp_path / "settings.json"
    s = Settings(obs_host="10.0.0.5", obs_port=4460, obs_configured=True, language="zh_CN")
    s.save(path)
    assert Settings.load(path) == s
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp file left
    assert "password" not in path.read_text(encoding="utf-8")


@pytest.mark.allow_warning_logs
@pytest.mark.parametrize("content", ["{broken", '{"obs_port": "4455", "x": 1}', "[]", ""])
def test_broken_settings_file_falls_back_to_defaults(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    loaded = Settings.load(path)
    assert loaded == Settings()


def test_password_from_environment_wins(monkeypatch):
    store_password("h", 1, "from-keyring")
    assert load_password("h", 1) == "from-keyring"
    monkeypatch.setenv("LIVEDESK_OBS_PASSWORD", "from-env")
    assert load_password("h", 1) == "from-env"


def test_no_keyring_is_not_an_error(monkeypatch):
    def no_keyring(*_a):
        raise NoKeyringError("none")

    monkeypatch.setattr(keyring, "get_password", no_keyring)
    monkeypatch.setattr(keyring, "set_password", no_keyring)
    assert load_password("h", 2) == ""
    assert store_password("h", 2, "pw") is False


def test_cli_obs_address_and_db(tmp_path):
    args = parse_args(["--obs", "ws://192.0.2.9:4460", "--db", str(tmp_path / "x.db")])
    assert (args.obs_host, args.obs_port) == ("192.0.2.9", 4460)
    assert parse_args(["--obs", "localhost"]).obs_port == 4455
    for bad in ("http://h:1", "ws://:4455", "ws://h:notaport"):
        with pytest.raises(SystemExit):
            parse_args(["--obs", bad])


def test_open_db_creates_wal_and_migrates(tmp_path):
    db = open_db(tmp_path / "shows.db")
    assert db.journal_mode == "wal"
    assert "events" in db.table_names()
    db.close()
    db = open_db(tmp_path / "shows.db")  # idempotent
    assert [r["name"] for r in db["_sqlite_migrations"].rows] == [
        "m001_events",
        "m002_shows_catalog_queue",
        "m003_run_of_show",
        "m004_presets",
        "m005_stats",
        "m006_review_notes",
    ]
    db.close()


def test_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "shows.db"
    open_db(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('livedesk', 'm999_from_the_future', 'x')"
        )
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError) as e:
        open_db(path)
    assert e.value.unknown == ["m999_from_the_future"]
    assert path.read_bytes() == before


def test_timeline_events_are_stored_with_both_clocks(tmp_path):
    path = tmp_path / "shows.db"
    writer = DbWriter(path)
    t0 = time.monotonic_ns()
    writer.record("scene_changed", scene="开场 Opening")
    writer.record("input_muted", input="麦克风 Mic")
    writer.close()
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT mono_ns, wall, kind, data FROM events ORDER BY id").fetchall()
    conn.close()
    assert [r[2] for r in rows] == ["scene_changed", "input_muted"]
    assert rows[0][0] >= t0 and rows[1][0] >= rows[0][0]
    assert rows[0][1].startswith("20")
    assert json.loads(rows[0][3]) == {"scene": "开场 Opening"}


def test_settings_paths_follow_platformdirs():
    assert settings_mod.config_dir().name == "LiveDesk"
