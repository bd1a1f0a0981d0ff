"""The review as one self-contained HTML file: inline CSS, the charts embedded as PNG, fit to
print. build_html() also feeds the PDF (pdf_report.py), which takes the charts as document
resources instead: the HTML stays to the subset QTextDocument renders (tables with border and
cellpadding attributes, simple selectors), and browsers get the rest from the CSS."""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import partial
from html import escape
from pathlib import Path

from PySide6.QtCore import QLocale

from console.reports import report_text as words
from console.reports.charts import (
    BAND_COLORS,
    CHARTS,
    LINE_COLORS,
    chart_titles,
    png_bytes,
    render_charts,
)
from console.reports.files import replacing
from console.reports.format import (
    UNKNOWN,
    clock_text,
    count_text,
    date_text,
    duration_text,
    moment_text,
    money_text,
    percent_text,
    signed_duration_text,
)
from console.reports.review import Review
from console.reports.words import Words

Translate = Callable[[str, str], str]

CSS = """
body { font-family: %(family)s; font-size: 9.5pt; color: #111827; }
h1 { font-size: 17pt; margin: 0 0 2px 0; }
h2 { font-size: 12.5pt; margin: 16px 0 6px 0; color: #1f2937; }
p { margin: 2px 0 6px 0; }
.muted { color: #6b7280; }
.figure { font-size: 14pt; font-weight: bold; }
table.data { border-collapse: collapse; width: 100%%; font-size: 7.5pt; }
table.data th { background-color: #f3f4f6; font-weight: bold; text-align: left; }
table.data th, table.data td { border: 1px solid #d1d5db; padding: 3px 6px; }
table.data td.num, table.data th.num { text-align: right; }
table.totals td { padding: 4px 10px 4px 0; vertical-align: top; }
img.chart { width: 100%%; max-width: 1100px; }
.key { font-size: 8.5pt; color: #374151; }
@media print {
  body { font-size: 9pt; }
  h2 { page-break-after: avoid; }
  tr, img { page-break-inside: avoid; }
}
"""
CHART_SIZE = (1600, 420)
# For a browser on whichever computer opens the file: its own Chinese font.
BROWSER_FONTS = ("-apple-system", "Segoe UI", "PingFang SC", "Microsoft YaHei")
BROWSER_FONTS += ("Noto Sans CJK SC", "Noto Sans SC", "sans-serif")


def write_html(review: Review, path: Path, language: str | None = None) -> Path:
    """Write the report to `path` (atomically); any thread. language: see words.Words."""
    translate = Words(language)
    images = render_charts(review, *CHART_SIZE, translate=translate, locale=translate.locale)
    sources = {
        name: "data:image/png;base64," + base64.b64encode(png_bytes(img)).decode("ascii")
        for name, img in images.items()
    }
    text = build_html(review, translate, sources, lang=language, locale=translate.locale)
    with replacing(Path(path)) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def build_html(
    review: Review,
    translate: Translate,
    charts: Mapping[str, str],
    chart_width: int | None = None,
    lang: str | None = None,
    fonts: tuple[str, ...] = BROWSER_FONTS,
    locale: QLocale | None = None,
) -> str:
    """The report's markup; `charts`: chart name -> image src. chart_width: the images' width
    in the document's pixels (QTextDocument ignores CSS widths); None: CSS fits them. fonts:
    the CSS font families, best first. locale: the numbers' and dates' (Words.locale); None:
    the default."""
    loc = QLocale() if locale is None else locale
    family = ", ".join(f if f in ("sans-serif", "-apple-system") else f"'{f}'" for f in fonts)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape((lang or "").replace("_", "-") or "und")}"><head>',
        '<meta charset="utf-8">',
        f"<title>{escape(review.title)}</title>",
        f"<style>{CSS % {'family': family}}</style>",
        "</head><body>",
        _heading(review, translate, loc),
        _totals(review, translate, loc),
        _charts(review, translate, charts, chart_width),
        _products(review, translate, loc),
        _segments(review, translate, loc),
        _incidents(review, translate, loc),
        _alerts(review, translate, loc),
        _cues(review, translate, loc),
        _notes(review, translate),
        '<p class="muted">{}</p>'.format(
            escape(
                translate("Report", "Made with LiveDesk on {0}").format(
                    moment_text(datetime.now().astimezone(), locale=loc)
                )
            )
        ),
        "</body></html>",
    ]
    return "\n".join(parts)


