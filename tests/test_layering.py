"""Run-time check of the layering that import-linter checks statically."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("tensorflow", "keras", "PySide6")


def _loaded_after_import(module: str) -> set[str]:
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize(
    "module",
    [
        "petloc_gui.core.boxes",
        "petloc_gui.core.voc",
        "petloc_gui.core.images",
        "petloc_gui.core.dataset",
        "petloc_gui.core.metrics",
        "petloc_gui.core.stats",
        "petloc_gui.core.digits",
        "petloc_gui.app.annotation_store",
        "petloc_gui.app.review_queue",
        "petloc_gui.app.model_choice",
        "petloc_gui.app.demo_folder",
    ],
)
def test_core_and_app_import_neither_qt_nor_tensorflow(module):
    loaded = _loaded_after_import(module)
    assert not loaded & set(HEAVY), f"{module} pulled in {loaded & set(HEAVY)}"


def test_model_bundle_metadata_reads_without_tensorflow():
    # The GUI lists models (and their metrics) before TensorFlow has loaded.
    loaded = _loaded_after_import("petloc_gui.model.bundle")
    assert "tensorflow" not in loaded and "PySide6" not in loaded
