"""A trained version nobody kept or discarded (its window killed while the new model waited for Use / Discard:
version.json says ``"decided": false``) is chosen for a folder only when no kept model fits as well, and then the
choice's note says so.

Before, it was ranked as any kept version: a folder whose classes only trained versions knew got it as "the newest
version that knows every class", with an empty note, in the window and in `petloc predict` without --model; it may
be the very model the user would have discarded.
"""

from __future__ import annotations

from petloc_gui.app.model_choice import FolderMemory, candidates, choose_by_size, choose_for_labels
from petloc_gui.app.undecided_choice import UNDECIDED_CHOSEN
from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle

CLASSES = ["car", "bus"]


def _undecided(store: VersionStore, classes=CLASSES, preset="pets"):
    staging = store.new_staging_dir(preset)
    fake_bundle(staging, classes, preset=preset)
    return store.commit(staging, decided=False)  # as the window commits it before Use / Discard


def _kept(store: VersionStore, classes=CLASSES, preset="pets"):
    return store.commit(fake_bundle(store.new_staging_dir(preset), classes, preset=preset))


def test_a_kept_version_is_chosen_before_a_newer_undecided_one(tmp_path):
    store = VersionStore()
    kept = _kept(store)
    undecided = _undecided(store)  # the newer one
    assert candidates(store)[-2:] == [str(kept.path), str(undecided.path)]

    choice = choose_for_labels({"car"}, tmp_path, store=store, memory=FolderMemory())

    assert choice.spec == str(kept.path) and choice.note == ""
    assert store.get(undecided.id).undecided  # nothing chose for it


def test_an_undecided_version_chosen_all_the_same_is_said(tmp_path):
    store = VersionStore()
    undecided = _undecided(store)

    choice = choose_for_labels({"car"}, tmp_path, store=store, memory=FolderMemory())

    assert choice.spec == str(undecided.path)
    assert choice.note == f"the model pets/{undecided.id} {UNDECIDED_CHOSEN}"
    assert "not kept or discarded yet" in choice.note and "Model → Versions keeps it" in choice.note


def test_an_undecided_version_that_knows_most_boxes_is_said_too(tmp_path):
    store = VersionStore()
    undecided = _undecided(store)  # rule 3: it knows the classes of most boxes, not every class

    choice = choose_for_labels({"car", "tram"}, tmp_path, {"car": 5, "tram": 1}, store, FolderMemory())

    assert choice.spec == str(undecided.path) and choice.unknown == {"tram"}
    assert choice.note.endswith(f"pets/{undecided.id} {UNDECIDED_CHOSEN}")


def test_a_kept_version_with_the_broken_bundled_models_classes_is_chosen_before_an_undecided_one(tmp_path, monkeypatch):
    import petloc_gui.app.model_choice as model_choice
    from petloc_gui.app.model_choice import class_names
    from petloc_gui.core.dataset import open_dataset

    store = VersionStore()
    names = class_names("pets")
    assert names
    kept, undecided = _kept(store, names), _undecided(store, names)
    (tmp_path / "photo.jpg").write_bytes(b"")
    dataset = open_dataset(tmp_path)
    looks = model_choice.model_problem
    monkeypatch.setattr(model_choice, "model_problem", lambda spec, store=None: "model.keras is empty" if spec == "pets"
                        else looks(spec, store))  # the bundled pets broken: the newest version with its classes instead

    assert choose_by_size(dataset, store).spec == str(kept.path)
    store.discard(kept.id)
    choice = choose_by_size(dataset, store)
    assert choice.spec == str(undecided.path) and choice.note.endswith(f"{undecided.id} {UNDECIDED_CHOSEN}")
