"""Why a model did not load, as the window says it: an OSError or petloc's own error by its message (a full
disk's "no writable temporary folder ... set TMPDIR" read "NoTemporaryFolderError: no writable ..."), any
other error with its type too (a KeyError's message alone is a bare key)."""

from __future__ import annotations

from petloc_gui.model.quiet_import import NoTemporaryFolderError
from petloc_gui.ui.models.prediction_service import failure_text


def test_an_os_error_is_said_by_its_message():
    text = failure_text(NoTemporaryFolderError("no writable temporary folder (is the disk full?)"))
    assert text == "no writable temporary folder (is the disk full?)"
    assert failure_text(FileNotFoundError(2, "No such file or directory", "x.keras")).startswith("[Errno 2]")


def test_any_other_error_is_named_by_its_type():
    assert failure_text(KeyError("conv1")) == "KeyError: 'conv1'"
    assert failure_text(ValueError("bad shape")) == "ValueError: bad shape"
