"""`python -m petloc_gui.model.runtime MODEL` (README) prints the converted file and nothing else.

It flooded stderr with ~20 lines of TensorFlow's C++ logging (absl's banner, oneDNN, "Could not find
cuda drivers", "failed call to cuInit", the converter's I0000/W0000 lines), which every petloc
command hides.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def test_converting_a_bundled_model_says_only_where_the_file_is(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("TF_CPP_MIN_LOG_LEVEL", "PETLOC_DEBUG")}
    env.update(PETLOC_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "petloc_gui.model.runtime", "digits"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    [line] = done.stdout.splitlines()
    assert Path(line).is_file() and Path(line).is_relative_to(tmp_path / "data" / "cache" / "tflite")
    assert done.stderr == ""
