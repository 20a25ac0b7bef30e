"""`petloc convert`, `evaluate` and `train` on a DATA folder that cannot be listed (mode 000) say
"DATA: cannot list folder: Permission denied" and stop (exit 1), as `stats` does: each went on to a
second line that said it again as if the folder were empty ("no image found; nothing converted", "no
annotated image to evaluate", and, once TensorFlow had loaded, "need at least 2 usable annotated
images, found 0"); evaluate chose a model for its "no boxes" first, and with --split validation said
only "none of the model's validation images is in DATA", the reason unsaid."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import assert_clean_errors, run_cli, write_annotated

ROOT = Path(__file__).resolve().parents[2]
DENIED = "cannot list folder: Permission denied"


@pytest.fixture
def unsearchable(monkeypatch):
    """Make the folders put in the returned set behave as mode 000 does for a user who is not root
    (root ignores chmod): listing them, or looking up any name inside them, is refused."""
    refused: set[str] = set()
    real_scandir, real_stat = os.scandir, os.stat

    def scandir(path="."):
        if os.path.abspath(path) in refused:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def stat(path, *args, **kwargs):
        if isinstance(path, (str, os.PathLike)) and os.path.dirname(os.path.abspath(path)) in refused:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", stat)
    return refused


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for stem in ("a", "b", "c"):
        write_annotated(folder, stem, 40, 30, [("cat", (5, 5, 20, 20))])
    return folder


@pytest.mark.parametrize("options", [["--to", "coco"], ["--to", "yolo", "--json"]])
def test_convert_says_the_folder_once_and_stops(data, tmp_path, capsys, unsearchable, options):
    unsearchable.add(str(data))
    code, out, err = run_cli(capsys, "convert", data, tmp_path / "out", *options)
    assert code == 1 and out == ""
    assert assert_clean_errors(err) == [f"petloc: {data}: {DENIED}"]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("options", [["--model", "digits"], [], ["--model", "digits", "--split", "validation"]])
def test_evaluate_says_the_folder_once_before_a_model_is_chosen(data, capsys, unsearchable, options):
    unsearchable.add(str(data))
    code, out, err = run_cli(capsys, "evaluate", data, *options)
    assert code == 1 and out == ""
    assert assert_clean_errors(err) == [f"petloc: {data}: {DENIED}"]


class TensorFlowLoadedError(Exception):
    """Raised where `petloc train` would load TensorFlow: the run went past its checks."""


@pytest.fixture
def no_tensorflow(monkeypatch):
    from petloc_gui.cli import cmd_train

    def refuse() -> None:
        raise TensorFlowLoadedError("petloc train went on to load TensorFlow")

    monkeypatch.setattr(cmd_train, "load_tensorflow", refuse)


@pytest.mark.parametrize("exclude", [False, True])
def test_train_says_the_folder_once_before_tensorflow_loads(data, tmp_path, capsys, unsearchable, no_tensorflow,
                                                            exclude):
    options: list[object] = []
    if exclude:  # each of its lines was "matches no image in DATA; ignored" before the folder's line
        listed = tmp_path / "test.txt"
        listed.write_text("a\nb\n", encoding="utf-8")
        options = ["--exclude-list", listed]
    unsearchable.add(str(data))
    out_dir = tmp_path / "runs" / "new"
    code, out, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", out_dir, "--epochs", "1", *options)
    assert code == 1 and out == ""
    assert assert_clean_errors(err) == [f"petloc: {data}: {DENIED}"]
    assert not (tmp_path / "runs").exists()  # the --out folders it made are taken back


def test_a_sub_folder_that_cannot_be_listed_is_one_problem_the_run_goes_on_after(data, capsys, unsearchable):
    from petloc_gui.cli.train_checks import read_folder

    (data / "sub").mkdir()
    unsearchable.add(str(data / "sub"))
    folder, _ = read_folder(data, "default", [])
    assert len(folder.samples) == 3
    assert assert_clean_errors(capsys.readouterr().err) == [f"petloc: {data / 'sub'}: {DENIED}"]


def test_an_empty_folder_still_says_found_none(tmp_path, capsys):
    from petloc_gui.cli.train_checks import read_folder

    (tmp_path / "empty").mkdir()
    folder, _ = read_folder(tmp_path / "empty", "default", [])  # training then says "found 0", as before
    assert not folder.samples and capsys.readouterr().err == ""


def _with_permissions_enforced(argv: list[str]) -> list[str]:
    """``argv`` run so that a mode-000 folder is refused: as is for a user who is not root; for root,
    under setpriv without the capabilities that let it read any folder."""
    if os.geteuid() != 0:
        return argv
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", *argv]


@pytest.mark.parametrize("command", [["convert", "{data}", "out", "--to", "coco"],
                                     ["evaluate", "{data}", "--model", "digits"],
                                     ["train", "{data}", "--preset", "digits", "--out", "runs", "--epochs", "1"]])
def test_a_real_mode_000_folder_is_said_once(data, tmp_path, command):
    if os.name != "posix" or (os.geteuid() == 0 and shutil.which("setpriv") is None):
        pytest.skip("needs POSIX permissions (and setpriv when run as root)")
    os.chmod(data, 0)
    try:
        argv = [sys.executable, "-m", "petloc_gui.cli", *[part.format(data=data) for part in command]]
        result = subprocess.run(_with_permissions_enforced(argv), capture_output=True, text=True, timeout=180,
                                cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    finally:
        os.chmod(data, 0o755)
    if "setpriv" in result.stderr and "not permitted" in result.stderr:
        pytest.skip("setpriv not permitted here")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [f"petloc: {data}: {DENIED}"]
