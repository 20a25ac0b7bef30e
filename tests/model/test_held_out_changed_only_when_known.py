"""A held-out image at its recorded path is said "changed since it was recorded" only when that is known: read there
with other bytes, or left unread with another size than recorded (`model.held_out_here`). Any image at its path the
check did not read was taken to be of another size, so one the check's list lacks (the window's index still
scanning, or a file it does not list) was said changed with its recorded bytes, while `petloc evaluate --split`
(which looks at listed images alone) said nothing of it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from petloc_gui.app.trained_here_said import cautions
from petloc_gui.model.trained_here import check_trained_here

from .trained_here_folders import VALIDATION, _photo, bundle, training_folder


def _unlisting(tmp_path: Path, sizes: bool) -> tuple[Path, Path, list[tuple[str, str]]]:
    """The model, a copy of its training folder, and the copy's images as a list that lacks the validation image
    (``sizes``: meta.json records each image's size, as a run now does)."""
    source = training_folder(tmp_path)
    model = bundle(tmp_path, source)
    if sizes:
        meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
        for relpath, entry in meta["images"].items():
            entry["size"] = (source / relpath).stat().st_size
        (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    copy = tmp_path / "copy"
    shutil.copytree(source, copy)
    images = [(str(image), str(image.with_suffix(".xml"))) for image in sorted(copy.glob("*.png"))
              if image.name != VALIDATION[0]]
    return model, copy, images


def _check(model: Path, root: Path, images: list[tuple[str, str]]):
    *_, answer = check_trained_here(model, root, images, {}, "validation")
    return answer


def test_an_unlisted_held_out_image_with_its_recorded_bytes_is_not_changed(tmp_path):
    for sizes in (False, True):
        (tmp_path / f"sizes-{sizes}").mkdir()
        model, copy, images = _unlisting(tmp_path / f"sizes-{sizes}", sizes)
        answer = _check(model, copy, images)
        assert (answer.measured, answer.measured_found, answer.measured_changed) == (1, 1, 0)
        assert not any("changed since" in caution.long for caution in cautions(answer, "validation"))


def test_an_unlisted_held_out_image_of_another_size_than_recorded_is_changed(tmp_path):
    model, copy, images = _unlisting(tmp_path, sizes=True)
    _photo(copy / VALIDATION[0], 99)  # re-saved in place: other pixels...
    with (copy / VALIDATION[0]).open("ab") as image:
        image.write(b"\0" * 7)  # ...and, whatever PNG makes of them, another size
    answer = _check(model, copy, images)
    assert (answer.measured_found, answer.measured_changed) == (1, 1)


def test_an_unlisted_image_of_its_recorded_size_is_not_guessed_changed(tmp_path):
    """Same size, other bytes, never read: not known to differ, so not said to (nothing read tells it)."""
    model, copy, images = _unlisting(tmp_path, sizes=True)
    path = copy / VALIDATION[0]
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    assert _check(model, copy, images).measured_changed == 0
