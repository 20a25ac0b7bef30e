"""A two-stage bundle whose second stage (meta.json ``refine``: refine.keras) is missing, empty or cut
short is not usable: the store leaves it out with why, and the automatic choice passes it over.

Before: only model.keras was looked at, so such a version (every retrain from ``pets`` copies the
parent's refine.keras) was listed, chosen and remembered like a healthy one, then failed to load every
time; and the loader's message called refine.keras "model.keras".
"""

from __future__ import annotations

import json

import pytest

from petloc_gui.app.model_choice import FolderMemory, choose_model
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model import bundle, bundle_check
from petloc_gui.model.bundle import BundleError, check_archive
from petloc_gui.model.bundle_check import model_file_problem
from petloc_gui.model.versions import VersionStore
from tests.model_files import add_model_file, keras_like_zip, loadable_meta
from tests.ui.test_broken_model_versions import digit_folder

from .test_version_model_file import BROKEN


def two_stage_version(store: VersionStore, name: str, refine: object = None, refine_file: str = "refine.keras"):
    """A stored digits version knowing 3 and 7 (preferred over the bundled digits when usable) whose
    meta.json names a second stage (``refine``; the default names ``refine_file``, a good archive)."""
    folder = store.root / "digits" / name
    folder.mkdir(parents=True)
    refine = refine if refine is not None else {"model_file": refine_file, "input_size": [32, 32]}
    (folder / "meta.json").write_text(json.dumps({"format_version": 1, "preset": "digits", "class_names": ["3", "7"],
                                                  "input_size": [32, 32], "refine": refine}))
    add_model_file(folder)
    keras_like_zip(folder / refine_file)
    return folder


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_a_version_whose_second_stage_is_broken_is_left_out_and_not_chosen(tmp_path, kind):
    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    folder = digit_folder(tmp_path / "f")
    good = two_stage_version(store, "good")
    bad = two_stage_version(store, "bad", refine_file="stage2.keras")
    (bad / "stage2.keras").unlink()
    make, reason = BROKEN[kind]
    if make is not None:
        make(bad / "stage2.keras")
    reason = reason.replace("model.keras", "stage2.keras (the second stage meta.json names)")

    versions, left_out = store.scan()

    assert [v.path for v in versions] == [good]
    assert [(path, why[: len(reason)]) for path, why in left_out] == [(bad, reason)]
    assert model_file_problem(good) is None
    assert choose_model(open_dataset(folder), store, memory).spec == str(good)
    (good / "refine.keras").write_bytes(b"")  # now both are broken: the bundled digits model is chosen
    assert choose_model(open_dataset(folder), store, memory).spec == "digits"


def test_a_remembered_two_stage_model_without_its_second_stage_is_passed_over_and_said_so(tmp_path):
    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    folder = digit_folder(tmp_path / "f")
    broken = two_stage_version(store, "broken")
    (broken / "refine.keras").unlink()
    memory.remember(folder, str(broken))
    choice = choose_model(open_dataset(folder), store, memory)
    assert choice.spec == "digits" and not choice.remembered
    assert "refine.keras (the second stage meta.json names) is missing" in choice.note
    keras_like_zip(broken / "refine.keras")  # repaired: the remembered model comes back
    choice = choose_model(open_dataset(folder), store, memory)
    assert choice.spec == str(broken) and choice.remembered and choice.note == ""


@pytest.mark.parametrize(("refine", "why"), [
    ("yes", "meta.json: refine must be an object"),
    ({"model_file": 3}, "meta.json: refine.model_file must be a string"),
    ({"model_file": "../model.keras"}, "meta.json refine names an invalid model file '../model.keras'"),
])
def test_a_refine_entry_that_names_no_usable_file_is_a_problem(tmp_path, refine, why):
    folder = two_stage_version(VersionStore(tmp_path), "v", refine=refine)
    assert model_file_problem(folder) == why


@pytest.mark.parametrize("refine", [False, None, {}])
def test_a_single_stage_bundle_needs_no_second_file(tmp_path, refine):
    folder = tmp_path / "v"
    folder.mkdir()
    (folder / "meta.json").write_text(json.dumps(loadable_meta(class_names=["a"], refine=refine)))
    add_model_file(folder)
    assert model_file_problem(folder) is None


def test_a_meta_json_rewritten_in_place_is_read_again(tmp_path):
    """The second stage's name is remembered per meta.json state, never past a rewrite."""
    folder = two_stage_version(VersionStore(tmp_path), "v")
    assert model_file_problem(folder) is None
    meta = json.loads((folder / "meta.json").read_text())
    meta["refine"]["model_file"] = "other.keras"
    (folder / "meta.json").write_text(json.dumps(meta) + "   ")  # another size: another file state
    assert model_file_problem(folder) == "other.keras (the second stage meta.json names) is missing"


def test_the_loader_names_the_file_it_looked_at(tmp_path):
    path = tmp_path / "refine.keras"
    path.write_bytes(b"not a zip")
    with pytest.raises(BundleError, match=r"^.*: refine\.keras is not a Keras archive \(zip\)"):
        check_archive(path)


def test_the_file_names_are_the_bundles():
    assert (bundle_check.MODEL_FILE, bundle_check.META_FILE, bundle_check.REFINE_FILE) == (
        bundle.MODEL_FILE, bundle.META_FILE, bundle.REFINE_FILE)
