"""--demo's show: the sample catalog in the queue and the sample rundown linked to it, made
once (a second start opens the same show)."""

from console.resources import resource_path
from console.services.show_setup import demo_show
from console.store.db import open_db
from console.store.rundown_repo import load_rundown


def test_the_demo_show_has_the_sample_queue_and_rundown(tmp_path):
    db = open_db(tmp_path / "demo.db")
    try:
        sample = resource_path("catalog", "sample_catalog.csv")
        rundown = resource_path("rundown", "sample_rundown.csv")
        show_id = demo_show(db, sample, "演示场次", rundown)
        assert demo_show(db, sample, "演示场次", rundown) == show_id
        segments = load_rundown(db, show_id).segments
        assert len(segments) >= 6 and segments[0].title
        assert sum(s.planned_s for s in segments) >= 3600  # a believable show: an hour or more
        linked = {i for s in segments for i in s.item_ids}
        queued = {
            r[0] for r in db.execute("SELECT id FROM show_items WHERE show_id = ?", [show_id])
        }
        assert linked and linked <= queued
        assert db["shows"].get(show_id)["rehearsal"] == 1
    finally:
        db.close()
