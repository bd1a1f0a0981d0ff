"""Numbers, money (¥) and dates follow the format locale (console/reports/format.py): the same
figures in en_US, zh_CN and de_DE (German groups with "." and writes "," for the point: the
proof that the locale, not a fixed format, writes them); a report follows its own language's
locale rather than the screen's; the CSV export stays plain numbers in every locale."""

import csv
import re

import pytest
from PySide6.QtCore import QLocale

from console.reports import format as fmt
from console.reports.csv_export import write_csv
from console.reports.html_report import build_html
from console.reports.words import Words
from console.ui.show_messages import local_time
from tests.helpers.review_factory import make_review
from tests.helpers.review_show import simulate_show

# 2026-11-25 19:30:05 in this computer's time zone, whichever it is.
AT = fmt.local_time(0).replace(year=2026, month=11, day=25, hour=19, minute=30, second=5)
AT_MS = round(AT.timestamp() * 1000)

EXPECTED = {
    "en_US": {
        "count": "1,234,567",
        "money": "¥1,234.50",
        "yuan": "¥12,346",
        "percent": "3.10%",
        "number": "1,234.5",
        "clock": "19:30:05",
        "clock_short": "19:30",
        "date": "11/25/2026 19:30",
    },
    "zh_CN": {
        "count": "1,234,567",
        "money": "¥1,234.50",
        "yuan": "¥12,346",
        "percent": "3.10%",
        "number": "1,234.5",
        "clock": "19:30:05",
        "clock_short": "19:30",
        "date": "2026/11/25 19:30",
    },
    "de_DE": {
        "count": "1.234.567",
        "money": "¥1.234,50",
        "yuan": "¥12.346",
        "percent": "3,10%",
        "number": "1.234,5",
        "clock": "19:30:05",
        "clock_short": "19:30",
        "date": "25.11.2026 19:30",
    },
}


@pytest.fixture
def default_locale():
    """Sets the default QLocale as console/i18n.py does at start; the one before restored."""
    before = QLocale()
    yield lambda name: QLocale.setDefault(QLocale(name))
    QLocale.setDefault(before)


def texts(locale: QLocale | None = None) -> dict[str, str]:
    return {
        "count": fmt.count_text(1_234_567, locale),
        "money": fmt.money_text(123_450, locale),
        "yuan": fmt.yuan_text(1_234_567, locale),
        "percent": fmt.percent_text(0.031, locale=locale),
        "number": fmt.number_text(1234.5, 1, locale),
        "clock": fmt.clock_text(AT_MS, locale=locale),
        "clock_short": fmt.clock_text(AT_MS, False, locale),
        "date": fmt.date_text(AT_MS, locale),
    }


@pytest.mark.parametrize("name", EXPECTED)
def test_the_default_locale_writes_the_figures(default_locale, name):
    default_locale(name)
    assert texts() == EXPECTED[name]


@pytest.mark.parametrize("name", EXPECTED)
def test_a_locale_passed_wins_over_the_default(default_locale, name):
    default_locale("de_DE" if name != "de_DE" else "en_US")
    assert texts(QLocale(name)) == EXPECTED[name]


def test_money_is_yuan_before_the_amount_in_english_and_chinese(default_locale):
    for name in ("en_US", "zh_CN"):
        default_locale(name)
        assert fmt.money_text(123_450) == "¥1,234.50"
        assert fmt.money_text(5) == "¥0.05"
        assert fmt.money_text(0) == "¥0.00"


@pytest.mark.parametrize("name", EXPECTED)
def test_negatives_keep_the_minus_sign_before_the_yuan(name):
    locale = QLocale(name)
    amount = EXPECTED[name]["money"]
    assert fmt.money_text(-123_450, locale) == "\u2212" + amount
    assert fmt.yuan_text(-1_234_567, locale) == "\u2212" + EXPECTED[name]["yuan"]
    assert fmt.count_text(-1_234_567, locale) == "-" + EXPECTED[name]["count"]
    assert fmt.signed_duration_text(-90_000) == "\u22121:30"


