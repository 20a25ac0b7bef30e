"""A DATA folder that can be neither listed nor searched (mode 000) is named as given, with why: the
layout check's ``Path.is_dir()`` of DATA/images raised PermissionError on Python 3.11, and `stats`,
`evaluate`, `convert` and `train` stopped on "DATA/images: Permission denied", a path that does not exist."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from petloc_gui.core.dataset import SIDECAR, detect_layout
from tests.cli.helpers import assert_clean_errors, run_cli, write_annotated

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def unsearchable(monkeypatch):
    """Make the folders put in the returned set behave as mode 000 does for a user who is not root
    (root ignores chmod): listing them, or looking up any name inside them, is refused."""
    refused: set[str] = set()
    real_scandir, real_stat = os.scandir, os.stat

    def scandir(path="."):
        if os.fspath(path) in refused:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def stat(path, *args, **kwargs):
        if isinstance(path, (str, os.PathLike)) and os.path.dirname(os.fspath(path)) in refused:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", stat)
    return refused


def test_the_layout_of_an_unsearchable_folder_is_sidecar_not_an_error(tmp_path, unsearchable):
    unsearchable.add(str(tmp_path))
    assert detect_layout(tmp_path) == SIDECAR  # its index then says the folder cannot be listed


@pytest.mark.parametrize("json", [False, True])
def test_stats_names_the_folder_given_not_its_images_sub_folder(tmp_path, capsys, unsearchable, json):
    folder = tmp_path / "data"
    folder.mkdir()
    write_annotated(folder, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    unsearchable.add(str(folder))
    code, out, err = run_cli(capsys, "stats", folder, *(["--json"] if json else []))
    assert code == 1 and out == ""
    assert assert_clean_errors(err) == [f"petloc: {folder}: cannot list folder: Permission denied; no statistics"]


def test_convert_names_the_folder_given(tmp_path, capsys, unsearchable):
    folder = tmp_path / "data"
    folder.mkdir()
    write_annotated(folder, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    unsearchable.add(str(folder))
    code, _, err = run_cli(capsys, "convert", folder, tmp_path / "out", "--to", "coco")
    assert code == 1
    assert assert_clean_errors(err) == [f"petloc: {folder}: cannot list folder: Permission denied"]


def _with_permissions_enforced(argv: list[str]) -> list[str]:
    """``argv`` run so that a mode-000 folder is refused: as is for a user who is not root; for root,
    under setpriv without the capabilities that let it read any folder."""
    if os.geteuid() != 0:
        return argv
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", *argv]


def test_a_real_mode_000_folder_is_named_as_given(tmp_path):
    if os.name != "posix" or (os.geteuid() == 0 and shutil.which("setpriv") is None):
        pytest.skip("needs POSIX permissions (and setpriv when run as root)")
    folder = tmp_path / "data"
    folder.mkdir()
    write_annotated(folder, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    os.chmod(folder, 0)
    try:
        argv = _with_permissions_enforced([sys.executable, "-m", "petloc_gui.cli", "stats", str(folder), "--json"])
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd=tmp_path,
                                env=dict(os.environ, PYTHONPATH=str(ROOT)))
    finally:
        os.chmod(folder, 0o755)
    if "setpriv" in result.stderr and "not permitted" in result.stderr:
        pytest.skip("setpriv not permitted here")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [f"petloc: {folder}: cannot list folder: Permission denied; no statistics"]
