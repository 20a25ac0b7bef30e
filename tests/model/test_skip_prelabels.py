"""`TrainingData.collect(..., skip_prelabels=True)` leaves unreviewed pre-labels out of the run: a user who
pre-labelled 200 photos and reviewed 30 can train on the 30 checked ones only (training on a model's own
unchecked boxes teaches it its mistakes again). Left-out pre-labels are in no split: they are no test images."""

from __future__ import annotations

import pytest

from petloc_gui.model.training_data import TooFewImagesError, TrainingData

MARK = "petloc pre-label by petloc predict, model digits"


def mark_prelabels(folder, relpaths) -> None:
    """Mark these images' annotations as a model's pre-labels nobody has saved since."""
    from petloc_gui.core.voc import read_voc, write_voc

    for relpath in relpaths:
        xml = (folder / relpath).with_suffix(".xml")
        annotation = read_voc(xml)
        annotation.prelabel = MARK
        write_voc(annotation, xml)


@pytest.fixture
def digits(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=20, seed=5)
    return folder


def _names(folder) -> list[str]:
    return sorted(p.name for p in folder.glob("*.png"))


def test_skipped_pre_labels_are_in_no_split_and_are_counted(digits):
    marked = _names(digits)[:6]
    mark_prelabels(digits, marked)
    kept = TrainingData.collect(digits, val_fraction=0.25)
    assert kept.n_prelabels == 6 and set(marked) <= set(kept.splits_record()["train"])
    data = TrainingData.collect(digits, val_fraction=0.25, skip_prelabels=True)
    record = data.splits_record()
    assert not set(marked) & {name for split in record.values() for name in split}
    assert record["test"] == []  # left out is not held out: the next run may train on them
    assert not set(marked) & set(data.images_record())
    assert len(data.items) == 14 and data.n_prelabels == 0 and data.n_prelabels_skipped == 6
    summary = data.summary_record(0)
    assert summary["n_prelabels_skipped"] == 6 and summary["n_test"] == 0 and "n_prelabels" not in summary
    # pre-labels never validate, so leaving them out keeps the same validation images
    assert record["validation"] == kept.splits_record()["validation"]


def test_without_pre_labels_to_skip_nothing_changes(digits):
    data = TrainingData.collect(digits, skip_prelabels=True)
    assert data.n_prelabels_skipped == 0 and "n_prelabels_skipped" not in data.summary_record(0)
    assert data.splits_record() == TrainingData.collect(digits).splits_record()


def test_an_excluded_pre_label_is_still_a_test_image(digits):
    first, *others = _names(digits)[:4]
    mark_prelabels(digits, [first, *others])
    data = TrainingData.collect(digits, exclude=[first], skip_prelabels=True)
    assert data.splits_record()["test"] == [first]  # asked to be held out: recorded as such
    assert data.n_prelabels_skipped == 3


def test_too_few_images_says_the_pre_labels_were_left_out(digits):
    names = _names(digits)
    mark_prelabels(digits, names[1:13])
    for name in names[13:]:  # only one annotated image of a person's left
        (digits / name).with_suffix(".xml").unlink()
    TrainingData.collect(digits)  # trained on, the pre-labels make a run
    with pytest.raises(TooFewImagesError) as refused:
        TrainingData.collect(digits, skip_prelabels=True)
    assert refused.value.reason.startswith(
        "need at least 2 usable annotated images, found 1; 12 unreviewed pre-labels were left out as asked "
        "(review and save them, or train on them too); 7 images without an annotation")


def test_one_pre_label_left_out_is_said_in_the_singular(digits):
    names = _names(digits)
    mark_prelabels(digits, names[1:2])
    for name in names[2:]:
        (digits / name).with_suffix(".xml").unlink()
    with pytest.raises(TooFewImagesError, match=r"found 1; 1 unreviewed pre-label was left out as asked "
                                                r"\(review and save it, or train on it too\)"):
        TrainingData.collect(digits, skip_prelabels=True)
