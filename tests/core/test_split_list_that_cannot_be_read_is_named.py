"""A split list that cannot be read (trainval.txt a folder) is named with why, among the index's problems, and
the rest of the dataset is read: its lines are not silently taken as none."""

from __future__ import annotations

from petloc_gui.core.layout_split_lists import read_id_lines


def test_a_list_that_is_a_folder_is_a_problem_saying_why(tmp_path):
    listed = tmp_path / "trainval.txt"
    listed.mkdir()
    problems: list = []
    unread: list = []

    assert read_id_lines(listed, problems, unread) == []

    assert [str(problem) for problem in problems] == [f"{listed}: cannot read: Is a directory"]
    assert unread == []


def test_an_absent_list_is_no_problem(tmp_path):
    problems: list = []
    assert read_id_lines(tmp_path / "test.txt", problems, []) == []
    assert problems == []
