"""The sdist carries the whole test suite and what it reads, so the tests run from it.

It held the 16 top-level tests/test_*.py only: not tests/conftest.py, tests/__init__.py, the
tests/* sub-packages, nor the Makefile, scripts/, benchmarks/ and docs/ they read (conda-forge
and Linux distributions run the tests from the sdist). Built from a copy of the checkout (or of
an unpacked sdist), never in place: a build writes petloc.egg-info next to pyproject.toml.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
# what the tests read or run besides the package (Makefile: test_pyproject_license, test_readme_setup)
NEEDED = ("tests", "docs", "benchmarks", "scripts", ".ci", "Makefile", "LICENSE", "NOTICE", "LICENSES")
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.py[cod]",
                                    ".pytest_cache", "_resources", ".mypy_cache", ".ruff_cache")


def _files(path: Path) -> set[str]:
    """``path``'s source files relative to ROOT: itself, or every file under it but caches."""
    if path.is_file():
        return {path.relative_to(ROOT).as_posix()}
    return {p.relative_to(ROOT).as_posix() for p in path.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo")}


def test_the_sdist_holds_the_test_suite_and_what_it_reads(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    code = f"from setuptools import build_meta; print(build_meta.build_sdist({str(tmp_path / 'out')!r}))"
    built = subprocess.run([sys.executable, "-c", code], cwd=source, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-3000:]
    name = built.stdout.strip().splitlines()[-1]
    with tarfile.open(tmp_path / "out" / name) as sdist:
        top = name.removesuffix(".tar.gz")
        members = {m.name.removeprefix(f"{top}/") for m in sdist.getmembers() if m.isfile()}

    needed = set().union(*(_files(ROOT / item) for item in NEEDED if (ROOT / item).exists()))
    assert {"tests/conftest.py", "tests/__init__.py", "tests/cli/conftest.py", "Makefile",
            "scripts/make_venv.sh"} <= needed
    assert not needed - members, f"missing from the sdist: {sorted(needed - members)[:20]}"
    assert {"pyproject.toml", "setup.py", "README.md", "MANIFEST.in"} <= members
    assert not [m for m in members if "__pycache__" in m or m.endswith(".pyc")]
