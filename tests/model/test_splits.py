"""Stable splits: an image's side depends on its own relative path only; parents' held-out images stay out."""

from __future__ import annotations

import shutil

import pytest

from petloc_gui.model.splits import parent_splits, split_key, validation_members
from petloc_gui.model.training_data import TrainingData


def test_split_key_is_a_fixed_number_per_path_and_seed():
    assert split_key("a/b.jpg") == split_key("a/b.jpg")
    assert 0.0 <= split_key("a/b.jpg") < 1.0
    assert split_key("a/b.jpg") != split_key("a/c.jpg")
    assert split_key("a/b.jpg", seed=1) != split_key("a/b.jpg", seed=0)


def test_a_small_class_exception_moves_only_its_own_lowest_key_image():
    paths = [f"a_{i}.png" for i in range(3)]
    chosen = validation_members(paths, ["a"] * 3, 0.0001)
    assert chosen == {min(paths, key=split_key)}


def test_each_class_of_two_or_more_keeps_one_image_on_each_side():
    paths = [f"{c}_{i}.png" for c in "abc" for i in range(2)] + ["d_0.png"]
    labels = [p[0] for p in paths]
    for fraction in (0.01, 0.5, 0.99):
        chosen = validation_members(paths, labels, fraction)
        for c in "abc":
            assert len({p for p in chosen if p[0] == c}) == 1
        assert "d_0.png" not in chosen  # a single image trains
    assert validation_members(paths, labels, 0.0) == set()


def test_forced_images_stay_in_validation():
    paths = [f"a_{i}.png" for i in range(20)]
    forced = {p for p in paths if split_key(p) > 0.9}
    chosen = validation_members(paths, ["a"] * 20, 0.2, forced=forced)
    assert forced <= chosen


def test_parent_splits_reads_the_current_and_the_older_meta():
    assert parent_splits({"splits": {"train": ["t"], "validation": ["v"], "test": ["x"]}}) == {
        "validation": ["v"], "test": ["x"]}
    old = {"validation_split": {"images": ["v"]}, "test_split": {"images": ["x"], "description": "d"}}
    assert parent_splits(old) == {"validation": ["v"], "test": ["x"]}
    assert parent_splits({"test_split": None}) == {"validation": [], "test": []}
    assert parent_splits(None) == {"validation": [], "test": []}


def test_adding_thirty_images_moves_no_earlier_image(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=200, seed=0)
    before = TrainingData.collect(folder, val_fraction=0.2).splits_record()
    # 20 images a class: the hash alone gave every class both sides (no exception applied)
    assert all(split_key(p) < 0.2 for p in before["validation"])
    assert all(split_key(p) >= 0.2 for p in before["train"])
    extra = tmp_path / "extra"
    write_digits_dataset(extra, "train", count=230, seed=5)
    for index, image in enumerate(sorted(extra.glob("*.png"))[200:]):  # 30 more images, new names
        shutil.copy(image, folder / f"new_{index:02d}.png")
        shutil.copy(image.with_suffix(".xml"), folder / f"new_{index:02d}.xml")
    after = TrainingData.collect(folder, val_fraction=0.2).splits_record()
    assert len(after["train"]) + len(after["validation"]) == 230
    for side in ("train", "validation"):
        assert set(before[side]) <= set(after[side]), side
    assert set(after["validation"]) - set(before["validation"])  # new images do land in validation too


def test_fine_tuning_data_keeps_the_parent_test_images_out_and_its_validation_in(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=40, seed=0)
    first = TrainingData.collect(folder, val_fraction=0.2)
    trained = first.splits_record()["train"]
    parent = {"splits": {"train": trained[2:], "validation": trained[:2], "test": [trained[2]]}}
    child = TrainingData.collect(folder, val_fraction=0.2, parent_meta=parent)
    record = child.splits_record()
    assert set(trained[:2]) <= set(record["validation"])
    assert record["test"] == [trained[2]]
    assert trained[2] not in record["train"] + record["validation"]
    assert trained[2] in child.images_record()  # recorded (with its hashes) as test


def test_unreadable_images_and_empty_boxes_are_skipped_with_a_reason(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=12, seed=0)
    (folder / "broken.png").write_bytes(b"not a png")
    shutil.copy(folder / "train_00001_digit0.xml", folder / "broken.xml")
    data = TrainingData.collect(folder)
    reasons = dict(data.skipped)
    assert "unreadable image" in reasons[str(folder / "broken.png")]
    assert len(data.items) == 12
    with pytest.raises(Exception, match="at least 2"):
        TrainingData.collect(folder, exclude=[p.name for p in folder.glob("train_*.png")][1:])


