"""The Retrain dialog's Qt-free helpers (one job each, split out of the old grab bag `retrain_support`) load
neither Qt nor TensorFlow: the preview runs in the loader's thread of the UI process, and the CLI and benchmarks
import it without a window (`benchmarks/retrain_preview_cost.py`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
HELPERS = ("retrain_preset", "fine_tune_readable", "retrain_counts", "retrain_prelabels", "fine_tune_split",
           "retrain_holdout_preview", "retrain_comparison_figures")
HEAVY = ("PySide6", "tensorflow", "keras")


@pytest.mark.parametrize("helper", HELPERS)
def test_the_helper_loads_neither_qt_nor_tensorflow(helper):
    # a fresh interpreter: this test process has Qt loaded already
    code = (f"import importlib, json, sys; importlib.import_module('petloc_gui.ui.training.{helper}'); "
            f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
