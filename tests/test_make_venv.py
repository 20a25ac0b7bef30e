"""scripts/make_venv.sh (the Makefile's venv step): a venv left by a failed first run is made again, and an
interpreter that cannot make one is named with what to do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "make_venv.sh"
# the Python running the tests is one petloc supports (requires-python >= 3.11)
GOOD_PYTHON = sys.executable


def make_venv(venv: Path, python: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPT)], env={"PATH": "/usr/local/bin:/usr/bin:/bin", "PYTHON": python,
                                                      "VENV": str(venv)},
                          capture_output=True, text=True, timeout=300)


def fake_python(path: Path, version: str, venv_fails: bool = False) -> Path:
    """An executable that answers the script's version question with ``version``; ``-m venv DIR`` makes a
    half venv (pyvenv.cfg, no pip) and fails when ``venv_fails``, as Debian's python3 without python3-venv."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"""#!/bin/sh
if [ "$1" = -m ] && [ "$2" = venv ]; then mkdir -p "$3/bin" && touch "$3/pyvenv.cfg"; exit {int(venv_fails)}; fi
if [ "$1" = -m ]; then echo "No module named $2" >&2; exit 1; fi
echo {version}
""")
    path.chmod(0o755)
    return path


def venv_python_version(venv: Path) -> str:
    return subprocess.run([str(venv / "bin" / "python"), "-c", "import sys, pip; print(sys.version_info[:2])"],
                          capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.slow
def test_a_venv_of_an_old_python_is_made_again_from_the_named_one(tmp_path):
    venv = tmp_path / ".venv"
    fake_python(venv / "bin" / "python", "3.10")
    (venv / "pyvenv.cfg").write_text("version = 3.10.13\n")
    run = make_venv(venv, GOOD_PYTHON)
    assert run.returncode == 0, run.stderr
    assert "Python 3.10; petloc needs 3.11+" in run.stdout and "making it again" in run.stdout
    assert venv_python_version(venv) == str(sys.version_info[:2])


@pytest.mark.slow
def test_a_venv_without_pip_is_made_again_with_pip(tmp_path):
    venv = tmp_path / ".venv"
    subprocess.run([GOOD_PYTHON, "-m", "venv", "--without-pip", str(venv)], check=True)
    run = make_venv(venv, GOOD_PYTHON)
    assert run.returncode == 0, run.stderr
    assert "without pip" in run.stdout
    assert venv_python_version(venv) == str(sys.version_info[:2])


@pytest.mark.slow
def test_a_usable_venv_is_kept(tmp_path):
    venv = tmp_path / ".venv"
    subprocess.run([GOOD_PYTHON, "-m", "venv", str(venv)], check=True)
    (venv / "kept").touch()
    run = make_venv(venv, "/nonexistent/python")
    assert run.returncode == 0, run.stderr
    assert (venv / "kept").exists() and run.stdout == ""


def test_an_old_python_is_refused_with_how_to_name_another(tmp_path):
    venv = tmp_path / ".venv"
    run = make_venv(venv, str(fake_python(tmp_path / "py310" / "python3", "3.10")))
    assert run.returncode == 1
    assert "is Python 3.10; petloc needs 3.11+" in run.stderr and "make PYTHON=python3.11" in run.stderr
    assert not venv.exists()


def test_a_missing_python_is_refused_with_how_to_name_one(tmp_path):
    run = make_venv(tmp_path / ".venv", "python3.99-not-here")
    assert run.returncode == 1 and "PYTHON=" in run.stderr


def test_a_failed_venv_names_python3_venv_and_leaves_no_half_venv(tmp_path):
    venv = tmp_path / ".venv"
    run = make_venv(venv, str(fake_python(tmp_path / "debian" / "python3", "3.11", venv_fails=True)))
    assert run.returncode == 1
    assert "python3-venv" in run.stderr
    assert not venv.exists()


def test_a_folder_that_is_no_venv_is_not_deleted(tmp_path):
    venv = tmp_path / "mine"
    (venv / "bin").mkdir(parents=True)
    (venv / "notes.txt").write_text("mine")
    run = make_venv(venv, GOOD_PYTHON)
    assert run.returncode == 1 and "VENV=" in run.stderr
    assert (venv / "notes.txt").read_text() == "mine"


@pytest.mark.skipif(not Path("/usr/bin/make").exists() and not Path("/bin/make").exists(), reason="needs make")
def test_the_makefile_makes_its_venv_through_the_script(tmp_path):
    venv = tmp_path / "v"
    plan = subprocess.run(["make", "-n", "lint", f"VENV={venv}", "PYTHON=python3.11"], cwd=SCRIPT.parents[1],
                          capture_output=True, text=True, timeout=60).stdout
    assert f"PYTHON='python3.11' VENV='{venv}' bash scripts/make_venv.sh" in plan
    assert plan.index("make_venv.sh") < plan.index("pip install")
