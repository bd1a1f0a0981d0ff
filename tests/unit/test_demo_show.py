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


def test_the_demo_presets_match_the_demo_rig_and_obs_and_are_linked(tmp_path):
    from console.devices.obs.fake_state import DEFAULT_ITEMS, MIC
    from console.services.device_service import demo_rig
    from console.store.presets_repo import list_presets

    db = open_db(tmp_path / "demo.db")
    try:
        sample = resource_path("catalog", "sample_catalog.csv")
        looks = resource_path("presets", "demo_presets.json")
        demo_show(db, sample, "演示场次", None, looks)
        demo_show(db, sample, "演示场次", None, looks)  # a second start adds nothing
        presets = list_presets(db)
        assert sorted(p.hotkey for p in presets) == [1, 2, 3]
        rig = demo_rig()
        lights = {c.name for c in rig.keylights}
        fixtures = {f.name for f in rig.fixtures}
        for p in presets:  # every name a recall sends exists in the demo
            assert p.scene in DEFAULT_ITEMS
            if p.camera:
                assert p.camera.source in {s for s, _ in DEFAULT_ITEMS[p.camera.scene]}
            assert {s.light for s in p.lights} <= lights
            assert {s.fixture for s in p.fixtures} <= fixtures
            assert {m.input for m in p.mics} <= {MIC}
        linked = db.execute(
            "SELECT pr.name, COUNT(*) FROM products p JOIN presets pr ON pr.id = p.preset_id "
            "GROUP BY pr.name ORDER BY pr.name"
        ).fetchall()
        assert linked == [("服装全景", 9), ("美妆特写", 9), ("美食暖光", 9)]
    finally:
        db.close()
