"""One `VersionStore` names many versions with one listing per store folder (`model.store_spelling.StoreSpelling`).

Before: each `model_name`/`find_by_path` listed the store's root and the preset folder to spell the version as the
store lists it, though it was listed so already: `petloc models` and the Versions menu, naming every version
through one store, made 400 listings for 200 versions (more time on a network disk). A listing is read again only
where it lacks the name asked for, so a version made since is still spelled as listed.
"""

from __future__ import annotations

import json
import os

from petloc_gui.model.versions import VersionStore
from tests.core.fusefat_spellings import fusefat  # noqa: F401 - the fixture
from tests.model_files import keras_like_zip


def _version(root, version_id, preset="photo"):
    folder = root / preset / version_id
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({"preset": preset}), encoding="utf-8")
    keras_like_zip(folder / "model.keras")
    return folder


def test_naming_every_version_lists_each_store_folder_once(tmp_path, monkeypatch):
    root = tmp_path / "models"
    folders = [_version(root, f"20240101-{number:06d}") for number in range(30)]
    store = VersionStore(root)
    listed: list[str] = []
    real_listdir = os.listdir

    def counted(path="."):
        listed.append(os.fspath(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", counted)
    names = [store.model_name(str(folder)) for folder in folders]
    found = [store.find_by_path(folder) for folder in folders]
    assert names == [f"photo/{folder.name}" for folder in folders]
    assert [version.id if version else None for version in found] == [folder.name for folder in folders]
    assert len(listed) <= 2, listed  # the root and photo/, once each, not twice per version


def test_a_version_made_after_the_first_look_is_named_as_listed(tmp_path, fusefat):  # noqa: F811
    root = tmp_path / "models"
    first = _version(root, "20240101-000001")
    store = VersionStore(root)
    assert store.model_name(str(first)) == "photo/20240101-000001"  # photo/ listed without the next one
    made = _version(root, "20240102-030405-abcd")
    spelled = fusefat.spell(made, "20240102-030405-ABCD", folder=True)
    assert store.model_name(str(spelled)) == "photo/20240102-030405-abcd"
    assert store.find_by_path(spelled).path == made
