"""`make bench` without ../shared: the inference benchmark's photo figures are skipped, not a traceback
(benchmarks/inference.py)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
from PIL import Image

import petloc_gui.core.paths
from tests.benchmark_modules import load_benchmark

inference = load_benchmark("inference")


def bundle_trained_on(root_name: str, names: list[str]) -> SimpleNamespace:
    return SimpleNamespace(meta={"training_data": {"root_name": root_name}, "splits": {"validation": names}})


def test_without_shared_there_are_no_validation_photos_and_stderr_says_so(monkeypatch, capsys):
    monkeypatch.setattr(petloc_gui.core.paths, "shared_dir", lambda: None)
    assert inference.validation_photos(bundle_trained_on("oxford-pets-3breeds", ["a.jpg"])) == []
    err = capsys.readouterr().err
    assert "../shared" in err and "skipped" in err


def test_with_shared_the_validation_photos_are_decoded(monkeypatch, tmp_path, capsys):
    photos = tmp_path / "data" / "oxford-pets-3breeds"
    photos.mkdir(parents=True)
    Image.fromarray(np.zeros((6, 8, 3), np.uint8)).save(photos / "a.png")
    monkeypatch.setattr(petloc_gui.core.paths, "shared_dir", lambda: tmp_path)
    decoded = inference.validation_photos(bundle_trained_on("a-copy-with-pseudo-labels", ["a.png"]))
    assert [im.shape for im in decoded] == [(6, 8, 3)]
    assert capsys.readouterr().err == ""