@pytest.mark.parametrize("name", EXPECTED)
def test_unknown_is_a_dash_in_every_locale(default_locale, name):
    default_locale(name)
    assert {
        fmt.count_text(None),
        fmt.money_text(None),
        fmt.yuan_text(None),
        fmt.percent_text(None),
        fmt.number_text(None, 1),
        fmt.clock_text(None),
        fmt.date_text(None),
        fmt.duration_text(None),
        fmt.signed_duration_text(None),
        fmt.file_date(None),
    } == {"—"}


def test_a_bare_c_locale_writes_as_english(default_locale):
    default_locale("C")  # no LANG: Qt's "C" would print 1234567
    assert texts() == EXPECTED["en_US"]


def test_a_twelve_hour_locale_still_gets_a_24_hour_clock_with_its_own_separator():
    assert fmt.clock_text(AT_MS, locale=QLocale("en_US")) == "19:30:05"  # not 7:30:05 PM
    assert fmt.clock_text(AT_MS, locale=QLocale("zh_TW")) == "19:30:05"  # not 下午7:30:05
    assert fmt.clock_text(AT_MS, locale=QLocale("en_DK")) == "19.30.05"  # Danish writes dots


@pytest.mark.parametrize(
    ("name", "planned"),
    [
        ("en_US", "6/18/2025 Wed 20:00"),
        ("zh_CN", "2025/6/18 周三 20:00"),
        ("de_DE", "18.06.2025 Mi. 20:00"),
    ],
)
def test_a_show_s_planned_time_is_in_the_locale_with_its_weekday(default_locale, name, planned):
    default_locale(name)
    start = fmt.local_time(0).replace(year=2025, month=6, day=18, hour=20, minute=0, second=0)
    assert local_time(start.isoformat()) == planned


def test_plain_forms_for_files_are_the_same_in_every_locale(default_locale):
    for name in EXPECTED:
        default_locale(name)
        assert fmt.plain_yuan(123_456_789) == "1234567.89"
        assert fmt.file_date(AT_MS) == "20261125"


def test_a_report_writes_in_its_own_language_s_locale(default_locale):
    review = make_review()  # GMV ¥123,456.50
    default_locale("de_DE")
    english = Words("en")
    assert english.locale.language() == QLocale.Language.English
    page = build_html(review, english, {}, locale=english.locale)
    assert "¥123,456.50" in page and "¥123.456,50" not in page

    default_locale("en_US")
    chinese = Words("zh_CN")
    assert chinese.locale.name() == "zh_CN"
    page = build_html(review, chinese, {}, locale=chinese.locale)
    start = fmt.local_time(review.start_ms)
    assert f"{start.year}/{start.month}/{start.day} " in page  # year first, as zh_CN writes it

    default_locale("de_DE")
    screen = Words()  # the app's own language: the screen's locale
    assert screen.locale == QLocale("de_DE")
    assert "¥123.456,50" in build_html(review, screen, {}, locale=screen.locale)


def test_the_csv_export_writes_plain_numbers_in_any_locale(default_locale, tmp_path):
    show = simulate_show(tmp_path / "show.db")
    default_locale("de_DE")
    folder = write_csv(show.path, show.show_id, tmp_path / "export")[0].parent
    with open(folder / "orders.csv", encoding="utf-8-sig", newline="") as f:
        orders = list(csv.DictReader(f))
    assert orders
    for o in orders:
        assert re.fullmatch(r"\d+", o["amount_fen"]), o
        assert re.fullmatch(r"\d+\.\d\d", o["amount_yuan"]), o
        assert float(o["amount_yuan"]) * 100 == pytest.approx(int(o["amount_fen"]))
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d", o["time"]), o
    with open(folder / "samples.csv", encoding="utf-8-sig", newline="") as f:
        values = [row["value"] for row in csv.DictReader(f)]
    assert any(float(v) >= 1000 for v in values)  # big enough to be grouped, if it were
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", v) for v in values)
