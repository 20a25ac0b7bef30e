"""Whether the model's figures were measured on the open folder is told by the images they were measured on being
here, at their recorded paths with their recorded bytes, never by the folder's name (`model.trained_here`,
`app.trained_here_said`). By name, a copy of the bundled pets model's folder "data" under another name said its
test figures were 'measured on test images held out of its training folder "data", not this one' while all 48 of
them were here (one of them "re-boxed since" in the same label), and an unrelated folder named "data" said nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from petloc_gui.app.trained_here_said import cautions
from petloc_gui.model.trained_here import check_trained_here

from .trained_here_folders import TRAIN, VALIDATION, _photo, bundle, training_folder


def _answer(model: Path, root: Path, split: str = "validation"):
    images = [(str(image), str(image.with_suffix(".xml"))) for image in sorted(root.glob("*.png"))]
    *_, answer = check_trained_here(model, root, images, {}, split)
    return answer


def _said(answer, split: str = "validation") -> list[tuple[str, str]]:
    return [(caution.long, caution.short) for caution in cautions(answer, split) if "measured on" in caution.long]


def test_a_copy_of_its_training_folder_under_another_name_is_where_they_were_measured(tmp_path):
    source = training_folder(tmp_path)
    model = bundle(tmp_path, source)
    export = tmp_path / "export"
    shutil.copytree(source, export)
    answer = _answer(model, export)
    assert (answer.measured, answer.measured_found, answer.training_folder) == (1, 1, "")
    assert _said(answer) == []


def test_another_folder_of_its_training_folder_s_name_is_not(tmp_path):
    model = bundle(tmp_path, training_folder(tmp_path))
    named = tmp_path / "elsewhere" / "cvat"
    named.mkdir(parents=True)
    for seed in range(3):
        _photo(named / f"photo_{seed}.png", 200 + seed)
    answer = _answer(model, named)
    assert (answer.measured, answer.measured_found, answer.training_folder) == (1, 0, "cvat")
    assert _said(answer) == [('measured on its training folder "cvat", not this one', 'in "cvat"')]


def test_a_photo_at_its_recorded_path_with_other_bytes_is_found_here_and_said_changed(tmp_path):
    # re-saved in place (its metadata stripped): still the image the model held out, as `petloc evaluate --split`
    # scores it (`model.recorded_copies.at_their_paths`); bytes cannot tell it from another photo under its name,
    # so the window says it changed since it was recorded
    source = training_folder(tmp_path)
    model = bundle(tmp_path, source)
    copy = tmp_path / "copy"
    shutil.copytree(source, copy)
    _photo(copy / VALIDATION[0], 300)
    answer = _answer(model, copy)
    assert (answer.measured_found, answer.measured_changed, answer.training_folder) == (1, 1, "")


def test_some_of_them_here_says_how_many(tmp_path):
    source = training_folder(tmp_path)
    model = bundle(tmp_path, source)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    meta["splits"].update(train=TRAIN[:3], validation=[TRAIN[3], *VALIDATION])
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    part = tmp_path / "part"
    shutil.copytree(source, part)
    (part / TRAIN[3]).unlink()
    answer = _answer(model, part)
    assert (answer.measured, answer.measured_found, answer.training_folder) == (2, 1, "cvat")
    assert _said(answer) == [('measured on its training folder "cvat": 1 of the 2 validation images is here',
                              "1/2 of them here")]


def test_an_older_record_s_held_out_images_are_found_by_their_paths(tmp_path):
    """A model whose record lists its validation images but not its training images (an older bundle, its data
    folder gone): the check counts nothing, and the images are found here by their paths alone."""
    source = training_folder(tmp_path)
    model = tmp_path / "old"
    model.mkdir()
    meta = {"class_names": ["cat", "dog"], "validation_split": {"images": VALIDATION},
            "training_data": {"root_name": "cvat", "root": str(tmp_path / "gone"), "fingerprint": "f"}}
    (model / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    copy = tmp_path / "copy"
    shutil.copytree(source, copy)
    answer = _answer(model, copy)
    assert answer.count is None and answer.why_unknown
    assert (answer.measured, answer.measured_found, answer.training_folder) == (1, 1, "")
    (copy / VALIDATION[0]).unlink()
    assert _answer(model, copy).training_folder == "cvat"
