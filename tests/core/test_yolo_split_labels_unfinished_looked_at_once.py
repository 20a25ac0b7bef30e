"""`petloc stats`' YOLO hint looked for the unfinished-export mark of a folder twice: once to leave its label
files unread, then again to build the message. It looks once, and the message says what that look found: the
holder's own export that did not finish, or the one in the parent (Roboflow's, converted in its place)."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import unfinished
from petloc_gui.core.interop.unfinished import MARK, not_readable
from petloc_gui.core.yolo_split_labels import yolo_labels_in_split
from tests.cli.helpers import write_image


def _yolo_folder(holder: Path) -> None:
    """``holder`` with images/ and labels/ (two labelled images), Ultralytics' layout."""
    (holder / "images").mkdir(parents=True)
    (holder / "labels").mkdir()
    for stem in ("a", "b"):
        write_image(holder / "images" / f"{stem}.jpg", 32, 24)
        (holder / "labels" / f"{stem}.txt").write_text("0 0.5 0.5 0.2 0.2\n", encoding="utf-8")


def _looked_at(monkeypatch) -> list[Path]:
    looked: list[Path] = []
    real = unfinished.interrupted

    def interrupted(out):
        looked.append(Path(out))
        return real(out)

    monkeypatch.setattr(unfinished, "interrupted", interrupted)
    return looked


def test_an_unfinished_export_is_looked_for_once(tmp_path, monkeypatch):
    _yolo_folder(tmp_path)
    (tmp_path / MARK).write_text("{}", encoding="utf-8")
    dataset = open_dataset(tmp_path)
    looked = _looked_at(monkeypatch)
    [found] = yolo_labels_in_split(dataset.items, str(dataset.root))
    assert looked == [tmp_path]
    assert found.unfinished_export is not None and found.unfinished_export == not_readable(tmp_path)
    assert found.count == 2


def test_a_finished_folder_is_looked_for_once_and_said_convertible(tmp_path, monkeypatch):
    _yolo_folder(tmp_path)
    (tmp_path / "classes.txt").write_text("cat\n", encoding="utf-8")
    dataset = open_dataset(tmp_path)
    looked = _looked_at(monkeypatch)
    [found] = yolo_labels_in_split(dataset.items, str(dataset.root))
    assert looked == [tmp_path] and found.unfinished_export is None
    assert "--from yolo" in found.message()


def test_the_parent_converted_in_its_place_is_looked_at_too(tmp_path, monkeypatch):
    _yolo_folder(tmp_path / "train")  # Roboflow's: train/images, train/labels, the names above
    (tmp_path / "data.yaml").write_text("names: [cat]\n", encoding="utf-8")
    (tmp_path / MARK).write_text("{}", encoding="utf-8")
    dataset = open_dataset(tmp_path)
    looked = _looked_at(monkeypatch)
    [found] = yolo_labels_in_split(dataset.items, str(dataset.root))
    assert found.folder == str(tmp_path) and looked == [tmp_path / "train", tmp_path]
    assert found.unfinished_export == not_readable(tmp_path) is not None


def test_the_parent_of_three_splits_is_looked_at_once(tmp_path, monkeypatch):
    for split in ("train", "valid", "test"):  # Roboflow's three splits, converted in the parent's place
        _yolo_folder(tmp_path / split)
    (tmp_path / "data.yaml").write_text("names: [cat]\n", encoding="utf-8")
    (tmp_path / MARK).write_text("{}", encoding="utf-8")
    dataset = open_dataset(tmp_path)
    looked = _looked_at(monkeypatch)
    [found] = yolo_labels_in_split(dataset.items, str(dataset.root))
    assert found.folder == str(tmp_path) and found.count == 6
    assert sorted(looked) == sorted([tmp_path / "test", tmp_path / "train", tmp_path / "valid", tmp_path]), looked
    assert found.unfinished_export == not_readable(tmp_path) is not None
