"""A show database for tests: a show whose queue holds the given catalog products."""

from pathlib import Path

from console.store.db import open_db
from console.store.queue_repo import add_products


def make_show(path: Path, products, platform: str = "douyin", title: str = "测试场次") -> int:
    """Create the database at `path`; returns the show's id. Products join the queue in order."""
    db = open_db(path)
    try:
        show_id = db["shows"].insert({"title": title, "platform": platform}).last_pk
        products = list(products)
        if products:
            db["products"].insert_all(products)
            ids = [r[0] for r in db.execute("SELECT id FROM products ORDER BY id")]
            add_products(db, show_id, ids)
        return show_id
    finally:
        db.close()
