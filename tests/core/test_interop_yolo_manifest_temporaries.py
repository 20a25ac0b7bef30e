"""A YOLO export killed while writing data.yaml or classes.txt left their write temporaries in OUT, and
nothing removed them: export_yolo swept only images/ and labels/, though core.stale knows the names (COCO
sweeps OUT for annotations.json's). The next export into OUT removes them once a day old."""

from __future__ import annotations

import os
import time

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import export_yolo


def test_day_old_manifest_temporaries_go_with_the_next_export(small_voc, tmp_path):
    out = tmp_path / "out"
    export_yolo(open_dataset(small_voc), out)
    old = [out / ".data.yaml.abcd1234.tmp", out / ".classes.txt.abcd1234.tmp"]
    young = out / ".data.yaml.efgh5678.tmp"  # a run writing it now
    for path in [*old, young]:
        path.write_text("half")
    three_days_ago = time.time() - 3 * 24 * 3600
    for path in old:
        os.utime(path, (three_days_ago, three_days_ago))
    export_yolo(open_dataset(small_voc), out, overwrite=True)
    assert not any(path.exists() for path in old)
    assert young.exists()
