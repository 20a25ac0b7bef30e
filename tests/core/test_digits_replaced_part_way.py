"""`write_digits_dataset(replace=True)` (the window's demo folder) failing part way over a folder of other
canvases: each canvas there is named by the record with its own bytes, the new ones written and the old
ones not yet replaced alike, and each image is beside its own annotation (never an old image beside a
new box)."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest
from PIL import Image

from petloc_gui.core import atomic
from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.digits_record import RECORD_NAME
from petloc_gui.core.voc import read_voc


def test_a_replacing_run_that_fails_part_way_leaves_every_canvas_recorded(tmp_path, monkeypatch):
    folder = tmp_path / "demo"
    write_digits_dataset(folder, "test", count=8, seed=1)
    real = atomic.atomic_write_bytes
    pngs = []

    def failing(path, data):
        if str(path).endswith(".png"):
            pngs.append(path)
            if len(pngs) == 4:
                raise OSError(28, "No space left on device", str(path))
        real(path, data)

    monkeypatch.setattr(atomic, "atomic_write_bytes", failing)
    with pytest.raises(OSError):
        write_digits_dataset(folder, "test", count=8, seed=2)  # other placements: other bytes

    recorded = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))["images"]
    images = sorted(folder.glob("*.png"))
    assert len(images) == 7  # the fourth's old image went before its new annotation was written
    for image in images:
        assert recorded[image.name]["sha256"] == hashlib.sha256(image.read_bytes()).hexdigest(), image.name
        [box] = [o.box for o in read_voc(image.with_suffix(".xml")).objects]
        ys, xs = np.nonzero(np.asarray(Image.open(image)))
        assert box.xmin <= xs.min() and xs.max() < box.xmax and box.ymin <= ys.min() and ys.max() < box.ymax
