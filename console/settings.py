"""Typed settings in a JSON file under the platform's config folder; the OBS password and the
stats API token live in the OS keyring, never in the file or a log.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import keyring
import platformdirs
from keyring.errors import KeyringError

log = logging.getLogger(__name__)

APP = "LiveDesk"
KEYRING_SERVICE = "LiveDesk OBS"
PASSWORD_ENV = "LIVEDESK_OBS_PASSWORD"
API_TOKEN_SERVICE = "LiveDesk stats API"
API_TOKEN_ACCOUNT = "token"
API_TOKEN_ENV = "LIVEDESK_API_TOKEN"
_api_token_in_memory = ""  # when the machine has no keyring: until LiveDesk closes


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP, appauthor=False))


@dataclass
class Settings:
    obs_host: str = "127.0.0.1"
    obs_port: int = 4455
    obs_configured: bool = False  # false until the first-run connect dialog was accepted
    language: str = ""  # "" follows the system locale
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    window_state: str = ""
    overlay_enabled: bool = True  # keep the OBS text sources up to date
    overlay_scene: str = ""  # where missing sources are created; "" = the program scene
    overlay_sources: dict = field(default_factory=dict)  # renamed sources: key -> OBS name
    canned_cues: list = field(default_factory=list)  # codes or own words; [] = the built-in ones
    host_view_screen: str = ""  # HostWindow's screen key; "" = not chosen yet
    host_view_fullscreen: bool = True
    host_view_geometry: str = ""  # base64 of the host window's saveGeometry(), when windowed
    rig: dict = field(default_factory=dict)  # console.core.rig.rig_to_dict form; {} = no devices
    api_port: int = 8765  # the local stats API (console/ingest/stats_api.py)
    api_lan: bool = False  # listen on every interface, not only 127.0.0.1: an explicit opt-in
    gmv_target_fen: int = 0  # the dashboard's GMV target; 0 = none set
    attribution_after_min: int = 10  # sales credited to a product this long after its explain
    alert_rules: dict = field(default_factory=dict)  # rule code -> its edited thresholds
    dashboard_window_geometry: str = ""  # base64 of the dashboard window's saveGeometry()
    dashboard_window_screen: str = ""  # its screen's key (like host_view_screen); "" = none

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or config_dir() / "settings.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as e:
            # A broken file must not stop a show: start from defaults and say so in the log.
            log.warning("Settings file %s unreadable (%s); using defaults", path, e)
            return cls()
        if not isinstance(raw, dict):
            log.warning("Settings file %s is not a settings object; using defaults", path)
            return cls()
        defaults = cls()
        values = {}
        for f in fields(cls):
            value = raw.get(f.name, getattr(defaults, f.name))
            if type(value) is not type(getattr(defaults, f.name)):
                log.warning("Setting %s=%r has the wrong type; using the default", f.name, value)
                continue
            values[f.name] = value
        return cls(**values)

    def save(self, path: Path | None = None) -> None:
        """Write atomically: a crash mid-write leaves the old file, never half a file."""
        path = path or config_dir() / "settings.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(self), f, ensure_ascii=False, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)


def _account(host: str, port: int) -> str:
    return f"{host}:{port}"


def load_password(host: str, port: int) -> str:
    """The environment wins (automation), then the keyring; "" when neither has one."""
    env = os.environ.get(PASSWORD_ENV)
    if env is not None:
        return env
    try:
        return keyring.get_password(KEYRING_SERVICE, _account(host, port)) or ""
    except KeyringError as e:
        log.info("No keyring available (%s); the password must be typed", type(e).__name__)
        return ""


def store_password(host: str, port: int, password: str) -> bool:
    """Remember the password in the keyring; False when the machine has no keyring."""
    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, _account(host, port), password)
        else:
            try:
                keyring.delete_password(KEYRING_SERVICE, _account(host, port))
            except keyring.errors.PasswordDeleteError:
                pass
        return True
    except KeyringError as e:
        log.info("Password not stored: no keyring (%s)", type(e).__name__)
        return False


def load_api_token() -> str:
    """The stats API's bearer token: the environment wins (automation), then the keyring; made
    on first use (and kept in the keyring, or in memory when there is none)."""
    global _api_token_in_memory
    env = os.environ.get(API_TOKEN_ENV)
    if env:
        return env
    if _api_token_in_memory:
        return _api_token_in_memory
    try:
        token = keyring.get_password(API_TOKEN_SERVICE, API_TOKEN_ACCOUNT)
    except KeyringError as e:
        log.info(
            "No keyring available (%s); the API token lasts until LiveDesk closes",
            type(e).__name__,
        )
        token = None
    if token:
        _api_token_in_memory = token
        return token
    return regenerate_api_token()


def regenerate_api_token() -> str:
    """A new random token, stored like load_api_token's (the old one stops working)."""
    global _api_token_in_memory
    token = secrets.token_urlsafe(32)
    _api_token_in_memory = token
    try:
        keyring.set_password(API_TOKEN_SERVICE, API_TOKEN_ACCOUNT, token)
    except KeyringError as e:
        log.info("API token not stored: no keyring (%s)", type(e).__name__)
    return token
