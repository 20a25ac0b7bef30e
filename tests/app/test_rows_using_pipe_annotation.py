"""`rows_using` (Edit → Classes: the images a rename or a delete changes) opened each image's annotation file
with ``open()``: a named pipe named like one (``e.xml``) made the rename wait for ever on the window's thread,
though the VOC reader refuses it at once. Now only a regular file is read, as the reader reads one."""

from __future__ import annotations

import os

import pytest

from petloc_gui.app.annotation_store import AnnotationStore
from petloc_gui.app.class_list import rows_using
from petloc_gui.core.dataset import open_dataset
from tests.app.test_rows_using_new_files import _annotate

pytestmark = [pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX"),
              pytest.mark.timeout(20)]  # a wait on a pipe fails the test rather than the whole run


def test_a_named_pipe_in_place_of_an_annotation_is_not_waited_on(tmp_path):
    for stem in ("a", "e"):
        (tmp_path / f"{stem}.png").write_bytes(b"")
    _annotate(tmp_path / "a.png", "cat")
    os.mkfifo(tmp_path / "e.xml")
    dataset = open_dataset(tmp_path)
    assert rows_using(AnnotationStore(dataset), "cat") == {0: [0]}
