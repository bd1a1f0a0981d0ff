"""`livedesk catalog import|export` as operations staff run it: a fresh process each time,
exit codes, every bad row listed in the user's language, nothing written on failure."""

import os
import sqlite3
import subprocess
import sys

import openpyxl
import pytest

from console.resources import resource_path

SAMPLE = resource_path("catalog", "sample_catalog.csv")
SAMPLE_GBK = resource_path("catalog", "sample_catalog_gbk.csv")
BAD = (
    "商品名称,商品ID,价格,直播价,库存,卖点\r\n"
    '面膜,A1,59,39,10,"补水\r\n保湿"\r\n'  # lines 2-3
    "精华,A2,免费,39,10,\r\n"  # line 4
    ",A3,59,39,-1,\r\n"  # line 5: two problems
    "口红,A1,99,69,5,\r\n"  # line 6
)


@pytest.fixture
def env(tmp_path):
    env = dict(os.environ, PYTHONIOENCODING="utf-8", LANG="C.UTF-8", LC_CTYPE="C.UTF-8")
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[var] = str(tmp_path / var.lower())
    return env


def livedesk(env, *args):
    return subprocess.run(
        [sys.executable, "-m", "console", "catalog", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env=env,
    )


def products_in(db) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        n = conn.execute("SELECT count(*) FROM products").fetchone()[0]
    conn.close()
    return n


def test_import_the_sample_then_again_skipping_and_updating(tmp_path, env):
    db = tmp_path / "shows.db"
    out = livedesk(env, "import", SAMPLE, "--db", db, "--lang", "en")
    assert out.returncode == 0, out.stderr
    assert out.stdout == "Imported: 36 new, 0 updated, 0 skipped (already in the catalog).\n"
    assert out.stderr == ""
    assert products_in(db) == 36

    again = livedesk(env, "import", SAMPLE_GBK, "--db", db, "--lang", "en")
    assert again.returncode == 0, again.stderr
    lines = again.stdout.splitlines()
    assert lines[0] == "line 2: SKU MZ-HY-010 is already in the catalog: skipped"
    assert len(lines) == 37 and lines[-1].startswith("Imported: 0 new, 0 updated, 36 skipped")

    update = livedesk(env, "import", SAMPLE, "--db", db, "--on-duplicate", "update", "--lang", "en")
    assert update.returncode == 0
    assert "line 37: SKU JJ-NP-001 is already in the catalog: updated" in update.stdout
    assert products_in(db) == 36


def test_bad_rows_are_all_listed_in_english_and_nothing_is_written(tmp_path, env):
    db = tmp_path / "shows.db"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(BAD.encode("gbk"))
    out = livedesk(env, "import", bad, "--db", db, "--lang", "en")
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.splitlines() == [
        "line 4: 价格 is not a price (免费)",
        "line 5: 库存 is not a stock count (a whole number, 0 or more) (-1)",
        "line 5: no product name",
        "line 6: this SKU is already used on line 2 (A1)",
        f"Nothing was imported. Problems found in {bad}: 4. Fix them and import the file again.",
    ]
    assert products_in(db) == 0


def test_bad_rows_in_chinese(tmp_path, env):
    db = tmp_path / "shows.db"
    livedesk(env, "import", SAMPLE, "--db", db, "--lang", "en")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(BAD.encode("utf-8-sig"))
    out = livedesk(env, "import", bad, "--db", db, "--lang", "zh_CN")
    assert out.returncode == 2
    assert out.stderr.splitlines() == [
        "第 4 行：“价格”不是有效的价格（免费）",
        "第 5 行：“库存”不是有效的库存数（应为 0 或正整数）（-1）",
        "第 5 行：缺少商品名称",
        "第 6 行：该 SKU 与第 2 行重复（A1）",
        f"未导入任何商品。{bad} 中发现 4 处问题，请修正后重新导入。",
    ]
    assert products_in(db) == 36  # the earlier import is untouched


def test_the_language_follows_the_system_locale(tmp_path, env):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    # LC_CTYPE stays C.UTF-8: this machine may have no Chinese locale installed, and Qt only
    # needs the language from LANG.
    chinese = livedesk(dict(env, LANG="zh_CN.UTF-8"), "import", empty)
    english = livedesk(env, "import", empty)
    assert (chinese.returncode, english.returncode) == (2, 2)
    assert chinese.stderr == f"无法导入 {empty}：文件是空的\n"
    assert english.stderr == f"Cannot import {empty}: the file is empty\n"


def test_file_problems_exit_2(tmp_path, env):
    header_only = tmp_path / "header.csv"
    header_only.write_text("商品名称,SKU\n", encoding="utf-8")
    cut = tmp_path / "cut.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["商品名称", "SKU"])
    book.save(cut)
    cut.write_bytes(cut.read_bytes()[:-40])
    cases = [
        (header_only, "the file has a header row but no products"),
        (cut, "the Excel file is damaged or incomplete; open it in Excel and save it again"),
        (tmp_path / "missing.csv", "the file does not exist"),
    ]
    for path, reason in cases:
        out = livedesk(env, "import", path, "--db", tmp_path / "shows.db", "--lang", "en")
        assert (out.returncode, out.stderr) == (2, f"Cannot import {path}: {reason}\n")
    assert not (tmp_path / "shows.db").exists()


def test_export_csv_and_xlsx_round_trip(tmp_path, env):
    db = tmp_path / "shows.db"
    livedesk(env, "import", SAMPLE, "--db", db, "--lang", "en")
    for name in ("catalog.csv", "catalog.xlsx"):
        out = livedesk(env, "export", tmp_path / name, "--db", db, "--lang", "zh_CN")
        assert out.returncode == 0, out.stderr
        assert out.stdout == f"已导出商品到 {tmp_path / name}：共 36 个\n"
        other = tmp_path / f"{name}.db"
        back = livedesk(env, "import", tmp_path / name, "--db", other, "--lang", "en")
        assert back.returncode == 0, back.stderr
        assert products_in(other) == 36


def test_export_refusals(tmp_path, env):
    out = livedesk(env, "export", tmp_path / "x.csv", "--db", tmp_path / "none.db", "--lang", "en")
    assert (out.returncode, out.stderr) == (
        2,
        f"There is no show database at {tmp_path / 'none.db'}.\n",
    )
    assert not (tmp_path / "none.db").exists()
    db = tmp_path / "shows.db"
    livedesk(env, "import", SAMPLE, "--db", db)
    out = livedesk(env, "export", tmp_path / "x.pdf", "--db", db, "--lang", "en")
    assert out.returncode == 2 and "not supported (.pdf)" in out.stderr
    out = livedesk(env, "export", tmp_path / "no" / "x.csv", "--db", db, "--lang", "en")
    assert out.returncode == 1 and "cannot be written" in out.stderr


def test_a_database_from_a_newer_livedesk_is_left_alone(tmp_path, env):
    db = tmp_path / "shows.db"
    livedesk(env, "import", SAMPLE, "--db", db)
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('livedesk', 'm999_from_the_future', 'x')"
        )
    conn.close()
    out = livedesk(env, "import", SAMPLE_GBK, "--db", db, "--lang", "en")
    assert out.returncode == 1
    assert "written by a newer LiveDesk" in out.stderr


def test_a_damaged_database_exits_1(tmp_path, env):
    db = tmp_path / "shows.db"
    db.write_bytes(b"this is not a database\n" * 200)
    out = livedesk(env, "import", SAMPLE, "--db", db, "--lang", "en")
    assert out.returncode == 1
    assert out.stderr.startswith(f"Cannot open the show database {db} (")
    assert db.read_bytes() == b"this is not a database\n" * 200


def test_usage_errors_exit_2(env):
    assert livedesk(env).returncode == 2
    assert livedesk(env, "import").returncode == 2
    assert livedesk(env, "import", "x.csv", "--on-duplicate", "merge").returncode == 2
    help_text = livedesk(env, "import", "--help", "--lang", "zh_CN")
    assert help_text.returncode == 0 and "商品库中已有的 SKU" in help_text.stdout
