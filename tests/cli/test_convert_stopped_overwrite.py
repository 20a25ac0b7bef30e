"""`petloc convert --to yolo|coco OUT --overwrite` over a complete export, stopped (Ctrl+C, SIGTERM) or failing
part way. The run removed the earlier export's data.yaml and classes.txt (or annotations.json) first and left
OUT without them, while the help said an OUT that held files "is left as it is": the user got only
"petloc: interrupted" and an export no trainer could read. The run's own files are taken back now and the earlier
manifest put back, whatever the classes; only where a file of the run's that the earlier classes read wrong stays does
the stop say OUT holds an export that did not finish."""

from __future__ import annotations

from pathlib import Path

import pytest

from petloc_gui.core.interop import unfinished
from tests.cli.helpers import run_cli, stop_at_placing

MANIFEST = {"yolo": ("data.yaml", "classes.txt"), "coco": ("annotations.json",)}


def _stop_at_the_fifth_image(monkeypatch) -> None:
    stop_at_placing(monkeypatch, 4)


def _export(capsys, small_voc: Path, fmt: str, out: Path) -> dict[str, bytes]:
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, out)
    assert code == 0, err
    return {name: (out / name).read_bytes() for name in MANIFEST[fmt]}


@pytest.mark.parametrize("fmt", MANIFEST)
def test_a_stopped_overwrite_puts_the_earlier_manifest_back(small_voc, tmp_path, monkeypatch, capsys, fmt):
    out = tmp_path / "out"
    before = _export(capsys, small_voc, fmt, out)
    _stop_at_the_fifth_image(monkeypatch)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", fmt, out, "--overwrite")
    assert code == 130
    assert f"{out}: the earlier export is usable again" in err
    assert {name: (out / name).read_bytes() for name in MANIFEST[fmt]} == before
    assert not unfinished.interrupted(out) and not (out / unfinished.EARLIER).exists()


def _contents(folder: Path) -> dict[str, bytes | None]:
    return {path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
            for path in folder.rglob("*")}


def _rename_a_cat(small_voc: Path) -> None:
    xml = small_voc / "a.xml"
    xml.write_text(xml.read_text().replace("<name>cat</name>", "<name>bird</name>", 1))


def test_a_stopped_overwrite_with_other_classes_leaves_the_earlier_export_as_it_was(small_voc, tmp_path,
                                                                                    monkeypatch, capsys):
    """The label files written give the classes new ids. The earlier classes.txt was deleted at the first of them
    and OUT left an export that did not finish: the run's label files are taken back now (those it replaced put
    back), so the earlier manifest reads OUT right again and comes back with them."""
    out = tmp_path / "out"
    _export(capsys, small_voc, "yolo", out)
    before = _contents(out)
    _rename_a_cat(small_voc)
    rewritten: list[bytes] = []
    stop_at_placing(monkeypatch, 4, before_stop=lambda: rewritten.append((out / "labels" / "a.txt").read_bytes()))
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 130
    assert rewritten and rewritten[0] != before["labels/a.txt"]  # bird, cat, dog: a's boxes had other ids
    assert f"petloc: {out}: the earlier export is usable again: its classes.txt and data.yaml were put back" in err
    assert "the 4 files it had replaced were put back as they were" in err
    assert _contents(out) == before
    assert not unfinished.interrupted(out)

    monkeypatch.undo()
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 0, err
    assert "bird" in (out / "classes.txt").read_text()
    assert not unfinished.interrupted(out) and not (out / unfinished.EARLIER).exists()


def test_one_it_cannot_put_back_under_other_classes_leaves_out_unfinished(small_voc, tmp_path, monkeypatch,
                                                                          capsys):
    """A label file holding the run's ids stays (it cannot be put back): the earlier classes.txt would read it
    wrong, so it is not put back and OUT holds an export that did not finish."""
    from petloc_gui.core.interop import written as written_module

    out = tmp_path / "out"
    _export(capsys, small_voc, "yolo", out)
    _rename_a_cat(small_voc)

    def cannot(self, path):
        raise OSError(30, "Read-only file system", str(path))

    monkeypatch.setattr(written_module.Replaced, "put_back", cannot)
    stop_at_placing(monkeypatch, 4)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 130
    [line] = [line for line in err.splitlines() if "did not finish" in line]
    assert line.startswith(f"petloc: {out}: now holds an export that did not finish (the earlier export's data.yaml "
                           "and classes.txt were not put back: files it replaced could not be put back, and that "
                           "export, of other classes, would take them for its own); "), line
    assert f"could not be put back ({out / 'labels' / 'a.txt'}, " in line and line.endswith(
        ": run the command again with --overwrite to finish it"), line
    assert not (out / "data.yaml").exists() and unfinished.interrupted(out)