# -- sections ----------------------------------------------------------------------------------


def _heading(r: Review, translate: Translate, loc: QLocale) -> str:
    when = UNKNOWN
    if r.start_ms is not None and r.end_ms is not None:
        took = duration_text(r.end_ms - r.start_ms)
        when = f"{date_text(r.start_ms, loc)} – {clock_text(r.end_ms, False, loc)} ({took})"
    line = [words.platform_name(r.platform, translate), when]
    if r.rehearsal:
        line.append(translate("Report", "Rehearsal"))
    return (
        '<p class="muted">'
        + escape(translate("Report", "Show review"))
        + "</p>"
        + f"<h1>{escape(r.title)}</h1>"
        f'<p class="muted">{escape(" · ".join(line))}</p>'
    )


def _totals(r: Review, translate: Translate, loc: QLocale) -> str:
    x = r.totals
    money = partial(money_text, locale=loc)
    count = partial(count_text, locale=loc)
    percent = partial(percent_text, locale=loc)
    figures = [
        (translate("Report", "GMV"), money(x.gmv_fen)),
        (translate("Report", "Orders"), count(x.orders)),
        (translate("Report", "Paying users"), count(x.paying_users)),
        (translate("Report", "Items sold"), count(x.items_sold)),
        (translate("Report", "Peak online"), count(x.peak_online)),
        (translate("Report", "Viewers (cumulative)"), count(x.viewers)),
        (translate("Report", "Average order value"), money(x.aov_fen)),
        (translate("Report", "GPM"), money(x.gpm_fen)),
        (translate("Report", "UV value"), money(x.uv_value_fen)),
        (translate("Report", "Watch-to-pay conversion"), percent(x.conversion)),
        (translate("Report", "Interaction rate"), percent(x.interaction_rate)),
        (translate("Report", "New followers"), count(x.new_followers)),
    ]
    rows = []
    for i in range(0, len(figures), 4):
        cells = "".join(
            f'<td width="25%"><span class="muted">{escape(label)}</span><br>'
            f'<span class="figure">{escape(value)}</span></td>'
            for label, value in figures[i : i + 4]
        )
        rows.append(f"<tr>{cells}</tr>")
    return (
        _h2(translate("Report", "Show totals"))
        + f'<table class="totals" width="100%" cellpadding="4">{"".join(rows)}</table>'
    )


def _h2(title: str) -> str:
    # Worded outside the f-strings: lupdate does not see a translate() inside one.
    return f"<h2>{escape(title)}</h2>"


def _charts(r: Review, translate: Translate, charts: Mapping[str, str], width: int | None) -> str:
    titles = chart_titles(translate)
    size = f' width="{width}"' if width else ""
    images = "".join(
        f'<p><img class="chart" src="{escape(charts[name])}"{size} alt="{escape(titles[name])}">'
        "</p>"
        for name in CHARTS
        if name in charts
    )
    return _h2(translate("Report", "Trends")) + f"{images}{_key(translate)}"


def _key(translate: Translate) -> str:
    """What the shading and lines on the charts mean."""
    names = {
        "explain": translate("Report", "Product explained"),
        "flash_sale": translate("Report", "Flash sale"),
        "mic_muted": translate("Report", "Mic muted"),
        "segment": translate("Report", "Segment start"),
        "scene": translate("Report", "Scene change"),
        "dropped_frames": translate("Report", "Dropped frames"),
        "alert": translate("Report", "Alert"),
        "obs_disconnected": translate("Report", "OBS disconnected"),
    }
    colors = {**BAND_COLORS, **LINE_COLORS}
    return '<p class="key">{}</p>'.format(
        " &nbsp; ".join(
            f'<span style="background-color: {colors[k]}; color: {colors[k]}">&nbsp;&nbsp;&nbsp;'
            f"</span> {escape(name)}"
            for k, name in names.items()
        )
    )