def test_validation_splits_into_a_selection_part_and_a_report_part_stably():
    from petloc_gui.model.splits import report_members

    names = [f"img_{i:03d}.png" for i in range(40)]
    report = report_members(names, seed=0)
    assert 10 <= len(report) <= 30  # about half
    # another image joining validation moves no one between the parts
    assert report_members([*names, "new.png"], seed=0) - {"new.png"} == report
    assert report_members(names[:1]) == set()  # one image: it chooses the epoch, nothing reports
    for pair in (names[:2], names[2:4], names[4:6]):
        assert len(report_members(pair)) == 1  # two: one of each


def test_train_only_images_never_enter_validation_and_leave_the_others_where_they_were(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=150, seed=0)
    plain = TrainingData.collect(folder, val_fraction=0.3).splits_record()
    taught = []  # e.g. boxes a teacher model drew
    for side in ("validation", "train"):
        by_class: dict[str, list[str]] = {}
        for path in plain[side]:
            by_class.setdefault(path.rsplit("digit", 1)[1], []).append(path)
        # one image of each class with two on this side: no class is left without a side
        taught += [paths[0] for paths in by_class.values() if len(paths) >= 2]
    assert len(set(taught) & set(plain["validation"])) >= 3
    data = TrainingData.collect(folder, val_fraction=0.3, train_only=taught)
    record = data.splits_record()
    assert not set(taught) & set(record["validation"])
    assert set(taught) <= set(record["train"])
    assert set(record["validation"]) == set(plain["validation"]) - set(taught)  # nobody else moved
    assert data.train_only == sorted(taught)
    assert data.summary_record(0)["train_only"] == sorted(taught)
    # absolute paths name the same images
    absolute = TrainingData.collect(folder, val_fraction=0.3, train_only=[str(folder / p) for p in taught])
    assert absolute.splits_record() == record


def test_unreviewed_pre_labels_are_trained_on_and_never_validated_on(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.core.voc import read_voc, write_voc

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=60, seed=0)
    plain = TrainingData.collect(folder, val_fraction=0.3).splits_record()
    marked = plain["validation"][:3]
    for relpath in [*marked, plain["validation"][3]]:
        xml = (folder / relpath).with_suffix(".xml")
        annotation = read_voc(xml)
        annotation.prelabel = "petloc pre-label by petloc predict, model digits"
        annotation.verified = relpath not in marked  # a verified file is a person's, whatever its source says
        write_voc(annotation, xml)
    data = TrainingData.collect(folder, val_fraction=0.3)
    record = data.splits_record()
    assert set(marked) <= set(record["train"]) and not set(marked) & set(record["validation"])
    # the other validation images stay (a class left without one takes another of its own)
    assert set(plain["validation"]) - set(marked) <= set(record["validation"])
    assert data.n_prelabels == 3 and data.summary_record(0)["n_prelabels"] == 3


