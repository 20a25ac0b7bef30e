"""The class-names file (data.yaml, classes.txt) was read whole before being cut at its 4 MB limit: a 300 MB
data.yaml cost `petloc stats`' YOLO hint and `convert` 345 MB; a named pipe under that name waited for ever. Only
the head is read, and a pipe is refused at once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.core.errors import DatasetError
from petloc_gui.core.interop import yolo_names


def test_a_huge_names_file_is_read_only_as_far_as_its_limit(tmp_path, monkeypatch):
    big = tmp_path / "data.yaml"
    big.write_bytes(b"names: [a]\n" + b"#" * (yolo_names._MAX_BYTES * 3))
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read whole"))
    with pytest.raises(DatasetError, match="too large"):
        yolo_names._read(big)


@pytest.mark.timeout(20)
def test_a_pipe_named_as_the_names_file_is_refused_without_waiting(tmp_path):
    pipe = tmp_path / "classes.txt"
    os.mkfifo(pipe)
    with pytest.raises(DatasetError, match="named pipe"):
        yolo_names._read(pipe)
