"""A stop (Ctrl+C, SIGTERM) that came during the TFLite conversion is raised at Python's next check, which
can fall inside the removal of the conversion's temporary folder: TemporaryDirectory's cleanup stopped
there and left a petloc-tflite-* folder (seen once in CI, tests/cli/test_export_stopped.py)."""

from __future__ import annotations

import shutil

import pytest

from petloc_gui.model import export


def test_a_stop_inside_the_removal_still_removes_the_folder_and_is_raised(tmp_path, monkeypatch):
    folder = tmp_path / "petloc-tflite-x"
    (folder / "variables").mkdir(parents=True)
    (folder / "variables" / "data").write_bytes(b"0" * 10)
    real, calls = shutil.rmtree, []

    def stopped_once(path, ignore_errors=False):
        calls.append(path)
        if len(calls) == 1:
            raise KeyboardInterrupt  # as the signal handler raises it, before anything was removed
        real(path, ignore_errors=ignore_errors)

    monkeypatch.setattr(export.shutil, "rmtree", stopped_once)
    with pytest.raises(KeyboardInterrupt):
        export._remove_tree(str(folder))
    assert not folder.exists()
