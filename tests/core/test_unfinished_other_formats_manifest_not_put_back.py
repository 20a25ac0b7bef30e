"""A YOLO export that fails into an OUT where a stopped COCO export left its annotations.json aside puts
nothing back: that manifest is not the YOLO export's, and putting it back would make OUT look like a
finished COCO export."""

import os

from petloc_gui.core.interop import unfinished


def test_another_formats_manifest_left_aside_is_not_put_back(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / unfinished.EARLIER).mkdir()
    (out / unfinished.EARLIER / "annotations.json").write_text("{}")  # left aside by a stopped COCO export
    (out / unfinished.MARK).write_text("999999 otherhost coco annotations.json\n")

    unfinished.begin(out, ["data.yaml", "classes.txt"], [], fmt="yolo", keeps=lambda _aside: True)

    assert unfinished.put_back(out) == []
    assert sorted(os.listdir(out)) == [unfinished.MARK]
    assert unfinished.interrupted(out)
