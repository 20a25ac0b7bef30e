"""`petloc train --deterministic`: the model layer had `TrainConfig.deterministic` (op determinism, the same
seed the same weights) and docs/cli.md described the flag, but the command had no such option (exit 2).
It reaches the run's config, --help says what it does and what --seed alone does not fix, and the workers
of a multi-worker run must agree on it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from petloc_gui.cli import cmd_train
from petloc_gui.model.initial_weights import backbone_weights
from petloc_gui.model.presets import get_preset
from petloc_gui.model.training import TrainConfig
from petloc_gui.model.worker_agreement import run_fingerprint, training_parts
from tests.cli.helpers import run_cli, write_annotated


@pytest.fixture
def configs(tmp_path, monkeypatch) -> tuple[Path, list[TrainConfig]]:
    """A folder of four boxed images, and the configs `training.train` is called with (no TensorFlow)."""
    from petloc_gui.model import training

    folder = tmp_path / "shapes"
    folder.mkdir()
    for n in range(4):
        write_annotated(folder, f"cat{n}", 40, 30, [("cat", (5, 5, 20, 20))])
    seen: list[TrainConfig] = []

    def trained(data_dir, config, on_event, should_stop, folder=None):
        seen.append(config)
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    return folder, seen


def test_the_option_reaches_the_run_s_config(configs, tmp_path, capsys):
    folder, seen = configs
    for given in (["--deterministic"], []):
        code, _, stderr = run_cli(capsys, "train", folder, "--preset", "digits", "--out", tmp_path / "m", *given)
        assert code == 0, stderr
    assert [config.deterministic for config in seen] == [True, False]


def test_the_help_says_what_it_does_and_what_the_seed_alone_does_not(capsys):
    code, out, _ = run_cli(capsys, "train", "--help")
    assert code == 0
    options = " ".join(out.split()).split("options:", 1)[1]
    flag = options.split("--deterministic ", 1)[1].split(" --", 1)[0]
    assert "the same data, seed and settings give the same weights" in flag
    assert "op determinism" in flag and "meta.json" in flag
    assert "the seed does not fix the order the batches arrive in" in flag
    assert "--seed S random seed: split, shuffling, augmentation, first weights (default 0); runs repeat exactly " \
           "only with --deterministic" in options


def test_workers_must_agree_on_it():
    data = SimpleNamespace(class_names=["cat"], renamed={}, images_record=dict,
                           splits_record=lambda: {"train": ["a.png"], "validation": ["b.png"], "test": []})
    parts = [training_parts(data, TrainConfig(preset="digits", deterministic=flag),  # type: ignore[arg-type]
                            get_preset("digits"), 2, 4, 1, None, backbone_weights(get_preset("digits"), None)[1])
             for flag in (True, False)]
    first, second = run_fingerprint(parts[0]), run_fingerprint(parts[1])
    assert [kind for kind in first if first[kind] != second[kind]] == ["--deterministic"]
