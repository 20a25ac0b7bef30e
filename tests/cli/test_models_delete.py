"""`petloc models --delete VERSION ...` deletes trained versions through Discard's checks.

A user retraining daily piled up versions with no way to delete one but by hand, past every check: a version
a folder remembers as its model, or one a running window has loaded, went with the rest.
"""

from __future__ import annotations

import json
import os

from petloc_gui.app.folder_memory import FolderMemory
from petloc_gui.model.versions import VersionStore
from tests.cli.helpers import json_lines, run_cli
from tests.model_files import keras_like_zip, loadable_meta


def _version(store: VersionStore, preset: str = "digits"):
    staging = store.new_staging_dir(preset)
    (staging / "meta.json").write_text(json.dumps(loadable_meta(preset=preset)), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    return store.commit(staging)


def test_an_unused_version_is_deleted_with_the_space_freed(capsys):
    store = VersionStore()
    version, other = _version(store), _version(store)
    size = sum(path.stat().st_size for path in version.path.rglob("*") if path.is_file())

    code, out, err = run_cli(capsys, "models", "--delete", f"digits/{version.id}")

    assert code == 0, err
    assert [v.id for v in VersionStore().list()] == [other.id]
    assert not version.path.exists()
    assert not [p for p in version.path.parent.iterdir() if p.name.startswith(".trash-")]
    assert out.splitlines() == [f"deleted digits/{version.id} ({size / 1000:.1f} kB freed)"]


def test_a_version_named_by_its_id_alone_and_in_json(capsys):
    store = VersionStore()
    version = _version(store)

    code, out, err = run_cli(capsys, "models", "--delete", version.id, "--json")

    assert code == 0, err
    [row] = json_lines(out)
    assert row["name"] == f"digits/{version.id}" and row["deleted"] is True and row["bytes_freed"] > 4096
    assert VersionStore().list() == []


def test_a_version_a_folder_remembers_is_kept_with_why_and_the_way_out(capsys, tmp_path):
    store = VersionStore()
    version, unused = _version(store), _version(store)
    folder = tmp_path / "photos"
    folder.mkdir()
    FolderMemory().remember(folder, str(version.path))  # picked for it in Model -> Versions

    code, out, err = run_cli(capsys, "models", "--delete", version.id, unused.id)

    assert code == 1
    assert version.path.is_dir() and [v.id for v in VersionStore().list()] == [version.id]
    assert out.startswith(f"deleted digits/{unused.id} (")  # the other one named is deleted
    [kept] = [line for line in err.splitlines() if "kept" in line]
    assert f"kept digits/{version.id}: the folder {os.path.realpath(folder)} uses it as its model" in kept
    assert os.path.realpath(folder) in kept
    assert "pick another model in Model → Versions" in kept and "`petloc predict --model` does not" in kept


def test_a_version_a_window_has_loaded_is_kept(capsys):
    from petloc_gui.core import in_use_marks

    version = _version(VersionStore())
    mark = in_use_marks.mark(version.path)  # as a window that loaded it marks it (this process's: "this window")
    try:
        code, _out, err = run_cli(capsys, "models", "--delete", version.id)
    finally:
        in_use_marks.unmark(mark)

    assert code == 1 and version.path.is_dir()
    assert "has it loaded" in err and "close that window" in err


def test_an_unknown_name_deletes_nothing_and_names_those_there_are(capsys):
    store = VersionStore()
    version = _version(store)

    code, out, err = run_cli(capsys, "models", "--delete", version.id, "digits/no-such-version")

    assert code == 2 and out == ""
    assert version.path.is_dir()  # checked before any is deleted: a typo in a list deletes nothing
    assert "no model version digits/no-such-version" in err and f"digits/{version.id}" in err
    assert "`petloc models` lists them" in err


def test_a_bundled_model_is_never_deleted(capsys):
    code, out, err = run_cli(capsys, "models", "--delete", "digits")

    assert code == 2 and out == ""
    assert "digits is a bundled model" in err and "never deleted" in err


def test_a_version_of_another_preset_folder_is_not_taken(capsys):
    version = _version(VersionStore())

    code, _out, err = run_cli(capsys, "models", "--delete", f"pets/{version.id}")

    assert code == 2 and version.path.is_dir()
    assert f"digits/{version.id}" in err
