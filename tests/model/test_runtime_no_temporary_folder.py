"""`python -m petloc_gui.model.runtime` with no writable temporary folder: the clear message on one line
and exit 1, not a traceback (its import of TensorFlow was outside the try that reports each bundle)."""

from __future__ import annotations

from petloc_gui.model import quiet_import, runtime


def test_no_temporary_folder_is_one_line_and_exit_1(monkeypatch, capsys):
    def no_folder():
        raise quiet_import.NoTemporaryFolderError("no writable temporary folder (is the disk full?); set TMPDIR")

    monkeypatch.setattr(quiet_import, "import_tensorflow_quietly", no_folder)
    assert runtime.main(["digits"]) == 1
    err = capsys.readouterr().err
    assert err == ("python -m petloc_gui.model.runtime: no writable temporary folder (is the disk full?); "
                   "set TMPDIR\n")
