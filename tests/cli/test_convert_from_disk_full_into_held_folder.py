"""`petloc convert --from yolo|coco OUT` into an OUT that held the user's own files, meeting a full disk part way:
it exited 1 saying "the conversion stopped ... run it again", but the images and VOC files it had written stayed
in OUT beside the user's, unsaid (only a new or empty OUT was taken back). It takes back exactly the files it
wrote there (`unfinished.OutputBefore`, `written.Written`), never one that was there before, and says so."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import voc_out
from tests.cli.helpers import run_cli, voc_xml

USERS_XML = voc_xml("a.png", 40, 30, [("lynx", (1, 2, 30, 25))])  # the user's own annotation of a.png


def _held_out(tmp_path: Path) -> Path:
    """An OUT holding the user's files: their own a.xml (an image the conversion writes too), a note, a folder."""
    out = tmp_path / "mine"
    (out / "notes").mkdir(parents=True)
    (out / "a.xml").write_text(USERS_XML)
    (out / "notes" / "todo.txt").write_text("label the lynxes\n")
    (out / "readme.txt").write_bytes(b"my own\r\n")
    return out


def _contents(folder: Path) -> dict[str, bytes | None]:
    return {path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
            for path in folder.rglob("*")}


def _source(small_voc: Path, tmp_path: Path, capsys) -> Path:
    src = tmp_path / "src-coco"
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "coco", src, "--images", "copy")
    assert code == 0, err
    return src


def _disk_full_at(monkeypatch, name: str, call: int, before_raising=lambda: None) -> list[Path]:
    """``voc_out.<name>`` (the VOC file's writer) meets a full disk at its ``call``-th file."""
    real, calls = getattr(voc_out, name), []

    def write(annotation, target, *args, **kwargs):
        calls.append(Path(target))
        if len(calls) == call:
            before_raising()
            error = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
            raise SaveError(f"cannot write annotation: {error.strerror}", target) from error
        return real(annotation, target, *args, **kwargs)

    monkeypatch.setattr(voc_out, name, write)
    return calls


@pytest.mark.parametrize(("overwrite", "writer"), [((), "write_new_voc"), (("--overwrite",), "write_voc")])
def test_what_it_wrote_beside_the_users_files_is_taken_back(small_voc, tmp_path, monkeypatch, capsys, overwrite,
                                                            writer):
    src, out = _source(small_voc, tmp_path, capsys), _held_out(tmp_path)
    before = _contents(out)
    calls = _disk_full_at(monkeypatch, writer, 3)
    code, _, err = run_cli(capsys, "convert", src, "--from", "coco", out, *overwrite)
    assert code == 1, err
    # a.png, e.png (no VOC file: "checked, nothing there" is not told apart in COCO), r.jpg and r.xml were
    # written, a.xml kept (or replaced: --overwrite), then sub/s.png placed in sub/, made for it, and its VOC
    # file met the full disk
    assert [path.relative_to(out).as_posix() for path in calls] == ["a.xml", "r.xml", "sub/s.xml"]
    assert "No space left on device" in err and "the conversion stopped" in err
    said = [line for line in err.splitlines() if "the conversion had written" in line]
    assert len(said) == 1 and said[0].startswith(f"petloc: {out}: removed the ")
    # a.xml, replaced as --overwrite asked, is put back as it was: the user's annotation, not the conversion's
    put_back = ": the 1 file it had replaced was put back as it was" if overwrite else ""
    assert said[0].endswith("4 files the conversion had written there (the files that were there before it are "
                            f"as they were{put_back}): run the command again to convert")
    assert _contents(out) == before


def test_a_full_disk_with_nothing_written_yet_says_nothing_taken_back(small_voc, tmp_path, monkeypatch, capsys):
    src, out = _source(small_voc, tmp_path, capsys), _held_out(tmp_path)
    before = _contents(out)
    monkeypatch.setattr(voc_out, "place_image", _no_space)
    code, _, err = run_cli(capsys, "convert", src, "--from", "coco", out)
    assert code == 1 and "the conversion stopped" in err
    assert "had written" not in err
    assert _contents(out) == before


def _no_space(source, target, mode):
    error = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
    raise SaveError(f"cannot place image {source}: {error.strerror}", target) from error


def test_what_cannot_be_removed_is_counted_and_named(small_voc, tmp_path, monkeypatch, capsys):
    src, out = _source(small_voc, tmp_path, capsys), _held_out(tmp_path)
    before = _contents(out)
    real_unlink = Path.unlink

    def refuse_images(path, *args, **kwargs):
        if path.suffix == ".png" and out in path.parents:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_unlink(path, *args, **kwargs)

    _disk_full_at(monkeypatch, "write_new_voc", 3,
                  before_raising=lambda: monkeypatch.setattr(Path, "unlink", refuse_images))
    code, _, err = run_cli(capsys, "convert", src, "--from", "coco", out)
    monkeypatch.setattr(Path, "unlink", real_unlink)
    assert code == 1, err
    left = sorted(name for name, data in _contents(out).items() if name not in before and data is not None)
    assert left == ["a.png", "e.png", "sub/s.png"]  # r.jpg and r.xml removed; sub/ kept, not empty
    said = [line for line in err.splitlines() if "the conversion had written" in line]
    assert len(said) == 1, err
    assert said[0].startswith(f"petloc: {out}: 3 of the 5 files the conversion had written there could not be "
                              f"removed ({out / 'a.png'}, {out / 'e.png'}, {out / 'sub' / 's.png'}; ")
    assert said[0].endswith("the files that were there before it are as they were): remove them before "
                            "running the command again")
    assert all(_contents(out)[name] == data for name, data in before.items())  # the user's files, as they were
