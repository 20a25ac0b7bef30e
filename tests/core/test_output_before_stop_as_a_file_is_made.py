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

from petloc_gui.core.atomic import atomic_write_bytes
from petloc_gui.core.interop import files
from petloc_gui.core.interop.output_before import OutputBefore
from petloc_gui.core.stale import is_our_temporary_file
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


def _temporaries(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.rglob(".*"))


@pytest.mark.parametrize("name", ["data.yaml", "classes.txt", "annotations.json"])
def test_a_stop_as_a_manifests_temporary_is_made_leaves_none_and_takes_the_new_out_back_whole(tmp_path, monkeypatch,
                                                                                            name):
    before, out = _new_out(tmp_path)
    target = out / name
    stopped = _stop_once_made(monkeypatch, lambda path: path.parent == out and path.name.startswith(f".{name}."))
    with pytest.raises(KeyboardInterrupt):
        before.written.wrote(target, lambda: atomic_write_bytes(target, b"names: [cat]\n"))
    monkeypatch.undo()
    assert len(stopped) == 1 and is_our_temporary_file(stopped[0].name)  # the form the day-old sweep removes
    assert _temporaries(out) == []
    taken = before.take_back()
    assert not (tmp_path / "new").exists(), _temporaries(tmp_path / "new")
    assert taken.removed and taken.folder_removed and not taken.left_behind


def test_a_temporary_of_the_runs_it_could_not_remove_does_not_keep_its_new_out(tmp_path, monkeypatch):
    """Its removal refused (a share that lets go of a file late): the temporary is the run's, OUT still goes whole."""
    before, out = _new_out(tmp_path)
    label = out / "labels" / "a.txt"
    before.written.folders_for(label)
    label.parent.mkdir()
    before.written.wrote(label, lambda: files.write_derived(label, b"0 0.5 0.5 0.2 0.2\n"), tells_identity=True)
    target = out / "data.yaml"
    _stop_once_made(monkeypatch, lambda path: path.parent == out and path.name.startswith(".data.yaml."))
    real_unlink = os.unlink

    def unlink_refused(path, *args, **kwargs):
        if Path(path).parent == out:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink_refused)
    with pytest.raises(KeyboardInterrupt):
        before.written.wrote(target, lambda: atomic_write_bytes(target, b"names: [cat]\n"))
    monkeypatch.undo()
    assert len(_temporaries(out)) == 1
    taken = before.take_back()
    assert not (tmp_path / "new").exists() and taken.folder_removed


def test_a_temporary_of_that_form_the_run_did_not_make_keeps_its_new_out(tmp_path):
    before, out = _new_out(tmp_path)
    before.written.wrote(out / "data.yaml", lambda: atomic_write_bytes(out / "data.yaml", b"names: [cat]\n"))
    (out / ".classes.txt.a1b2c3d4.tmp").write_bytes(b"another's")  # another process's write going on
    taken = before.take_back()
    assert (out / ".classes.txt.a1b2c3d4.tmp").read_bytes() == b"another's" and not (out / "data.yaml").exists()
    assert not taken.folder_removed


@pytest.mark.parametrize("stopped_at", ["new", "out"])
def test_a_stop_right_after_the_mkdir_of_the_new_out_takes_its_folders_back(tmp_path, monkeypatch, stopped_at):
    """Ctrl+C between `Written.make_output`'s mkdir and its note of the folder: the empty new OUT stayed."""
    out = tmp_path / "new" / "out"
    before = OutputBefore(out, "yolo")
    real_mkdir = Path.mkdir

    def mkdir_then_stop(self, *args, **kwargs):
        real_mkdir(self, *args, **kwargs)
        if self.name == stopped_at:
            raise KeyboardInterrupt

    monkeypatch.setattr(Path, "mkdir", mkdir_then_stop)
    with pytest.raises(KeyboardInterrupt):
        before.written.make_output(out)
    monkeypatch.undo()
    taken = before.take_back()
    assert not (tmp_path / "new").exists() and taken.folder_removed


def test_a_folder_another_made_meanwhile_is_not_noted_as_the_runs(tmp_path, monkeypatch):
    out = tmp_path / "new" / "out"
    before = OutputBefore(out, None)
    real_mkdir = Path.mkdir

    def another_made_it_first(self, *args, **kwargs):
        if self == out:
            real_mkdir(self)  # another run's mkdir, a moment before this one's
        real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", another_made_it_first)
    before.written.make_output(out)
    monkeypatch.undo()
    assert before.written.output_folders == [tmp_path / "new"]
