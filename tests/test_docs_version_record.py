"""The README says which model versions have a version.json: not every one does.

`petloc train` without --out writes a bundle (meta.json, model.keras) into the
store and no version.json, which ADR 0006 and VersionStore allow for (such a
version is listed from its meta.json: tests/model/test_versions.py); the
README said every trained model had one.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def store_paragraph() -> str:
    start = README.index("Every trained model is kept as a version in the model store")
    return " ".join(README[start:README.index("\n\n", start)].split())


def test_the_readme_says_a_cli_trained_version_has_no_version_json():
    paragraph = store_paragraph()
    assert not re.search(r"with its bundle and a `version\.json`", paragraph), paragraph
    assert re.search(r"`petloc train` wrote[^.]*has none and is listed from its `meta\.json`", paragraph), paragraph


def test_the_readme_says_where_a_version_json_comes_from():
    assert re.search(r"A version trained from the window[^.]*also has a `version\.json`", store_paragraph())


def test_adr_0006_says_the_same():
    adr = " ".join((ROOT / "docs" / "adr" / "0006-retraining-in-a-child-process.md").read_text().split())
    assert "without a `version.json` (for example by `petloc train`)" in adr
