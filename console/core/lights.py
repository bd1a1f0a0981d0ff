"""A light's level as the console holds it: on, brightness in percent, colour temperature in
kelvin. The Elgato Key Light family speaks mireds (1,000,000 / K); people, presets and the UI
speak kelvin, so the conversion lives here, once.

Ranges are the Key Light family's as Elgato Control Center offers them: 2900-7000 K in 50 K
steps, brightness 3-100 %. The HTTP API itself takes brightness 0-100, but below 3 the light
shows next to nothing (1 % is dark, 0 looks off while the light still says on), so the console
never sends less than 3: off is `on=False`, not brightness 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

KELVIN_MIN, KELVIN_MAX, KELVIN_STEP = 2900, 7000, 50
MIREDS_MIN, MIREDS_MAX = 143, 344  # what the light accepts: round(1e6 / 7000), round(1e6 / 2900)
BRIGHTNESS_MIN, BRIGHTNESS_MAX = 3, 100


@dataclass(frozen=True)
class LightState:
    on: bool
    brightness: int  # percent
    kelvin: int


def _finite(value: float, what: str) -> float:
    if isinstance(value, bool) or not math.isfinite(value):
        raise ValueError(f"{what}: {value!r}")
    return value


def clamp_brightness(percent: float) -> int:
    """Rounded and clamped to 3-100."""
    return min(max(round(_finite(percent, "brightness")), BRIGHTNESS_MIN), BRIGHTNESS_MAX)


def clamp_kelvin(kelvin: float) -> int:
    return min(max(round(_finite(kelvin, "kelvin")), KELVIN_MIN), KELVIN_MAX)


def kelvin_to_mireds(kelvin: float) -> int:
    """The light's temperature value for `kelvin`, clamped to what it accepts (143-344)."""
    mireds = round(1_000_000 / clamp_kelvin(kelvin))
    return min(max(mireds, MIREDS_MIN), MIREDS_MAX)


def mireds_to_kelvin(mireds: float) -> int:
    """Kelvin on Control Center's 50 K grid, so what was set reads back as set (every 50 K step
    of 2900-7000 K survives kelvin -> mireds -> kelvin; 143 reads 7000, 344 reads 2900). Not
    clamped: it reports what the light says."""
    if _finite(mireds, "mireds") <= 0:
        raise ValueError(f"mireds: {mireds!r}")
    return round(1_000_000 / mireds / KELVIN_STEP) * KELVIN_STEP
