"""A photo that chose the current model's epoch is recognised by its bytes when it was renamed since
(meta.json ``images`` records each one's sha256), as the splits recognise a parent's validation images.
Before: by its path only, so a renamed selection image moved into the new run's report part and the
comparison said nothing of it (hunt_rt 3: 1 of the 2 comparison images, old mIoU 0.871 vs new 0.741)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from petloc_gui.model import comparison

from .test_comparison_record import _annotate, _image, _parent


def _parent_that_chose_on(tmp_path, *, part: str):
    """The current model, whose ``part`` ("selection", or the refiner's: "refiner") was old/v0.jpg and
    old/v1.jpg, and a folder holding v0's bytes as renamed_0.jpg beside two photos it never saw."""
    old_root = tmp_path / "old"
    old_root.mkdir()
    trained = [_image(old_root / f"t{i}.jpg", i) for i in range(3)]
    chose = [_image(old_root / f"v{i}.jpg", 50 + i) for i in range(2)]
    parent = _parent(tmp_path, trained, chose, old_root)
    meta = json.loads((parent / "meta.json").read_text())
    names = ["v0.jpg", "v1.jpg"]
    if part == "selection":
        meta["validation_parts"] = {"selection": names, "report": []}
    else:
        meta["validation_parts"] = {"selection": [], "report": names}
        meta["refine"] = {"model_file": "refine.keras", "selection": {"part": "all validation", "images": names}}
    (parent / "meta.json").write_text(json.dumps(meta))
    new = tmp_path / "new"
    new.mkdir()
    for image in (Path(shutil.copy(chose[0], new / "renamed_0.jpg")), _image(new / "n1.jpg", 101),
                  _image(new / "n2.jpg", 102)):
        _annotate(image)
    return new, parent


def _compare(new, parent, tmp_path):
    return comparison.compare_models(new, "default", tmp_path / "nb", ["renamed_0.jpg", "n1.jpg", "n2.jpg"],
                                     old_model=str(parent), fine_tuned=True)


def test_a_renamed_selection_image_is_said_to_have_chosen_the_current_models_epoch(tmp_path, scored):
    new, parent = _parent_that_chose_on(tmp_path, part="selection")
    note = _compare(new, parent, tmp_path)["note"]
    assert "1 of them chose the current model's epoch" in note
    assert "A fair comparison" not in note


def test_a_renamed_image_its_second_stage_chose_on_is_said(tmp_path, scored):
    new, parent = _parent_that_chose_on(tmp_path, part="refiner")
    note = _compare(new, parent, tmp_path)["note"]
    assert "1 of them chose the current model's second stage's epoch and variant" in note
