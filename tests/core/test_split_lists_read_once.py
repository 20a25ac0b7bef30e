"""A devkit's split lists are read once, by the index, and what `petloc stats` says of them (a list with lines it
could not read, the images test.txt shares with a training list) is what that one reading found.

Before: `compute_stats` (each `petloc stats`, each refresh of the window's Dataset panel) read every split list
again (`layout_split_lists.split_list_notes`), rebuilding the index's key for each image: twice per list for one
stats, and a list changed since the index was said as it is now beside splits counted as it was."""

from __future__ import annotations

import builtins
import io
import os
from collections import Counter

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import INDEX_PROBLEM, compute_stats
from tests.cli.test_train_layout_test_split_said import IDS, _devkit

_LISTS = ("test.txt", "train.txt", "val.txt", "trainval.txt")


def _counting_opens(monkeypatch, folder):
    """How many times each file in ``folder`` is opened from now on, by any of the ways petloc opens one."""
    opened: Counter[str] = Counter()

    def counted(real):
        def opener(path, *args, **kwargs):
            if isinstance(path, (str, os.PathLike)) and os.path.dirname(os.path.abspath(path)) == str(folder):
                opened[os.path.basename(path)] += 1
            return real(path, *args, **kwargs)
        return opener

    monkeypatch.setattr(os, "open", counted(os.open))
    monkeypatch.setattr(io, "open", counted(io.open))
    monkeypatch.setattr(builtins, "open", counted(builtins.open))
    return opened


def _notes(stats):
    return [(problem.path, problem.message) for problem in stats.problems if problem.kind == INDEX_PROBLEM]


def _devkit_with_notes(tmp_path):
    """A devkit whose test.txt shares c and day/g with trainval.txt, and whose train.txt has a Latin-1 line."""
    root = _devkit(tmp_path / "voc", IDS, ["c", "day/g"])
    main = root / "ImageSets" / "Main"
    main.joinpath("trainval.txt").write_text("".join(f"{i}\n" for i in IDS), encoding="utf-8")
    main.joinpath("train.txt").write_bytes("a\ncaf\u00e9\n".encode("latin-1"))
    return root, main


def test_each_list_is_read_once_for_one_stats_and_not_again_on_a_refresh(tmp_path, monkeypatch):
    root, main = _devkit_with_notes(tmp_path)
    opened = _counting_opens(monkeypatch, main)
    dataset = open_dataset(root)
    stats = compute_stats(dataset, check_images=False)
    assert opened == Counter({name: 1 for name in _LISTS}), opened  # val.txt: looked for once, absent
    assert stats.split_counts == {"test": 2, "train": 1, "trainval": 5}
    assert _notes(stats) == [
        (str(main / "train.txt"), "is not UTF-8 text (line 2): the images named there are counted in no split; "
                                  "save the list as UTF-8"),
        (str(main / "test.txt"), "2 images are on both test.txt and trainval.txt: counted as test images, as the "
                                 "window's Retrain holds them out of training (petloc train warns when it trains on "
                                 "them)")]
    again = compute_stats(dataset, check_images=False)  # the Dataset panel's refresh
    assert opened == Counter({name: 1 for name in _LISTS}) and _notes(again) == _notes(stats)


def test_a_list_changed_after_the_index_is_said_as_the_index_read_it(tmp_path):
    root, main = _devkit_with_notes(tmp_path)
    dataset = open_dataset(root)
    main.joinpath("trainval.txt").write_text("a\n", encoding="utf-8")  # c and day/g no longer on it
    main.joinpath("train.txt").write_text("a\n", encoding="utf-8")  # now read whole
    stats = compute_stats(dataset, check_images=False)
    # the splits the index counted, and what it found beside them: one reading, one account
    assert stats.split_counts == {"test": 2, "train": 1, "trainval": 5}
    assert [what.split(":")[0] for _, what in _notes(stats)] == [
        "is not UTF-8 text (line 2)", "2 images are on both test.txt and trainval.txt"]


def test_a_part_of_the_devkit_says_the_overlap_of_its_own_images(tmp_path):
    root, _ = _devkit_with_notes(tmp_path)
    day = open_dataset(root).within(root / "JPEGImages" / "day")  # e, f and g: g on test.txt and trainval.txt
    assert [what.split(":")[0] for _, what in _notes(compute_stats(day, check_images=False))] == [
        "is not UTF-8 text (line 2)", "1 image is on both test.txt and trainval.txt"]
