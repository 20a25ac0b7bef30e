"""A version named as `petloc models` lists it ("digits/<id>") is a MODEL for evaluate, predict, export and
--init-from (it was "no model bundle here (folder does not exist)"); a folder of that relative path here wins."""

from __future__ import annotations

import shutil

import pytest

from petloc_gui.core.paths import resources_dir
from petloc_gui.model.bundle import BundleError, resolve_model


def test_the_models_name_of_a_version_resolves_in_the_store(tmp_path, monkeypatch):
    monkeypatch.setenv("PETLOC_DATA_DIR", str(tmp_path / "data"))
    version = tmp_path / "data" / "models" / "digits" / "digits-20261204T000000Z-abc123"
    shutil.copytree(resources_dir() / "models" / "digits", version)
    monkeypatch.chdir(tmp_path)
    assert resolve_model("digits/digits-20261204T000000Z-abc123") == version
    here = tmp_path / "digits" / "digits-20261204T000000Z-abc123"  # a folder of that path here wins
    shutil.copytree(resources_dir() / "models" / "digits", here)
    assert resolve_model("digits/digits-20261204T000000Z-abc123").resolve() == here.resolve()
    with pytest.raises(BundleError, match=r"folder does not exist\) \(nor in the model store: .*no-such-version"):
        resolve_model("digits/no-such-version")
    with pytest.raises(BundleError, match=r"folder does not exist\)$"):  # not a store name: the path alone
        resolve_model(str(tmp_path / "elsewhere" / "x"))
