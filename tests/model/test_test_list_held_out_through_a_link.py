"""A test list held out of a folder opened through a symbolic link (~/data -> /mnt/disk/data) is held out.

Before: the list's images were named by their resolved paths, and a run compares its exclusions with each
image's path as indexed (through the link): none matched, so `petloc train --exclude-list` and the window's
Retrain trained on every listed image, saying they were held out.
"""

from __future__ import annotations

import os

from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.model.collected_folder import collect_folder
from petloc_gui.model.layout_test_split import layout_test_holdout
from tests.cli.test_train_layout_test_split_said import IDS, _devkit


def test_the_list_is_held_out_of_a_folder_opened_through_a_link(tmp_path):
    _devkit(tmp_path / "real", IDS, ["c", "day/g"])
    link = tmp_path / "link"
    os.symlink(tmp_path / "real", link)
    for exclude in (resolve_exclude_list(link, link / "ImageSets" / "Main" / "test.txt"),
                    layout_test_holdout(link).images):
        excluded = collect_folder(link, "default", exclude, labels_only=True).excluded
        assert sorted(relpath for _, relpath, _ in excluded) == ["JPEGImages/c.jpg", "JPEGImages/day/g.jpg"]
