"""An index problem keeps the file it is about apart from what is wrong: a path may hold ": " itself,
and splitting "PATH: what" at its first ": " named a folder "Scan" that does not exist."""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.index_problem import IndexProblem, split_problem
from petloc_gui.core.index_problems import index_problems
from petloc_gui.core.stats import INDEX_PROBLEM, dataset_stats
from tests.cli.helpers import write_image

SYMLINK = "symbolic link to a folder not followed; open the folder it points to directly"


def test_a_problem_is_its_line_and_keeps_its_parts():
    problem = IndexProblem(Path("/data/Scan: 2024/more"), "cannot list folder: Permission denied")
    assert problem == "/data/Scan: 2024/more: cannot list folder: Permission denied" and isinstance(problem, str)
    assert split_problem(problem, "/data") == ("/data/Scan: 2024/more", "cannot list folder: Permission denied")
    for again in (copy.deepcopy(problem), pickle.loads(pickle.dumps(problem))):
        assert again == problem and (again.path, again.what) == (problem.path, problem.what)


def test_a_plain_line_is_split_at_its_first_separator_or_is_about_the_root():
    assert split_problem("a.xml: broken", "/data") == ("a.xml", "broken")
    assert split_problem("no separator", "/data") == ("/data", "no separator")


def test_a_folder_whose_name_holds_the_separator_is_named_whole(tmp_path):
    root = tmp_path / "Scan: 2024"
    root.mkdir()
    write_image(root / "a.png", 8, 8)
    (root / "more").symlink_to(tmp_path, target_is_directory=True)
    dataset = open_dataset(root)
    assert index_problems(dataset) == [(root / "more", SYMLINK)]
    [problem] = [p for p in dataset_stats(root).problems if p.kind == INDEX_PROBLEM]
    assert (problem.path, problem.message) == (str(root / "more"), SYMLINK)
