"""`petloc evaluate` on a folder of `petloc digits` canvases hashes each image once: for its trained-on
match and for its learned-digit lookup alike (before: twice, every byte of the folder read again)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.cli.helpers import assert_clean_errors, bundle_with_meta, last_json, run_cli
from tests.cli.test_evaluate_learned_digits import _canvases


def _counting_hashes(monkeypatch) -> Counter[Path]:
    """Every sha256 of a file taken from now on, by file (both names the hashing function is called by)."""
    from petloc_gui.model import bundle, training_record

    hashed: Counter[Path] = Counter()
    real = bundle.file_sha256

    def counted(path):
        hashed[Path(path)] += 1
        return real(path)

    monkeypatch.setattr(bundle, "file_sha256", counted)
    monkeypatch.setattr(training_record, "file_sha256", counted)
    return hashed


def test_each_canvas_is_hashed_once_and_the_report_is_unchanged(tiny_bundle, tmp_path, capsys, monkeypatch):
    folder = _canvases(tmp_path / "digits-train", [("train", 3), ("train", 7), ("train", 9), ("test", 3)])
    # a record of training images (other canvases) and of learned digits: both counts look at every image
    model = bundle_with_meta(tiny_bundle, tmp_path, splits={"train": ["elsewhere/a.png"], "validation": [], "test": []},
                             images={"elsewhere/a.png": {"sha256": "0" * 64}},
                             training_data={"mnist_digits": {"train": [3, 7]}})
    hashed = _counting_hashes(monkeypatch)
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    images = sorted(folder.glob("*.png"))
    assert {path: n for path, n in hashed.items() if path.suffix == ".png"} == {image: 1 for image in images}
    report = last_json(out)
    assert (report["n_images"], report["n_trained_on"], report["n_learned_digits"]) == (4, 0, 2)
    assert report["trained_on_record"].startswith("incomplete: 2 evaluated images hold MNIST digits")
    assert len(assert_clean_errors(err)) == 1


def test_with_no_record_of_training_images_only_the_canvases_are_hashed_once(tiny_bundle, tmp_path, capsys,
                                                                              monkeypatch):
    """trained_on_count hashes nothing when no record tells (n_trained_on null): the learned-digit lookup
    hashes the canvases itself, each once."""
    folder = _canvases(tmp_path / "digits-train", [("train", 3), ("test", 3)])
    model = bundle_with_meta(tiny_bundle, tmp_path, splits=None, images=None,
                             training_data={"mnist_digits": {"train": [3]}})
    hashed = _counting_hashes(monkeypatch)
    code, out, err = run_cli(capsys, "evaluate", folder, "--model", model, "--json")
    assert code == 0, err
    assert {path: n for path, n in hashed.items() if path.suffix == ".png"} == {
        image: 1 for image in sorted(folder.glob("*.png"))}
    report = last_json(out)
    assert (report["n_trained_on"], report["n_learned_digits"]) == (None, 1)
