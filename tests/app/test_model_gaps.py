"""What the window's bar says of the model in use comes from app.model_choice, not from rules of its own:
`model_gaps` (the classes a model does not know, and the model rule 2 would choose instead) and
`ModelChoice.none_knows` (choosing again would find no model either)."""

from __future__ import annotations

from petloc_gui.app.model_choice import FolderMemory, ModelChoice, candidates, choose_for_labels, model_gaps
from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle

BREEDS = ["Abyssinian", "Bengal"]


def test_the_model_that_knows_every_class_is_rule_2s_fewest_extra_classes_first(_isolated_user_data):
    store = VersionStore()
    narrow = fake_bundle(store.root / "photo" / "v1", [*BREEDS, "kitten"], preset="photo")
    wide = fake_bundle(store.root / "photo" / "v2", [*BREEDS, "kitten", "puppy", "hamster"], preset="photo")
    specs = candidates(store)
    assert specs.index(str(wide)) < specs.index(str(narrow))  # the wider one first by order alone (newer)
    assert model_gaps(BREEDS, {*BREEDS, "kitten"}, store) == ({"kitten"}, str(narrow))
    fake_bundle(store.root / "photo" / "v1", [*BREEDS, "kitten"], model_file="empty")  # broken: not offered
    assert model_gaps(BREEDS, {*BREEDS, "kitten"}, store) == ({"kitten"}, str(wide))


def test_a_model_that_knows_every_class_has_no_gaps(_isolated_user_data):
    assert model_gaps(["cat", "dog"], {"cat"}) == (frozenset(), "")
    assert model_gaps(["cat"], {"cat", "kitten"}) == ({"kitten"}, "")  # no model knows kitten


def test_the_bar_and_the_folders_choice_name_the_same_gaps(tmp_path, _isolated_user_data):
    store, memory = VersionStore(), FolderMemory()
    picked = fake_bundle(store.root / "photo" / "8fa5cc", BREEDS, preset="photo")
    narrow = fake_bundle(store.root / "photo" / "0a0a0a", [*BREEDS, "kitten"], preset="photo")
    wide = fake_bundle(store.root / "photo" / "be0cee", [*BREEDS, "kitten", "puppy"], preset="photo")
    memory.remember(tmp_path, str(picked))
    labels = {*BREEDS, "kitten"}
    choice = choose_for_labels(labels, tmp_path, {"Abyssinian": 5, "Bengal": 5, "kitten": 3}, store, memory)
    assert choice.spec == str(picked)
    assert candidates(store).index(str(wide)) < candidates(store).index(str(narrow))
    assert model_gaps(BREEDS, labels, store) == (choice.unknown, choice.knows_all)
    assert choice.knows_all == str(narrow)


def test_choosing_again_finds_none_only_for_classes_no_model_knows():
    choice = ModelChoice(None, "", frozenset({"kitten", "puppy"}), known=frozenset({"cat", "dog"}))
    assert choice.none_knows({"kitten", "puppy", "hamster"})  # a class no model knows added
    assert not choice.none_knows({"kitten", "puppy", "cat"})  # pets knows cat: it may know enough now
    assert not choice.none_knows({"kitten"})  # a class gone: the share known may be more than half now
    broken = ModelChoice(None, "", frozenset({"kitten"}), broken_fit="v1 knows every class but cannot be used")
    assert not broken.none_knows({"kitten", "hamster"})  # the broken model may know the new class too
    assert not ModelChoice(None, "no boxes yet").none_knows({"cat"})  # chosen for no classes: boxing one may find one
    assert not ModelChoice("pets", "", frozenset({"cat"})).none_knows({"cat", "hamster"})  # it found a model