def test_an_image_that_is_a_symlink_keeps_its_place_in_the_folder(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    source = tmp_path / "source"
    write_digits_dataset(source, "train", count=8, seed=0)
    linked = tmp_path / "linked"
    linked.mkdir()
    for file in sorted(source.iterdir()):
        if file.suffix == ".png":
            (linked / file.name).symlink_to(file)
        else:
            shutil.copy(file, linked / file.name)
    record = TrainingData.collect(linked).splits_record()
    paths = record["train"] + record["validation"]
    assert sorted(paths) == sorted(p.name for p in source.glob("*.png"))  # relative, not the link targets
    assert record == TrainingData.collect(source).splits_record()


def test_a_parent_test_image_under_a_new_name_is_still_kept_out(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=40, seed=0)
    first = TrainingData.collect(folder, val_fraction=0.2)
    held_out = first.splits_record()["train"][0]
    parent = {"splits": {**first.splits_record(), "test": [held_out]}, "images": first.images_record()}
    parent["splits"]["train"].remove(held_out)
    # The user renames the held-out photo (and its annotation) and moves it into a subfolder.
    (folder / "renamed").mkdir()
    source = folder / held_out
    source.rename(folder / "renamed" / "photo.png")
    source.with_suffix(".xml").rename(folder / "renamed" / "photo.xml")
    child = TrainingData.collect(folder, val_fraction=0.2, parent_meta=parent)
    record = child.splits_record()
    assert "renamed/photo.png" not in record["train"] + record["validation"]
    assert "renamed/photo.png" in record["test"]
    assert len(record["train"]) + len(record["validation"]) == 39
    # without hashes in the parent's meta.json only the old path is known: the renamed photo is used
    older = TrainingData.collect(folder, val_fraction=0.2, parent_meta={"splits": parent["splits"]})
    assert "renamed/photo.png" in older.splits_record()["train"] + older.splits_record()["validation"]


def test_a_parent_validation_image_under_a_new_name_still_validates(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=40, seed=0)
    first = TrainingData.collect(folder, val_fraction=0.2)
    parent = {"splits": first.splits_record(), "images": first.images_record()}
    validated = parent["splits"]["validation"][0]
    # the same photo in a folder laid out otherwise (an Oxford images/ folder, a copy elsewhere)
    (folder / "moved").mkdir()
    (folder / validated).rename(folder / "moved" / "photo.png")
    (folder / validated).with_suffix(".xml").rename(folder / "moved" / "photo.xml")
    child = TrainingData.collect(folder, val_fraction=0.2, parent_meta=parent)
    assert "moved/photo.png" in child.splits_record()["validation"]  # not trained on: it chose the parent's epoch
    assert "moved/photo.png" in child.parent_validation  # what the Retrain dialog lists


def test_fine_tuning_on_only_the_parents_test_images_says_why_none_are_usable(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset
    from petloc_gui.core.errors import DatasetError

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=6, seed=0)
    everything = TrainingData.collect(folder, val_fraction=0.2)
    record = everything.splits_record()
    parent = {"splits": {"train": [], "validation": [], "test": record["train"] + record["validation"]},
              "images": everything.images_record()}
    with pytest.raises(DatasetError, match=r"found 0 \(6 more held out: the parent model's test images"):
        TrainingData.collect(folder, val_fraction=0.2, parent_meta=parent)


def test_an_image_the_parent_trained_on_never_validates_its_fine_tune(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=40, seed=0)
    plain = TrainingData.collect(folder, val_fraction=0.3).splits_record()
    images = TrainingData.collect(folder, val_fraction=0.3).images_record()
    learned = plain["validation"][:3]  # the parent learned these, under other names in another folder
    parent = {"splits": {"train": [f"old/{p}" for p in learned], "validation": [], "test": []},
              "images": {f"old/{p}": images[p] for p in learned}}
    child = TrainingData.collect(folder, val_fraction=0.3, parent_meta=parent)
    record = child.splits_record()
    assert not set(learned) & set(record["validation"])  # they would flatter the child's figures
    assert set(learned) <= set(record["train"]) and set(learned) <= set(child.train_only)
    unaffected = set(plain["validation"]) - set(learned)
    assert unaffected <= set(record["validation"])  # the others keep their side


def test_the_record_is_what_was_read_at_the_start_whatever_the_folder_does_meanwhile(tmp_path):
    from petloc_gui.core.digits import write_digits_dataset

    folder = tmp_path / "digits"
    write_digits_dataset(folder, "train", count=12, seed=0)
    data = TrainingData.collect(folder, val_fraction=0.3)
    before = (data.images_record(), data.summary_record(0))
    image, annotation = data.items[0].sample.image_path, data.items[1].sample.annotation_path
    image.unlink()  # deleted while the run trains (the GUI's folder stays open)
    annotation.write_text(annotation.read_text().replace("<xmin>", "<xmin>1"))  # a box saved meanwhile
    assert (data.images_record(), data.summary_record(0)) == before  # no error, nor the new bytes
    assert data.images_record()[data.items[0].relpath]["sha256"]


def test_the_default_seed_is_zero_so_splits_made_without_one_never_move():
    # every model trained so far split its images by seed 0: a new default would move them
    from petloc_gui.model.splits import report_members

    paths = [f"img{i:03d}.png" for i in range(40)]
    labels = ["cat", "dog"] * 20
    assert split_key("a.png") == split_key("a.png", 0) != split_key("a.png", 1)
    assert validation_members(paths, labels, 0.3) == validation_members(paths, labels, 0.3, seed=0)
    assert report_members(paths) == report_members(paths, seed=0) != report_members(paths, seed=1)
    assert validation_members(paths, labels, 0.3) != validation_members(paths, labels, 0.3, seed=1)
    assert validation_members(paths, labels, 0.3) != validation_members(paths, labels, 0.3, seed=-1)
    assert report_members(paths) != report_members(paths, seed=-1)
