"""A Ctrl+C or SIGTERM landing just after the TFLite conversion's temporary folder was made (inside
tempfile.mkdtemp, before the try that removes it) left /tmp/petloc-tflite-* behind: seen once in a
loaded CI run of tests/cli/test_export_stopped.py. The folder is made inside the try now."""

from __future__ import annotations

import os

import pytest


def test_a_stop_right_after_the_folder_is_made_leaves_nothing(tmp_path, monkeypatch):
    import tensorflow  # noqa: F401 - imported before os.mkdir is patched (its import makes folders)

    from petloc_gui.model import export

    monkeypatch.setattr(export.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(export.tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(export, "_archive", lambda *_args, **_kw: object())
    made = os.mkdir

    def made_then_stopped(path, mode=0o777, **kw):
        made(path, mode, **kw)
        raise KeyboardInterrupt  # SIGTERM's Terminated is one

    monkeypatch.setattr(os, "mkdir", made_then_stopped)
    with pytest.raises(KeyboardInterrupt) as stopped:
        export.tflite_bytes(object())
    monkeypatch.undo()
    assert stopped.traceback[-1].name == "made_then_stopped"  # the stop came where this test puts it
    assert list(tmp_path.iterdir()) == []
