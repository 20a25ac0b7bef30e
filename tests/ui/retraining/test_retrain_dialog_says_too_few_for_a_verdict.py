"""The Retrain dialog says before the run when the images the end's comparison is on are too few for a verdict.

The Retraining window judges the new model against the current one (better, worse, no clear difference) only on
at least `core.paired_stats.MIN_IMAGES` images of the validation report part that the current model did not
train on (`model.train_worker`, `model.comparison`); below that it shows both models' figures and says they
are too few to tell. A user fine-tuning pets on 14 annotated images learned it only at the end of the run: the
dialog said "Part of them chooses the new model's best epoch, the rest gives its figures" and nothing of 20.
"""

from __future__ import annotations

import json
from itertools import combinations

from petloc_gui.core.paired_stats import MIN_IMAGES
from petloc_gui.model.retrain_policy import SPLIT_SEED
from petloc_gui.model.splits import REPORT_SHARE, ValidationChooser, report_members, split_key
from petloc_gui.model.training_data import TrainingData
from petloc_gui.ui.training.retrain_dialog import RetrainDialog
from petloc_gui.ui.training.retrain_holdout import Holdout
from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from petloc_gui.ui.training.verdict_images import ComparedImages
from tests.model.test_split_copies import _copy, _name_with_key, _photo

FRACTIONS = (0.05, 0.2, 0.5)


def _compared_by_the_run(run: TrainingData, learned: set[str]) -> int:
    """The images the run's comparison scores: its report part (else its selection part), less those the
    current model trained on (`train_worker`: report_images or selection_images; `comparison.trained_by_old`), or
    all of them when it trained on every one (`comparison.compare_models`' ``fair or chosen``)."""
    selection, report = run.validation_parts()
    scored = report or selection
    return sum(it.relpath not in learned for it in scored) or len(scored)


def test_the_preview_counts_the_images_the_run_compares_on(tmp_path):
    folder = tmp_path / "photos"
    for index in range(60):
        label = "cat" if index % 2 else "dog"
        _photo(folder, f"{label}_{index:02d}.png", label, index)
    first = TrainingData.collect(folder, val_fraction=0.2, seed=SPLIT_SEED).splits_record()
    for i, source in enumerate(first["validation"][:3]):  # copies of validation images: one part for each photo
        _copy(folder, source, _name_with_key(f"backup/copy{i}", low=True, fraction=0.05))
    everything = TrainingData.collect(folder, val_fraction=0.2, seed=SPLIT_SEED)
    hashes = {relpath: entry["sha256"] for relpath, entry in everything.images_record().items()}
    parent = tmp_path / "parent"
    parent.mkdir()
    taught = first["train"][:25]  # the current model trained on these
    (parent / "meta.json").write_text(json.dumps({
        "class_names": everything.class_names, "images": everything.images_record(),
        "splits": {"train": taught, "validation": first["validation"][3:6], "test": []}}))
    learned = {relpath for relpath, digest in hashes.items() if digest in {hashes[r] for r in taught}}
    preview = holdout_preview_for(folder, parent_spec=str(parent))
    assert preview is not None
    for fraction in FRACTIONS:
        scratch = TrainingData.collect(folder, val_fraction=fraction, seed=SPLIT_SEED)
        assert preview(fraction).compared == _compared_by_the_run(scratch, learned), fraction
        tuned = TrainingData.collect(folder, val_fraction=fraction, seed=SPLIT_SEED,
                                     parent_meta=json.loads((parent / "meta.json").read_text()),
                                     parent_class_names=everything.class_names, parent_path=parent)
        assert preview(fraction, True).compared == _compared_by_the_run(tuned, learned), fraction
    # the scratch run's validation holds images the current model learned: they are not compared on
    assert preview(0.5).compared < len(preview(0.5).names) // 2


def test_small_validation_sets_follow_the_run_s_rule_where_one_part_would_be_empty():
    """One to three photos of validation images, copies among them: a part the keys leave empty is given a photo
    as the run's `report_members` gives it (the count's keys are hashed once, its rule is the run's on them)."""
    names = [f"img_{i:02d}.png" for i in range(16)]
    copies = [("img_00.png", "img_07.png"), ("img_03.png", "img_05.png", "img_09.png")]
    compared = ComparedImages(ValidationChooser(names, ["cat"] * len(names), SPLIT_SEED, copies=copies), {"img_01.png"})
    in_copies = {n for photo in copies for n in photo}
    photos = [*copies, *[(n,) for n in names if n not in in_copies]]
    fallbacks = 0
    for size in range(1, 4):
        for chosen in combinations(photos, size):  # whole photos: copies are on one side of the split
            validation = [n for photo in chosen for n in photo]
            report = report_members(validation, SPLIT_SEED, copies)
            keyed = {n for n in validation if split_key(f"report\0{min(p for p in chosen if n in p)[0]}",
                                                        SPLIT_SEED) >= 1.0 - REPORT_SHARE}
            fallbacks += size > 1 and keyed != report
            expected = sum(n != "img_01.png" for n in (report or validation)) or len(report or validation)
            assert compared.count(validation) == expected, validation
    assert fallbacks  # some sets had a part the keys left empty


def _dialog(qtbot, compared: int, first_model: bool = False) -> RetrainDialog:
    names = [f"img_{i}.png" for i in range(2 * compared + 1)]

    def loader():
        return lambda fraction, fine_tune=False, renamed=None: Holdout(
            len(names), names, reviewed=40, compared=compared, fraction=fraction)

    dialog = RetrainDialog(None, model_name="pets", data_name="/data/rabbits", n_annotated=40, has_unsaved=False,
                           holdout_loader=loader)
    qtbot.addWidget(dialog)
    if first_model:
        dialog.set_first_model()
    dialog.show()
    qtbot.waitUntil(lambda: dialog._loading is None, timeout=10000)
    return dialog


def test_too_few_images_for_a_verdict_are_said_before_the_run(qtbot):
    dialog = _dialog(qtbot, 3)
    dialog.val_fraction.setValue(0.2)
    assert dialog.holdout_label.text().endswith(
        "Only 3 validation images are left to compare the new model with the current one on: too few for a "
        "verdict, so at the end the Retraining window shows both models' figures but cannot say which is better "
        f"(a verdict needs at least {MIN_IMAGES} such images; at this validation fraction about 200 annotated "
        "images the current model never trained on give that many).")
    dialog.val_fraction.setValue(0.5)  # a larger fraction: fewer images needed
    assert "about 80 annotated images" in dialog.holdout_label.text()
    assert dialog.start_button.isEnabled()  # said, not refused


def test_one_image_and_none_are_said_so(qtbot):
    assert "Only 1 validation image is left to compare" in _dialog(qtbot, 1).holdout_label.text()
    assert "No validation image is left to compare the new model with the current one on: at the end the " \
           "Retraining window can compare nothing" in _dialog(qtbot, 0).holdout_label.text()


def test_nothing_is_said_with_enough_images_or_no_current_model(qtbot):
    assert "left to compare" not in _dialog(qtbot, MIN_IMAGES).holdout_label.text()
    assert "left to compare" not in _dialog(qtbot, 3, first_model=True).holdout_label.text()
