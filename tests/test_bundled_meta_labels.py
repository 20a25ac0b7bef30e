"""The bundled models' meta.json figures say the rule they were scored by and the images they are on.

The digits bundle's ``validation_metrics`` were recorded under the old class-blind rule without saying so,
beside ``metrics`` that say "best-gt"; the pets bundle's were labelled plain "validation" though all 41
photos chose the refiner's epoch and variant (`model.refine_training.write_refiner` labels such figures
a selection set today)."""

from __future__ import annotations

import json

import pytest

from petloc_gui.app.model_metrics import SELECTION_SPLIT
from petloc_gui.core.paths import resources_dir

BLOCKS = ("metrics", "validation_metrics", "selection_metrics", "first_stage_validation_metrics")


def _meta(name: str) -> dict:
    return json.loads((resources_dir() / "models" / name / "meta.json").read_text(encoding="utf-8"))


def _blocks(name: str) -> list[tuple[str, dict]]:
    meta = _meta(name)
    return [(key, meta[key]) for key in BLOCKS if isinstance(meta.get(key), dict)]


@pytest.mark.parametrize("name", ["digits", "pets"])
def test_every_figure_block_names_its_matching_rule(name):
    for key, block in _blocks(name):
        assert block.get("matching") == "best-gt", f"{name} {key}: matching {block.get('matching')!r}"


@pytest.mark.parametrize("name", ["digits", "pets"])
def test_no_block_has_more_boxes_right_than_classes_right(name):
    # under best-gt a wrong class scores IoU 0: IoU >= 0.5 on more images than the class is right on
    # means a class-blind figure
    for key, block in _blocks(name):
        assert block["iou_ge_50"] <= block["accuracy"] + 1e-9, f"{name} {key}: {block}"


def test_re_scored_digits_validation_figures_keep_the_old_ones_and_say_how():
    block = _meta("digits")["validation_metrics"]
    old = block["ignoring_class"]
    assert old["mean_iou"] == pytest.approx(0.9479366274790176)  # as the training run recorded it
    assert old["mean_iou"] >= block["mean_iou"]  # a wrong class only loses IoU under best-gt
    assert "petloc evaluate --split validation" in block["note"] and "ignoring_class" in block["note"]
    assert block["split"].startswith("validation (selection: chose the best epoch")


def test_pets_validation_figures_are_a_selection_set_when_every_photo_chose_the_refiner():
    meta = _meta("pets")
    refine, block = meta["refine"], meta["validation_metrics"]
    assert "selection" not in refine  # the bundled refiner chose its epoch and variant on all its validation
    assert block["n_images"] == len(meta["splits"]["validation"])
    variant = refine["chosen_variant"].split()[0]
    # as model.refine_training.write_refiner labels such figures
    assert block["split"] == (f"{SELECTION_SPLIT} (first stage + refiner, {variant}: these photos chose the "
                              "refiner's epoch and variant)")
