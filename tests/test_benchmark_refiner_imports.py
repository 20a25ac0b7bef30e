"""Benchmarks import the refiner's names from where they live: model/refine_training.py (near its 400-line
limit) gave its variant choice, REPASS_BELOW included, to model/refiner_variants.py and only re-imports
them for itself; benchmarks/cv_tta.py still took REPASS_BELOW from refine_training."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _defined(module: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return names


def test_benchmarks_take_refine_training_s_names_only_where_it_defines_them():
    own = _defined(ROOT / "petloc_gui" / "model" / "refine_training.py")
    borrowed = []
    for script in sorted((ROOT / "benchmarks").glob("*.py")):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "petloc_gui.model.refine_training":
                borrowed += [f"{script.name}: {alias.name}" for alias in node.names if alias.name not in own]
    assert borrowed == []
