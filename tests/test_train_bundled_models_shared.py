"""`make models` without ../shared: refused before anything is trained (benchmarks/train_bundled_models.py)."""

from __future__ import annotations

import pytest

from tests.benchmark_modules import load_benchmark

train_bundled_models = load_benchmark("train_bundled_models")


@pytest.fixture
def trained(monkeypatch):
    """The names of the recipes main() started (none of them runs: each only records its name)."""
    started: list[str] = []

    def stand_in(name):
        def run(*args, **kwargs):
            started.append(name)
            return {"bundle": name, "train_seconds": 0, "accuracy": 1.0, "mean_iou": 1.0, "iou_ge_50": 1.0,
                    "n_images": 1}
        return run

    monkeypatch.setattr(train_bundled_models, "train_digits", stand_in("digits"))
    monkeypatch.setattr(train_bundled_models, "train_pets", stand_in("pets"))
    return started


@pytest.mark.parametrize("argv", [[], ["--only", "pets"]])
def test_without_shared_nothing_is_trained_and_the_message_says_what_to_do(argv, trained, monkeypatch, capsys,
                                                                           tmp_path):
    monkeypatch.setattr(train_bundled_models, "shared_dir", lambda: None)
    code = train_bundled_models.main([*argv, "--out", str(tmp_path)])
    assert code == 1
    assert trained == []
    err = capsys.readouterr().err
    assert "../shared/data/oxford-pets-3breeds" in err and "--only digits" in err


def test_a_shared_folder_without_the_pets_photos_is_refused_the_same_way(trained, monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(train_bundled_models, "shared_dir", lambda: tmp_path)
    assert train_bundled_models.main(["--out", str(tmp_path / "models")]) == 1
    assert trained == []


def test_digits_alone_needs_no_shared(trained, monkeypatch, tmp_path):
    monkeypatch.setattr(train_bundled_models, "shared_dir", lambda: None)
    assert train_bundled_models.main(["--only", "digits", "--out", str(tmp_path)]) == 0
    assert trained == ["digits"]


def test_with_the_pets_photos_both_are_trained(trained, monkeypatch, tmp_path):
    (tmp_path / train_bundled_models.PETS_SUBDIR).mkdir(parents=True)
    monkeypatch.setattr(train_bundled_models, "shared_dir", lambda: tmp_path)
    assert train_bundled_models.main(["--out", str(tmp_path / "models")]) == 0
    assert trained == ["digits", "pets"]
