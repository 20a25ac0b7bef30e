"""Messages that name what is wrong: `petloc digits FILE` said "FILE: File exists", and a stdout that
cannot be written (`> /dev/full`) gave "[Errno 28] No space left on device", naming nothing."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import assert_clean_errors, run_cli, write_annotated

ROOT = Path(__file__).resolve().parents[2]
FULL = "petloc: cannot write the results to standard output: No space left on device"


def test_digits_into_a_file_says_it_is_not_a_folder(tmp_path, capsys):
    (tmp_path / "afile").write_text("mine")
    code, out, err = run_cli(capsys, "digits", tmp_path / "afile", "--split", "test", "--count", "2")
    assert (code, out) == (1, "")
    assert assert_clean_errors(err) == [f"petloc: {tmp_path / 'afile'}: not a folder: give the folder to write "
                                        "the digits into (it is made if missing)"]
    assert (tmp_path / "afile").read_text() == "mine"


def test_digits_inside_a_file_names_the_file(tmp_path, capsys):
    (tmp_path / "afile").write_text("mine")
    code, _, err = run_cli(capsys, "digits", tmp_path / "afile" / "sub", "--split", "test", "--count", "2")
    assert code == 1
    assert assert_clean_errors(err)[0].startswith(f"petloc: {tmp_path / 'afile'}: not a folder, so ")


class _Full(io.StringIO):
    """stdout on a full disk: every flush fails."""

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture
def folder(tmp_path):
    write_annotated(tmp_path, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    return tmp_path


@pytest.mark.parametrize("json", [["--json"], []])
def test_stats_on_a_full_stdout_names_stdout(folder, capsys, monkeypatch, json):
    monkeypatch.setattr(sys, "stdout", _Full())
    code, _, err = run_cli(capsys, "stats", folder, *json)
    assert code == 1
    assert assert_clean_errors(err) == [FULL]


@pytest.mark.parametrize("args", [[], ["--json"], ["--store"]])
def test_models_on_a_full_stdout_names_stdout(capsys, monkeypatch, args):
    """petloc models printed its table, store folder and 'no models found' with print()."""
    monkeypatch.setattr(sys, "stdout", _Full())
    code, _, err = run_cli(capsys, "models", *args)
    assert code == 1
    assert assert_clean_errors(err) == [FULL]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_stats_json_into_dev_full(folder):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "petloc_gui.cli", "stats", str(folder), "--json"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stderr) == (1, FULL + "\n")


def test_train_on_a_full_stdout_names_stdout_and_keeps_its_bundle(folder, tmp_path, capsys, monkeypatch):
    """The bundle's path, train's one result, went through print(): "[Errno 28] No space left on device"."""
    from petloc_gui.cli import cmd_train
    from petloc_gui.model import training

    def trained(data_dir, config, on_event, should_stop, folder=None):  # what training reports, without TensorFlow
        Path(config.out_dir).mkdir(parents=True)
        on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
        return Path(config.out_dir)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    monkeypatch.setattr(training, "train", trained)
    monkeypatch.setattr(sys, "stdout", _Full())
    out = tmp_path / "runs"
    code, _, err = run_cli(capsys, "train", folder, "--preset", "digits", "--out", out)
    assert code == 1 and "Traceback" not in err
    assert err.splitlines()[-1] == FULL  # after the report's own lines ("bundle written to ...")
    assert len(list(out.iterdir())) == 1  # the bundle is written all the same
