"""The window's text for a failed read (`app.annotation_look.read_error`: "cannot check the annotation file")
kept its own copy of the write's test of a read that failed for an OSError (`core.voc_write.read_failure`):
a change to one would have the window say "could not look at it" where the save says "not a readable VOC
annotation", or the other way round. The window now asks the write's rule; its words are its own, as before."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.app.annotation_look import read_error
from petloc_gui.core import voc_write
from petloc_gui.core.errors import AnnotationError

PATH = Path("/data/a.xml")


def _failed(cause: BaseException | None) -> AnnotationError:
    exc = AnnotationError("cannot read annotation", PATH)
    exc.__cause__ = cause
    return exc


def test_a_permission_or_io_failure_is_said_as_a_file_not_looked_at():
    assert read_error(PATH, _failed(PermissionError(13, "Permission denied"))) == (
        f"{PATH}: cannot check the annotation file: Permission denied")
    assert read_error(PATH, _failed(OSError(5, "Input/output error"))).endswith(
        "cannot check the annotation file: Input/output error")


def test_a_file_gone_or_refused_is_said_as_the_error_read():
    for cause in (FileNotFoundError(2, "No such file or directory"), ValueError("bad"), None):
        exc = _failed(cause)
        assert read_error(PATH, exc) == str(exc)


def test_the_rule_is_asked_of_core_voc_write(monkeypatch):
    """One place: where the write's rule says a failure is no failure to read, the window's text follows."""
    monkeypatch.setattr(voc_write, "read_failure", lambda exc: None)
    exc = _failed(PermissionError(13, "Permission denied"))
    assert read_error(PATH, exc) == str(exc)
    monkeypatch.setattr(voc_write, "read_failure", lambda exc: OSError(5, "Input/output error"))
    assert read_error(PATH, _failed(None)).endswith("cannot check the annotation file: Input/output error")
