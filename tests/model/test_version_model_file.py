"""A version whose model.keras is missing, empty or cut short is not usable, and the store says so.

Listing read only meta.json, so such a version was listed like a healthy one and chosen for a folder,
which then failed to load every time.
"""

from __future__ import annotations

import json

import pytest

from petloc_gui.model.bundle_check import model_file_problem
from petloc_gui.model.versions import VersionStore
from tests.model_files import keras_like_zip, loadable_meta


def _version(root, name, model=None):
    folder = root / "digits" / name
    folder.mkdir(parents=True)
    meta = loadable_meta(preset="digits", class_names=["0", "1"])
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    if model is not None:
        model(folder / "model.keras")
    return folder


def _truncated(path) -> None:
    keras_like_zip(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # a copy cut short: the zip's directory at the end is gone


BROKEN = {
    "missing": (None, "model.keras is missing"),
    "empty": (lambda path: path.write_bytes(b""), "model.keras is empty"),
    "truncated": (_truncated, "model.keras is not a Keras archive (zip)"),
    "folder": (lambda path: path.mkdir(), "model.keras is not a file"),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_version_with_a_broken_model_file_is_left_out_with_why(tmp_path, kind):
    store = VersionStore(tmp_path)
    good = _version(tmp_path, "good", keras_like_zip)
    make, reason = BROKEN[kind]
    bad = _version(tmp_path, "bad", make)

    versions, left_out = store.scan()

    assert [v.path for v in versions] == [good] and [v.path for v in store.list()] == [good]
    ((folder, why),) = left_out
    assert folder == bad and why.startswith(reason)
    assert model_file_problem(bad).startswith(reason) and model_file_problem(good) is None


def test_the_model_file_name_is_the_bundles():
    from petloc_gui.model import bundle, bundle_check

    assert bundle_check.MODEL_FILE == bundle.MODEL_FILE
