"""A Ctrl+C landing as a run makes a file (raised as the call that made it returns, before the run knows it) left
that file, and with it the new OUT the run made: `petloc convert --from yolo` where hard links fail left the empty
claim of `files._name_exclusive` under the image's name (every rerun refused "a different file already exists
here"); `atomic_write_bytes`' mkstemp temporary of data.yaml made the run's own new OUT look another's. Each file is
now named before it is made and taken back however its making is left; the run's new OUT goes whole."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from petloc_gui.core.interop import files
from petloc_gui.core.interop.output_before import OutputBefore
from tests.cli.helpers import write_image


def _stop_once_made(monkeypatch, made: Path) -> list[Path]:
    """``os.open`` makes the file at a path ``made`` says, then a Ctrl+C lands (its descriptor never returned)."""
    real_open, stopped = os.open, []

    def open_then_stop(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        if not stopped and made(Path(path)):
            stopped.append(Path(path))
            os.close(fd)
            raise KeyboardInterrupt
        return fd

    monkeypatch.setattr(os, "open", open_then_stop)
    return stopped


def _new_out(tmp_path: Path) -> tuple[OutputBefore, Path]:
    out = tmp_path / "new" / "out"
    before = OutputBefore(out, None)  # OUT missing: the run's mkdir makes it
    before.written.make_output(out)
    return before, out


def test_a_stop_as_the_claim_is_made_where_links_fail_takes_the_new_out_back_whole(tmp_path, monkeypatch):
    source = write_image(tmp_path / "a.png", 40, 30)
    before, out = _new_out(tmp_path)

    def no_link(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    target = out / "a.png"
    stopped = _stop_once_made(monkeypatch, lambda path: path == target)
    with pytest.raises(KeyboardInterrupt):
        before.written.placing(target, lambda: files.place_image(source, target, files.COPY))
    monkeypatch.undo()
    assert stopped == [target]
    taken = before.take_back()
    assert not (tmp_path / "new").exists(), sorted(p.name for p in (tmp_path / "new").rglob("*"))
    assert taken.removed and taken.folder_removed and not taken.left_behind
