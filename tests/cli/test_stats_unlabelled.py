"""`petloc stats`: an object without a label is in no class count (it was counted as a class named
""), and how many there are is said."""

from __future__ import annotations

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import compute_stats
from tests.cli.helpers import last_json, run_cli, write_annotated


def _dataset(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    write_annotated(folder, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    write_annotated(folder, "b", 40, 30, [("", (5, 5, 20, 20))])  # <name></name>
    write_annotated(folder, "c", 40, 30, [("dog", (5, 5, 20, 20)), ("", (1, 1, 9, 9))])
    return folder


def test_objects_without_a_label_are_in_no_class_count_and_are_counted(tmp_path, capsys):
    code, out, _ = run_cli(capsys, "stats", _dataset(tmp_path), "--json")
    report = last_json(out)
    assert code == 0
    assert report["class_counts"] == {"cat": 1, "dog": 1}
    assert report["first_object_class_counts"] == {"cat": 1, "dog": 1}  # as training, which leaves b out
    assert report["n_objects"] == 4 and report["n_unlabelled"] == 2
    assert report["problem_counts"] == {"missing_label": 2}


def test_the_class_balance_has_no_nameless_row_and_says_what_was_left_out(tmp_path, capsys):
    code, out, _ = run_cli(capsys, "stats", _dataset(tmp_path))
    lines = out.splitlines()
    assert code == 0
    assert "objects        4 (2 of them without a label: in no class count)" in lines
    start = lines.index("class balance (first object per image; all objects in brackets)")
    rows = [line.split() for line in lines[start + 1:start + 3]]
    assert [row[0] for row in rows] == ["cat", "dog"] and [row[2] for row in rows] == ["50.0%", "50.0%"]
    assert lines[start + 3].startswith("box width px")


def test_a_dataset_without_unlabelled_objects_says_nothing_of_them(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    write_annotated(folder, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    stats = compute_stats(open_dataset(folder))
    assert stats.n_unlabelled == 0 and "objects        1" in stats.summary_lines()