def test_a_complete_overwrite_leaves_nothing_aside(small_voc, tmp_path, capsys):
    out = tmp_path / "out"
    _export(capsys, small_voc, "yolo", out)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 0, err
    assert sorted(path.name for path in out.iterdir()) == ["classes.txt", "data.yaml", "images", "labels"]


def _stop_in_finish(monkeypatch, out: Path, at: str) -> None:
    """Stop the export as it finishes (`unfinished.finish`, its new manifest written): ``at`` the removal of its
    mark, or part way through ("part") or at the end ("after") of that of the earlier manifest kept aside."""
    import shutil

    real_unlink, real_rmtree, stopped = Path.unlink, shutil.rmtree, []

    def finishing() -> bool:
        return not stopped and "bird" in (out / "classes.txt").read_text() if (out / "classes.txt").exists() else False

    def unlink(self, *args, **kwargs):
        if at == "mark" and self.name == unfinished.MARK and finishing():
            stopped.append(self)
            raise KeyboardInterrupt
        return real_unlink(self, *args, **kwargs)

    def rmtree(path, *args, **kwargs):
        if at != "mark" and Path(path) == out / unfinished.EARLIER and finishing():
            stopped.append(path)
            if at == "part":
                real_unlink(Path(path) / "data.yaml")
            else:
                real_rmtree(path, *args, **kwargs)
            raise KeyboardInterrupt
        return real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", unlink)
    monkeypatch.setattr(shutil, "rmtree", rmtree)


@pytest.mark.parametrize("at", ["mark", "part", "after"])
def test_a_stop_as_it_finishes_leaves_one_export_or_the_other_whole(small_voc, tmp_path, monkeypatch, capsys, at):
    """Ctrl+C in `unfinished.finish`, the new manifest written. It removed the earlier manifest kept aside before
    the mark, so a stop in between left the mark the run's: the take-back removed the new data.yaml and
    classes.txt and found no earlier one to put back (OUT kept neither, and the message blamed a folder no longer
    there), or, the stop part way through, put back classes.txt alone and said "the earlier export is usable
    again". The mark goes first now: before, the run is taken back whole; from then on the export is complete."""
    out = tmp_path / "out"
    _export(capsys, small_voc, "yolo", out)
    before = _contents(out)
    _rename_a_cat(small_voc)
    _stop_in_finish(monkeypatch, out, at)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    monkeypatch.undo()
    assert code == 130
    assert not unfinished.interrupted(out)
    if at == "mark":
        assert f"{out}: the earlier export is usable again: its classes.txt and data.yaml were put back" in err
        assert _contents(out) == before
        return
    assert "bird" in (out / "classes.txt").read_text() and (out / "data.yaml").is_file()
    assert (f"petloc: {out}: the export had finished when it was stopped (its data.yaml and classes.txt written): "
            "this folder holds it, complete") in err, err
    assert "usable again" not in err and "put back" not in err

    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 0, err
    assert sorted(path.name for path in out.iterdir()) == ["classes.txt", "data.yaml", "images", "labels"]


def test_one_it_cannot_remove_under_other_classes_is_said_as_such(small_voc, tmp_path, monkeypatch, capsys):
    """An image the run wrote that cannot be removed also keeps the earlier manifest aside: the reason spoke only of
    "the label files this run wrote, and could not put back"."""
    out = tmp_path / "out"
    _export(capsys, small_voc, "yolo", out)
    _rename_a_cat(small_voc)
    for image in (out / "images").rglob("*.*"):  # so that the run places each image again: files of its own
        image.unlink()
    real = Path.unlink

    def unlink(self, *args, **kwargs):
        if self.parent == out / "images" and not self.name.startswith("."):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "unlink", unlink)
    stop_at_placing(monkeypatch, 4)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    monkeypatch.undo()
    assert code == 130
    [line] = [line for line in err.splitlines() if "did not finish" in line]
    assert line.startswith(f"petloc: {out}: now holds an export that did not finish (the earlier export's data.yaml "
                           "and classes.txt were not put back: files this run wrote could not be removed, and that "
                           "export, of other classes, would take them for its own); "), line
    assert "files it replaced could not be put back" not in line
    assert " of the " in line and f"could not be removed ({out / 'images'}" in line, line


