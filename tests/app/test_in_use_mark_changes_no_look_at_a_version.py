"""A window's mark in the folder of the version it has loaded (`core.in_use_marks`) changes nothing that looks at
the version's files: the store's listing and `petloc models`, the bundle check, the fingerprint the window's
predictions are kept on disk under (a mark of each window's own name would have dropped them at every start),
and the removal of a bundle folder a killed save left behind."""

from __future__ import annotations

import shutil

from petloc_gui.app.prediction_disk_cache import model_fingerprint
from petloc_gui.app.version_marks import LoadedVersionMark
from petloc_gui.core import in_use_marks
from petloc_gui.core.abandoned_folders import writer_tag
from petloc_gui.core.stale import holds_only_bundle_files, remove_stale
from petloc_gui.model.bundle_check import model_file_problem
from petloc_gui.model.versions import VersionStore
from tests.cli.helpers import json_lines, run_cli
from tests.model_files import committed_version, loadable_meta


def _version(store: VersionStore):
    return committed_version(store, loadable_meta(preset="photo", class_names=["cat"]))


def test_a_marked_version_is_listed_checked_and_fingerprinted_as_before(capsys):
    store = VersionStore()
    version = _version(store)
    fingerprint = model_fingerprint(version.path)
    _, listed, _ = run_cli(capsys, "models", "--json")
    mark = LoadedVersionMark()
    mark.loaded(str(version.path))
    try:
        assert in_use_marks.users(version.path) == [writer_tag()]  # marked, by this process

        assert model_fingerprint(version.path) == fingerprint  # its kept predictions are still its own
        assert store.scan() == ([version], []) and VersionStore().get(version.id) == version
        assert model_file_problem(version.path) is None
        code, out, err = run_cli(capsys, "models", "--json")
        assert code == 0 and err == "" and json_lines(out) == json_lines(listed)
    finally:
        mark.release()
    assert in_use_marks.users(version.path) == [] and sorted(p.name for p in version.path.iterdir()) == [
        "meta.json", "model.keras", "version.json"]


def test_a_killed_save_s_folder_holding_a_mark_is_still_removed(tmp_path):
    """A bundle being replaced is renamed to ``.NAME.WRITER.XXXXXXXX.old`` for a moment: one a window had
    loaded carries its mark there, and the folder a killed save leaves is removed all the same."""
    store = VersionStore()
    version = _version(store)
    in_use_marks.mark(version.path)
    left = tmp_path / f".{version.id}.0123456789ab-4242.abcdefgh.old"
    shutil.copytree(version.path, left)

    assert holds_only_bundle_files(left)
    assert remove_stale(tmp_path, folders=True, store=False, max_age=0) == [left] and not left.exists()
