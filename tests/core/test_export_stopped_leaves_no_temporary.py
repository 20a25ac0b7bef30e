"""`petloc convert SRC --to yolo PROJECT --overwrite --images copy` into the user's own Ultralytics project, stopped
by Ctrl+C part way, left a hidden temporary (``labels/.a.txt.PID.petloc-new``,
``images/.a.png.XXXXXXXX.PID.petloc-new``) in the project in 26 of 40 real SIGINTs, while it said the folder was as
it was; nothing removed it later (the day-old sweep runs only with another export into the same folders).
`files.write_derived` removed its temporary only on an OSError, and the copies' temporaries (`files.place_image`,
`files.place_data`) were made by mkstemp, which told their name only once made: a Ctrl+C landing as one was made
left it under a name nobody knew. Each temporary now is named before it is made and removed however its write is
left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.core.interop import files as files_module
from tests.cli.helpers import run_cli

USERS_YAML = b"path: /data/proj\ntrain: images\nval: images\nnames:\n  0: dog\n  1: cat\n"
USERS_LABEL = b"1 0.5 0.5 0.2 0.2\n"


def _users_project(tmp_path: Path) -> Path:
    """An Ultralytics project of the user's: their data.yaml, classes.txt and a label file of their own."""
    out = tmp_path / "proj"
    (out / "labels").mkdir(parents=True)
    (out / "images").mkdir()
    (out / "data.yaml").write_bytes(USERS_YAML)
    (out / "classes.txt").write_bytes(b"dog\ncat\n")
    (out / "labels" / "own.txt").write_bytes(USERS_LABEL)
    return out


def _contents(folder: Path) -> dict[str, bytes | None]:
    return {path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
            for path in folder.rglob("*")}


def _stopped_export(capsys, small_voc: Path, out: Path) -> None:
    before = _contents(out)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite", "--images", "copy")
    assert code == 130, err
    assert not [path for path in out.rglob("*") if path.name.endswith(".petloc-new")], err
    assert _contents(out) == before, err


def test_a_stop_while_a_label_file_is_written_leaves_no_temporary(small_voc, tmp_path, monkeypatch, capsys):
    out = _users_project(tmp_path)
    real_open, stopped = open, []

    class StoppedWhileWriting:
        """A label file's temporary whose write is stopped half way: part of its bytes are in it."""

        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            stopped.append(self.handle.name)
            raise KeyboardInterrupt

    def open_stopping(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        is_label = str(file).endswith(".petloc-new") and Path(file).name.startswith(".a.txt.")
        return StoppedWhileWriting(handle) if is_label else handle

    monkeypatch.setattr(files_module, "open", open_stopping, raising=False)
    _stopped_export(capsys, small_voc, out)
    assert stopped  # the label file's write was the one stopped


@pytest.mark.parametrize("image", ["a.png", "r.jpg"], ids=["copied", "written-upright"])
def test_a_stop_as_an_images_temporary_is_made_leaves_no_temporary(small_voc, tmp_path, monkeypatch, capsys,
                                                                   image):
    """The Ctrl+C lands as the open that makes the temporary returns (Python runs the handler right after the
    call): the file is there, its descriptor not yet the caller's. r.jpg has an EXIF orientation: written
    upright (`files.place_data`), not copied."""
    out = _users_project(tmp_path)
    real_open, stopped = os.open, []

    def open_stopping(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        name = os.path.basename(os.fsdecode(path))
        if flags & os.O_CREAT and name.endswith(".petloc-new") and name.startswith(f".{image}."):
            os.close(fd)
            stopped.append(name)
            raise KeyboardInterrupt
        return fd

    monkeypatch.setattr(os, "open", open_stopping)
    _stopped_export(capsys, small_voc, out)
    assert stopped  # the image's temporary was the one stopped
