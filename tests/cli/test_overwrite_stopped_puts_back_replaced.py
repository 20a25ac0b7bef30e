"""`petloc convert ... --overwrite` into a folder of the user's (an Ultralytics project: data.yaml naming 0: dog,
1: cat, and their labels/a.txt; their own VOC folder with a.xml), stopped part way: the files it had replaced
stayed replaced (labels/a.txt holding petloc's ids under the user's names: a dog read as a cat), the folder not
marked unfinished, and the message said the files there before it were "as they were". Each file --overwrite
replaced is put back byte for byte (`written.Written.put_back_replaced`), and the message says so."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import unfinished, voc_out
from petloc_gui.core.interop import written as written_module
from petloc_gui.core.interop import yolo as yolo_module
from tests.cli.helpers import run_cli, stop_at_placing, voc_xml

DATA_YAML = b"path: .\ntrain: images\nval: images\nnames:\n  0: dog\n  1: cat\n"
USERS_LABEL = b"0 0.7 0.6 0.5 0.6\n"  # a dog, as their data.yaml reads it
USERS_XML = voc_xml("a.png", 40, 30, [("lynx", (1, 2, 30, 25))])


def _contents(folder: Path) -> dict[str, bytes | None]:
    return {path.relative_to(folder).as_posix(): None if path.is_dir() else path.read_bytes()
            for path in folder.rglob("*")}


def _put_back_said(err: str, out: Path, run: str) -> None:
    [line] = [line for line in err.splitlines() if f"the {run} had written there" in line]
    assert line.startswith(f"petloc: {out}: removed the "), line
    assert "the 1 file it had replaced was put back as it was" in line, line


def test_a_stopped_export_into_an_ultralytics_project_puts_its_label_file_back(small_voc, tmp_path, monkeypatch,
                                                                               capsys):
    out = tmp_path / "project"
    (out / "labels").mkdir(parents=True)
    (out / "images").mkdir()
    (out / "data.yaml").write_bytes(DATA_YAML)
    (out / "labels" / "a.txt").write_bytes(USERS_LABEL)
    before = _contents(out)
    replaced: list[bytes] = []
    stop_at_placing(monkeypatch, 3, before_stop=lambda: replaced.append((out / "labels" / "a.txt").read_bytes()))
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 130, err
    assert replaced and replaced[0] != USERS_LABEL  # the run had replaced it when it was stopped
    _put_back_said(err, out, "export")
    assert _contents(out) == before
    assert not unfinished.interrupted(out)


def test_a_stopped_conversion_from_yolo_puts_the_users_voc_file_back(small_voc, tmp_path, monkeypatch, capsys):
    src, out = tmp_path / "src-yolo", tmp_path / "mine"
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", src, "--images", "copy")
    assert code == 0, err
    out.mkdir()
    (out / "a.xml").write_text(USERS_XML)
    (out / "readme.txt").write_bytes(b"my own\r\n")
    before = _contents(out)
    real, calls = voc_out.write_voc, []

    def write(annotation, target, *args, **kwargs):
        calls.append(Path(target).name)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(annotation, target, *args, **kwargs)

    monkeypatch.setattr(voc_out, "write_voc", write)
    code, _, err = run_cli(capsys, "convert", src, "--from", "yolo", out, "--overwrite")
    assert code == 130, err
    assert "a.xml" in calls[:2]  # replaced before the stop
    _put_back_said(err, out, "conversion")
    assert _contents(out) == before


def test_a_label_file_that_cannot_be_put_back_is_named_and_keeps_the_mark(small_voc, tmp_path, monkeypatch,
                                                                          capsys):
    out = tmp_path / "project"
    (out / "labels").mkdir(parents=True)
    (out / "data.yaml").write_bytes(DATA_YAML)
    (out / "labels" / "a.txt").write_bytes(USERS_LABEL)

    def cannot(self, path):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    def full(*args, **kwargs):
        raise SaveError("cannot save: No space left on device", out / "data.yaml")

    monkeypatch.setattr(written_module.Replaced, "put_back", cannot)
    monkeypatch.setattr(yolo_module, "atomic_write_bytes", full)  # the manifest, written last, fails
    code, _, err = run_cli(capsys, "convert", small_voc, "--to", "yolo", out, "--overwrite")
    assert code == 1, err
    assert (out / "labels" / "a.txt").read_bytes() != USERS_LABEL
    assert (f"1 file that was there before it, replaced, could not be put back ({out / 'labels' / 'a.txt'}) and "
            "holds what it wrote; this folder is marked as holding an export that did not finish") in err
    assert unfinished.interrupted(out)  # a trainer does not read it as complete
    assert (out / "data.yaml").read_bytes() == DATA_YAML


def test_a_run_stopped_having_only_replaced_files_does_not_count_removed_files(tmp_path, capsys):
    # Stopped once its writes had only replaced files (--overwrite), before it made one: it said "removed the 0
    # files the conversion had written there (…: the 1 file it had replaced was put back as it was)".
    from petloc_gui.cli.cmd_convert import _NewOutput

    out = tmp_path / "mine"
    out.mkdir()
    _NewOutput(out, None)._say(unfinished.TakenBack(files_put_back=1))
    line = capsys.readouterr().err.strip()
    assert line == (f"petloc: {out}: the conversion had written no new file there (the files that were there "
                    "before it are as they were: the 1 file it had replaced was put back as it was): run the "
                    "command again to convert"), line
