"""The Chinese UI stays complete: every visible string in console/ has a finished zh_CN
translation that keeps its placeholders; the English file has every plural message's forms
("1 segment", "3 segments"). Runs Qt's own lupdate over the sources."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "livedesk_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{\w*\}")


def lupdate() -> list[str]:
    tool = Path(PySide6.__file__).parent / ("lupdate.exe" if sys.platform == "win32" else "lupdate")
    if not tool.exists():
        pytest.fail(f"Qt's lupdate is missing from PySide6 ({tool})")
    return [str(tool)]


def scan(tmp_path_factory, language: str, *options: str):
    ts = tmp_path_factory.mktemp("ts") / f"livedesk_{language}.ts"
    shutil.copy(TRANSLATIONS / ts.name, ts)
    sources = sorted(str(p) for p in (ROOT / "console").rglob("*.py"))
    subprocess.run(
        [*lupdate(), "-silent", *options, *sources, "-ts", str(ts)], check=True, timeout=60
    )
    tree = ET.parse(ts)
    return [
        (ctx.findtext("name"), m.findtext("source"), m.find("translation"))
        for ctx in tree.getroot().iter("context")
        for m in ctx.iter("message")
    ]


@pytest.fixture(scope="module")
def messages(tmp_path_factory):
    return scan(tmp_path_factory, "zh_CN")


@pytest.fixture(scope="module")
def english_plurals(tmp_path_factory):
    # English needs only the plural messages: their source is "%n segment(s)".
    return scan(tmp_path_factory, "en", "-pluralonly")


def text_of(translation) -> str:
    """The translation, or its plural forms (a %n message) joined."""
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return "\n".join(forms) if forms else translation.text or ""


def test_every_visible_string_has_a_finished_chinese_translation(messages):
    assert len(messages) > 50  # the scan found the UI's strings at all
    open_ones = [
        f"{ctx}: {src!r}"
        for ctx, src, tr in messages
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not text_of(tr).strip()
    ]
    assert not open_ones, "untranslated or stale strings:\n" + "\n".join(open_ones)


def test_every_plural_message_has_its_english_forms(english_plurals):
    assert english_plurals, "the scan found no plural message (%n) at all"
    open_ones = [
        f"{ctx}: {src!r}"
        for ctx, src, tr in english_plurals
        if tr.get("type") in ("unfinished", "vanished", "obsolete")
        or not all((f.text or "").strip() for f in tr.iter("numerusform"))
    ]
    assert not open_ones, "plural messages without their English forms:\n" + "\n".join(open_ones)


def test_english_plurals_read_as_english(qapp):
    from PySide6.QtCore import QTranslator

    from console.i18n import compiled_qm

    translator = QTranslator()
    assert translator.load(str(compiled_qm("en")))
    say = translator.translate  # picks the form; QCoreApplication.translate then fills in %n
    assert say("RundownPanel", "Imported %n segment(s).", "", 1) == "Imported %n segment."
    assert say("RundownPanel", "Imported %n segment(s).", "", 3) == "Imported %n segments."
    shown = "{0} of %n product(s) shown, {1} selected"
    assert say("AddProductsDialog", shown, "", 1) == "{0} of %n product shown, {1} selected"


def test_translations_keep_their_placeholders(messages):
    broken = [
        f"{ctx}: {src!r} -> {text_of(tr)!r}"
        for ctx, src, tr in messages
        if sorted(PLACEHOLDER.findall(src)) != sorted(set(PLACEHOLDER.findall(text_of(tr))))
        and text_of(tr)
    ]
    assert not broken, "\n".join(broken)


def test_every_string_has_its_class_as_context(messages):
    # lupdate cannot see through `tr = self.tr`: it files such strings under no context, and
    # at run time they are looked up under the class's name, so they would show in English.
    orphans = [src for ctx, src, _ in messages if not ctx]
    assert not orphans, "tr() called through an alias:\n" + "\n".join(orphans)


def test_the_compiled_translation_speaks_chinese(qapp):
    from PySide6.QtCore import QTranslator

    from console.i18n import compiled_qm

    qm = compiled_qm("zh_CN")
    assert qm is not None and qm.exists()
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("Messages", "Connected to OBS") == "已连接 OBS"
    assert translator.translate("ScenesPanel", "Studio mode") == "工作室模式"


def test_no_string_is_worded_inside_an_f_string():
    """lupdate does not look inside f-strings: a translate() or tr() there is never
    extracted, and the user reads English in a Chinese UI (it happened to the report's
    headings)."""
    import io
    import tokenize

    call = re.compile(r"\b(?:translate|tr)\(\s*['\"]")
    found = []
    for path in sorted((ROOT / "console").rglob("*.py")):
        tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
        for tok in tokens:
            prefix = re.match(r"[A-Za-z]*", tok.string).group().lower()
            if tok.type == tokenize.STRING and "f" in prefix and call.search(tok.string):
                found.append(f"{path.relative_to(ROOT)}:{tok.start[0]}")
    assert found == []
