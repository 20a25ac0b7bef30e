"""With a HOME that cannot be written (a CI container, a service account), matplotlib, imported by keras
and by `stats --plot`, printed two long lines of its own ("mkdir -p failed for path
.../.config/matplotlib", "... it is highly recommended to set the MPLCONFIGDIR ..."), breaking the rule
that every message is one `petloc:` line. petloc now gives it a temporary folder (deleted at exit)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import write_annotated

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def unwritable_home(tmp_path):
    """The environment of a user whose HOME is under a file: nothing can be made there, even as root."""
    (tmp_path / "a-file").write_text("")
    (tmp_path / "tmp").mkdir()
    env = {key: value for key, value in os.environ.items()
           if key not in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "MPLCONFIGDIR", "PETLOC_CACHE_DIR")}
    return {**env, "HOME": str(tmp_path / "a-file" / "home"), "TMPDIR": str(tmp_path / "tmp"),
            "PYTHONPATH": str(ROOT)}


@pytest.fixture
def folder(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write_annotated(data, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    return data


def _petloc(env, *argv) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "petloc_gui.cli", *map(str, argv)], capture_output=True,
                          text=True, timeout=300, cwd=ROOT, env=env)


def test_stats_plot_says_only_what_it_wrote(unwritable_home, folder, tmp_path):
    done = _petloc(unwritable_home, "stats", folder, "--plot", tmp_path / "plot.png")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [f"wrote {tmp_path / 'plot.png'}"]
    assert not list((tmp_path / "tmp").iterdir())  # matplotlib's folder is gone


def test_predict_says_nothing_of_matplotlib(unwritable_home, folder, tmp_path):
    done = _petloc(unwritable_home, "predict", folder / "a.png", "--model", "digits", "--json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert not list((tmp_path / "tmp").iterdir())


def test_a_users_mplconfigdir_is_kept(unwritable_home, folder, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    done = _petloc({**unwritable_home, "MPLCONFIGDIR": str(mine)}, "stats", folder, "--plot", tmp_path / "p.png")
    assert done.returncode == 0, done.stderr
    assert list(mine.iterdir())  # matplotlib used it (its font cache)
