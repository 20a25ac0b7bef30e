"""A class the model does not know keeps the model (one rule for the window and the CLI, app.model_choice):
the folder's own model (picked in Versions, or fine-tuned there) is kept when a class it does not know is
boxed since, and said so; a model the rule chose is kept while it knows the classes of most boxes.

Before, a version picked in Versions was replaced on the next opening by one that knew the new class,
without a word, and a class typed on one box took every prediction away ("no available model knows the
class kitten"), so the fine-tuned versions were lost as a starting point.
"""

from __future__ import annotations

from petloc_gui.app.model_choice import FolderMemory, choose_for_labels, knows_enough
from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle

BREEDS = ["Abyssinian", "Bengal", "american_bulldog"]


def test_the_folders_own_model_is_kept_and_names_the_class_it_does_not_know(tmp_path, _isolated_user_data):
    store, memory = VersionStore(), FolderMemory()
    picked = fake_bundle(store.root / "photo" / "8fa5cc", BREEDS, preset="photo")
    knows_all = fake_bundle(store.root / "photo" / "be0cee", [*BREEDS, "kitten"], preset="photo")
    memory.remember(tmp_path, str(picked))  # Model → Versions → 8fa5cc
    labels = {*BREEDS, "kitten"}
    choice = choose_for_labels(labels, tmp_path, {"Abyssinian": 11, "Bengal": 11, "american_bulldog": 11,
                                                  "kitten": 3}, store, memory)
    assert (choice.spec, choice.remembered) == (str(picked), True)  # not be0cee, silently
    assert choice.unknown == {"kitten"} and choice.knows_all == str(knows_all)
    assert choice.reason == ("the model this folder last used; it does not know the class kitten "
                             "(photo/be0cee knows every class)")
    assert choice.note == ""  # nothing passed over


def test_the_folders_own_model_is_kept_for_a_class_on_most_boxes_too(tmp_path, _isolated_user_data):
    store, memory = VersionStore(), FolderMemory()
    picked = fake_bundle(store.root / "photo" / "v1", ["cat", "dog"], preset="photo")
    memory.remember(tmp_path, str(picked))
    choice = choose_for_labels({"cat", "kitten"}, tmp_path, {"cat": 1, "kitten": 20}, store, memory)
    assert choice.spec == str(picked) and choice.unknown == {"kitten"} and choice.knows_all == ""


def test_a_remembered_model_that_knows_none_of_the_classes_is_passed_over_and_said(tmp_path, _isolated_user_data):
    store, memory = VersionStore(), FolderMemory()
    memory.remember(tmp_path, "digits")
    choice = choose_for_labels({"cat", "dog"}, tmp_path, store=store, memory=memory)
    assert choice.spec == "pets"
    assert choice.note == ("the model this folder last used (digits) knows none of its classes (cat, dog); "
                           "the bundled model pets is used instead")


def test_the_rules_model_stays_while_it_knows_the_classes_of_most_boxes(tmp_path, _isolated_user_data):
    store, memory = VersionStore(), FolderMemory()
    typo = choose_for_labels({"cat", "dog", "dogd"}, tmp_path, {"cat": 2, "dog": 2, "dogd": 1}, store, memory)
    assert typo.spec == "pets" and typo.unknown == {"dogd"} and not typo.remembered
    assert typo.reason == "no available model knows every class of this folder; it knows all but the class dogd"
    most = choose_for_labels({"cat", "dog", "dogd"}, tmp_path, {"cat": 1, "dog": 1, "dogd": 2}, store, memory)
    assert most.spec is None and most.reason == "no available model knows the class dogd"  # half: not most
    assert knows_enough(["cat", "dog"], {"cat", "dogd"}) is False  # one box each: half


def test_the_cli_uses_the_kept_model_and_says_which_class_it_does_not_know(tmp_path, capsys, _isolated_user_data):
    from PIL import Image

    from petloc_gui.cli.model_loading import model_for

    store = VersionStore()
    picked = fake_bundle(store.root / "photo" / "8fa5cc", ["cat", "dog"], preset="photo")
    voc = ("<annotation><filename>{name}</filename><size><width>40</width><height>30</height><depth>3</depth>"
           "</size><object><name>{label}</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>20</xmax><ymax>20</ymax>"
           "</bndbox></object></annotation>")
    for i, label in enumerate(["cat", "dog", "kitten"]):
        image = tmp_path / f"x{i}.png"
        Image.new("RGB", (40, 30)).save(image)
        image.with_suffix(".xml").write_text(voc.format(name=image.name, label=label))
    FolderMemory().remember(tmp_path, str(picked))
    assert model_for(None, [tmp_path]) == str(picked)
    said = capsys.readouterr().err
    assert f"using model {picked} for {tmp_path} (the model this folder last used; it does not know the class kitten)" \
        in said