@pytest.mark.parametrize("aside", ["gone", "kept"])
def test_an_earlier_manifest_not_put_back_is_said_where_it_is(small_voc, tmp_path, monkeypatch, capsys, aside):
    """Every file of the run's taken back, the earlier manifest aside is put back; where it was not, the reason said it
    "could not be put back from .petloc-earlier-manifest", also when that folder was gone (removed where it could
    be neither marked outdated nor renamed so)."""
    import os

    out = tmp_path / "out"
    _export(capsys, small_voc, "yolo", out)
    _rename_a_cat(small_voc)
    real_touch, real_replace = Path.touch, os.replace

    def touch(self, *args, **kwargs):
        if self.name == unfinished.OUTDATED:
            raise OSError(28, "No space left on device", str(self))
        return real_touch(self, *args, **kwargs)

    def replace(source, target, *args, **kwargs):
        moving = Path(source).parent.name if aside == "kept" else Path(source).name
        if moving == unfinished.EARLIER and Path(target).parent == out:
            raise OSError(30, "Read-only file system", str(source))
        return real_replace(source, target, *args, **kwargs)

    if aside == "gone":
        monkeypatch.setattr(Path, "touch", touch)
    monkeypatch.setattr(os, "replace", replace)
    stop_at_placing(monkeypatch, 4)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    monkeypatch.undo()
    assert code == 130
    [line] = [line for line in err.splitlines() if "did not finish" in line]
    said = {"gone": f"the earlier export's data.yaml and classes.txt, set aside in {unfinished.EARLIER} while it ran, "
                    "are gone",
            "kept": f"the earlier export's data.yaml and classes.txt could not be put back from {unfinished.EARLIER}, "
                    "where they are kept"}[aside]
    assert line.startswith(f"petloc: {out}: now holds an export that did not finish ({said}); "), line
    assert (out / unfinished.EARLIER).is_dir() == (aside == "kept") and unfinished.interrupted(out)


def _stop_setting_the_manifest_aside(monkeypatch, out: Path, at: str) -> None:
    """Ctrl+C in `unfinished.begin`, its mark written, before the earlier manifest moved aside: ``at`` the making of
    the folder it goes into ("mkdir": not made), or the move of its first file ("replace": the folder made, empty)."""
    import os

    real_mkdir, real_replace = os.mkdir, os.replace

    def mkdir(path, *args, **kwargs):
        if at == "mkdir" and Path(path) == out / unfinished.EARLIER:
            raise KeyboardInterrupt
        return real_mkdir(path, *args, **kwargs)

    def replace(source, target, *args, **kwargs):
        if at == "replace" and Path(target).parent == out / unfinished.EARLIER:
            raise KeyboardInterrupt
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("at", ["mkdir", "replace"])
@pytest.mark.parametrize("other_classes", [False, True])
def test_a_stop_before_the_earlier_manifest_is_set_aside_leaves_out_as_it_was(small_voc, tmp_path, monkeypatch,
                                                                            capsys, at, other_classes):
    """The mark was left, and the stop said OUT "now holds an export that did not finish (the earlier export's
    data.yaml and classes.txt, set aside in .petloc-earlier-manifest while it ran, are gone)", while both were in
    OUT, untouched: `petloc stats` and `convert --from` refused a complete export. Nothing of the run's stays and
    the manifest never moved: OUT is as it was, mark and all."""
    out = tmp_path / "out"
    _export(capsys, small_voc, "yolo", out)
    before = _contents(out)
    if other_classes:
        _rename_a_cat(small_voc)
    _stop_setting_the_manifest_aside(monkeypatch, out, at)
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    monkeypatch.undo()
    assert code == 130
    assert "did not finish" not in err and "gone" not in err, err
    assert _contents(out) == before
    assert not unfinished.interrupted(out) and not (out / unfinished.EARLIER).exists()
    code, _, err = run_cli(capsys, "stats", out)
    assert code == 0, err
