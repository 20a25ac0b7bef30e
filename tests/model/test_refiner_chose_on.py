"""A two-stage bundle's second stage chose its epoch and variant on validation photos too.

The bundled pets refiner was validated on all 41 validation photos of its first stage, and its
variant picked among nine on them; `petloc evaluate --split validation`, the retrain comparison and a
retrain that carries the refiner treated the 20 of them in ``validation_parts.report`` as photos
that chose nothing (acc 1.000, mIoU 0.849 "on validation images that did not choose the model's
epoch"; the first stage alone had 0.734 on them).
"""

from __future__ import annotations

import json
from pathlib import Path

from petloc_gui.core.epoch_choice import REFINER_ALL_VALIDATION, refiner_choosers, validation_parts
from petloc_gui.core.paths import resources_dir
from petloc_gui.model import comparison

from .test_comparison_record import _annotate, _current_and_fresh, _image, scored  # noqa: F401 - the fixture

PETS_META = resources_dir() / "models" / "pets" / "meta.json"


def _pets_meta() -> dict:
    return json.loads(PETS_META.read_text(encoding="utf-8"))


def test_the_bundled_pets_model_has_no_report_photo_for_its_cascade():
    meta = _pets_meta()
    parts = validation_parts(meta)
    assert len(meta["validation_parts"]["report"]) == 20  # what meta.json says, read as it is
    assert parts.report == [] and parts.refiner_took == 20
    assert sorted(parts.chose) == sorted(meta["validation_split"]["images"])


def test_a_refiner_that_records_its_selection_part_leaves_the_report_part_a_report_part():
    meta = _pets_meta()
    selection = meta["validation_parts"]["selection"]
    meta["refine"]["selection"] = {"part": "selection part", "images": selection}
    parts = validation_parts(meta)
    assert parts.report == meta["validation_parts"]["report"] and parts.refiner_took == 0
    single_stage = {k: v for k, v in _pets_meta().items() if k != "refine"}
    assert refiner_choosers(single_stage) is None
    assert validation_parts(single_stage).report == meta["validation_parts"]["report"]


def test_a_carried_refiner_takes_the_photos_that_chose_it_along():
    from types import SimpleNamespace

    from petloc_gui.model.carried_refiner import carried_refiner

    meta = _pets_meta()
    parent = SimpleNamespace(meta=meta, refiner=object(), class_names=meta["class_names"],
                             path=resources_dir() / "models" / "pets")
    carried = carried_refiner(parent, meta["class_names"])
    assert carried is not None
    assert carried.meta["selection"] == {"part": REFINER_ALL_VALIDATION,
                                         "images": sorted(meta["validation_split"]["images"])}
    # a child validated on other photos: none of them chose the carried refiner
    child = {"refine": carried.meta, "validation_split": {"images": ["mine/a.jpg", "mine/b.jpg"]},
             "validation_parts": {"selection": ["mine/a.jpg"], "report": ["mine/b.jpg"]}}
    assert validation_parts(child).report == ["mine/b.jpg"]


def test_the_comparison_counts_photos_that_chose_the_current_models_refiner(tmp_path, scored):  # noqa: F811
    new, fresh, parent, meta = _current_and_fresh(tmp_path)
    meta["validation_split"] = {"images": ["v0.jpg", "v1.jpg", "v2.jpg"]}
    meta["validation_parts"] = {"selection": ["v0.jpg"], "report": ["v1.jpg", "v2.jpg"]}
    meta["refine"] = {"model_file": "refine.keras"}  # as the bundled pets model: chose on all three
    (parent / "meta.json").write_text(json.dumps(meta))
    result = comparison.compare_models(new, "default", tmp_path / "nb", [p.name for p in fresh],
                                       old_model=str(parent), fine_tuned=True)
    # v0 chose its epoch (selection part); v1 and v2 (report part) chose only its refiner's epoch and variant
    assert ("1 of them chose the current model's epoch (its validation selection part) and 2 others its second "
            "stage's epoch and variant, so its figures on them are somewhat optimistic.") in result["note"]
    meta["validation_parts"] = {"selection": [], "report": ["v0.jpg", "v1.jpg", "v2.jpg"]}
    (parent / "meta.json").write_text(json.dumps(meta))
    result = comparison.compare_models(new, "default", tmp_path / "nb", [p.name for p in fresh],
                                       old_model=str(parent), fine_tuned=True)
    assert "3 of them chose the current model's second stage's epoch and variant, so" in result["note"]
    assert "current model's epoch" not in result["note"]


def test_the_comparison_says_when_the_new_models_carried_refiner_chose_on_its_images(tmp_path, scored):  # noqa: F811
    data = tmp_path / "data"
    data.mkdir()
    fresh = [_image(data / f"v{i}.jpg", 100 + i) for i in range(4)]
    for image in fresh:
        _annotate(image)
    new_bundle = tmp_path / "nb"
    new_bundle.mkdir()
    carried = {"model_file": "refine.keras", "selection": {"part": REFINER_ALL_VALIDATION,
                                                           "images": ["v0.jpg", "v1.jpg", "v2.jpg", "v3.jpg"]}}
    (new_bundle / "meta.json").write_text(json.dumps({"refine": carried}))
    result = comparison.compare_models(data, "default", new_bundle, [p.name for p in fresh], old_model=None,
                                       fine_tuned=True)
    assert result["new_split"] == comparison.REFINER_NOTE and comparison.REPORT_NOTE not in result["note"]
    assert result["new_hedges"] == [comparison.REFINER_NOTE]  # the new version's own figures
    carried["selection"]["images"] = ["v0.jpg"]
    (new_bundle / "meta.json").write_text(json.dumps({"refine": carried}))
    result = comparison.compare_models(data, "default", new_bundle, [p.name for p in fresh], old_model=None,
                                       fine_tuned=True)
    assert "1 of them chose the new model's second stage's epoch and variant" in result["note"]
    assert len(result["new_hedges"]) == 1 and result["new_hedges"][0].startswith("1 of them chose the new model's")


def test_evaluate_names_the_bundled_pets_validation_photos_as_having_chosen(tmp_path, capsys):
    from petloc_gui.cli.evaluate_split import REFINER_DESCRIPTION, select_items
    from petloc_gui.core.dataset import open_dataset

    meta = _pets_meta()
    root = tmp_path / "data"
    (root / "images").mkdir(parents=True)
    for relpath in meta["validation_split"]["images"]:
        image = _image(root / relpath, 7)
        _annotate(image)
    chosen, split = select_items(open_dataset(root), meta, "validation")
    # the 20 of the report part (its first stage's figures are on them), not the 21 that chose its epoch too
    report = meta["validation_parts"]["report"]
    assert sorted(f"images/{Path(item.image_path).name}" for item in chosen) == sorted(report)
    assert split == REFINER_DESCRIPTION
    err = capsys.readouterr().err
    # its recorded validation figures (meta.json validation_metrics) are on all 41, not on these 20
    assert ("evaluating the 20 validation images that did not choose the model's epoch; its recorded validation "
            "figures (meta.json validation_metrics) are on all 41, the selection set included; these 20 did not "
            "choose its epoch, the other 21 did, and every one of these chose its second stage's epoch and "
            "variant") in err
