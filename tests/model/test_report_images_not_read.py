"""A model never read its validation report images (meta.json ``validation_parts.report``): they neither taught it
nor chose its epoch. Before, every validation image was counted as read (`core.digits_record.recorded_canvases`,
`Lineage.read_hashes`): fine-tuning twice on a `petloc digits --split train` folder, the comparison of version 2
with version 1 said the 17 report images it scored both on hold digits version 1 "learned, or chose its epoch with,
on these very canvases"; the bundled model it descends from learned them on other canvases. Records written here
(the run's own split rule, `tests.model.fine_tune_records`), no training, no TensorFlow."""

from __future__ import annotations

import hashlib

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.digits_record import recorded_canvases
from petloc_gui.model import comparison
from petloc_gui.model.parent_chain import _kept_of
from petloc_gui.model.training_record import Lineage, lineage_of, record_from_meta
from tests.model.fine_tune_records import fine_tune_meta, store_version


def _meta(train: list[str], selection: list[str], report: list[str] | None) -> dict:
    """A meta.json whose validation is ``selection`` + ``report``, its parts recorded (None: an older record, no
    parts: all its validation images chose its epoch)."""
    validation = selection + (report or [])
    meta = {"splits": {"train": train, "validation": validation, "test": []},
            "images": {p: {"sha256": f"sha-{p}"} for p in train + validation}}
    if report is not None:
        meta["validation_parts"] = {"selection": selection, "report": report}
    return meta


def test_a_report_image_is_no_canvas_the_model_read():
    meta = _meta(["t"], ["s"], ["r"])
    assert recorded_canvases(meta) == {"sha-t", "sha-s"}
    assert Lineage((record_from_meta(meta),)).read_hashes() == {"sha-t", "sha-s"}
    assert recorded_canvases(meta, validation=False) == {"sha-t"}  # unchanged: its training images alone


def test_an_ancestor_read_its_training_and_selection_images_not_its_report_ones():
    own = record_from_meta(_meta(["t"], ["s"], ["r"]))
    parent = _kept_of(_meta(["pt"], ["ps"], ["pr"])).record  # an ancestor's record, as the walk keeps it
    older = _kept_of(_meta(["ot"], ["os"], None)).record  # no parts recorded: all its validation chose its epoch
    assert Lineage((own, parent, older)).read_hashes() == {"sha-t", "sha-s", "sha-pt", "sha-ps", "sha-ot", "sha-os"}
    assert parent.train_hashes == {"sha-pt"}  # what `Lineage.match` calls trained on: its training images alone


def _fine_tunes(folder):
    """Version 1 fine-tuned from the bundled digits model on ``folder``, version 2 from version 1: (their
    meta.json, version 1's folder)."""
    v1 = fine_tune_meta(folder, "digits", "digits-v1")
    v1_folder = store_version(v1)
    v2 = fine_tune_meta(folder, "digits-v1", "digits-v2", parent_meta=v1)
    store_version(v2)
    return v1, v2, v1_folder


def test_the_comparison_says_other_canvases_of_the_report_images_these_very_ones_of_the_selection(tmp_path, scored):
    folder = tmp_path / "dg"
    write_digits_dataset(folder, "train", count=30, seed=3)  # other canvases than the bundled model's (seed 0)
    v1, v2, v1_folder = _fine_tunes(folder)
    report, selection = v1["validation_parts"]["report"], v1["validation_parts"]["selection"]
    assert report and selection and v2["validation_parts"]["report"] == report  # version 2 keeps v1's parts

    note = comparison.compare_models(folder, "default", folder / "nb", report, old_model=str(v1_folder),
                                     fine_tuned=True)["note"]
    n = len(report)
    assert (f"{n} of them hold MNIST digits that the current model learned, or chose its epoch with, on other "
            "canvases (the digits of petloc digits --split train), so both models' figures on them are optimistic"
            ) in note
    mixed = comparison.compare_models(folder, "default", folder / "nb", report + selection[:1],
                                      old_model=str(v1_folder), fine_tuned=True)["note"]
    assert "learned, or chose its epoch with, on 1 of these very canvases and on other canvases" in mixed


def test_the_walked_line_reads_each_models_selection_not_its_report(tmp_path):
    folder = tmp_path / "dg"
    images = {image.name: image for image in write_digits_dataset(folder, "train", count=30, seed=3)}
    v1, v2, v1_folder = _fine_tunes(folder)
    sha = {name: hashlib.sha256(image.read_bytes()).hexdigest() for name, image in images.items()}
    read = lineage_of(v2, located=v1_folder.parent / "digits-v2").read_hashes()
    assert not {sha[r] for r in v1["validation_parts"]["report"]} & read
    assert {sha[s] for s in v1["validation_parts"]["selection"]} <= read
