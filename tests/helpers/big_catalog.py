"""A large, believable catalog for import benchmarks and the import dialog's stress tests."""

from pathlib import Path

from console.ingest.catalog_export import write_rows

COLUMNS = [
    ("link", "链接号"),
    ("sku", "商品ID"),
    ("name", "商品名称"),
    ("category", "类目"),
    ("list", "原价"),
    ("live", "直播价"),
    ("stock", "库存"),
    ("points", "卖点"),
    ("brand", "品牌"),
    ("spec", "规格"),
]


def rows(n: int):
    for i in range(n):
        yield {
            "link": i + 1,
            "sku": f"SKU-{i:06d}",
            "name": f"补水保湿面膜 {i} 号 10片装",
            "category": ("美妆护肤", "食品生鲜", "家居日用", "服饰鞋包")[i % 4],
            "list": f"{129 + i % 500}.90",
            "live": f"{59 + i % 300}.9",
            "stock": i % 5000,
            "points": "三重玻尿酸，敷完透亮不黏腻；敏感肌可用",
            "brand": f"品牌{i % 97}",
            "spec": "10片/盒",
        }


def write_big_catalog(path: Path, n: int) -> Path:
    """`n` products with Chinese headers; CSV or XLSX by the file's extension."""
    write_rows(path, COLUMNS, rows(n))
    return path
