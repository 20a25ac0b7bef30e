"""The messages that send the reader to a README section name the README by a path that exists.

A wheel installed README.md only as .dist-info/METADATA, so `TF_CONFIG` errors saying
`README "When one machine is not enough"` (and Help → About) sent a wheel user to a file
they did not have. The wheel carries it as `petloc_gui/_docs/README.md` now (setup.py,
tests/cli/test_wheel.py); `cli.reference.README` is that copy, or the checkout's README.md.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from petloc_gui.cli import reference
from petloc_gui.cli.output import UsageError
from petloc_gui.cli.tf_config import read_tf_config

ROOT = Path(__file__).resolve().parents[2]


def test_in_a_checkout_the_readme_is_the_repository_s():
    assert reference.README == ROOT / "README.md"
    assert reference.README.is_file()


def test_an_installed_copy_finds_the_readme_in_its_docs(tmp_path):
    # site-packages' layout: the package, its _docs, and no README.md above it
    package = tmp_path / "site-packages" / "petloc_gui"
    (package / "cli").mkdir(parents=True)
    shutil.copy(Path(reference.__file__), package / "cli" / "reference.py")
    (package / "_docs").mkdir()
    (package / "_docs" / "cli.md").write_text("# petloc's command reference\n")
    (package / "_docs" / "README.md").write_text("# petloc\n")
    spec = importlib.util.spec_from_file_location("installed_reference", package / "cli" / "reference.py")
    assert spec is not None and spec.loader is not None
    installed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(installed)
    found: Path = installed.README
    assert found == package / "_docs" / "README.md"
    assert found.is_file()


def test_tf_config_errors_name_the_readme_by_its_path(monkeypatch):
    monkeypatch.delenv("TF_CONFIG", raising=False)
    with pytest.raises(UsageError) as raised:
        read_tf_config(batch_size=8)
    assert f'README "When one machine is not enough", {reference.README}' in str(raised.value)
    monkeypatch.setenv("TF_CONFIG", '{"task": {"type": "worker", "index": 0}}')
    with pytest.raises(UsageError) as raised:
        read_tf_config(batch_size=8)
    assert f'README "When one machine is not enough", {reference.README}' in str(raised.value)
