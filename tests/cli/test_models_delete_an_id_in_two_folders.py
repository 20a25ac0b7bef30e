"""`petloc models --delete` on a version id that is in two preset folders.

A version filed in another preset's folder ("move it to ...") copied there with its old folder left behind is
listed twice, digits/<id> and pets/<id>. `--delete pets/<id>` said "no model version pets/<id>" (exit 2) while
`petloc models` listed it, and a bare <id> silently deleted digits/<id> (the store's first folder holding it).
A name is a folder now: pets/<id> deletes that one, and a bare id held by two folders is refused, naming both.
"""

from __future__ import annotations

import json
import shutil

from petloc_gui.model.versions import VersionStore
from tests.cli.helpers import run_cli
from tests.model_files import keras_like_zip, loadable_meta


def _twice(store: VersionStore):
    staging = store.new_staging_dir("digits")
    (staging / "meta.json").write_text(json.dumps(loadable_meta(preset="digits")), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    version = store.commit(staging)
    (store.root / "pets").mkdir(exist_ok=True)
    shutil.copytree(version.path, store.root / "pets" / version.id)
    return version, store.root / "pets" / version.id


def test_the_folder_named_is_the_one_deleted(capsys):
    version, copy = _twice(VersionStore())

    code, out, err = run_cli(capsys, "models", "--delete", f"pets/{version.id}")

    assert code == 0, err
    assert not copy.exists() and version.path.is_dir()
    assert out.startswith(f"deleted pets/{version.id} (")


def test_the_first_folder_named_is_deleted_too(capsys):
    version, copy = _twice(VersionStore())

    code, out, err = run_cli(capsys, "models", "--delete", f"digits/{version.id}")

    assert code == 0, err
    assert not version.path.exists() and copy.is_dir()
    assert out.startswith(f"deleted digits/{version.id} (")


def test_a_bare_id_in_two_folders_is_refused_naming_both(capsys):
    version, copy = _twice(VersionStore())

    code, out, err = run_cli(capsys, "models", "--delete", version.id)

    assert code == 2 and out == ""
    assert f"digits/{version.id} and pets/{version.id}" in err and "nothing was deleted" in err
    assert version.path.is_dir() and copy.is_dir()


def test_a_bare_id_in_one_folder_and_a_damaged_version_are_deleted(capsys):
    store = VersionStore()
    version, copy = _twice(store)
    shutil.rmtree(copy)
    (version.path / "model.keras").write_bytes(b"")  # left out of the list (not loadable): still deletable

    code, out, err = run_cli(capsys, "models", "--delete", version.id)

    assert code == 0, err
    assert not version.path.exists() and out.startswith(f"deleted digits/{version.id} (")
