"""docs/architecture.md's layer tree names the modules split out of the old `ui/training/retrain_support.py`
(the Retrain dialog's preview and its helpers), as it names every ui/training module with a job of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TREE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8").split("```", 2)[1]
SPLIT_OUT = ["retrain_holdout_preview", "fine_tune_split", "retrain_prelabels", "retrain_counts", "retrain_preset",
             "fine_tune_readable", "retrain_comparison_figures"]


@pytest.mark.parametrize("stem", SPLIT_OUT)
def test_the_module_is_named_in_the_layer_tree(stem):
    assert (ROOT / "petloc_gui" / "ui" / "training" / f"{stem}.py").is_file(), f"{stem}.py is gone: take it out"
    assert re.search(rf"\b{stem}\b", TREE), f"docs/architecture.md's layer tree does not name ui/training/{stem}.py"


def test_the_grab_bag_is_gone_from_code_and_tree():
    assert not (ROOT / "petloc_gui" / "ui" / "training" / "retrain_support.py").exists()
    assert "retrain_support" not in TREE
