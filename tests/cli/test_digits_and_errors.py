"""`petloc digits`, argument errors, the error policy and the entry point."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_models
from petloc_gui.core.images import image_size
from petloc_gui.core.voc import read_voc
from tests.cli.helpers import assert_clean_errors, run_cli

ROOT = Path(__file__).resolve().parents[2]


def test_digits_writes_png_and_parsable_voc(tmp_path, capsys):
    out_dir = tmp_path / "digits"
    code, out, err = run_cli(capsys, "digits", out_dir, "--split", "test", "--count", "12", "--seed", "3")
    assert code == 0, err
    assert "wrote 12 test" in out
    pngs = sorted(out_dir.glob("*.png"))
    xmls = sorted(out_dir.glob("*.xml"))
    assert len(pngs) == 12 and len(xmls) == 12
    labels = set()
    for png in pngs:
        assert png.read_bytes()[:4] == b"\x89PNG"
        annotation = read_voc(png.with_suffix(".xml"))
        assert len(annotation.objects) == 1
        obj = annotation.objects[0]
        assert obj.name in {str(d) for d in range(10)}
        assert image_size(png) == (75, 75)
        assert obj.box.width == 28 and obj.box.height == 28
        assert obj.box.is_inside(75, 75)
        labels.add(obj.name)
    assert len(labels) == 10  # the count is spread over every class

    same = {p.name: p.read_bytes() for p in out_dir.iterdir()}
    code, out, err = run_cli(capsys, "digits", out_dir, "--split", "test", "--count", "12", "--seed", "3")
    assert code == 0, err  # the same command again: its files are already what they would be
    assert {p.name: p.read_bytes() for p in out_dir.iterdir()} == same

    edited = xmls[0]
    edited.write_text(edited.read_text().replace("<name>", "<name>corrected-"), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out_dir.iterdir()}
    code, out, err = run_cli(capsys, "digits", out_dir, "--split", "test", "--count", "20", "--seed", "3")
    assert code == 1 and "exist with other content" in err and edited.name in err and err.count("\n") == 1, err
    assert {p.name: p.read_bytes() for p in out_dir.iterdir()} == before  # nothing written, the edit kept


def test_digits_takes_any_seed_numpy_does(tmp_path, capsys):
    code, _out, err = run_cli(capsys, "digits", tmp_path / "d", "--split", "test", "--count", "2",
                              "--seed", "4294967296")  # past 32 bits: numpy's default_rng takes it
    assert code == 0, err


@pytest.mark.parametrize("split", ["train", "test"])
def test_digits_refuses_a_count_over_the_split_naming_its_size(split, tmp_path, capsys):
    from petloc_gui.core.digits import split_size

    size = split_size(split)
    out_dir = tmp_path / "digits"
    code, out, err = run_cli(capsys, "digits", out_dir, "--split", split, "--count", size + 1)
    assert code == 2 and out == "", err  # a bad command line, as argparse's own errors
    [line] = assert_clean_errors(err)
    assert f"{split} split has only {size} digits" in line and f"--count {size + 1}" in line, line
    assert not out_dir.exists()  # refused before anything is written


def test_digits_writes_a_whole_split_asked_for_by_its_size(tmp_path, capsys, monkeypatch):
    import numpy as np

    from petloc_gui.core import digits

    real = digits.load_digits

    def small_split(split):  # two digits of each class: a whole split that is quick to write
        images, labels = real(split)
        keep = np.sort(np.concatenate([np.flatnonzero(labels == c)[:2] for c in np.unique(labels)]))
        return images[keep], labels[keep]

    monkeypatch.setattr(digits, "load_digits", small_split)
    size = digits.split_size("test")
    code, out, err = run_cli(capsys, "digits", tmp_path / "d", "--split", "test", "--count", size)
    assert code == 0, err
    assert f"wrote {size} test" in out and len(list((tmp_path / "d").glob("*.png"))) == size
    code, _out, err = run_cli(capsys, "digits", tmp_path / "e", "--split", "test", "--count", size + 1)
    assert code == 2 and f"only {size} digits" in err, err


@pytest.mark.parametrize(
    "argv",
    [
        ["digits", "x", "--split", "validation"],
        ["digits", "x", "--split", "train", "--count", "0"],
        ["digits", "x"],
        ["digits", "x", "--split", "train", "--seed", "-1"],  # numpy's seeds are whole numbers >= 0
        ["train", "data", "--preset", "digits", "--out", "o", "--seed=-1"],
        ["train", "data", "--preset", "digits", "--out", "o", "--seed", "4294967296"],
        ["train", "data", "--preset", "digits", "--out", ""],  # Path("") is the current folder: no
        ["train", "", "--preset", "digits", "--out", "o"],
        ["evaluate", "", "--model", "digits"],
        ["predict", "", "--model", "digits"],
        ["digits", "", "--split", "train"],
        ["export", "digits", "--tflite", ""],
        ["convert", "data", "--to", "yolo", ""],  # an export into the current folder
        ["stats", ""],
        ["predict", "a.png", "--model", ""],  # an unset $MODEL: not "choose one for me"
        ["evaluate", "data", "--model", ""],
        ["export", "", "--tflite", "m.tflite"],
        ["train", "data", "--preset", "digits", "--out", "o", "--init-from", ""],
        ["convert", "", "--from", "yolo", "o"],
        ["convert", "data.json", "--from", "coco", "o", "--image-root", ""],
        ["train", "data", "--out", "o"],  # no --preset (--out is optional: the model store)
        ["train", "data", "--preset", "pets", "--out", "o", "--val-fraction", "1.5"],
        ["predict", "--model", "pets"],
        ["evaluate"],  # no DATA (--model is optional: the folder's model is chosen)
        ["frobnicate"],
    ],
)
def test_usage_errors_are_one_line_and_the_usage_exit_2(argv, capsys):
    code, out, err = run_cli(capsys, *argv)
    assert code == 2
    assert out == ""
    lines = assert_clean_errors(err)
    command = "" if argv[0] == "frobnicate" else f" {argv[0]}"
    assert len(lines) == 2 and lines[0].endswith(f"(see `petloc{command} --help`)")
    assert lines[1].startswith(f"petloc: usage: petloc{command} [-h] ")  # the command's usage, on one line


def test_no_command_prints_help_exit_2(capsys):
    code, _, err = run_cli(capsys)
    assert code == 2
    assert "digits" in err and "evaluate" in err


@pytest.mark.parametrize("command", [None, "stats", "digits", "train", "evaluate", "predict", "export", "models"])
def test_help_has_examples(command, capsys):
    argv = ["--help"] if command is None else [command, "--help"]
    code, out, _ = run_cli(capsys, *argv)
    assert code == 0
    assert "examples:" in out
    assert "usage: petloc" in out


def test_bad_paths_give_one_line_and_exit_1(tmp_path, monkeypatch, capsys):
    # A stand-in "digits" bundle: these paths fail before the model is loaded.
    fake = tmp_path / "resources" / "models" / "digits"
    fake.mkdir(parents=True)
    (fake / "meta.json").write_text("{}")
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(tmp_path / "resources"))
    missing = tmp_path / "missing"
    for argv in (
        ["evaluate", missing, "--model", "digits"],
        ["train", missing, "--preset", "digits", "--out", tmp_path / "out"],
        ["predict", missing, "--model", "digits"],
        ["evaluate", tmp_path, "--model", tmp_path / "no-such-bundle"],
        ["export", tmp_path / "no-such-bundle", "--saved-model", tmp_path / "sm"],
    ):
        code, _out, err = run_cli(capsys, *argv)
        assert code == 1, argv
        lines = assert_clean_errors(err)
        assert len(lines) == 1, (argv, lines)
        assert "missing" in lines[0] or "no-such-bundle" in lines[0] or "no annotated" in lines[0], lines
    assert not (tmp_path / "out").exists()
    a_file = tmp_path / "photo.jpg"
    a_file.write_bytes(b"x")
    code, _out, err = run_cli(capsys, "train", a_file, "--preset", "digits", "--out", tmp_path / "out")
    assert code == 1 and assert_clean_errors(err) == [f"petloc: {a_file}: not a folder: give the dataset folder"]


def test_unexpected_error_is_one_line_with_debug_hint(monkeypatch, capsys):
    def boom(args):
        raise RuntimeError("kaboom\nsecond line")

    monkeypatch.setattr(cmd_models, "run", boom)
    monkeypatch.delenv("PETLOC_DEBUG", raising=False)
    code, _, err = run_cli(capsys, "models")
    assert code == 1
    lines = assert_clean_errors(err)
    assert lines == [
        "petloc: unexpected error: RuntimeError: kaboom",  # the first line only (some errors embed whole tensors)
        "petloc: run with PETLOC_DEBUG=1 for details",
    ]
    monkeypatch.setenv("PETLOC_DEBUG", "1")
    code, _, err = run_cli(capsys, "models")
    assert code == 1 and "Traceback" in err


def test_keyboard_interrupt_exits_130(monkeypatch, capsys):
    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cmd_models, "run", interrupted)
    code, _, err = run_cli(capsys, "models")
    assert code == 130
    assert assert_clean_errors(err) == ["petloc: interrupted"]


def test_entry_point_declared_and_runs():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["petloc"] == "petloc_gui.cli.main:main"
    proc = subprocess.run(
        [sys.executable, "-m", "petloc_gui.cli", "stats", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "usage: petloc stats" in proc.stdout
    installed = Path(sys.executable).with_name("petloc")
    if installed.exists():  # after `pip install -e .`
        proc = subprocess.run([str(installed), "--help"], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0 and "examples:" in proc.stdout


def test_an_unexpected_error_embedding_a_tensor_stays_short(monkeypatch, capsys):
    def boom(args):
        raise ValueError("Attempt to convert a value (PerReplica:{\n" + "[0., 0., 0.],\n" * 5000 + "}) to a Tensor.")

    monkeypatch.setattr(cmd_models, "run", boom)
    monkeypatch.delenv("PETLOC_DEBUG", raising=False)
    code, _, err = run_cli(capsys, "models")
    assert code == 1
    first = assert_clean_errors(err)[0]
    assert first.startswith("petloc: unexpected error: ValueError: Attempt to convert") and len(first) < 400
