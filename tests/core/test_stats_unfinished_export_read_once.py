"""`petloc stats` read the unfinished-export mark of a folder the YOLO hint had already named as one, then
dropped what it found: the hint's folders are passed in now, and each mark is read once."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.interop import unfinished
from petloc_gui.core.interop.unfinished import MARK, unfinished_exports
from petloc_gui.core.stats import UNFINISHED_EXPORT, dataset_stats
from tests.core.test_yolo_split_labels_unfinished_looked_at_once import _looked_at, _yolo_folder


def test_a_folder_the_yolo_hint_named_is_looked_at_once(tmp_path, monkeypatch):
    _yolo_folder(tmp_path)
    (tmp_path / MARK).write_text("{}", encoding="utf-8")
    looked = _looked_at(monkeypatch)
    stats = dataset_stats(tmp_path, check_images=False)
    assert looked.count(tmp_path) == 1
    said = [problem for problem in stats.problems if problem.kind == UNFINISHED_EXPORT]
    assert not said and any(unfinished.not_readable(tmp_path)[:40] in p.message for p in stats.problems)


def test_the_folders_said_are_left_out(tmp_path, monkeypatch):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / MARK).write_text("{}", encoding="utf-8")
    files = [str(tmp_path / name / "x.jpg") for name in ("a", "b")]
    looked = _looked_at(monkeypatch)
    found = unfinished_exports(files, tmp_path, said={str(tmp_path / "a")})
    assert [folder for folder, _why in found] == [tmp_path / "b"]
    assert Path(tmp_path / "a") not in looked


def test_a_finished_folder_the_yolo_hint_named_is_looked_at_once_too(tmp_path, monkeypatch):
    # the hint reads the mark of every folder it names, finished or not: stats read a finished one's again
    _yolo_folder(tmp_path)
    (tmp_path / "classes.txt").write_text("cat\n", encoding="utf-8")
    looked = _looked_at(monkeypatch)
    stats = dataset_stats(tmp_path, check_images=False)
    assert looked.count(tmp_path) == 1, looked
    assert not [problem for problem in stats.problems if problem.kind == UNFINISHED_EXPORT]
