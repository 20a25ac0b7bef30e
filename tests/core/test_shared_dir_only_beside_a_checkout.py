"""`shared_dir()` looks for ../shared beside a petloc checkout only.

It took `parents[3] / "shared"` of core/paths.py wherever petloc ran: in a wheel install that is
`lib/python3.X/shared`, a folder of the Python installation that means nothing to petloc (a folder
so named there was taken for the project's data and ImageNet weights). A checkout is told as the
About dialog tells it (`paths.checkout_root`: a pyproject.toml naming the petloc project above the
package); elsewhere only PETLOC_SHARED_DIR names one.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from petloc_gui.core import paths

ROOT = Path(__file__).resolve().parents[2]


def _paths_at(package: Path) -> ModuleType:
    """core/paths.py copied to ``package``/core and loaded from there, as if petloc were installed there."""
    (package / "core").mkdir(parents=True)
    shutil.copy(Path(paths.__file__), package / "core" / "paths.py")
    spec = importlib.util.spec_from_file_location("paths_elsewhere", package / "core" / "paths.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _no_override(monkeypatch):
    monkeypatch.delenv("PETLOC_SHARED_DIR", raising=False)


def test_an_installed_copy_does_not_take_a_shared_folder_of_the_python_installation(tmp_path):
    lib = tmp_path / "lib" / "python3.12"
    (lib / "shared").mkdir(parents=True)  # parents[3] / "shared" of site-packages/petloc_gui/core/paths.py
    installed = _paths_at(lib / "site-packages" / "petloc_gui")
    assert installed.checkout_root() is None
    assert installed.shared_dir() is None


def test_an_installed_copy_takes_the_folder_petloc_shared_dir_names(tmp_path, monkeypatch):
    installed = _paths_at(tmp_path / "lib" / "python3.12" / "site-packages" / "petloc_gui")
    (tmp_path / "data").mkdir()
    monkeypatch.setenv("PETLOC_SHARED_DIR", str(tmp_path / "data"))
    assert installed.shared_dir() == tmp_path / "data"


def test_beside_a_checkout_shared_is_found(tmp_path):
    checkout = tmp_path / "petloc"
    checkout.mkdir()
    shutil.copy(ROOT / "pyproject.toml", checkout / "pyproject.toml")
    (tmp_path / "shared").mkdir()
    copied = _paths_at(checkout / "petloc_gui")
    assert copied.checkout_root() == checkout
    assert copied.shared_dir() == tmp_path / "shared"


def test_a_folder_of_another_project_is_no_checkout(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "pyproject.toml").write_text('[project]\nname = "not-petloc"\n')
    (tmp_path / "shared").mkdir()
    copied = _paths_at(other / "petloc_gui")
    assert copied.checkout_root() is None
    assert copied.shared_dir() is None


def test_this_checkout_is_one():
    assert paths.checkout_root() == ROOT
