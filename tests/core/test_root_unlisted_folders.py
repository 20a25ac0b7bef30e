"""`root_unlisted` with ``folders``: the window counts a layout's images folder as the folder itself."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from petloc_gui.core.index_problem import IndexProblem
from petloc_gui.core.index_problems import root_unlisted


def _dataset(root: Path, *problems: str) -> SimpleNamespace:
    return SimpleNamespace(root=root, problems=list(problems))


def test_the_folders_given_count_as_the_folder_and_a_subfolder_does_not(tmp_path):
    images, day = tmp_path / "JPEGImages", tmp_path / "JPEGImages" / "day"
    dataset = _dataset(tmp_path, IndexProblem(day, "cannot list folder: Permission denied", folder=True),
                       IndexProblem(images, "cannot list folder: Input/output error", folder=True))
    assert root_unlisted(dataset) is None  # the root itself was listed
    assert root_unlisted(dataset, [images]) == "cannot list folder: Input/output error"
    assert root_unlisted(dataset, [str(tmp_path), str(images)]) == "cannot list folder: Input/output error"
    assert root_unlisted(dataset, [tmp_path]) is None


def test_without_folders_only_the_root_counts_and_a_list_line_never(tmp_path):
    dataset = _dataset(tmp_path, IndexProblem(tmp_path / "list.txt", "line 3: no such image"),
                       IndexProblem(tmp_path, "cannot list folder: Permission denied", folder=True))
    assert root_unlisted(dataset) == "cannot list folder: Permission denied"
    assert root_unlisted(_dataset(tmp_path, IndexProblem(tmp_path, "line 1: bad", folder=False))) is None
