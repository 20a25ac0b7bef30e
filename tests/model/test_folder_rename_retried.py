"""Windows: renaming a folder just written into fails with "Access is denied" while a virus scanner or
the indexer holds one of its files open. The version store's commit, a bundle's save and the demo
folder renamed once and failed ("could not register the new model version", "Cannot create the demo
folder"); they now retry for about a second (core.folder_rename). Simulated by a rename that fails
twice with PermissionError, then works.
"""

from __future__ import annotations

import json
import os

import pytest

from petloc_gui.core import folder_rename
from petloc_gui.core.folder_rename import rename_folder
from petloc_gui.model.bundle import load_bundle
from petloc_gui.model.bundle_write import save_bundle
from petloc_gui.model.versions import VersionError, VersionStore
from tests.model_files import keras_like_zip

from .conftest import bundle_meta, constant_model


class Flaky:
    """A rename that raises PermissionError ``fails`` times for folders, then renames."""

    def __init__(self, real, fails: int) -> None:
        self.real, self.left, self.denied = real, fails, 0

    def __call__(self, source, target):
        if os.path.isdir(source) and self.left > 0:
            self.left -= 1
            self.denied += 1
            raise PermissionError(13, "Access is denied", str(source))
        return self.real(source, target)


@pytest.fixture
def no_waiting(monkeypatch):
    pauses: list[float] = []
    monkeypatch.setattr(folder_rename.time, "sleep", pauses.append)
    return pauses


def test_a_rename_denied_twice_then_allowed_is_done(tmp_path, no_waiting):
    (tmp_path / "a").mkdir()
    flaky = Flaky(os.replace, fails=2)
    rename_folder(tmp_path / "a", tmp_path / "b", rename=flaky)
    assert (tmp_path / "b").is_dir() and not (tmp_path / "a").exists()
    assert flaky.denied == 2 and no_waiting == list(folder_rename.PAUSES[:2])


def test_a_rename_denied_for_good_fails_after_about_a_second(tmp_path, no_waiting):
    (tmp_path / "a").mkdir()
    with pytest.raises(PermissionError, match="Access is denied"):
        rename_folder(tmp_path / "a", tmp_path / "b", rename=Flaky(os.replace, fails=100))
    assert 0.8 <= sum(no_waiting) <= 1.5 and (tmp_path / "a").is_dir()


def test_other_errors_are_not_retried(tmp_path, no_waiting):
    with pytest.raises(FileNotFoundError):
        rename_folder(tmp_path / "missing", tmp_path / "b")
    assert no_waiting == []


def test_a_version_commit_survives_a_held_file(tmp_path, monkeypatch, no_waiting):
    store = VersionStore(tmp_path / "models")
    staging = store.new_staging_dir("digits")
    (staging / "meta.json").write_text(json.dumps({"preset": "digits"}), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    flaky = Flaky(os.replace, fails=2)
    monkeypatch.setattr(os, "replace", flaky)
    version = store.commit(staging)
    assert flaky.denied == 2 and version.path.is_dir() and not staging.exists()


def test_a_version_commit_denied_for_good_still_says_so(tmp_path, monkeypatch, no_waiting):
    store = VersionStore(tmp_path / "models")
    staging = store.new_staging_dir("digits")
    (staging / "meta.json").write_text(json.dumps({"preset": "digits"}), encoding="utf-8")
    keras_like_zip(staging / "model.keras")
    monkeypatch.setattr(os, "replace", Flaky(os.replace, fails=100))
    with pytest.raises(VersionError, match=r"could not register the new model version: .*Access is denied"):
        store.commit(staging)
    assert staging.is_dir()  # kept, as before


def test_a_bundle_save_over_an_old_one_survives_held_files(constant_bundle, monkeypatch, no_waiting):
    flaky = Flaky(os.replace, fails=2)  # the old bundle set aside, then the new one put in place
    monkeypatch.setattr(os, "replace", flaky)
    save_bundle(constant_model(input_size=(32, 32)), bundle_meta(input_size=(32, 32)), constant_bundle)
    assert flaky.denied == 2 and load_bundle(constant_bundle).input_size == (32, 32)
    assert [p.name for p in constant_bundle.parent.iterdir()] == ["constant"]


def test_the_demo_folder_survives_a_held_file(monkeypatch, no_waiting):
    from petloc_gui.app import demo_folder

    flaky = Flaky(os.rename, fails=2)
    monkeypatch.setattr(os, "rename", flaky)
    target = demo_folder.ensure_demo_folder(count=12)
    assert flaky.denied == 2 and len(list(target.glob("*.png"))) == 12
    assert [p.name for p in target.parent.iterdir()] == [target.name]
