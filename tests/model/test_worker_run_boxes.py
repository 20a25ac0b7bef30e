"""The Retraining window's child scores the new model on the boxes its run read: a box corrected in the window
while the run trains gives the new model the same figures in the comparison as in its meta.json (hunt_rt 7)."""

from __future__ import annotations

import json
import re

import pytest

from petloc_gui.model import train_worker

pytestmark = pytest.mark.slow


def test_a_box_corrected_during_the_run_leaves_the_new_model_one_set_of_figures(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    data, out = tmp_path / "data", tmp_path / "out"
    write_digits_dataset(data, "train", count=40, seed=0)
    out.mkdir()
    events: list[dict] = []
    corrected: list[str] = []

    def emit(event: dict) -> None:
        events.append(event)
        if event["event"] == "start":  # the run has read the folder: the user corrects a report image's box
            corrected.append(event["report_images"][0])
            xml = (data / corrected[0]).with_suffix(".xml")
            whole = {"xmin": 0, "ymin": 0, "xmax": 75, "ymax": 75}
            xml.write_text(re.sub(r"<(xmin|ymin|xmax|ymax)>\d+<", lambda m: f"<{m[1]}>{whole[m[1]]}<",
                                  xml.read_text()))

    args = train_worker.parse_args(["--data", str(data), "--preset", "digits", "--out", str(out), "--epochs", "1",
                                    "--batch-size", "8", "--nice", "0"])
    train_worker.run_real(args, emit, lambda: False)
    comparison = next(e for e in events if e["event"] == "comparison")
    meta = json.loads((out / "meta.json").read_text())
    assert comparison["changed_since_run"] == corrected
    assert comparison["images"] == sorted(meta["validation_parts"]["report"])
    assert comparison["new"]["n_images"] == meta["metrics"]["n_images"]
    for key in ("accuracy", "mean_iou", "iou_ge_50"):  # on the run's boxes, as its own figures
        assert comparison["new"][key] == pytest.approx(meta["metrics"][key], abs=1e-6), key
