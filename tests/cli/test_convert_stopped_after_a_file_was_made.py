"""`petloc convert --from yolo` into a folder of the user's, stopped (or failing) just after a VOC file it made got
its name, before the run had noted it as its own: the take-back removed the images and the other VOC files but left
that one beside the user's files, an annotation of an image no longer there, and the message said it had removed
what it wrote. A write that raises having made its file (`Written.wrote`, `Written.created`) now records it first."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.interop import voc_out
from tests.cli.helpers import run_cli


def _contents(folder: Path) -> dict[str, bytes | None]:
    return {path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
            for path in folder.rglob("*")}


def _yolo_and_mine(small_voc: Path, tmp_path: Path, capsys) -> tuple[Path, Path]:
    """A YOLO folder converted from ``small_voc``, and a folder of the user's with a file of their own."""
    src, out = tmp_path / "src-yolo", tmp_path / "mine"
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", src, "--images", "copy")
    assert code == 0, err
    out.mkdir()
    (out / "readme.txt").write_bytes(b"my own\r\n")
    return src, out


def test_stopped_just_after_a_new_voc_file_was_named_takes_it_back(small_voc, tmp_path, monkeypatch, capsys):
    src, out = _yolo_and_mine(small_voc, tmp_path, capsys)
    before = _contents(out)
    real, made = voc_out.link_exclusive, []

    def linked_then_stopped(staging, target):
        named = real(staging, target)
        made.append(Path(target))
        if len(made) == 2:
            raise KeyboardInterrupt  # Ctrl+C landing after the name was given, before the run noted it
        return named

    monkeypatch.setattr(voc_out, "link_exclusive", linked_then_stopped)
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", out)
    assert code == 130, err
    assert len(made) == 2 and made[1].suffix == ".xml"
    assert _contents(out) == before, err


def test_stopped_just_after_overwrite_made_a_new_voc_file_takes_it_back(small_voc, tmp_path, monkeypatch, capsys):
    src, out = _yolo_and_mine(small_voc, tmp_path, capsys)
    before = _contents(out)
    real, made = voc_out.write_voc, []

    def written_then_stopped(annotation, target, *args, **kwargs):
        result = real(annotation, target, *args, **kwargs)
        made.append(Path(target))
        if len(made) == 2:
            raise KeyboardInterrupt  # after the rename (its folder's fsync, a stop): the file is there
        return result

    monkeypatch.setattr(voc_out, "write_voc", written_then_stopped)
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", out, "--overwrite")
    assert code == 130, err
    assert len(made) == 2 and made[1].exists() is False
    assert _contents(out) == before, err