def _table(
    headers: list[tuple[str, bool]],
    rows: list[list[tuple[str, bool]]],
    groups: list[tuple[str, int]] = (),
) -> str:
    """headers and cells: (text, is a number), numbers aligned right. groups: a header row above
    of (text, columns spanned); under "" the headers take both rows.

    Each column gets a width: QTextDocument would otherwise give the wide figures their room
    and squeeze the name column to one character a line (and no-wrap makes that worse)."""

    def cell(tag: str, text: str, num: bool, attrs: str = "") -> str:
        if num:
            attrs += ' class="num" align="right"'
        return f"<{tag}{attrs}>{escape(text)}</{tag}>"

    widths = _widths(headers, rows)
    upper, lower, n = [], [], 0
    for text, span in groups or [("", len(headers))]:
        under = headers[n : n + span]
        if text:
            upper.append(f'<th colspan="{span}" align="center">{escape(text)}</th>')
            lower += [cell("th", h, num, widths[n + k]) for k, (h, num) in enumerate(under)]
        else:
            rowspan = ' rowspan="2"' if groups else ""
            upper += [
                cell("th", h, num, rowspan + widths[n + k]) for k, (h, num) in enumerate(under)
            ]
        n += span
    head = f"<tr>{''.join(upper)}</tr>" + (f"<tr>{''.join(lower)}</tr>" if lower else "")
    body = "".join(
        "<tr>" + "".join(cell("td", *c, widths[k]) for k, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return (
        '<table class="data" width="100%" border="1" cellspacing="0" cellpadding="3">'
        f"<thead>{head}</thead><tbody>{body}</tbody></table>"
    )


def _widths(headers, rows) -> list[str]:
    """Money columns 10 % of the width, other figures 8 % (12 % in a narrow table), the words
    share the rest."""
    money = [any(row[k][0].startswith("¥") for row in rows) for k in range(len(headers))]
    figure = 8 if len(headers) > 5 else 12
    share = [
        (10 if m else figure) if num else 0 for (_, num), m in zip(headers, money, strict=True)
    ]
    words = [k for k, (_, num) in enumerate(headers) if not num]
    for k in words:
        share[k] = max(12, (100 - sum(share)) // len(words))
    return [f' width="{s}%"' for s in share]


def _none(text: str) -> str:
    return f'<p class="muted">{escape(text)}</p>'


def _products(r: Review, translate: Translate, loc: QLocale) -> str:
    title = _h2(translate("Report", "Products"))
    if not r.products:
        return title + _none(translate("Report", "The show's queue was empty."))
    groups = [
        ("", 3),
        (translate("Report", "While explained"), 4),
        (translate("Report", "In the {0} min after").format(r.after_minutes), 2),
        ("", 1),
    ]
    headers = [
        (translate("Report", "Product"), False),
        (translate("Report", "Explains"), True),
        (translate("Report", "On air"), True),
        *_result_headers(translate),
        (translate("Report", "GMV"), True),
        (translate("Report", "Orders"), True),
        (translate("Report", "Stock left"), True),
    ]
    rows = [
        [
            (f"{p.name} ({p.sku})", False),
            (count_text(p.explain_count, loc), True),
            (duration_text(p.explain_ms) if p.explain_count else UNKNOWN, True),
            *_results(p.during, p.after, loc),
            (count_text(p.stock_left, loc), True),
        ]
        for p in r.products
    ]
    return title + _table(headers, rows, groups)


def _result_headers(translate: Translate) -> list[tuple[str, bool]]:
    return [
        (translate("Report", "GMV"), True),
        (translate("Report", "Orders"), True),
        (translate("Report", "Conv."), True),
        (translate("Report", "GPM"), True),
    ]


def _results(during, after, loc: QLocale) -> list[tuple[str, bool]]:
    """GMV, orders, conversion and GPM during; GMV and orders after."""
    d, a = during, after
    return [
        (money_text(d and d.gmv_fen, loc), True),
        (count_text(d and d.orders, loc), True),
        (percent_text(d and d.conversion, locale=loc), True),
        (money_text(d and d.gpm_fen, loc), True),
        (money_text(a and a.gmv_fen, loc), True),
        (count_text(a and a.orders, loc), True),
    ]


def _segments(r: Review, translate: Translate, loc: QLocale) -> str:
    title = _h2(translate("Report", "Rundown: planned and actual"))
    if not r.segments:
        return title + _none(translate("Report", "The show had no rundown."))
    groups = [
        ("", 5),
        (translate("Report", "During the segment"), 4),
        (translate("Report", "In the {0} min after").format(r.after_minutes), 2),
    ]
    headers = [
        (translate("Report", "Segment"), False),
        (translate("Report", "Start"), True),
        (translate("Report", "Plan"), True),
        (translate("Report", "Actual"), True),
        (translate("Report", "+/− plan"), True),
        *_result_headers(translate),
        (translate("Report", "GMV"), True),
        (translate("Report", "Orders"), True),
    ]
    rows = []
    for s in r.segments:
        planned_ms = None if s.planned_s is None else s.planned_s * 1000
        diff = None if planned_ms is None or s.actual_ms is None else s.actual_ms - planned_ms
        started = (
            clock_text(s.start_ms, False, loc)
            if s.start_ms is not None
            else translate("Report", "Not run")
        )
        rows.append(
            [
                (s.title, False),
                (started, True),
                (duration_text(planned_ms), True),
                (duration_text(s.actual_ms), True),
                (signed_duration_text(diff), True),
                *_results(s.during, s.after, loc),
            ]
        )
    return title + _table(headers, rows, groups)


def _incidents(r: Review, translate: Translate, loc: QLocale) -> str:
    title = _h2(translate("Report", "Incidents"))
    if not r.incidents:
        return title + _none(translate("Report", "No incidents recorded."))
    headers = [
        (translate("Report", "Time"), False),
        (translate("Report", "What"), False),
        (translate("Report", "Details"), False),
        (translate("Report", "Duration"), True),
    ]
    lasting = ("obs_disconnected", "mic_muted_live")  # the others are moments
    rows = [
        [
            (clock_text(i.ts_ms, locale=loc), False),
            (words.incident_name(i.kind, translate), False),
            (words.incident_detail(i, translate, loc), False),
            (
                words.duration_or_open(i.duration_ms, translate) if i.kind in lasting else UNKNOWN,
                True,
            ),
        ]
        for i in r.incidents
    ]
    return title + _table(headers, rows)


def _alerts(r: Review, translate: Translate, loc: QLocale) -> str:
    title = _h2(translate("Report", "Alerts"))
    if not r.alerts:
        return title + _none(translate("Report", "No alerts were raised."))
    headers = [
        (translate("Report", "Raised"), False),
        (translate("Report", "Alert"), False),
        (translate("Report", "Details"), False),
        (translate("Report", "Cleared"), True),
    ]
    rows = [
        [
            (clock_text(a.ts_ms, locale=loc), False),
            (words.alert_name(a.rule, translate), False),
            (words.alert_detail(a, translate, loc), False),
            (
                clock_text(a.cleared_ms, locale=loc)
                if a.cleared_ms
                else translate("Report", "not cleared"),
                True,
            ),
        ]
        for a in r.alerts
    ]
    return title + _table(headers, rows)


def _cues(r: Review, translate: Translate, loc: QLocale) -> str:
    title = _h2(translate("Report", "Cues to the host"))
    if not r.cues:
        return title + _none(translate("Report", "No cues were sent."))
    headers = [(translate("Report", "Time"), False), (translate("Report", "Cue"), False)]
    headers.append((translate("Report", "Outcome"), False))
    rows = [
        [
            (clock_text(c.ts_ms, locale=loc), False),
            (words.cue_text(c, translate), False),
            (words.cue_outcome(c.outcome, translate), False),
        ]
        for c in r.cues
    ]
    return title + _table(headers, rows)


def _notes(r: Review, translate: Translate) -> str:
    title = _h2(translate("Report", "Notes"))
    lines = [line for line in r.notes.strip().splitlines()]
    if not lines:
        return title + _none(translate("Report", "No notes yet."))
    return title + "".join(f"<p>{escape(line) or '&nbsp;'}</p>" for line in lines)
