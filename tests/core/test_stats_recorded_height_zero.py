"""`petloc stats --no-image-check` takes image sizes from the XML; one recording height 0 has no size: it is
not counted as an image 0 px high, and its boxes have no relative area or centre."""

from __future__ import annotations

import json

from petloc_gui.cli.main import main

XML = ("<annotation><filename>{name}</filename><size><width>100</width><height>{height}</height><depth>3</depth>"
       "</size><object><name>cat</name><bndbox><xmin>10</xmin><ymin>10</ymin><xmax>50</xmax><ymax>40</ymax>"
       "</bndbox></object></annotation>")


def test_an_annotation_recording_height_zero_gives_no_image_size(tmp_path, capsys):
    for stem, height in (("img0", 80), ("img1", 0)):
        (tmp_path / f"{stem}.jpg").write_bytes(b"not read: --no-image-check")
        (tmp_path / f"{stem}.xml").write_text(XML.format(name=f"{stem}.jpg", height=height), encoding="utf-8")

    assert main(["stats", "--json", "--no-image-check", str(tmp_path)]) == 0
    stats = json.loads(capsys.readouterr().out.splitlines()[-1])

    # img0 alone: 100 x 80, its box 40 x 30 at (30, 25): 1200 / 8000 of the image
    assert [(stats["image_size"][side]["count"], stats["image_size"][side]["min"]) for side in ("width", "height")] \
        == [(1, 100.0), (1, 80.0)]
    assert (stats["box"]["width"]["count"], stats["box"]["rel_area"]["count"]) == (2, 1)
    assert (stats["box"]["rel_area"]["min"], stats["box"]["center_x"]["min"], stats["box"]["center_y"]["min"]) \
        == (0.15, 0.3, 0.3125)
