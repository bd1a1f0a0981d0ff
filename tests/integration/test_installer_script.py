"""The Windows installer script (resources/installer/livedesk.nsi) compiles with Debian's
makensis against a small fake PyInstaller onedir folder, warnings counted as errors, into a
Windows executable; and every text of its own exists in English and in Simplified Chinese.

Needs makensis (Debian: nsis) for the first test: skipped when it is missing, unless
LIVEDESK_REQUIRE_NSIS=1, then a failure. No OBS."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

INSTALLER = Path(__file__).resolve().parents[2] / "resources" / "installer"
SCRIPT = INSTALLER / "livedesk.nsi"
STRINGS = INSTALLER / "strings.nsh"
LANGUAGES = {"ENGLISH", "SIMPCHINESE"}

LANGSTRING = re.compile(r'^\s*LangString\s+(\w+)\s+\$\{LANG_(\w+)\}\s+"(.*)"\s*$', re.MULTILINE)
USED = re.compile(r"\$\((\w+)\)")  # $(^Name) and other built-ins start with ^: not matched


@pytest.fixture(autouse=True)
def _known_obs_state():
    """This module needs no OBS: it overrides the directory's fixture that starts one."""


def _makensis():
    path = shutil.which("makensis")
    if path is None:
        if os.environ.get("LIVEDESK_REQUIRE_NSIS") == "1":
            pytest.fail("LIVEDESK_REQUIRE_NSIS=1 but makensis is not on PATH", pytrace=False)
        pytest.skip("makensis not on PATH (Debian: nsis); set LIVEDESK_REQUIRE_NSIS=1 to fail")
    return path


def _fake_onedir(root: Path) -> Path:
    """What PyInstaller's onedir build leaves in dist/LiveDesk, in miniature."""
    src = root / "dist" / "LiveDesk"
    (src / "_internal" / "resources" / "translations").mkdir(parents=True)
    (src / "LiveDesk.exe").write_bytes(b"MZ" + bytes(1022))
    (src / "livedesk-cli.exe").write_bytes(b"MZ" + bytes(1022))
    (src / "_internal" / "x.dll").write_bytes(b"MZ" + os.urandom(4096))
    (src / "_internal" / "base_library.zip").write_bytes(os.urandom(2048))
    (src / "_internal" / "resources" / "translations" / "livedesk_zh_CN.qm").write_bytes(b"qm")
    return src


def _langstrings() -> dict[str, dict[str, str]]:
    """{language: {name: text}} from the script and its strings file; a name defined twice
    for one language is a failure."""
    found: dict[str, dict[str, str]] = {}
    for path in (SCRIPT, STRINGS):
        for name, language, text in LANGSTRING.findall(path.read_text(encoding="utf-8")):
            texts = found.setdefault(language, {})
            assert name not in texts, f"LangString {name} defined twice for {language}"
            texts[name] = text
    return found


def test_script_compiles_into_a_windows_setup_exe(tmp_path):
    makensis = _makensis()
    src = _fake_onedir(tmp_path)
    out = tmp_path / "dist" / "LiveDesk-9.8.7-setup.exe"
    # The command CI and the Windows build use, plus -WX: an unknown variable or a missing
    # icon is only a warning to makensis, and would ship.
    command = [
        makensis,
        "-V2",
        "-WX",
        "-DVERSION=9.8.7",
        f"-DSRCDIR={src}",
        f"-DOUTFILE={out}",
        "-DCOMPRESSOR=zlib",
        str(SCRIPT),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stdout + result.stderr
    assert out.is_file()
    assert out.read_bytes()[:2] == b"MZ"
    assert out.stat().st_size > 50_000  # the NSIS stub, MUI pages and both languages


def test_every_text_is_in_english_and_chinese():
    strings = _langstrings()

    assert set(strings) == LANGUAGES
    english, chinese = strings["ENGLISH"], strings["SIMPCHINESE"]
    assert english, "no LangString found: has the format changed?"
    assert sorted(english) == sorted(chinese)
    untranslated = [name for name in english if english[name] == chinese[name]]
    assert not untranslated
    assert all(re.search(r"[\u4e00-\u9fff]", text) for text in chinese.values())
    code = "\n".join(
        line
        for path in (SCRIPT, STRINGS)
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith((";", "#"))
    )
    undefined = set(USED.findall(code)) - set(english)
    assert not undefined, f"used but not defined: {sorted(undefined)}"


def test_script_stays_ascii():
    # makensis on Windows reads a script without a BOM in the ANSI code page: the Chinese
    # texts live in strings.nsh, which the script includes with /CHARSET=UTF8.
    SCRIPT.read_bytes().decode("ascii")
    assert re.search(r'^!include /CHARSET=UTF8 "strings\.nsh"$', SCRIPT.read_text(), re.M)
