"""The model version store: staging, atomic commit, listing, discard, fingerprints."""

from __future__ import annotations

import json
import os
import time
import zipfile

import pytest

from petloc_gui.model.versions import (
    RECORD_FILE,
    STAGING_PREFIX,
    VersionError,
    VersionStore,
)
from tests.model_files import keras_like_zip, loadable_meta


def _fake_bundle(folder, record=None):
    (folder / "meta.json").write_text(json.dumps(loadable_meta(preset=folder.parent.name)), encoding="utf-8")
    keras_like_zip(folder / "model.keras")
    if record is not None:
        (folder / RECORD_FILE).write_text(json.dumps(record), encoding="utf-8")


def test_default_root_is_in_the_user_data_dir(_isolated_user_data):
    assert VersionStore().root == _isolated_user_data / "models"


def test_commit_registers_a_version_with_its_record(tmp_path):
    store = VersionStore(tmp_path / "models")
    staging = store.new_staging_dir("digits")
    assert staging.parent == tmp_path / "models" / "digits"
    assert staging.name.startswith(STAGING_PREFIX)
    assert store.list() == []  # a staging folder is not a version
    _fake_bundle(staging, {"parent": "digits", "metrics": {"accuracy": 0.9, "mean_iou": 0.7},
                           "data_fingerprint": "abc", "epochs": 3})

    version = store.commit(staging)

    assert not staging.exists()
    assert version.path == tmp_path / "models" / "digits" / version.id
    assert zipfile.is_zipfile(version.path / "model.keras")  # moved with the rest
    assert version.preset == "digits"
    assert version.parent == "digits"
    assert version.metrics == {"accuracy": 0.9, "mean_iou": 0.7}
    assert version.data_fingerprint == "abc"
    assert version.extra == {"epochs": 3}
    assert store.list() == [version]
    assert store.list("pets") == []
    assert store.get(version.id) == version
    assert store.latest("digits") == version
    assert store.find_by_path(version.path) == version
    assert store.find_by_path(tmp_path) is None


def test_versions_are_listed_oldest_first_and_latest_is_newest(tmp_path):
    store = VersionStore(tmp_path)
    made = []
    for _ in range(3):
        staging = store.new_staging_dir("pets")
        _fake_bundle(staging)
        made.append(store.commit(staging))
    assert [v.id for v in store.list("pets")] == [v.id for v in made]
    assert store.latest("pets").id == made[-1].id
    assert store.latest("digits") is None


def test_commit_refuses_a_folder_without_a_bundle(tmp_path):
    store = VersionStore(tmp_path)
    staging = store.new_staging_dir("pets")
    with pytest.raises(VersionError, match=r"meta\.json"):
        store.commit(staging)
    assert store.list() == []
    with pytest.raises(VersionError, match="staging"):
        store.commit(tmp_path)


def test_discard_removes_the_version_and_only_it(tmp_path):
    store = VersionStore(tmp_path)
    kept_dir, gone_dir = store.new_staging_dir("pets"), store.new_staging_dir("pets")
    _fake_bundle(kept_dir)
    _fake_bundle(gone_dir)
    kept, gone = store.commit(kept_dir), store.commit(gone_dir)
    store.discard(gone.id)
    assert not gone.path.exists()
    assert [v.id for v in store.list()] == [kept.id]
    with pytest.raises(VersionError):
        store.get(gone.id)
    with pytest.raises(VersionError, match="not a version id"):
        store.get("../../etc")


def test_remove_staging_and_stale_sweep(tmp_path):
    store = VersionStore(tmp_path)
    staging = store.new_staging_dir("digits")
    store.remove_staging(staging)
    assert not staging.exists()
    stale = store.new_staging_dir("digits")
    old = time.time() - 3 * 24 * 3600
    os.utime(stale, (old, old))
    fresh = store.new_staging_dir("digits")
    assert not stale.exists() and fresh.exists()


def test_an_unreadable_version_record_leaves_the_version_usable_with_a_note(tmp_path):
    store = VersionStore(tmp_path)
    staging = store.new_staging_dir("pets")
    _fake_bundle(staging)
    version = store.commit(staging)
    (version.path / "version.json").write_text("{not json", encoding="utf-8")
    (listed,) = store.list()  # its model and meta.json load: usable, from meta.json
    assert listed.path == version.path and listed.record_file == "meta.json"
    assert listed.notes and listed.notes[0].startswith("version.json cannot be read")


@pytest.mark.parametrize("preset", ["", "../x", ".hidden", "a/b"])
def test_bad_preset_names_are_refused(tmp_path, preset):
    with pytest.raises(VersionError):
        VersionStore(tmp_path).new_staging_dir(preset)


def test_the_data_fingerprint_takes_a_file_name_that_is_not_utf_8(tmp_path):
    from petloc_gui.model.data import Sample, fingerprint

    odd = tmp_path / os.fsdecode(b"caf\xe9.xml")  # a Latin-1 name: a lone surrogate in Python
    odd.write_text("<a/>")
    plain = tmp_path / "cafe.xml"
    plain.write_text("<a/>")
    samples = [Sample(tmp_path / f"{path.stem}.png", path.stem + ".png", path, (0, 0, 1, 1), "cat")
               for path in (odd, plain)]
    assert fingerprint(samples[:1]) != fingerprint(samples[1:])  # `petloc train` lost its model here


def test_bundles_written_by_petloc_train_are_listed_from_their_meta(tmp_path):
    # `petloc train` saves straight into models/<preset>/<version_id>/ without version.json.
    store = VersionStore(tmp_path)
    folder = tmp_path / "pets" / "pets-20261123T100000Z-abc123"
    folder.mkdir(parents=True)
    meta = loadable_meta(version_id=folder.name, preset="pets", parent="/x/pets", created="2026-11-23T10:00:00+00:00",
                         metrics={"accuracy": 0.8}, training_data={"fingerprint": "f00"})
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    keras_like_zip(folder / "model.keras")
    (version,) = store.list()
    assert (version.id, version.preset, version.parent, version.data_fingerprint) == (
        folder.name, "pets", "/x/pets", "f00")
    assert store.get(folder.name) == version
    # a GUI run of the same bundle format is named by its bundle id too
    staging = store.new_staging_dir("pets")
    (staging / "meta.json").write_text(json.dumps({**meta, "version_id": "pets-20261123T110000Z-def456"}))
    assert store.commit(staging).id == "pets-20261123T110000Z-def456"


def test_a_huge_record_is_neither_read_whole_when_listing_nor_when_choosing_a_model(tmp_path, monkeypatch):
    from petloc_gui.app.model_choice import class_names

    store = VersionStore(tmp_path)
    folder = tmp_path / "digits" / "digits-20261203T100000Z-abc123"
    folder.mkdir(parents=True)
    meta = folder / "meta.json"
    meta.write_text(json.dumps({"class_names": ["0", "1"]}), encoding="utf-8")
    keras_like_zip(folder / "model.keras")  # left out for its record, not for a missing model file
    assert class_names(str(folder)) == ["0", "1"]
    # a record past the cap (1 MB here) that would parse if read whole (a 3 GB one took 50 s and 6 GB)
    monkeypatch.setattr("petloc_gui.core.json_record.MAX_RECORD_BYTES", 1024 * 1024)
    meta.write_text(json.dumps({"class_names": ["0", "1"], "metrics": {"accuracy": 0.5}, "pad": "x" * 2**21}),
                    encoding="utf-8")
    assert class_names(str(folder)) is None
    assert not any(v.metrics for v in store.list())  # its figures were not read
