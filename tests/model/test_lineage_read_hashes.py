"""`Lineage.read_hashes`: the images a model's line trained on or chose its epoch with, one rule for `petloc
evaluate`'s "these very canvases" and the retrain comparison's."""

from __future__ import annotations

from petloc_gui.model.parent_chain import _kept_of
from petloc_gui.model.training_record import UNKNOWN, Lineage, record_from_meta


def _meta(train: list[str], validation: list[str], test: list[str]) -> dict:
    images = {p: {"sha256": f"sha-{p}"} for p in train + validation + test}
    return {"splits": {"train": train, "validation": validation, "test": test}, "images": images}


def test_its_own_and_its_ancestors_training_and_validation_images():
    own = record_from_meta(_meta(["t"], ["v"], ["x"]))
    parent = _kept_of(_meta(["pt"], ["pv"], ["px"])).record  # an ancestor's record, as the walk keeps it
    lineage = Lineage((own, parent, UNKNOWN))
    # the test images neither taught a model nor chose its epoch; with no validation_parts recorded, every
    # validation image chose its model's epoch, an ancestor's too (its report images: test_report_images_not_read)
    assert lineage.read_hashes() == {"sha-t", "sha-v", "sha-pt", "sha-pv"}


def test_an_image_recorded_in_no_split_is_none_read():
    meta = _meta(["t"], [], [])
    meta["images"]["stray"] = {"sha256": "sha-stray"}
    assert Lineage((record_from_meta(meta),)).read_hashes() == {"sha-t"}
    assert Lineage(()).read_hashes() == frozenset()


def test_an_older_records_validation_and_test_lists_are_read_as_fine_tuning_reads_them():
    older = {"validation_split": {"images": ["v", 5]}, "test_split": {"images": "x.png"}}  # hand-edited
    record = record_from_meta(older)  # no data folder recorded: its training images are unknown
    assert not record.known and record.validation == {"v"} and record.test == frozenset()
