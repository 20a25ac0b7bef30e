"""The paths `petloc digits`, `train` and `export` print are escaped as every other file name.

Printed raw, a newline in the path made a second line a script reading stdout took for another
result, a right-to-left override reordered it on the terminal, and a byte that is not UTF-8 (a
lone surrogate in Python) made a strictly encoding stdout raise after the work was done.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_export, cmd_train
from petloc_gui.cli.output import show
from tests.cli.helpers import run_cli, voc_xml, write_image
from tests.core.interop_helpers import non_utf8_name

RAW = ("\n", "\u202e")  # what must not reach the output as it is


@pytest.fixture(params=["newline", "not-utf8"])
def hostile_name(request, tmp_path) -> str:
    if request.param == "not-utf8":
        return non_utf8_name(tmp_path, b"bad\xffname")
    name = "new\nline\u202egpj.out"
    try:
        (tmp_path / name).mkdir()
        (tmp_path / name).rmdir()
    except OSError:
        pytest.skip("this file system does not take a newline in a file name")
    return name


def assert_one_escaped_line(text: str, path: Path) -> None:
    """``text`` is one line naming ``path`` escaped: no raw newline, override or surrogate."""
    assert text.count("\n") == 1 and text.endswith("\n"), repr(text)
    assert show(path) in text, repr(text)
    assert not any(raw in text[:-1] for raw in RAW), repr(text)
    text.encode("utf-8")  # a lone surrogate would raise here, as it did on a strict stdout


def test_show_escapes_a_lone_surrogate():
    shown = show(os.fsdecode(b"bad\xffname.png"))
    assert shown == "bad\\udcffname.png"
    shown.encode("utf-8")


def test_digits_prints_its_folder_escaped(tmp_path, hostile_name, capsys):
    out_dir = tmp_path / hostile_name
    code, out, err = run_cli(capsys, "digits", out_dir, "--split", "test", "--count", "1")
    assert code == 0, err
    assert_one_escaped_line(out, out_dir)


def test_train_prints_its_bundle_escaped(tmp_path, hostile_name, capsys, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    write_image(data / "a.png", 40, 30)
    (data / "a.xml").write_text(voc_xml("a.png", 40, 30, [("cat", (5, 5, 20, 20))]), encoding="utf-8")
    from petloc_gui.model import training

    def trained(data_dir, config, on_event, should_stop, folder=None):  # what training reports, without TensorFlow
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    out_dir = tmp_path / hostile_name
    code, out, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", out_dir)
    assert code == 0, err
    assert_one_escaped_line(out, out_dir)
    [written] = [line for line in err.splitlines() if line.startswith("bundle written to")]
    assert show(out_dir) in written and not any(raw in written for raw in RAW)


@pytest.mark.parametrize("option", ["--saved-model", "--tflite"])
def test_export_prints_its_output_escaped(tmp_path, hostile_name, option, capsys, monkeypatch):
    from petloc_gui.model import bundle, export

    def exported(_bundle, target, **_options):  # what the exporters return, without TensorFlow
        Path(target).mkdir() if option == "--saved-model" else Path(target).write_bytes(b"TFL3")
        return target

    monkeypatch.setattr(cmd_export, "load_tensorflow", lambda: None)
    monkeypatch.setattr(bundle, "load_bundle", lambda path: path)
    monkeypatch.setattr(export, "export_saved_model", exported)
    monkeypatch.setattr(export, "export_tflite", exported)
    target = tmp_path / hostile_name
    code, out, err = run_cli(capsys, "export", "digits", option, target)
    assert code == 0, err
    assert_one_escaped_line(out, target)
    assert err.count("\n") == 1 and show(target) in err and not any(raw in err[:-1] for raw in RAW), repr(err)


def stderr_line(err: str, start: str) -> str:
    """The one stderr line starting with ``start``, checked to name no raw newline, override or surrogate."""
    lines = [line for line in err.splitlines() if line.startswith(start)]
    assert len(lines) == 1, err
    assert not any(raw in lines[0] for raw in RAW[1:]), repr(err)
    lines[0].encode("utf-8")
    return lines[0]


def test_convert_names_its_output_escaped_on_stderr(tmp_path, hostile_name, capsys):
    data = tmp_path / "data"
    data.mkdir()
    write_image(data / "a.png", 40, 30)
    (data / "a.xml").write_text(voc_xml("a.png", 40, 30, [("cat", (2, 2, 20, 20))]))
    out_dir = tmp_path / hostile_name
    code, _out, err = run_cli(capsys, "convert", data, "--to", "yolo", out_dir)
    assert code == 0, err
    assert show(out_dir) in stderr_line(err, "converted "), repr(err)  # raw, the newline split this line


def test_stats_names_its_plot_escaped_on_stderr(tmp_path, hostile_name, capsys):
    pytest.importorskip("matplotlib")
    data = tmp_path / "data"
    data.mkdir()
    write_image(data / "a.png", 40, 30)
    plot = tmp_path / (hostile_name + ".png")
    code, _out, err = run_cli(capsys, "stats", data, "--plot", plot)
    assert code == 0, err
    assert stderr_line(err, "wrote ") == f"wrote {show(plot)}"
