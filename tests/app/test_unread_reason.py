"""`unread_reason`: what the image's header says of a document whose file was never read (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.app.annotation_look import read_error, unread_reason
from petloc_gui.app.image_document import ImageDocument
from petloc_gui.core.errors import AnnotationError

XML = Path("/data/a.xml")


def _failed(cause: OSError | None) -> AnnotationError:
    error = AnnotationError("not well-formed XML: no element found", XML)
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(("load_error", "shared_with", "reason"), [
    (None, None, None),  # read, or no file there: "GT: none" is true
    (read_error(XML, _failed(PermissionError(13, "Permission denied"))), None, "Permission denied"),
    (read_error(XML, _failed(OSError(5, "Input/output error"))), None, "Input/output error"),
    (read_error(XML, _failed(None)), None, ""),  # read and refused: the pane says why
    (f"{XML}: cannot check the annotation file: Permission denied", "b.jpg", None),  # another image's file
])
def test_the_reason_said_for_a_file_never_read(load_error, shared_with, reason):
    doc = ImageDocument(Path("a.jpg"), XML, load_error=load_error, shared_with=shared_with)
    assert unread_reason(doc) == reason
