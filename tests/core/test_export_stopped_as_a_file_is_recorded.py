"""A Ctrl+C landing just after a run made a file, before it noted the file as its own: `Written.wrote` noted a new
file only once its write had returned, and an export or conversion noted a placed image only once `place_image`
had returned. `petloc convert SRC --to yolo PROJECT --overwrite` into the user's Ultralytics project, stopped so as
labels/r.txt was noted, left it there (``1 0.425 …``: a dog in petloc's class ids, a cat under the user's
data.yaml, given to the user's own background image r.jpg) while it said it had "removed the 1 file the export had
written there"; an image placed just before the stop stayed likewise. A path nothing is at is now noted before the
write or the placing (a take-back skips one that never came), and one the placing refused dropped again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import upright, voc_out
from petloc_gui.core.interop.files import write_derived
from petloc_gui.core.interop.written import Written
from tests.cli.helpers import run_cli

USERS_YAML = b"path: /data/proj\ntrain: images\nval: images\nnames:\n  0: dog\n  1: cat\n"
USERS_LABEL = b"1 0.5 0.5 0.2 0.2\n"


def _contents(folder: Path) -> dict[str, bytes | None]:
    return {path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
            for path in folder.rglob("*")}


def _users_project(tmp_path: Path, small_voc: Path, own_images: bool) -> Path:
    """The user's Ultralytics project: their data.yaml, classes.txt (dog, cat: petloc's ids the other way round)
    and a.png's label; with ``own_images`` their own copies of the photos, r.jpg a background image (no label)."""
    out = tmp_path / "proj"
    (out / "labels").mkdir(parents=True)
    (out / "images").mkdir()
    if own_images:
        for name in ("a.png", "r.jpg", "e.png", "u.png"):
            shutil.copy2(small_voc / name, out / "images" / name)
    (out / "data.yaml").write_bytes(USERS_YAML)
    (out / "classes.txt").write_bytes(b"dog\ncat\n")
    (out / "labels" / "a.txt").write_bytes(USERS_LABEL)
    return out


def test_a_stop_as_a_new_label_file_is_noted_takes_it_back(small_voc, tmp_path, monkeypatch, capsys):
    out = _users_project(tmp_path, small_voc, own_images=True)
    before = _contents(out)
    real, noted = Written.file, []

    def file(self, path):
        if path.name == "r.txt":
            noted.append(path)
            raise KeyboardInterrupt  # Ctrl+C delivered at this call (Python runs the handler on calls)
        return real(self, path)

    monkeypatch.setattr(Written, "file", file)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 130, err
    assert noted  # the stop came as labels/r.txt was noted
    assert _contents(out) == before, err


def _stop_after_placing(monkeypatch, module, name: str) -> list[Path]:
    """``module``'s placing (the export's `upright.Orientations.place`, the conversion's `place_image`) of the
    image ``name`` is stopped by a Ctrl+C landing as it returns: the image is in OUT."""
    placed: list[Path] = []
    if module is upright:
        real_place = upright.Orientations.place

        def place(self, record, target, *args, **kwargs):
            how = real_place(self, record, target, *args, **kwargs)
            if target.name == name:
                placed.append(target)
                raise KeyboardInterrupt
            return how

        monkeypatch.setattr(upright.Orientations, "place", place)
    else:
        real_image = voc_out.place_image

        def place_image(source, target, mode):
            how = real_image(source, target, mode)
            if target.name == name:
                placed.append(target)
                raise KeyboardInterrupt
            return how

        monkeypatch.setattr(voc_out, "place_image", place_image)
    return placed


@pytest.mark.parametrize("fmt", ["yolo", "coco"])
def test_a_stop_as_an_export_placed_an_image_takes_it_back(small_voc, tmp_path, monkeypatch, capsys, fmt):
    out = _users_project(tmp_path, small_voc, own_images=False)
    before = _contents(out)
    placed = _stop_after_placing(monkeypatch, upright, "r.jpg")
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, out, "--overwrite", "--images", "copy")
    assert code == 130, err
    assert placed and placed[0].parent == out / "images"
    assert _contents(out) == before, err


def test_a_stop_as_a_conversion_to_voc_placed_an_image_takes_it_back(small_voc, tmp_path, monkeypatch, capsys):
    yolo, out = tmp_path / "yolo", tmp_path / "mine"
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", yolo, "--images", "copy")
    assert code == 0, err
    out.mkdir()
    (out / "readme.txt").write_bytes(b"my own\r\n")
    before = _contents(out)
    placed = _stop_after_placing(monkeypatch, voc_out, "e.png")
    code, _, err = run_cli(capsys, "convert", yolo, "--from", "yolo", out)
    assert code == 130, err
    assert placed
    assert _contents(out) == before, err


def test_a_new_file_noted_before_its_write_and_saved_over_since_is_left(tmp_path):
    """Noted before its write, a new file is still looked at after it: one saved over meanwhile stays, named."""
    new = tmp_path / "n.txt"
    written = Written()
    written.wrote(new, lambda: write_derived(new, b"the run's"))
    assert written.files == [new]
    write_derived(new, b"the user's save")
    assert written.take_back() == (0, []) and written.changed == [new]
    assert new.read_bytes() == b"the user's save"


def test_a_write_that_made_nothing_leaves_nothing_noted(tmp_path):
    """A new path noted before a write that then failed having made nothing is not the run's: a file the user puts
    there later is not taken back; nor one there when a placing refused (the user's, put there meanwhile)."""
    new, theirs = tmp_path / "n.txt", tmp_path / "t.png"

    def refused() -> None:
        raise SaveError("cannot write: Permission denied", new)

    def appeared_meanwhile() -> str:
        theirs.write_bytes(b"the user's")
        raise SaveError("a file appeared here meanwhile; nothing replaced", theirs)

    written = Written()
    with pytest.raises(SaveError):
        written.wrote(new, refused)
    with pytest.raises(SaveError):
        written.placing(theirs, appeared_meanwhile)
    new.write_bytes(b"the user's")
    assert written.files == [] and written.take_back() == (0, [])
    assert new.read_bytes() == theirs.read_bytes() == b"the user's"


def test_a_placing_of_a_file_already_there_is_not_the_runs(tmp_path):
    theirs, new = tmp_path / "t.png", tmp_path / "n.png"
    theirs.write_bytes(b"the user's")
    written = Written()
    assert written.placing(theirs, lambda: "present") == "present"
    assert written.placing(new, lambda: new.write_bytes(b"copied") and "copied") == "copied"
    assert written.files == [new]
