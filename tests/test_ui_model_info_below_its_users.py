"""`ModelInfo` lives in a ui leaf module below both the models package that builds it and model_label_fit.

Before: it was defined in ui/models/model_handle.py, and model_label_fit (below the models package, which imports it
at run time) named it in its annotations: the ui layers contract had to ignore that import by name, so a real import
of model_label_fit from the models package would have been let through too. Now the contract ignores no import.
"""

from __future__ import annotations

import re

from tests.test_ui_layers_name_every_module import ROOT, layered_names, ui_contract


def _layer_of(name: str) -> int:
    layers = ui_contract()["layers"]
    return next(index for index, layer in enumerate(layers) if name in layered_names({"layers": [layer]}))


def test_the_ui_layers_contract_ignores_no_import():
    assert not ui_contract().get("ignore_imports"), ui_contract().get("ignore_imports")


def test_model_info_is_a_leaf_below_the_models_package_and_model_label_fit():
    from petloc_gui.ui.model_info import ModelInfo

    assert ModelInfo.__module__ == "petloc_gui.ui.model_info"
    assert _layer_of("model_info") == len(ui_contract()["layers"]) - 1
    assert _layer_of("model_info") > _layer_of("model_label_fit") > _layer_of("models")


def test_no_one_imports_model_info_from_the_models_package():
    pattern = re.compile(r"from petloc_gui\.ui\.models\.model_handle import [^\n]*\bModelInfo\b")
    sources = [path for folder in ("petloc_gui", "tests", "benchmarks", "scripts")
               for path in (ROOT / folder).rglob("*.py")]
    importers = [str(path.relative_to(ROOT)) for path in sources if pattern.search(path.read_text(encoding="utf-8"))]
    assert not importers, f"import ModelInfo from petloc_gui.ui.model_info: {', '.join(importers)}"


def test_the_architecture_tree_names_model_info():
    tree = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8").split("```", 2)[1]
    assert re.search(r"\bmodel_info\.py\b", tree), "docs/architecture.md's ui tree does not name model_info.py"
