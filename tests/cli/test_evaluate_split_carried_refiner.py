"""`petloc evaluate --split validation` scores a fine-tune of a two-stage model on the images its figures are on.

A fine-tune of the bundled pets model carries its refiner, which chose its epoch and variant on all 41 of the
parent's validation photos: every photo of the new model's report part chose it, so meta.json ``metrics`` (and
the window, and `petloc models`) are on the 20 report photos, called a selection set. Evaluate fell back to
all 41, the 21 that chose the new model's epoch among them, and could not reproduce those figures.
"""

from __future__ import annotations

from pathlib import Path

from petloc_gui.cli.evaluate_split import REFINER_DESCRIPTION, select_items
from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.epoch_choice import REFINER_ALL_VALIDATION

from .helpers import voc_xml, write_image

NAMES = [f"cat_{n}.jpg" for n in range(6)]
SELECTION, REPORT = NAMES[:3], NAMES[3:]


def _fine_tune_meta() -> dict:
    """meta.json of a fine-tune that carried its parent's refiner, as `petloc train --init-from` writes it."""
    return {"validation_split": {"images": NAMES},
            "validation_parts": {"selection": SELECTION, "report": REPORT},
            # `model.carried_refiner.carried_refiner`: every validation photo of the parent chose it
            "refine": {"selection": {"part": REFINER_ALL_VALIDATION, "images": NAMES}},
            # `carried_refiner.rescored_with_refiner` on the report part, every one of which chose the refiner
            "metrics": {"n_images": len(REPORT), "split": "selection set (first stage + refiner: these images "
                        "chose the refiner's epoch and variant, on the model it was fine-tuned from)"}}


def _folder(root: Path) -> Path:
    root.mkdir()
    for i, name in enumerate(NAMES):
        write_image(root / name, 40, 30, color=(20 * i, 40, 40))
        (root / name).with_suffix(".xml").write_text(voc_xml(name, 40, 30, [("cat", (5, 5, 20, 20))]),
                                                     encoding="utf-8")
    return root


def test_the_report_part_is_scored_as_the_model_s_figures_are(tmp_path, capsys):
    meta = _fine_tune_meta()
    chosen, split = select_items(open_dataset(_folder(tmp_path / "data")), meta, "validation")
    assert sorted(Path(item.image_path).name for item in chosen) == REPORT
    assert len(chosen) == meta["metrics"]["n_images"]
    assert split == REFINER_DESCRIPTION and "selection set" in split
    err = capsys.readouterr().err
    assert ("petloc: evaluating the 3 validation images that did not choose the model's epoch, as its figures are; "
            "the other 3 chose it, and every one of these chose its second stage's epoch and variant") in err


def test_a_report_photo_that_did_not_choose_the_second_stage_is_scored_alone(tmp_path, capsys):
    meta = _fine_tune_meta()
    meta["refine"]["selection"]["images"] = NAMES[:-1]  # a new photo: it chose nothing
    chosen, _ = select_items(open_dataset(_folder(tmp_path / "data")), meta, "validation")
    assert [Path(item.image_path).name for item in chosen] == NAMES[-1:]
