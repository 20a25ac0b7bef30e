"""Issue 12 on the command line: bad version records, hostile names, freezing files."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.cli.helpers import assert_clean_errors, json_lines, run_cli, voc_xml
from tests.model_files import add_model_file

ROOT = Path(__file__).resolve().parents[2]


def _fake_bundle(folder: Path, preset: str = "digits", metrics=None) -> None:
    folder.mkdir(parents=True)
    meta = {"format_version": 1, "preset": preset, "class_names": ["0", "1"],
            "input_size": [32, 32], "metrics": metrics or {"accuracy": 0.9, "mean_iou": 0.7}}
    (folder / "meta.json").write_text(json.dumps(meta))
    add_model_file(folder)  # a model file that looks loadable: a bundle without one is listed as unavailable


# --- point 10 ---------------------------------------------------------------------

def test_one_bad_version_record_does_not_hide_the_others(tmp_path, monkeypatch, capsys,
                                                          _isolated_user_data):
    resources = tmp_path / "resources"
    _fake_bundle(resources / "models" / "digits")
    monkeypatch.setenv("PETLOC_RESOURCES_DIR", str(resources))
    store = _isolated_user_data / "models" / "digits"
    _fake_bundle(store / "20261201-100000-good")
    _fake_bundle(store / "20261201-110000-bad")
    (store / "20261201-110000-bad" / "version.json").write_text(json.dumps(
        {"id": "20261201-110000-bad", "preset": "digits", "created": "2026-12-01T11:00:00",
         "metrics": {"mean_iou": [1], "accuracy": "high"}}))
    _fake_bundle(store / "20261201-120000-junk")
    (store / "20261201-120000-junk" / "version.json").write_text("{not json")
    _fake_bundle(store / "20261201-130000-cli", metrics={"accuracy": "x"})

    code, out, err = run_cli(capsys, "models", "--json")
    assert code == 0, err
    assert_clean_errors(err)
    rows = {row["name"]: row for row in json_lines(out)}
    assert rows["digits"]["metrics"]["accuracy"] == 0.9
    assert rows["digits/20261201-100000-good"]["metrics"]["mean_iou"] == 0.7
    bad = rows["digits/20261201-110000-bad"]
    assert bad["metrics"] == {} and "mean_iou is not a number" in bad["warning"]
    junk = rows["digits/20261201-120000-junk"]  # listed, with why: never silently gone; its model is usable
    assert junk["path"] is not None and "version.json cannot be read" in junk["warning"]
    cli_run = rows["digits/20261201-130000-cli"]  # a `petloc train` bundle: its figures are in meta.json
    assert "meta.json: metric accuracy is not a number" in cli_run["warning"]

    code, out, err = run_cli(capsys, "models")
    assert code == 0, err
    assert "20261201-100000-good" in out and "mean_iou is not a number" in out
    assert "20261201-120000-junk" in out and "the run's record is lost" in out


# --- point 13 ---------------------------------------------------------------------

def test_control_characters_in_names_and_labels_are_escaped(tmp_path, capsys):
    evil = "a\x1b[2J\x1b]8;;x\x07\u202egpj.jpg"
    Image.new("RGB", (40, 30)).save(tmp_path / "plain.png", format="PNG")
    os.rename(tmp_path / "plain.png", tmp_path / evil)
    stem = evil[:-4]
    # XML 1.0 forbids C0 controls but allows C1 (U+009B is a terminal CSI) and bidi overrides.
    (tmp_path / f"{stem}.xml").write_text(voc_xml("a.jpg", 40, 30, [("c\u202eat\x9b31m", (1, 1, 9, 9))]))
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really")
    os.rename(tmp_path / "broken.jpg", tmp_path / "b\x1b[1mroken\u202e.jpg")

    for argv in (("stats", tmp_path), ("stats", tmp_path, "--json")):
        _code, out, err = run_cli(capsys, *argv)
        for text in (out, err):
            for raw in ("\x1b", "\u202e", "\x07", "\x9b"):
                assert raw not in text
        assert_clean_errors(err)
    assert "b\\x1b[1mroken\\u202e.jpg" in run_cli(capsys, "stats", tmp_path)[1]
    record = json.loads(run_cli(capsys, "stats", tmp_path, "--json")[1].splitlines()[-1])
    assert "c\u202eat\x9b31m" in record["class_counts"]  # JSON escapes decode to the real name


def _jpeg_with_corrupt_exif(path: Path) -> None:
    # One IFD entry whose data lies beyond the EXIF block: Pillow warns
    # "Tag data larger than file" (a UserWarning printed on two lines).
    ifd = (b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 1)
           + struct.pack("<HHII", 0x010E, 2, 100, 200) + struct.pack("<I", 0))
    Image.new("RGB", (8, 8)).save(path, "JPEG", exif=b"Exif\x00\x00" + ifd)


def _petloc(*argv, timeout=120) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONWARNINGS="default")
    env.pop("PETLOC_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "petloc_gui.cli", *map(str, argv)], env=env,
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def test_pillow_warnings_never_break_the_one_line_rule(tmp_path):
    _jpeg_with_corrupt_exif(tmp_path / "warn.jpg")
    (tmp_path / "bad.jpg").write_text("not an image")
    result = _petloc("stats", tmp_path)
    assert result.returncode == 0, result.stderr
    assert_clean_errors(result.stderr)
    assert "UserWarning" not in result.stderr


# --- point 7 ----------------------------------------------------------------------

@pytest.mark.timeout(120)
def test_stats_on_a_sparse_2gib_jpeg_finishes_with_a_clean_problem(tmp_path, capsys):
    real = tmp_path / "real.jpg"
    Image.effect_noise((320, 240), 64).convert("RGB").save(real)
    data = real.read_bytes()
    real.unlink()
    with open(tmp_path / "sparse.jpg", "wb") as handle:
        handle.write(data[:data.index(b"\xff\xda")])
        handle.truncate(2 << 30)
    code, out, err = run_cli(capsys, "stats", tmp_path, "--json")
    assert code == 0, err
    problems = json.loads(out.splitlines()[-1])["problems"]
    assert [p["kind"] for p in problems] == ["unreadable_image"]
    assert "junk" in problems[0]["message"]


@pytest.mark.timeout(300)
def test_predict_on_a_sparse_jpeg_finishes_with_one_error_line(tiny_bundle, tmp_path, capsys):
    real = tmp_path / "real.jpg"
    Image.effect_noise((320, 240), 64).convert("RGB").save(real)
    data = real.read_bytes()
    with open(tmp_path / "sparse.jpg", "wb") as handle:
        handle.write(data[:data.index(b"\xff\xda")])
        handle.truncate(64 << 20)
    code, out, err = run_cli(capsys, "predict", tmp_path / "sparse.jpg", real, "--model", tiny_bundle)
    assert code == 0, err
    lines = assert_clean_errors(err)
    assert len(lines) == 1 and "sparse.jpg" in lines[0] and "junk" in lines[0]
    assert "real.jpg" in out


# --- point 8 ----------------------------------------------------------------------

@pytest.mark.timeout(120)
def test_stats_plot_with_a_million_character_label_finishes(tmp_path, capsys):
    pytest.importorskip("matplotlib")
    data = tmp_path / "data"  # the plot beside it: one inside it is refused
    data.mkdir()
    Image.new("RGB", (100, 80)).save(data / "a.jpg")
    (data / "a.xml").write_text(voc_xml("a.jpg", 100, 80, [("y" * 1_000_000, (1, 1, 9, 9))]))
    code, out, err = run_cli(capsys, "stats", data, "--plot", tmp_path / "plot.png")
    assert code == 0, err
    assert (tmp_path / "plot.png").stat().st_size > 0
    assert "1,000,000 characters" in out
    assert len(out) < 20_000  # the label is never printed in full
    assert "Traceback" not in err and "warning" not in err.lower()
