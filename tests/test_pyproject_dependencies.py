"""pyproject.toml's dependencies name what petloc imports, at versions known to work.

It required `tensorflow>=2.16` and no keras, while the code imports keras directly (and a private
module of it, model/distributed.py) and both bundled models were saved by Keras 3.15.1 under
TensorFlow 2.21.0: nothing showed an older pair could load them.
"""

from __future__ import annotations

import ast
import json
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
DEPENDENCIES = [Requirement(line) for line in
                tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]]
DECLARED = {canonicalize_name(req.name): req for req in DEPENDENCIES}


def _optional_imports(tree: ast.AST) -> set[int]:
    """ids of the import statements inside a ``try`` that catches ImportError: used when installed."""
    optional: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        caught = {ast.unparse(handler.type) for handler in node.handlers if handler.type is not None}
        if caught & {"ImportError", "ModuleNotFoundError"}:
            optional |= {id(inner) for stmt in node.body for inner in ast.walk(stmt)}
    return optional


def _required_top_level_imports() -> dict[str, str]:
    """Each third-party top-level module petloc_gui imports unconditionally -> a file importing it."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "petloc_gui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        optional = _optional_imports(tree)
        for node in ast.walk(tree):
            if id(node) in optional:
                continue
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top not in sys.stdlib_module_names and top != "petloc_gui":
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_every_package_petloc_imports_is_declared():
    distributions = metadata.packages_distributions()
    imports = _required_top_level_imports()
    assert "keras" in imports  # what this test is about: imported, so it must be declared
    undeclared = {module: where for module, where in imports.items()
                  if not {canonicalize_name(d) for d in distributions.get(module, [module])} & DECLARED.keys()}
    assert not undeclared, f"imported but not in pyproject's dependencies: {undeclared}"


def test_tensorflow_and_keras_floors_are_at_least_what_saved_the_bundled_models():
    for model in ("digits", "pets"):
        meta = json.loads((ROOT / "resources" / "models" / model / "meta.json").read_text())
        for name, key in (("tensorflow", "tensorflow_version"), ("keras", "keras_version")):
            [floor] = [Version(spec.version) for spec in DECLARED[name].specifier if spec.operator == ">="]
            saved = Version(meta[key])
            # "tensorflow>=2.21" against 2.21.0: compared at the floor's precision
            assert floor >= Version(".".join(map(str, saved.release[:len(floor.release)]))), (name, model, saved)


def test_the_tested_environment_meets_every_declared_dependency():
    """`make` installs into a venv that holds these: each floor is one the test run itself meets."""
    for req in DEPENDENCIES:
        if req.marker is not None and not req.marker.evaluate():
            continue  # not for this system (ai-edge-litert on an Intel Mac)
        installed = metadata.version(req.name)
        assert req.specifier.contains(installed, prereleases=True), f"{req} but {installed} is installed"
