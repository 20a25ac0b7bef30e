"""The model store, and `petloc export`'s own-bundle check, know a folder typed in another case as the one folder
the disk holds (`core.disk_same`), where the disk ignores case; on a case-sensitive disk they stay two folders.

Before: both compared resolved paths as text, and `Path.resolve` keeps the spelling typed on macOS (and on a FAT
disk mounted by FUSE on Linux): a version recorded as ``…/MODELS/photo/<id>`` was no version of the store at
``…/models`` (a child's parent lost, `find_by_path` None, a moved version's new place not looked for), and
``petloc export … --tflite BUNDLE-typed-otherwise/model.tflite`` wrote a names file beside the bundle's own model.
"""

from __future__ import annotations

import json

from petloc_gui.model.export import is_bundles_own
from petloc_gui.model.versions import VersionStore
from tests.core.fusefat_spellings import fusefat  # noqa: F401 - the fixture
from tests.model_files import keras_like_zip, loadable_meta

VERSION_ID = "20240102-030405-abcd"


def _version(root, preset="photo", version_id=VERSION_ID):
    folder = root / preset / version_id
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps(loadable_meta(preset=preset)), encoding="utf-8")
    keras_like_zip(folder / "model.keras")
    return folder


def test_a_version_recorded_under_another_spelling_of_the_store_is_named_as_listed(tmp_path, fusefat):  # noqa: F811
    root = tmp_path / "models"
    folder = _version(root)
    store = VersionStore(root)
    spelled = fusefat.spell(root, "MODELS", folder=True) / "photo" / VERSION_ID
    assert store.model_name(str(spelled)) == f"photo/{VERSION_ID}"
    preset_spelled = fusefat.spell(root / "photo", "Photo", folder=True) / VERSION_ID
    # the name `petloc models` lists (records are compared by it), not the spelling recorded
    assert store.model_name(str(preset_spelled)) == f"photo/{VERSION_ID}"
    found = store.find_by_path(preset_spelled)
    assert found is not None and found.id == VERSION_ID and found.preset == "photo"
    assert found.notes == ()  # not "meta.json says it is a photo model, but it is in the Photo folder"
    assert store.find_by_path(spelled) is not None
    # its path as the store lists it, not the root's other spelling: callers compare paths with listed versions
    assert store.find_by_path(spelled).path == next(v.path for v in store.list() if v.id == VERSION_ID)
    assert store.model_name(str(folder)) == f"photo/{VERSION_ID}"


def test_a_version_moved_since_is_found_under_another_spelling_of_the_store(tmp_path, fusefat):  # noqa: F811
    root = tmp_path / "models"
    now = _version(root, "photo")
    (root / "digits").mkdir()
    store = VersionStore(root)
    gone = fusefat.spell(root, "Models", folder=True) / "digits" / VERSION_ID  # where a record still names it
    assert store.moved(gone) == now
    assert store.model_name(str(gone)) == f"photo/{VERSION_ID}"


def test_on_a_case_sensitive_disk_another_case_is_another_folder(tmp_path):
    root = tmp_path / "models"
    _version(root)
    other = _version(tmp_path / "MODELS")  # its own folder beside it, as Linux keeps Day and day
    store = VersionStore(root)
    assert store.model_name(str(other)) is None
    assert store.find_by_path(other) is None
    assert not is_bundles_own(other / "model.tflite", root / "photo" / VERSION_ID)


def test_export_knows_the_bundles_own_file_under_another_spelling(tmp_path, fusefat):  # noqa: F811
    bundle = _version(tmp_path / "models")
    spelled = fusefat.spell(bundle, VERSION_ID.upper(), folder=True)
    assert is_bundles_own(spelled / "model.tflite", bundle)
    assert is_bundles_own(bundle / "model.tflite", spelled)
    assert not is_bundles_own(spelled / "other.tflite", bundle)
