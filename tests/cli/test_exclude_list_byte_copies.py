"""`petloc train --exclude-list`: a byte copy of a listed (test) image under another name is held out too.

A folder held images/Abyssinian_999.jpg, a byte copy of the listed Abyssinian_10: the list was matched by
path only, so the copy was trained on while the start line said the test images were "never used", and
`petloc evaluate --split test` found one of them was a training image. A parent model's test images were
matched by their bytes already; the user's own list now is too, and the copies held out are said.
"""

from __future__ import annotations

import shutil

from petloc_gui.cli import cmd_train
from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.cli.output import CommandError
from petloc_gui.cli.train_checks import read_folder
from petloc_gui.model.collected_folder import collect_folder
from petloc_gui.model.training_data import TrainingData
from tests.cli.helpers import run_cli, voc_xml, write_image


def _boxed(folder, *stems):
    for i, stem in enumerate(stems):
        write_image(folder / f"{stem}.jpg", 40, 30, color=(10 * i, 40, 40))
        (folder / f"{stem}.xml").write_text(voc_xml(f"{stem}.jpg", 40, 30, [("cat" if i % 2 else "dog",
                                                                             (1, 1, 20, 20))]), encoding="utf-8")


def _with_copy(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _boxed(data, "a", "b", "c", "d", "e", "f")
    shutil.copyfile(data / "a.jpg", data / "copy_of_a.jpg")  # the same photo under another name
    (data / "copy_of_a.xml").write_text(voc_xml("copy_of_a.jpg", 40, 30, [("dog", (1, 1, 20, 20))]),
                                        encoding="utf-8")
    listing = tmp_path / "test.txt"
    listing.write_text("a.jpg\n", encoding="utf-8")
    return data, listing


def test_a_byte_copy_of_a_listed_image_is_a_test_image_too(tmp_path, capsys):
    data, listing = _with_copy(tmp_path)
    exclude = resolve_exclude_list(data, listing)
    split = TrainingData.collect(data, exclude=exclude, val_fraction=0.25)
    record = split.splits_record()
    assert record["test"] == ["a.jpg", "copy_of_a.jpg"]  # meta.json splits.test: both copies, neither trained
    assert "copy_of_a.jpg" not in record["train"] + record["validation"]
    folder = collect_folder(data, exclude=exclude)
    assert folder.test_copies == [("copy_of_a.jpg", "a.jpg")]
    assert not collect_folder(data).test_copies  # no list: nothing is a test image


def test_petloc_train_says_the_copies_it_held_out_before_tensorflow_loads(tmp_path, capsys, monkeypatch):
    data, listing = _with_copy(tmp_path)

    def stop_here():
        raise CommandError("stopped before TensorFlow loads")

    monkeypatch.setattr(cmd_train, "load_tensorflow", stop_here)
    code, _, err = run_cli(capsys, "train", data, "--preset", "photo", "--out", tmp_path / "models",
                           "--exclude-list", listing)
    assert code != 0 and "stopped before TensorFlow loads" in err
    assert ("petloc: 1 byte copy of test images held out too, as test images (copy_of_a.jpg has the bytes of "
            "a.jpg)") in err, err


def test_the_checks_read_holds_the_copy_out_as_training_does(tmp_path, capsys):
    data, listing = _with_copy(tmp_path)
    folder, _ = read_folder(data, "default", resolve_exclude_list(data, listing))
    assert "copy_of_a.jpg" not in {sample.relpath for sample in folder.samples}
    assert sorted(relpath for _, relpath, _ in folder.excluded) == ["a.jpg", "copy_of_a.jpg"]
