"""Numbers typed as the platform's big screen shows them: 万/亿, commas, ¥, full-width digits;
junk is refused with a code, never guessed; no text whatever makes the parser raise anything
else."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.core.number_text import NumberTextError, metric_value, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", "0"),
        ("1234", "1234"),
        ("12.3万", "123000"),
        ("12.34万", "123400"),
        ("1.2w", "12000"),
        ("3W", "30000"),
        ("1.05亿", "105000000"),
        ("2千", "2000"),
        ("8k", "8000"),
        ("10万+", "100000"),
        ("10w+", "100000"),
        ("123,456.78", "123456.78"),
        ("1,234,567", "1234567"),
        ("¥8,000", "8000"),
        ("￥8,000", "8000"),
        ("RMB 99", "99"),
        ("cny99", "99"),
        ("8000元", "8000"),
        ("¥12.3万元", "123000"),
        ("１２３４", "1234"),  # full-width digits
        ("８，０００．５", "8000.5"),  # full-width comma and point
        ("￥１２．３万", "123000"),
        ("  5 600 ", "5600"),  # spaces, also inside, as a thin separator
        ("\u00a012\u3000", "12"),  # no-break and ideographic spaces
        (".5", "0.5"),
        ("+7", "7"),
    ],
)
def test_accepted(text, value):
    assert parse_number(text) == Decimal(value)


def test_exact_not_binary():
    # 12.3万 is 123000 exactly: no 122999.99999 from a float on the way.
    assert parse_number("12.3万") * 100 == 12_300_000
    assert metric_value("gmv_fen", "0.1") + metric_value("gmv_fen", "0.2") == 30


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("-5", "negative"),
        ("－5", "negative"),  # full-width minus
        ("−5", "negative"),  # U+2212
        ("-1.2万", "negative"),
        ("--5", "not_a_number"),
        ("-", "not_a_number"),
        ("abc", "not_a_number"),
        ("12,34", "not_a_number"),  # a decimal comma or a typo: never guessed
        ("1,2345", "not_a_number"),
        (",123", "not_a_number"),
        ("1.2.3", "not_a_number"),
        ("12.", "not_a_number"),
        ("1e5", "not_a_number"),
        ("NaN", "not_a_number"),
        ("inf", "not_a_number"),
        ("0x10", "not_a_number"),
        ("12万万", "not_a_number"),
        ("万", "not_a_number"),
        ("¥", "not_a_number"),
        ("¥¥5", "not_a_number"),
        ("5%", "not_a_number"),
        ("12 点", "not_a_number"),
        ("1" * 41, "not_a_number"),
        ("一万", "not_a_number"),  # Chinese numerals: not what a big screen shows
    ],
)
def test_refused(text, code):
    with pytest.raises(NumberTextError) as e:
        parse_number(text)
    assert e.value.code == code


@pytest.mark.parametrize(
    ("metric", "text", "value"),
    [
        ("online", "1.2万", 12000.0),
        ("orders", "356", 356.0),
        ("gmv_fen", "¥8,000", 800_000.0),
        ("gmv_fen", "123,456.78", 12_345_678.0),
        ("gmv_fen", "12.3万", 12_300_000.0),
        ("gmv_fen", "1.23456万", 1_234_560.0),  # ¥12,345.60: two decimals once scaled
    ],
)
def test_metric_values(metric, text, value):
    assert metric_value(metric, text) == value


@pytest.mark.parametrize(
    ("metric", "text", "code"),
    [
        ("online", "1.5", "not_whole"),
        ("orders", "2.5", "not_whole"),
        ("gmv_fen", "1.005", "too_precise"),
        ("online", "1亿", "out_of_range"),  # METRICS bound: 50 million online
        ("orders", "20亿", "out_of_range"),
        ("gmv_fen", "2000亿", "out_of_range"),  # 10**13 fen at most
        ("online", "-3", "negative"),
        ("online", "many", "not_a_number"),
        ("online", "", "empty"),
        ("nonsense", "1", "unknown_metric"),
    ],
)
def test_metric_values_refused(metric, text, code):
    with pytest.raises(NumberTextError) as e:
        metric_value(metric, text)
    assert e.value.code == code


@given(st.text(max_size=60))
def test_any_text_is_a_number_or_a_coded_refusal(text):
    try:
        value = parse_number(text)
    except NumberTextError as e:
        assert e.code in ("empty", "not_a_number", "negative")
    else:
        assert value >= 0


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_a_plain_amount_with_thousands_separators_reads_back(amount):
    assert parse_number(f"¥{amount:,}") == amount
