"""The README's Architecture section, docs/architecture.md and ADR 0001 name every layer package.

ADR 0001 and the README said three layers (core, model, cli and ui) long after
petloc_gui.app, with an import-linter contract of its own, had joined them.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def contracted_packages() -> list[str]:
    """The packages an import-linter contract is written for: the layers."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    return sorted({module for contract in contracts for module in contract.get("source_modules", ())})


def layer_texts() -> dict[str, str]:
    architecture = README.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    return {
        "README.md (Architecture)": architecture,
        "docs/architecture.md": (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8"),
        "docs/adr/0001-three-layers.md": (ROOT / "docs" / "adr" / "0001-three-layers.md").read_text(encoding="utf-8"),
    }


def test_the_contracts_name_the_app_package():
    assert "petloc_gui.app" in contracted_packages()


@pytest.mark.parametrize("doc", list(layer_texts()))
def test_the_doc_names_every_layer(doc):
    text = layer_texts()[doc]
    for package in contracted_packages():
        short = package.removeprefix("petloc_gui.")
        assert f"`{package}`" in text or re.search(rf"\b{short}/", text), f"{doc} does not name {package}"
