"""The window's check (`model.held_out_here.held_out_standing`) and `petloc evaluate --split` (`cli.recorded_images`)
each had their own copy of which image found by its bytes stands for which held-out image, and they had drifted: the
window took byte-identical copies in plain path order ("d10/" before "d9/") and the recorded copies of one photo in
path order, the command in the folder's order ("d9/" before "d10/") and in meta.json's list order, so for a folder
of renamed copies the two named different images as the model's validation photo (and read different boxes for it).
Both now call one matcher (`model.recorded_copies.found_by_bytes`)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.bundle import file_sha256
from petloc_gui.model.recorded_copies import found_by_bytes
from petloc_gui.model.trained_here import TrainedHere, check_trained_here
from tests.cli.helpers import evaluate_split_scored

TRAIN = ["train/a.png", "train/t1.png"]
# "val/a.png" and "val/b.png" are one photo recorded under two paths (byte copies); "val/c.png" another
VALIDATION = ["val/a.png", "val/b.png", "val/c.png"]


def _photo(path: Path, seed: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    Image.fromarray(rng.integers(0, 255, (40, 50, 3), dtype=np.uint8)).save(path)


def _source(tmp_path: Path) -> Path:
    root = tmp_path / "cvat"
    for seed, relpath in enumerate(TRAIN):
        _photo(root / relpath, seed)
    _photo(root / "val/a.png", 10)
    (root / "val/b.png").write_bytes((root / "val/a.png").read_bytes())
    _photo(root / "val/c.png", 11)
    return root


def _model(tmp_path: Path, source: Path, listed: list[str]) -> tuple[Path, dict]:
    """A bundle whose meta.json records training on ``TRAIN``, holding ``VALIDATION`` out (listed as ``listed``),
    each image's sha256 and size recorded."""
    folder = tmp_path / "model"
    folder.mkdir()
    images = {relpath: {"sha256": file_sha256(source / relpath), "annotation_sha256": None,
                        "size": (source / relpath).stat().st_size} for relpath in TRAIN + VALIDATION}
    meta = {"class_names": ["cat", "dog"], "splits": {"train": TRAIN, "validation": listed, "test": []},
            "images": images, "training_data": {"root_name": source.name},
            "metrics": {"accuracy": 0.5, "mean_iou": 0.4, "n_images": len(VALIDATION)}}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder, meta


def _here(tmp_path: Path, source: Path) -> Path:
    """The photos renamed: the a/b photo twice, in folders whose plain order ("d10" < "d9") is not the folder's
    natural one; c's photo under its own file name and under another name in a folder sorted before it; and the a/b
    photo's bytes at a training image's recorded path, of a held-out file name (looked at first were it free: that
    image, never a copy of another)."""
    root = tmp_path / "here"
    copies = {"d9/photo.png": "val/a.png", "d10/photo.png": "val/a.png", "m/c.png": "val/c.png",
              "b/other.png": "val/c.png", "train/a.png": "val/a.png", "train/t1.png": "train/t1.png"}
    for relpath, recorded in copies.items():
        (root / relpath).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / recorded, root / relpath)
    return root


def _the_command_s(here: Path, meta: dict, monkeypatch) -> dict[str, str]:
    """Held-out relpath -> the path here `petloc evaluate --split validation` scores for it."""
    _, found = evaluate_split_scored(here, meta, monkeypatch)
    assert not found.by_form
    return dict(found.by_bytes)


def _the_window_s(model: Path, here: Path) -> dict[str, str]:
    """Held-out relpath -> the path here (relative) the window's check takes for it."""
    items = [(item.image_path_text, item.annotation_path_text) for item in open_dataset(here).items]
    answer = list(check_trained_here(model, here, items, {}, "validation"))[-1]
    assert isinstance(answer, TrainedHere) and answer.held_out is not None
    return {old: Path(os.path.relpath(now, here)).as_posix() for old, now in answer.held_out.standing.items()}


# meta.json's list order does not choose which recorded copy takes which image (the window's held-out set has none)
@pytest.mark.parametrize("listed", [VALIDATION, VALIDATION[::-1]])
def test_the_window_and_evaluate_take_the_same_copy_for_each_held_out_image(tmp_path, monkeypatch, listed):
    source = _source(tmp_path)
    model, meta = _model(tmp_path, source, listed)
    here = _here(tmp_path, source)
    command = _the_command_s(here, meta, monkeypatch)
    window = _the_window_s(model, here)
    assert command == window == {"val/a.png": "d9/photo.png", "val/b.png": "d10/photo.png", "val/c.png": "m/c.png"}


def test_the_caller_s_order_does_not_choose():
    wanted = {"val/b.png": "x", "val/a.png": "x", "val/c.png": "y"}
    candidates = [("d10", "d10/photo.png"), ("d9", "d9/photo.png"), ("other", "b/other.png"), ("c", "m/c.png"),
                  ("t0", "train/a.png")]
    sha = {"d10": "x", "d9": "x", "other": "y", "c": "y", "t0": "x"}
    answers = {tuple(found_by_bytes(wanted, order, sha.get, {"train/a.png", *wanted}))
               for order in (candidates, candidates[::-1])}
    assert answers == {(("val/c.png", "c"), ("val/a.png", "d9"), ("val/b.png", "d10"))}


def test_each_image_is_hashed_once_and_none_after_all_are_found():
    hashed: list[str] = []
    candidates = [SimpleNamespace(name=name) for name in ("a.png", "z1.png", "z2.png")]
    found = found_by_bytes({"val/a.png": "x"}, [(each, f"here/{each.name}") for each in candidates],
                           lambda each: hashed.append(each.name) or "x", set())
    assert [(old, each.name) for old, each in found] == [("val/a.png", "a.png")] and hashed == ["a.png"]
