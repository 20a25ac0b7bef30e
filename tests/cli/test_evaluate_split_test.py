"""`petloc evaluate --split test`: the images a run held out with --exclude-list (meta.json splits.test).

There was no such split ("invalid choice: 'test'"): the test images a run recorded could be scored only
mixed with its training images (--split all), whose warning did not name them.
"""

from __future__ import annotations

import pytest

from petloc_gui.cli.evaluate_split import SPLIT_DESCRIPTION, TEST_DESCRIPTION, say_test_images_among, select_items
from petloc_gui.cli.output import CommandError
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.bundle import file_sha256
from tests.cli.helpers import BLUE, RED, assert_clean_errors, bundle_with_meta, last_json, run_cli, voc_xml, write_image


def _folder(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for stem, color, label in (("t1", RED, "cat"), ("t2", RED, "dog"), ("a", BLUE, "dog"), ("b", RED, "cat")):
        write_image(folder / f"{stem}.png", 64, 32, color)
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", 64, 32, [(label, (16, 16, 48, 28))]),
                                            encoding="utf-8")
    return folder


def _record(folder, test=("t1.png", "t2.png")):
    paths = ["a.png", "b.png", *test]
    return {"splits": {"train": ["a.png"], "validation": ["b.png"], "test": list(test)},
            "images": {path: {"sha256": file_sha256(folder / path)} for path in paths if (folder / path).exists()}}


def test_select_items_keeps_the_recorded_test_images(tmp_path, capsys):
    folder = _folder(tmp_path)
    chosen, split = select_items(open_dataset(folder), _record(folder), "test")
    assert [item.image_path.name for item in chosen] == ["t1.png", "t2.png"]
    assert split == TEST_DESCRIPTION
    assert capsys.readouterr().err == ""


def test_an_older_bundle_s_test_split_images_are_read_too(tmp_path):
    folder = _folder(tmp_path)
    chosen, _ = select_items(open_dataset(folder), {"test_split": {"images": ["t2.png"]}}, "test")
    assert [item.image_path.name for item in chosen] == ["t2.png"]


def test_a_model_without_test_images_or_a_folder_without_them_is_refused(tmp_path):
    folder = _folder(tmp_path)
    with pytest.raises(CommandError, match=r"^this model's meta.json lists no test images \(a run records as its "
                                           r"test images those `petloc train --exclude-list` held out\); use "
                                           r"--split validation or --split all$"):
        select_items(open_dataset(folder), _record(folder, test=()), "test")
    with pytest.raises(CommandError, match=r"^none of the model's 2 test images is in "):
        select_items(open_dataset(folder), _record(folder, test=("gone1.png", "gone2.png")), "test")


def test_split_all_says_the_model_s_test_images_are_among_those_scored(tmp_path, capsys):
    folder = _folder(tmp_path)
    chosen, split = select_items(open_dataset(folder), _record(folder), "all")
    assert len(chosen) == 4 and split == SPLIT_DESCRIPTION
    assert capsys.readouterr().err == ""  # said once they are scored
    say_test_images_among(open_dataset(folder), _record(folder), [item.image_path for item in chosen], [])
    assert capsys.readouterr().err == (f"petloc: 2 of the images in {folder} are the model's test images (meta.json "
                                       "splits.test), scored here with the others: --split test scores them alone\n")


def test_evaluate_split_test_scores_the_test_images_alone(tiny_bundle, tmp_path, capsys):
    folder = _folder(tmp_path)
    bundle = bundle_with_meta(tiny_bundle, tmp_path, **_record(folder))
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", bundle, "--json", "--split", "test")
    assert code == 0, err
    report = last_json(out)
    assert report["split"] == TEST_DESCRIPTION
    # t1 (cat, predicted cat) right, t2 (dog, predicted cat) wrong: the two test images only
    assert (report["n_images"], report["accuracy"], report["n_trained_on"]) == (2, 0.5, 0)
    assert report["trained_on_record"] == "complete"
    assert assert_clean_errors(err) == []


def test_evaluate_split_test_without_a_training_record_counts_none_trained_on(tiny_bundle, tmp_path, capsys):
    folder = _folder(tmp_path)
    bundle = bundle_with_meta(tiny_bundle, tmp_path, splits=None, images=None,
                              test_split={"images": ["t1.png"]})
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", bundle, "--json", "--split", "test")
    assert code == 0, err
    report = last_json(out)
    assert (report["n_images"], report["n_trained_on"]) == (1, 0)
    assert report["trained_on_record"] == "the model's test images"
    assert "training images" not in err
