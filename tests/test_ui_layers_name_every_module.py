"""The import-linter contract "ui sub-packages are layered" names every top-level ui package and module.

A layers contract says nothing of a module it does not name: 20 top-level ui modules (wrap_points, modal,
plain_text, status_line, ...) could import any ui package, and docs/architecture.md's "wrap_points sits below
every ui package" held by chance. A new module must now take its place in the layers when it is added.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "petloc_gui" / "ui"
CONTRACT = "ui sub-packages are layered"


def ui_contract() -> dict:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = pyproject["tool"]["importlinter"]["contracts"]
    return next(contract for contract in contracts if contract["name"] == CONTRACT)


def layered_names(contract: dict) -> list[str]:
    """Each name the contract's layers hold, top to bottom ("(optional)" brackets taken off)."""
    return [name.strip().strip("()") for layer in contract["layers"] for name in layer.split("|")]


def top_level_ui() -> set[str]:
    """The ui packages (folders with an __init__.py) and modules, by the name a layer gives them."""
    packages = {path.parent.name for path in UI.glob("*/__init__.py")}
    modules = {path.stem for path in UI.glob("*.py") if path.name != "__init__.py"}
    return packages | modules


def test_every_top_level_ui_package_and_module_has_a_layer():
    unnamed = sorted(top_level_ui() - set(layered_names(ui_contract())))
    assert not unnamed, f"not in the {CONTRACT!r} contract of pyproject.toml: {', '.join(unnamed)}"


def test_each_name_has_one_layer_and_is_a_ui_module():
    names = layered_names(ui_contract())
    assert len(names) == len(set(names)), "a name in two layers"
    assert set(names) <= top_level_ui(), sorted(set(names) - top_level_ui())


def test_wrap_points_is_in_the_bottom_layer():
    # docs/architecture.md: "below every ui package"
    assert "wrap_points" in layered_names({"layers": ui_contract()["layers"][-1:]})
