"""`petloc predict --write-voc` into a folder that cannot take a file is refused before the model loads,
in one line (exit 1), as `export` refuses its target: it loaded the model, predicted every image and
then said the same folder-level line once per image (5,000 lines for 5,000 images). A folder that
fails only while the run writes is said once, with how many pre-labels it did not get."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.cli.helpers import assert_clean_errors, json_lines, oxford_layout, run_cli, write_annotated, write_image

W, H = 64, 32
ROOT = Path(__file__).resolve().parents[2]
_WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT


@pytest.fixture
def read_only(monkeypatch):
    """Make the folders put in the returned set refuse new files as a read-only folder does for a user
    who is not root (root ignores chmod): creating a file in one, or an unnamed one (O_TMPFILE)."""
    refused: set[str] = set()
    real_open = os.open

    def guarded_open(path, flags, *args, **kwargs):
        text = os.fspath(path)
        if flags & _WRITING and (text in refused or os.path.dirname(text) in refused):
            raise PermissionError(13, "Permission denied", text)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    return refused


def _no_model_load(monkeypatch):
    from petloc_gui.cli import cmd_predict

    def refused(spec):
        raise AssertionError("the model was loaded for a run that can write no pre-label")

    monkeypatch.setattr(cmd_predict, "load_predictor", refused)


def _a_model_that_sees_cats(monkeypatch, on_predict=lambda: None):
    """A stand-in model (no TensorFlow): every image a cat in a fixed box; ``on_predict`` runs first."""
    from petloc_gui.cli import cmd_predict
    from petloc_gui.model.inference import Predictor

    class CatModel:
        class_names = ("cat", "dog")

        def predict_paths(self, paths):
            on_predict()
            n = len(paths)
            return Predictor.to_predictions(self, np.tile([0.9, 0.1], (n, 1)), np.tile([0.1, 0.1, 0.5, 0.5], (n, 1)),
                                            [(W, H)] * n)

    meta = {"format_version": 1, "class_names": ["cat", "dog"], "input_size": [W, H]}
    monkeypatch.setattr("petloc_gui.model.bundle.read_meta", lambda spec: meta)
    monkeypatch.setattr(cmd_predict, "load_predictor", lambda spec: (CatModel(), Path(spec), meta))


def _images(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        write_image(folder / f"img{i}.png", W, H)
    return folder


def test_a_read_only_folder_is_refused_before_the_model_loads(tmp_path, capsys, read_only, monkeypatch):
    _no_model_load(monkeypatch)
    data = _images(tmp_path / "data", 5)
    read_only.add(str(data))
    code, out, err = run_cli(capsys, "predict", data, "--model", "digits", "--write-voc", "--json")
    assert code == 1 and out == ""
    assert assert_clean_errors(err) == [
        f"petloc: {data}: cannot write pre-labels in this folder (Permission denied); nothing predicted: give "
        "yourself write permission there, or leave out --write-voc to predict without writing"]
    assert not list(data.glob("*.xml"))


def test_every_read_only_folder_is_named_in_one_line(tmp_path, capsys, read_only, monkeypatch):
    _no_model_load(monkeypatch)
    data = tmp_path / "data"
    _images(data / "ok", 2)
    for name in ("ro1", "ro2"):
        read_only.add(str(_images(data / name, 3)))
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, "predict", "data", "--model", "digits", "--write-voc")
    assert code == 1
    (line,) = assert_clean_errors(err)
    assert line.startswith("petloc: cannot write pre-labels in 2 folders: data/ro1 (Permission denied), "
                           "data/ro2 (Permission denied); nothing predicted")
    assert not list(data.rglob("*.xml"))


def test_an_oxford_xmls_folder_still_to_make_is_checked_where_it_would_be_made(tmp_path, capsys, read_only,
                                                                            monkeypatch):
    _no_model_load(monkeypatch)
    root = oxford_layout(tmp_path / "pets", ["Abyssinian_1", "Abyssinian_2"], W, H, voc_name=None)
    (root / "annotations" / "xmls").rmdir()
    (root / "annotations" / "list.txt").write_text("Abyssinian_1 1 1 1\nAbyssinian_2 1 1 1\n")
    read_only.add(str(root / "annotations"))
    code, _, err = run_cli(capsys, "predict", root, "--model", "digits", "--write-voc")
    assert code == 1
    assert f"petloc: {root / 'annotations' / 'xmls'}: cannot write pre-labels in this folder (Permission denied)" in err
    assert not (root / "annotations" / "xmls").exists()


def test_an_oxford_xmls_folder_still_to_make_in_a_writable_folder_is_made(tmp_path, capsys, monkeypatch):
    _a_model_that_sees_cats(monkeypatch)
    root = oxford_layout(tmp_path / "pets", ["Abyssinian_1", "Abyssinian_2"], W, H, voc_name=None)
    (root / "annotations" / "xmls").rmdir()
    (root / "annotations" / "list.txt").write_text("Abyssinian_1 1 1 1\nAbyssinian_2 1 1 1\n")
    code, _, err = run_cli(capsys, "predict", root, "--model", tmp_path, "--write-voc")
    assert code == 0, err
    assert sorted(p.name for p in (root / "annotations" / "xmls").iterdir()) == ["Abyssinian_1.xml", "Abyssinian_2.xml"]


def test_a_read_only_folder_whose_images_are_all_annotated_is_no_refusal(tmp_path, capsys, read_only, monkeypatch):
    _a_model_that_sees_cats(monkeypatch)
    data = tmp_path / "data"
    data.mkdir()
    for stem in ("a", "b"):
        write_annotated(data, stem, W, H, [("cat", (1, 1, 20, 20))])
    read_only.add(str(data))  # nothing is written there: an annotation is never replaced
    code, out, err = run_cli(capsys, "predict", data, "--model", tmp_path, "--write-voc", "--json")
    assert code == 0, err
    assert [record["label"] for record in json_lines(out)] == ["cat", "cat"]
    assert "wrote 0 pre-label annotations; left 2 existing annotations untouched" in err


def test_a_folder_that_fails_only_while_writing_is_said_once_with_a_count(tmp_path, capsys, read_only, monkeypatch):
    data = _images(tmp_path / "data", 4)
    # writable when checked; read-only from the first prediction on (its permission changed meanwhile)
    _a_model_that_sees_cats(monkeypatch, on_predict=lambda: read_only.add(str(data)))
    code, out, err = run_cli(capsys, "predict", data, "--model", tmp_path, "--write-voc", "--json")
    assert code == 1 and len(json_lines(out)) == 4
    assert "Traceback" not in err
    folder_lines = [line for line in err.splitlines() if "not writable" in line]
    assert folder_lines == [f"petloc: {data}: 4 pre-labels not written (img0.xml, img1.xml, img2.xml and 1 more): "
                            f"cannot save: the folder {data} is not writable (Permission denied): give yourself "
                            "write permission on it, or work on a copy in a writable folder"]
    assert "wrote 0 pre-label annotations; left 0 existing annotations untouched; 4 could not be written" in err
    assert not list(data.glob("*.xml"))


def test_a_real_read_only_folder_is_refused_before_the_model_loads(tmp_path):
    if os.name != "posix" or (os.geteuid() == 0 and shutil.which("setpriv") is None):
        pytest.skip("needs POSIX permissions (and setpriv when run as root)")
    data = _images(tmp_path / "data", 3)
    os.chmod(data, 0o555)
    argv = [sys.executable, "-m", "petloc_gui.cli", "predict", "data", "--model", "digits", "--write-voc"]
    if os.geteuid() == 0:  # root writes anywhere: run without the capabilities that let it
        caps = "-dac_override,-dac_read_search"
        argv = ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", *argv]
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=300, cwd=tmp_path,
                                env=dict(os.environ, PYTHONPATH=str(ROOT)))
    finally:
        os.chmod(data, 0o755)
    if "setpriv" in result.stderr and "not permitted" in result.stderr:
        pytest.skip("setpriv not permitted here")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "petloc: data: cannot write pre-labels in this folder (Permission denied); nothing predicted: give "
        "yourself write permission there, or leave out --write-voc to predict without writing"]
