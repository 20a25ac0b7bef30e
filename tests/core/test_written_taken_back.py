"""`written.Written`: what a conversion records of the files and folders it made in an OUT that held files, and
takes back from there on a failure: its own files, then the folders made for them that are empty, never a
file that was there or put there meanwhile."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.interop.written import Written


def _write(path: Path, written: Written) -> None:
    written.folders_for(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"the run's")
    written.file(path)


def test_only_the_runs_files_and_its_emptied_folders_go(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "mine.xml").write_bytes(b"theirs")
    written = Written()
    for relative in ("a.png", "old/b.png", "train/day/c.png", "train/day/c.xml", "val/d.png"):
        _write(tmp_path / relative, written)
    (tmp_path / "val" / "put-there-meanwhile.txt").write_bytes(b"someone's")
    (tmp_path / "train" / "day" / "c.xml").unlink()  # removed by hand meanwhile: passed, not counted
    assert written.take_back() == (4, [])
    assert sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*")) == [
        "old", "old/mine.xml", "val", "val/put-there-meanwhile.txt"]


def test_a_file_that_cannot_be_removed_is_left_and_keeps_its_folder(tmp_path, monkeypatch):
    written = Written()
    for relative in ("sub/a.png", "b.png"):
        _write(tmp_path / relative, written)
    real_unlink = Path.unlink

    def unlink(path, *args, **kwargs):
        if path.name == "a.png":
            raise PermissionError(13, "Permission denied", str(path))
        real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", unlink)
    assert written.take_back() == (1, [tmp_path / "sub" / "a.png"])
    assert sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*")) == ["sub", "sub/a.png"]
