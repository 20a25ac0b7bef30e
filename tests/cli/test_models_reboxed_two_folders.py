"""A model remembered for two folders that hold as many of the images its figures were measured on (a backup copy
and the working folder): `petloc models` took the first in name order, the backup, and said nothing of the working
folder's re-box. Of folders holding as many, the one where most were re-boxed is taken, and named."""

from __future__ import annotations

import shutil

from petloc_gui.app.folder_memory import FolderMemory
from tests.cli.models_helpers import listed, rebox, stored_version
from tests.model.trained_here_folders import training_folder


def test_the_folder_with_the_re_box_is_said_over_a_backup_holding_as_many(tmp_path, capsys, _isolated_user_data):
    working = training_folder(tmp_path, boxed=True)  # tmp_path/cvat
    version = stored_version(tmp_path, _isolated_user_data / "models", working)
    backup = shutil.copytree(working, tmp_path / "backup")  # first in name order
    for folder in (backup, working):
        FolderMemory().remember(folder, str(version))
    rebox(working / "cvat_4.xml")
    lines, row = listed(capsys)
    assert (row["reboxed_since"], row["reboxed_of"], row["reboxed_folder"]) == (1, 1, str(working.resolve()))
    assert any(f"re-boxed since its run, in {working.resolve()} (a folder that uses it)" in line for line in lines)


def test_folders_with_nothing_re_boxed_still_name_one(tmp_path, capsys, _isolated_user_data):
    working = training_folder(tmp_path, boxed=True)
    version = stored_version(tmp_path, _isolated_user_data / "models", working)
    backup = shutil.copytree(working, tmp_path / "backup")
    for folder in (backup, working):
        FolderMemory().remember(folder, str(version))
    row = listed(capsys)[1]
    assert (row["reboxed_since"], row["reboxed_of"], row["reboxed_folder"]) == (0, 1, str(backup.resolve()))
