"""A Python child of petloc's own code runs the starting process's petloc_gui, whatever the current folder.

Before: the window started the training worker as ``python -u -m petloc_gui.model.train_worker``, and
``-m`` puts the current folder first on sys.path: a wheel's window started from a folder holding a
source checkout's ``petloc_gui/`` trained with the checkout's worker ("Training failed ... File
"/work/h1/repo/petloc_gui/model/train_worker.py"").
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import petloc_gui
from petloc_gui.core.child_python import child_environment, python_path
from petloc_gui.model.retrain_policy import worker_command

FAKE = "FAKE petloc_gui FROM THE CURRENT FOLDER"


def fake_checkout(folder: Path) -> Path:
    """A current folder whose ``petloc_gui`` (and ``tests``, where the stand-ins live) fail loudly."""
    for package in ("petloc_gui", "tests"):
        (folder / package).mkdir(parents=True)
        (folder / package / "__init__.py").write_text(f"raise SystemExit({FAKE!r})\n")
    (folder / "petloc_gui" / "model").mkdir()
    (folder / "petloc_gui" / "model" / "__init__.py").write_text("")
    (folder / "petloc_gui" / "model" / "train_worker.py").write_text(f"raise SystemExit({FAKE!r})\n")
    return folder


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    # No PYTHONPATH of its own: as a window started from a checkout that is not installed
    environment = child_environment({**os.environ, "PYTHONPATH": ""})
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=120)


def test_the_training_worker_ignores_a_petloc_gui_in_the_current_folder(tmp_path):
    helped = _run(worker_command(["--help"]), fake_checkout(tmp_path))
    assert FAKE not in helped.stderr
    assert helped.returncode == 0, helped.stderr
    assert "usage: python -m petloc_gui.model.train_worker" in helped.stdout


def test_the_child_imports_the_starting_process_s_own_package(tmp_path):
    reported = _run(worker_command([], module="tests.child_package_report"), fake_checkout(tmp_path))
    assert reported.returncode == 0, reported.stderr
    [line] = reported.stdout.splitlines()
    assert Path(json.loads(line)["file"]).resolve() == Path(petloc_gui.__file__).resolve()


def test_the_package_root_leads_the_pythonpath_unless_it_is_a_site_packages_folder(tmp_path):
    root, elsewhere = tmp_path / "checkout", tmp_path / "lib"
    joined = os.pathsep.join
    assert python_path(None, root, site_dirs=[]) == str(root)
    assert python_path(joined([str(elsewhere), ""]), root, site_dirs=[]) == joined([str(root), str(elsewhere)])
    # a wheel install: the child searches its site-packages anyway, after the standard library
    assert python_path(None, root, site_dirs=[root]) is None
    assert python_path(joined(["", str(elsewhere)]), root, site_dirs=[root]) == str(elsewhere)


def test_the_worker_command_tells_the_worker_whose_child_it_is():
    # the benchmark's child was started without --parent-pid, the window's with it: one command for both now
    command = worker_command(["--data", "d"], module="tests.child_package_report")
    assert command[-5:] == ["tests.child_package_report", "--parent-pid", str(os.getpid()), "--data", "d"]
