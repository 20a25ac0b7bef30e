"""A check that found none of the folder's images trained on, but did not look at them all, says so
(`model.trained_here`, `app.trained_here_said`). An older model's record (meta.json ``images`` without sizes) has a
big folder read up to a budget: 20,003 images with its 3 training photos at the end answered count 0, complete
False, 18,003 unchecked, and the window said nothing at all, as for a folder it never trained on. A model whose
parent's record is missing said nothing either, where `petloc evaluate` says 0 is a lower bound."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from petloc_gui.app.trained_here_said import cautions, status_message
from petloc_gui.model import trained_here
from petloc_gui.model.trained_here import check_trained_here

from .trained_here_folders import TRAIN, _photo, bundle, training_folder


def _images(root: Path) -> list[tuple[str, str]]:
    return [(str(image), str(image.with_suffix(".xml"))) for image in sorted(root.glob("*.png"))]


def _folder_with_training_photos_last(tmp_path: Path, source: Path, others: int) -> Path:
    """``others`` photos the model never saw ("a_*", first in the list), then copies of its training photos."""
    folder = tmp_path / "phone"
    folder.mkdir()
    for n in range(others):
        _photo(folder / f"a_{n}.png", 500 + n)
    for name in TRAIN:
        shutil.copy(source / name, folder / f"z_{name}")
    return folder


def test_a_check_stopped_at_its_budget_having_found_none_says_so(tmp_path, monkeypatch):
    source = training_folder(tmp_path)
    folder = _folder_with_training_photos_last(tmp_path, source, 5)
    model = bundle(tmp_path, source)  # an older model: hashes, no sizes
    monkeypatch.setattr(trained_here, "UNSIZED_FILES", 3)
    answer = list(check_trained_here(model, folder, _images(folder), {}))[-1]
    assert (answer.count, answer.images, answer.unchecked, answer.complete) == (0, 9, 6, False)
    said = [caution.long for caution in cautions(answer)]
    assert "checked 3 of 9 images: none of them is a training image; the rest were not checked" in said
    message = status_message(answer, "pets-old")
    assert message.startswith("Checked 3 of 9 images: none of them is a training image of pets-old")
    assert "the rest were not checked" in message


def test_each_check_given_the_last_one_s_hashes_goes_on_where_it_stopped(tmp_path, monkeypatch):
    source = training_folder(tmp_path)
    folder = _folder_with_training_photos_last(tmp_path, source, 5)
    model = bundle(tmp_path, source)
    monkeypatch.setattr(trained_here, "UNSIZED_FILES", 3)
    memo: dict = {}
    answers = []
    for _ in range(3):
        answer = list(check_trained_here(model, folder, _images(folder), memo))[-1]
        memo = {**memo, **answer.memo}  # as the window keeps them (`TrainedHereWatch`)
        answers.append((answer.count, answer.unchecked, answer.complete))
    assert answers == [(0, 6, False), (1, 3, False), (4, 0, True)]


def test_none_found_by_an_incomplete_record_is_a_lower_bound(tmp_path):
    source = training_folder(tmp_path)
    model = bundle(tmp_path, source)
    meta = json.loads((model / "meta.json").read_text(encoding="utf-8"))
    (model / "meta.json").write_text(json.dumps({**meta, "parent": "gone-model"}), encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    for n in range(3):
        _photo(other / f"new_{n}.png", 700 + n)
    answer = list(check_trained_here(model, other, _images(other), {}))[-1]
    assert (answer.count, answer.images, answer.unchecked, answer.complete) == (0, 3, 0, False)
    assert answer.why_incomplete == "its parent model gone-model is not found"
    (said,) = [caution for caution in cautions(answer) if "training image" in caution.long]
    assert said.long == ("none of this folder's 3 images is a training image as far as its record tells: the record "
                         "of the images it learned from is incomplete (its parent model gone-model is not found), "
                         "0 found trained on is a lower bound")
    assert "0 found trained on is a lower bound" in status_message(answer, "m")
