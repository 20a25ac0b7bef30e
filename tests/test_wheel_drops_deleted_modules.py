"""A wheel built in the checkout again leaves out a module deleted from the sources since the last build.

Before: ``pip wheel --no-deps -w dist .`` (README) builds in the tree, and build_py only added to
build/lib/, which outlives a build: build, add petloc_gui/core/old_module.py, build, delete it,
build, and the third wheel still held petloc_gui/core/old_module.py. Runs setup.py's build_py (what
puts the wheel's files in build/lib/) in a copy of the sources, without resources/ and docs/ it
copies too, to stay cheap.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]


def _build_py(source: Path) -> Path:
    built = subprocess.run([sys.executable, "setup.py", "-q", "build_py"], cwd=source, capture_output=True,
                           text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-3000:]
    return source / "build" / "lib" / "petloc_gui"


def test_a_module_deleted_since_the_last_build_is_not_built_again(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(REPO / "petloc_gui", source / "petloc_gui",
                    ignore=shutil.ignore_patterns("__pycache__", "_resources", "_docs"))
    shutil.copytree(REPO / "LICENSES", source / "LICENSES")
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "NOTICE"):
        shutil.copy(REPO / name, source / name)
    old_module = source / "petloc_gui" / "core" / "old_module.py"
    old_module.write_text('"""Deleted before the next build."""\n')

    assert (_build_py(source) / "core" / "old_module.py").is_file()
    old_module.unlink()
    built = _build_py(source)
    assert (built / "core" / "child_python.py").is_file()  # the rest is built again
    assert not (built / "core" / "old_module.py").exists()
