"""An image on both test.txt and a training list (trainval.txt, train.txt) is a test image in `petloc stats`, as
`petloc train`'s warning and the window's Retrain (which holds it out) take it, and stats names the overlap.

Before: the index gave each image the first list naming it, so on a devkit whose test.txt ids were in
trainval.txt too `petloc stats` printed "splits trainval: 8" and no test split, while `petloc train` warned of
2 test images and the window held 2 out."""

from __future__ import annotations

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.layout_split_lists import split_list_notes
from petloc_gui.model.layout_test_split import read_layout_test
from tests.cli.helpers import run_cli
from tests.cli.test_train_layout_test_split_said import IDS, _devkit


def _splits(out: str) -> str:
    return next((line for line in out.splitlines() if line.startswith("splits")), "").partition(" ")[2].strip()


def test_a_devkit_test_image_also_in_trainval_counts_as_test_and_the_overlap_is_said(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    (root / "ImageSets" / "Main" / "trainval.txt").write_text("".join(f"{i}\n" for i in IDS), encoding="utf-8")
    code, out, err = run_cli(capsys, "stats", root)
    assert code == 0, err
    assert _splits(out) == "test: 2, trainval: 6", out
    said = (f"dataset_index: {root / 'ImageSets' / 'Main' / 'test.txt'}: 2 images are on both test.txt and "
            "trainval.txt: counted as test images, as the window's Retrain holds them out of training (petloc "
            "train warns when it trains on them)")
    assert said in [line.strip() for line in out.splitlines()], out
    assert len(read_layout_test(open_dataset(root)).images) == 2  # what `petloc train` warns of


def test_test_wins_over_every_training_list_and_train_still_wins_over_trainval(tmp_path):
    root = _devkit(tmp_path / "voc", ["a", "b", "c", "d"], ["c"])
    main = root / "ImageSets" / "Main"
    (main / "train.txt").write_text("a\nc\n", encoding="utf-8")
    (main / "val.txt").write_text("b\n", encoding="utf-8")
    (main / "trainval.txt").write_text("a\nb\nc\nd\n", encoding="utf-8")
    (main / "test.txt").write_text("c\nnot_here\n", encoding="utf-8")
    dataset = open_dataset(root)
    assert {item.image_path.stem: item.split for item in dataset} == {"a": "train", "b": "val", "c": "test",
                                                                      "d": "trainval"}
    assert split_list_notes(dataset) == [(str(main / "test.txt"), (
        "1 image is on both test.txt and train.txt and trainval.txt: counted as test images, as the window's "
        "Retrain holds them out of training (petloc train warns when it trains on them)"))]
    assert dataset.problems == []  # said by stats: `petloc train` and predict do not print it


def test_no_overlap_no_word(tmp_path):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    dataset = open_dataset(root)
    assert split_list_notes(dataset) == [] and sum(item.split == "test" for item in dataset) == 2


def test_an_oxford_test_image_also_in_trainval_counts_as_test(tmp_path, capsys):
    from tests.core.test_dataset import _touch

    for name in ("Abyssinian_1", "Abyssinian_2", "boxer_3"):
        _touch(tmp_path / "images" / f"{name}.jpg")
    _touch(tmp_path / "annotations" / "xmls" / "boxer_3.xml")
    _touch(tmp_path / "annotations" / "trainval.txt", "Abyssinian_1 1 1 1\nAbyssinian_2 1 1 1\nboxer_3 4 2 3\n")
    _touch(tmp_path / "annotations" / "test.txt", "boxer_3 4 2 3\n")
    dataset = open_dataset(tmp_path)
    assert dataset.layout == "oxford"
    assert [item.split for item in dataset] == ["trainval", "trainval", "test"]
    assert [what for _, what in split_list_notes(dataset)] == [
        "1 image is on both test.txt and trainval.txt: counted as test images, as the window's Retrain holds them "
        "out of training (petloc train warns when it trains on them)"]
