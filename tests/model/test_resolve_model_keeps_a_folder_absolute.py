"""`resolve_model("./digits")` gave the relative Path("digits"): its str() is the bundled model's name, so a
caller that passed it on (`read_meta(resolve_model(spec))`, a model's info in the window, the preset the
Retrain dialog chose) silently read the bundled digits model instead of the folder named digits here. A
folder that is not a bundled model is now given as an absolute path (symbolic links kept as given)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from petloc_gui.model.bundle import BUNDLED_NAMES, read_meta, resolve_model


@pytest.fixture
def folder_named_digits(tmp_path, monkeypatch) -> Path:
    """A folder ./digits holding another model: a pets model with two classes of its own."""
    folder = tmp_path / "digits"
    folder.mkdir()
    meta = {**read_meta("digits"), "version_id": "mine-V5", "preset": "pets", "class_names": ["cat", "dog"]}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


@pytest.mark.parametrize("spec", ["./digits", "digits/", "./digits/meta.json", Path("./digits/meta.json")])
def test_a_folder_is_given_as_its_absolute_path(folder_named_digits, spec):
    path = resolve_model(spec)
    assert path.is_absolute() and str(path) not in BUNDLED_NAMES
    assert path == folder_named_digits
    assert read_meta(path)["version_id"] == "mine-V5"


def test_a_symbolic_link_is_kept_as_given(folder_named_digits, tmp_path):
    (tmp_path / "link").symlink_to(folder_named_digits, target_is_directory=True)
    assert resolve_model("link") == tmp_path / "link"


def test_the_bare_name_is_still_the_bundled_model(folder_named_digits):
    assert resolve_model("digits") != folder_named_digits
    assert read_meta(resolve_model("digits"))["preset"] == "digits"


def test_a_models_info_in_the_window_is_the_folders(folder_named_digits):
    from petloc_gui.ui.models.model_handle import model_info

    info = model_info("./digits")
    assert info.class_names == ("cat", "dog")
    assert info.path == folder_named_digits
    assert info.bundle_version == "mine-V5"


def test_the_retrain_dialogs_preset_is_the_folders(folder_named_digits):
    from petloc_gui.model.versions import VersionStore
    from petloc_gui.ui.training.retrain_preset import preset_of

    assert preset_of("./digits", VersionStore()) == "pets"


def test_the_fingerprint_of_a_folder_named_digits_is_its_own(folder_named_digits):
    from petloc_gui.app.prediction_disk_cache import model_fingerprint
    from petloc_gui.ui.models.model_handle import bundle_fingerprint

    assert bundle_fingerprint("./digits") == model_fingerprint(os.fspath(folder_named_digits))
