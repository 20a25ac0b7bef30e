"""A count of one takes the singular in what the commands print ("1 image", never "1 images")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from petloc_gui.cli.evaluate_split import select_items
from petloc_gui.cli.evaluate_trained_on import trained_on_count
from petloc_gui.cli.output import CommandError
from petloc_gui.cli.train_report import _start_line, final_line
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.bundle import file_sha256
from tests.cli.helpers import run_cli, voc_xml, write_image

# "1 ... images", "1 test digit images", "1 existing VOC files", and "1 of the ... images are"
_ONE_WITH_A_PLURAL = re.compile(r"\b1 (?!of\b)(?:[\w-]+ ){0,3}?(?:images|boxes|files|problems|warnings|epochs|steps"
                                r"|classes|lines|pre-labels|digits)\b|\b1 of (?:[\w'-]+ ){1,5}?are\b")


def assert_singular_for_one(text: str) -> None:
    found = _ONE_WITH_A_PLURAL.search(text)
    assert found is None, f"{found.group()!r} in {text!r}"


def test_the_checker_catches_what_it_is_for():
    for wrong in ("wrote 1 test digit images", "1 images (1 annotated)", "up to 1 epochs", "0 problems, 1 warnings",
                  "1 of the model's validation images are not in x"):
        with pytest.raises(AssertionError):
            assert_singular_for_one(wrong)
    assert_singular_for_one("1 image (1 annotated), 1 box, 11 images, 1 of these 2 images is")


def test_convert_of_one_image_says_1_image_and_1_box(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    write_image(data / "a.png", 40, 30)
    (data / "a.xml").write_text(voc_xml("a.png", 40, 30, [("cat", (5, 5, 20, 20))]), encoding="utf-8")
    for fmt in ("yolo", "coco"):
        code, _out, err = run_cli(capsys, "convert", data, "--to", fmt, tmp_path / fmt)
        assert code == 0, err
        [summary] = [line for line in err.splitlines() if line.startswith("converted ")]
        assert summary.endswith(": 1 image (1 annotated), 1 box, 0 problems, 0 warnings"), summary
    code, _out, err = run_cli(capsys, "convert", tmp_path / "yolo", "--from", "yolo", tmp_path / "voc")
    assert code == 0, err
    assert_singular_for_one(err)


def test_digits_of_one_says_1_image(tmp_path, capsys):
    code, out, err = run_cli(capsys, "digits", tmp_path / "d", "--split", "test", "--count", 1)
    assert code == 0, err
    assert out.startswith("wrote 1 test digit image with VOC annotations to "), out


def test_train_lines_of_ones():
    start = _start_line({"n_train": 1, "n_val": 0, "class_names": ["a"], "epochs": 1, "steps_per_epoch": 1,
                         "n_test": 1, "n_prelabels": 1})
    assert start.startswith("training on 1 image (1 train, 0 validation), 1 class, up to 1 epoch of 1 step; "
                            "1 test image held out"), start
    assert "; 1 of the training images is an unreviewed pre-label (a model's boxes)" in start, start
    assert_singular_for_one(start)
    final = final_line({"split": "validation", "n_images": 1, "accuracy": 1.0})
    assert final.startswith("best epoch on validation, 1 image: "), final


def test_evaluate_messages_about_one_image(tmp_path, capsys):
    root = tmp_path / "data"
    root.mkdir()
    for stem, color in (("a", (200, 0, 0)), ("b", (0, 0, 200))):  # other bytes: b is no training image
        write_image(root / f"{stem}.png", 40, 30, color)
        (root / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", 40, 30, [("cat", (5, 5, 20, 20))]),
                                          encoding="utf-8")
    dataset = open_dataset(root)

    chosen, _ = select_items(dataset, {"validation_split": {"images": ["a.png", "gone.png"]}}, "validation")
    assert len(chosen) == 1
    assert capsys.readouterr().err.endswith(f"\npetloc: 1 of the model's validation images is not in {root}\n")
    with pytest.raises(CommandError, match=f"^the model's one validation image is not in {re.escape(str(root))}$"):
        select_items(dataset, {"validation_split": {"images": ["gone.png"]}}, "validation")
    with pytest.raises(CommandError, match=r"^none of the model's 2 validation images is in "):
        select_items(dataset, {"validation_split": {"images": ["gone.png", "gone2.png"]}}, "validation")

    meta = {"splits": {"train": ["a.png"], "validation": [], "test": []},
            "images": {"a.png": {"sha256": file_sha256(root / "a.png")}}}
    assert trained_on_count([root / "a.png"], meta, root)[0] == 1
    assert capsys.readouterr().err.startswith("petloc: the one evaluated image is a training image of this model ")
    assert trained_on_count([root / "a.png", root / "b.png"], meta, root)[0] == 1
    assert capsys.readouterr().err.startswith("petloc: 1 of these 2 evaluated images is a training image of ")


def test_the_stats_plot_title_of_one_image(tmp_path, capsys, monkeypatch):
    pytest.importorskip("matplotlib")
    from matplotlib.figure import Figure

    titles = []
    real = Figure.suptitle
    monkeypatch.setattr(Figure, "suptitle", lambda fig, text, **kw: titles.append(text) or real(fig, text, **kw))
    data = tmp_path / "data"
    data.mkdir()
    write_image(data / "a.png", 40, 30)
    code, _out, err = run_cli(capsys, "stats", data, "--plot", tmp_path / "stats.png")
    assert code == 0, err
    assert titles == [f"{data}: 1 image, 0 annotated"]


def test_validation_scores_the_images_that_did_not_choose_the_epoch(tmp_path, capsys):
    # It scored every validation image, those that chose the epoch too: its figures flattered the model and
    # never matched those of `petloc models` and the window (the report part).
    from petloc_gui.cli.evaluate_split import REPORT_DESCRIPTION, SELECTION_DESCRIPTION

    root = tmp_path / "data"
    root.mkdir()
    for stem in "abc":
        write_image(root / f"{stem}.png", 40, 30)
        (root / f"{stem}.xml").write_text(voc_xml(f"{stem}.png", 40, 30, [("cat", (5, 5, 20, 20))]),
                                          encoding="utf-8")
    dataset = open_dataset(root)
    meta = {"validation_split": {"images": ["a.png", "b.png", "c.png"]},
            "validation_parts": {"selection": ["a.png", "b.png"], "report": ["c.png"]}}
    chosen, split = select_items(dataset, meta, "validation")
    assert [Path(item.image_path).name for item in chosen] == ["c.png"] and split == REPORT_DESCRIPTION
    assert capsys.readouterr().err == ("petloc: evaluating the 1 validation image that did not choose the "
                                       "model's epoch; the other 2 chose it (meta.json validation_parts)\n")
    one = {"validation_split": {"images": ["a.png"]}, "validation_parts": {"selection": ["a.png"], "report": []}}
    chosen, split = select_items(dataset, one, "validation")  # a single validation image: said as such
    assert len(chosen) == 1 and split == SELECTION_DESCRIPTION
