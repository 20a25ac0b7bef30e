"""A new version's id has one form, ``<preset>-<UTC time>-<6 hex>``, whoever makes it: the store's own fallback
(a bundle with no usable id, or one whose id is taken) made ``YYYYmmdd-HHMMSS-<4 hex>``, a folder that did not
say its preset. Versions kept under that older form are still listed and found by their id."""

from __future__ import annotations

import json
import re

from petloc_gui.model.version_id import new_version_id as bundle_version_id
from petloc_gui.model.versions import VersionStore
from tests.model_files import keras_like_zip, loadable_meta

ONE_FORM = re.compile(r"^digits-\d{8}T\d{6}Z-[0-9a-f]{6}$")


def _bundle(folder, meta):
    (folder / "meta.json").write_text(json.dumps(loadable_meta(preset="digits", **meta)), encoding="utf-8")
    keras_like_zip(folder / "model.keras")


def test_the_store_names_a_bundle_without_an_id_as_a_bundle_names_itself(tmp_path):
    store = VersionStore(tmp_path)
    staging = store.new_staging_dir("digits")
    _bundle(staging, {})
    assert ONE_FORM.match(store.commit(staging).id)
    assert ONE_FORM.match(bundle_version_id("digits"))


def test_an_id_already_taken_is_replaced_by_one_of_the_same_form(tmp_path):
    store = VersionStore(tmp_path)
    taken = "digits-20261123T110000Z-def456"
    (tmp_path / "digits" / taken).mkdir(parents=True)
    staging = store.new_staging_dir("digits")
    _bundle(staging, {"version_id": taken})
    made = store.commit(staging).id
    assert made != taken and ONE_FORM.match(made)


def test_a_version_kept_under_the_older_form_is_still_read(tmp_path):
    store = VersionStore(tmp_path)
    older = tmp_path / "digits" / "20241103-101500-ab12"
    older.mkdir(parents=True)
    _bundle(older, {"created": "2024-11-03T10:15:00+00:00"})
    assert [version.id for version in store.list("digits")] == [older.name]
    assert store.get(older.name).path == older
