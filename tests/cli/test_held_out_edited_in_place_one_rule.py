"""A held-out image re-saved in place (its metadata stripped: other bytes at its recorded path) was still that image
for `petloc evaluate --split` (`cli.recorded_images.find_recorded`), which scored it, while the window's check
(`model.held_out_here`) took an image at its recorded path only with the recorded bytes: it said "2 of the 3
validation images are here", and with a backup of the original elsewhere (orig/a.png) it took the backup, reading the
backup's annotation while the command scored the edited photo. Both now take the image at its recorded path whatever
its bytes (`model.recorded_copies.at_their_paths`) and count those changed since it was recorded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from petloc_gui.cli import recorded_images
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model import held_out_here
from petloc_gui.model.trained_here import TrainedHere, check_trained_here
from tests.cli.helpers import evaluate_split_scored
from tests.cli.test_byte_copies_one_rule_with_the_window import TRAIN, VALIDATION, _model, _photo, _source


def _edited_in_place(path: Path, other_size: bool) -> None:
    """The photo at ``path`` changed where it is: other pixels of the same size of file (the window reads it, as one
    of its recorded size), or its own pixels saved again with a text chunk (a file of another size: left unread)."""
    if other_size:
        from PIL.PngImagePlugin import PngInfo

        info = PngInfo()
        info.add_text("Comment", "edited")
        with Image.open(path) as photo:
            photo.load()
        photo.save(path, pnginfo=info)
    else:
        _photo(path, 99)


def _here(tmp_path: Path, source: Path, backup: bool, other_size: bool) -> Path:
    here = tmp_path / "here"
    for relpath in TRAIN + VALIDATION:
        (here / relpath).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / relpath, here / relpath)
    _edited_in_place(here / "val/a.png", other_size)
    assert (here / "val/a.png").read_bytes() != (source / "val/a.png").read_bytes()
    assert ((here / "val/a.png").stat().st_size != (source / "val/a.png").stat().st_size) == other_size
    if backup:  # a backup of the original, byte for byte, elsewhere in the folder
        (here / "orig").mkdir()
        shutil.copy(source / "val/a.png", here / "orig/a.png")
    return here


def _the_command_s(here: Path, meta: dict, monkeypatch) -> tuple[set[str], recorded_images.Found]:
    """The images (relative) `petloc evaluate --split validation` scores, and what its `find_recorded` found."""
    scored, found = evaluate_split_scored(here, meta, monkeypatch)
    return {Path(os.path.relpath(item.image_path, here)).as_posix() for item in scored}, found


def _the_window_s(model: Path, here: Path, monkeypatch) -> tuple[dict[str, str], list[str]]:
    """Held-out relpath -> the image (relative) the window's check takes for it, and the held-out images it found
    changed since recorded, from the check's own reads (`held_out_here.held_out_standing`, as the check calls it)."""
    changed: list[list[str]] = []

    real = held_out_here.held_out_standing

    def kept(*args, **kwargs):
        answer = real(*args, **kwargs)
        changed.append(answer.changed)
        return answer

    monkeypatch.setattr(held_out_here, "held_out_standing", kept)
    items = [(item.image_path_text, item.annotation_path_text) for item in open_dataset(here).items]
    answer = list(check_trained_here(model, here, items, {}, "validation"))[-1]
    assert isinstance(answer, TrainedHere) and answer.held_out is not None and len(changed) == 1
    return ({old: Path(os.path.relpath(now, here)).as_posix() for old, now in answer.held_out.standing.items()},
            changed[0])


@pytest.mark.parametrize("other_size", [False, True], ids=["same-size", "other-size"])
@pytest.mark.parametrize("backup", [False, True], ids=["no-backup", "backup-elsewhere"])
def test_the_window_and_evaluate_take_the_image_edited_in_place(tmp_path, monkeypatch, backup, other_size):
    source = _source(tmp_path)
    model, meta = _model(tmp_path, source, VALIDATION)
    here = _here(tmp_path, source, backup, other_size)
    command, found = _the_command_s(here, meta, monkeypatch)
    window, window_changed = _the_window_s(model, here, monkeypatch)
    assert window == {relpath: relpath for relpath in VALIDATION}  # never orig/a.png, the backup
    assert command == set(window.values())
    assert found.changed == window_changed == ["val/a.png"]
    assert found.by_bytes == []


def test_evaluate_s_line_for_an_image_changed_since_it_was_recorded(tmp_path, monkeypatch):
    source = _source(tmp_path)
    _, meta = _model(tmp_path, source, VALIDATION)
    _, found = _the_command_s(_here(tmp_path, source, True, False), meta, monkeypatch)
    assert recorded_images.changed_line(found, "validation images") == (
        "petloc: 1 of the model's validation images changed since it was recorded ('val/a.png' has other bytes than "
        "the sha256 meta.json records): scored all the same, as the image the model held out")
    found.changed.append("val/c.png")
    assert recorded_images.changed_line(found, "validation images").startswith(
        "petloc: 2 of the model's validation images changed since they were recorded (e.g. 'val/a.png' has")
    assert recorded_images.changed_line(recorded_images.Found(), "validation images") == ""


def test_an_unchanged_folder_has_none_changed(tmp_path, monkeypatch):
    source = _source(tmp_path)
    model, meta = _model(tmp_path, source, VALIDATION)
    here = tmp_path / "here"
    shutil.copytree(source, here)
    command, found = _the_command_s(here, meta, monkeypatch)
    window, window_changed = _the_window_s(model, here, monkeypatch)
    assert command == set(VALIDATION) == set(window.values()) and found.changed == window_changed == []
