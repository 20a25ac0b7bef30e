"""`petloc train` without --out makes a model version, and `petloc models` says where they are kept.

The help, docs/cli.md and the README told users to give `--out "$PETLOC_DATA_DIR/models/<preset>"`
("by default ~/.local/share/petloc/models/<preset>"): with PETLOC_DATA_DIR unset (the normal case)
the shell made that `--out /models/<preset>`, and with XDG_DATA_HOME set the stated default was not
the folder the window and `petloc models` list. Nothing printed where that folder is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_train
from tests.cli.helpers import assert_clean_errors, json_lines, run_cli, voc_xml, write_image

ROOT = Path(__file__).resolve().parents[2]


def _xdg_user(monkeypatch, tmp_path) -> Path:
    """A user with no PETLOC_DATA_DIR and XDG_DATA_HOME set: the store is under XDG_DATA_HOME."""
    monkeypatch.delenv("PETLOC_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg" / "petloc" / "models"


def _one_image_folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    write_image(data / "a.png", 40, 30)
    (data / "a.xml").write_text(voc_xml("a.png", 40, 30, [("cat", (5, 5, 20, 20))]), encoding="utf-8")
    return data


def test_no_help_or_doc_recommends_an_out_under_petloc_data_dir():
    texts = {"train --help": cmd_train.EPILOG, "README.md": (ROOT / "README.md").read_text(encoding="utf-8"),
             "docs/cli.md": (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")}
    for name, text in texts.items():
        assert "$PETLOC_DATA_DIR/models" not in text, name
        assert "--out \"$PETLOC_DATA_DIR" not in text, name
    assert "petloc models --store" in " ".join(cmd_train.EPILOG.split())


def test_models_names_the_store_folder_that_follows_xdg_data_home(monkeypatch, tmp_path, capsys):
    store = _xdg_user(monkeypatch, tmp_path)
    code, out, err = run_cli(capsys, "models", "--store")
    assert code == 0 and out == f"{store}\n" and err == ""
    code, out, _ = run_cli(capsys, "models", "--store", "--json")
    assert code == 0 and json_lines(out) == [{"store": str(store)}]
    code, out, _ = run_cli(capsys, "models")
    assert code == 0 and out.splitlines()[-1].startswith(f"Trained versions are kept in {store} ")


def test_train_without_out_writes_into_the_store_folder(monkeypatch, tmp_path, capsys):
    store = _xdg_user(monkeypatch, tmp_path)
    data = _one_image_folder(tmp_path)
    from petloc_gui.model import training

    seen = []

    def trained(data_dir, config, on_event, should_stop, folder=None):  # what training reports, without TensorFlow
        seen.append(Path(config.out_dir))
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    code, out, err = run_cli(capsys, "train", data, "--preset", "photo")
    assert code == 0, err
    [bundle] = seen
    assert bundle.parent == store / "photo" and out.strip().splitlines()[-1] == str(bundle)
    assert f"as photo/{bundle.name}" in err


def test_a_store_that_cannot_be_written_is_said_before_training(monkeypatch, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PETLOC_DATA_DIR", str(blocker))
    data = _one_image_folder(tmp_path)
    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: pytest.fail("TensorFlow loaded"))
    code, out, err = run_cli(capsys, "train", data, "--preset", "digits")
    [line] = assert_clean_errors(err)
    assert code == 1 and out == ""
    assert line.startswith(f"petloc: {blocker}/models/digits: the model store's folder for this preset cannot be "
                           "written to")
    assert line.endswith("give --out DIR to write the bundle elsewhere")


@pytest.mark.slow
def test_a_trained_version_is_listed_in_the_folder_models_names(monkeypatch, tmp_path, capsys):
    """End to end: one epoch on 24 digits, no --out; `petloc models` lists it, under --store's folder."""
    store = _xdg_user(monkeypatch, tmp_path)
    from petloc_gui.core.digits import write_digits_dataset

    write_digits_dataset(tmp_path / "digits", "train", 24, seed=2)
    code, out, err = run_cli(capsys, "train", tmp_path / "digits", "--preset", "digits", "--epochs", "1",
                             "--batch-size", "8")
    assert code == 0, err
    bundle = Path(out.strip().splitlines()[-1])
    code, out, _ = run_cli(capsys, "models", "--store")
    assert bundle.parent.parent == Path(out.strip()) == store
    code, out, _ = run_cli(capsys, "models", "--json")
    rows = {row["name"]: row for row in json_lines(out)}
    assert rows[f"digits/{bundle.name}"]["path"] == str(bundle)
    assert json.loads((bundle / "meta.json").read_text())["version_id"] == bundle.name
