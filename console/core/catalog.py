"""Products and the rules for catalog data. Pure: values and codes, never sentences.

Money is kept in fen (分, integer hundredths of a yuan) so that no price is ever off by a
floating-point cent.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    list_price_fen: int | None = None
    live_price_fen: int | None = None
    stock: int | None = None
    selling_points: str = ""
    link_no: str = ""
    image: str = ""
    category: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # columns LiveDesk does not know
    id: int | None = None
