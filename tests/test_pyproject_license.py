"""pyproject.toml's licence metadata in the current form (PEP 639), so a build prints no setuptools
"`project.license` as a TOML table is deprecated" box, and builds where the venv's setuptools is older."""

from __future__ import annotations

import re
import tomllib
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
SPDX_FORM = "77"  # the first setuptools that reads `project.license` as an SPDX expression


def test_the_license_is_an_spdx_expression_of_petloc_and_the_weights_it_ships():
    license_ = PYPROJECT["project"]["license"]
    assert isinstance(license_, str), "a TOML table is deprecated: an SPDX expression string"
    assert license_.split(" AND ") == ["MIT", "Apache-2.0"]
    # Apache-2.0 is the licence of the ImageNet weights the wheel ships, as the README credits them
    assert "Apache License 2.0" in (ROOT / "README.md").read_text()
    assert any((ROOT / "resources" / "weights").glob("*.h5"))


def test_every_setuptools_that_builds_petloc_reads_that_form():
    assert f"setuptools>={SPDX_FORM}" in PYPROJECT["build-system"]["requires"]
    # tests/cli/test_wheel.py builds with --no-build-isolation: the venv's own setuptools must read it too
    assert re.search(rf'pip install [^\n]*"setuptools>={SPDX_FORM}"', (ROOT / "Makefile").read_text())


def test_setuptools_reads_it_without_a_deprecation_warning():
    setuptools = pytest.importorskip("setuptools")
    if int(setuptools.__version__.split(".")[0]) < int(SPDX_FORM):
        pytest.skip(f"setuptools {setuptools.__version__} here predates the SPDX form; `make` installs >={SPDX_FORM}")
    from setuptools.config.pyprojecttoml import read_configuration

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        config = read_configuration(ROOT / "pyproject.toml")
    assert config["project"]["license"] == "MIT AND Apache-2.0"


def _license_files() -> list[Path]:
    """The files pyproject's `license-files` globs name (PEP 639: what goes into .dist-info/licenses/)."""
    patterns = PYPROJECT["project"]["license-files"]
    return sorted({path for pattern in patterns for path in ROOT.glob(pattern) if path.is_file()})


def test_the_licence_texts_ship_with_every_build():
    shipped = {path.relative_to(ROOT).as_posix() for path in _license_files()}
    assert {"LICENSE", "NOTICE", "LICENSES/Apache-2.0.txt"} <= shipped
    for pattern in PYPROJECT["project"]["license-files"]:  # a glob matching nothing fails the build
        assert any(ROOT.glob(pattern)), pattern


def test_each_licence_of_the_expression_has_its_text():
    mit = (ROOT / "LICENSE").read_text()
    assert mit.startswith("MIT License") and re.search(r"^Copyright \(c\) \d{4} \S", mit, re.MULTILINE)
    apache = (ROOT / "LICENSES" / "Apache-2.0.txt").read_text()
    assert "Apache License" in apache and "Version 2.0, January 2004" in apache
    assert "END OF TERMS AND CONDITIONS" in apache  # the whole text, not a pointer to it


def test_the_notice_names_each_file_of_others_that_ships_and_its_licence():
    notice = (ROOT / "NOTICE").read_text()
    for weights in (ROOT / "resources" / "weights").iterdir():
        assert f"resources/weights/{weights.name}" in notice
    assert "LICENSES/Apache-2.0.txt" in notice
    for model in ("pets", "digits"):  # trained on the datasets credited there
        assert f"resources/models/{model}/" in notice
    assert "Oxford-IIIT Pet" in notice and "CC BY-SA 4.0" in notice and "MNIST" in notice
