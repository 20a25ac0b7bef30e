"""`petloc train` on a folder whose layout lists test images (a VOC devkit's ImageSets/Main/test.txt,
Oxford's annotations/test.txt) says so when it trains on them.

`petloc stats` showed "splits test: 21", but a run holds out only what --exclude-list names: without
it, the 21 were trained (or validated) on with no word said, and no later figure on them was a test
figure.
"""

from __future__ import annotations

import pytest

from petloc_gui.cli import cmd_train
from petloc_gui.cli.output import CommandError
from petloc_gui.cli.train_checks import check_classes, read_folder, warn_layout_test_split
from petloc_gui.core import dataset as core_dataset
from petloc_gui.model import data as model_data
from tests.cli.helpers import run_cli, voc_xml, write_image


def _devkit(root, ids, test):
    for i, relative in enumerate(ids):
        image = root / "JPEGImages" / f"{relative}.jpg"
        image.parent.mkdir(parents=True, exist_ok=True)
        write_image(image, 40, 30, color=(10 * i, 40, 40))
        xml = root / "Annotations" / f"{relative}.xml"
        xml.parent.mkdir(parents=True, exist_ok=True)
        xml.write_text(voc_xml(image.name, 40, 30, [("cat" if i % 2 else "dog", (1, 1, 20, 20))]), encoding="utf-8")
    (root / "ImageSets" / "Main").mkdir(parents=True)
    (root / "ImageSets" / "Main" / "trainval.txt").write_text(
        "".join(f"{relative}\n" for relative in ids if relative not in test), encoding="utf-8")
    (root / "ImageSets" / "Main" / "test.txt").write_text("".join(f"{relative}\n" for relative in test),
                                                          encoding="utf-8")
    return root


IDS = ["a", "b", "c", "d", "day/e", "day/f", "day/g", "night/h"]


def _said(root, exclude=()):
    folder, _ = read_folder(root, "default", [str(root / "JPEGImages" / f"{relative}.jpg") for relative in exclude])
    warn_layout_test_split(core_dataset.open_dataset(root), check_classes(folder))


def test_the_test_images_a_run_trains_on_are_said_with_the_option_that_holds_them_out(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g", "night/h"])
    _said(root)
    err = capsys.readouterr().err
    assert err == (f"petloc: the folder's ImageSets/Main/test.txt lists 3 test images; this run trains or validates "
                   f"on them: hold them out with --exclude-list {root / 'ImageSets' / 'Main' / 'test.txt'} to keep "
                   "them for testing\n")


def test_those_left_in_are_counted_and_none_said_once_all_are_held_out(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g", "night/h"])
    _said(root, exclude=["c", "day/g"])
    assert "lists 3 test images; this run trains or validates on 1 of them: hold it out" in capsys.readouterr().err
    _said(root, exclude=["c", "day/g", "night/h"])
    assert capsys.readouterr().err == ""


def test_a_folder_without_a_test_list_says_nothing(tmp_path, capsys):
    root = _devkit(tmp_path / "voc", IDS, [])
    _said(root)
    assert capsys.readouterr().err == ""


def test_an_oxford_test_list_is_named_as_oxford_keeps_it(tmp_path, capsys):
    root = tmp_path / "oxford"
    (root / "annotations" / "xmls").mkdir(parents=True)
    (root / "images").mkdir()
    for i, stem in enumerate(("Abyssinian_1", "Abyssinian_2", "boxer_1", "boxer_2")):
        write_image(root / "images" / f"{stem}.jpg", 40, 30, color=(10 * i, 40, 40))
        (root / "annotations" / "xmls" / f"{stem}.xml").write_text(
            voc_xml(f"{stem}.jpg", 40, 30, [("cat" if stem[0].isupper() else "dog", (1, 1, 20, 20))]),
            encoding="utf-8")
    (root / "annotations" / "test.txt").write_text("Abyssinian_2 1 1 1\n", encoding="utf-8")
    _said(root)
    assert "the folder's annotations/test.txt lists 1 test image; this run trains or validates on it: hold it out" \
        in capsys.readouterr().err


def test_petloc_train_says_it_before_tensorflow_loads(tmp_path, capsys, monkeypatch):
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])

    def stop_here():
        raise CommandError("stopped before TensorFlow loads")

    monkeypatch.setattr(cmd_train, "load_tensorflow", stop_here)
    code, _, err = run_cli(capsys, "train", root, "--preset", "photo", "--out", tmp_path / "models")
    assert code != 0 and "stopped before TensorFlow loads" in err
    assert "the folder's ImageSets/Main/test.txt lists 2 test images; this run trains or validates on them" in err
    listing = tmp_path / "held_out.txt"
    listing.write_text("c\nday/g\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "train", root, "--preset", "photo", "--out", tmp_path / "models",
                           "--exclude-list", listing)
    assert "stopped before TensorFlow loads" in err and "test.txt" not in err, err


def _sidecar(root, ids):
    """``ids``' images, each with its annotation beside it: a layout with no test list."""
    for i, relative in enumerate(ids):
        image = write_image(root / f"{relative.replace('/', '_')}.jpg", 40, 30, color=(10 * i, 40, 40))
        image.with_suffix(".xml").write_text(voc_xml(image.name, 40, 30, [("cat" if i % 2 else "dog", (1, 1, 20, 20))]),
                                             encoding="utf-8")
    return root


@pytest.mark.parametrize("layout", ["devkit", "sidecar"])
def test_petloc_train_indexes_the_folder_once_for_its_checks_and_once_for_its_read(tmp_path, capsys, monkeypatch,
                                                                                   layout):
    # the test-list check and the unread-files check share the index `petloc train` opens (a devkit's
    # was opened once more for the test list alone); the read of the folder (`collect_folder`) is the other
    (tmp_path / "data").mkdir()
    root = _devkit(tmp_path / "data", IDS, ["c"]) if layout == "devkit" else _sidecar(tmp_path / "data", IDS)
    opened = []
    real = core_dataset.open_dataset

    def counted(path):
        opened.append(path)
        return real(path)

    def stop_here():
        raise CommandError("stopped before TensorFlow loads")

    monkeypatch.setattr(core_dataset, "open_dataset", counted)
    monkeypatch.setattr(model_data, "open_dataset", counted)
    monkeypatch.setattr(cmd_train, "load_tensorflow", stop_here)
    code, _, err = run_cli(capsys, "train", root, "--preset", "photo", "--out", tmp_path / "models")
    assert code != 0 and "stopped before TensorFlow loads" in err
    assert ("test.txt lists 1 test image" in err) == (layout == "devkit")  # the check ran, on the shared index
    assert len(opened) == 2, opened
