"""Why no model is used: one rule (`ModelChoice.reason_for`) for the new-classes bar, the status line and the
CLI, which each worked it out for themselves before."""

from __future__ import annotations

from petloc_gui.app.model_choice import FolderMemory, ModelChoice, choose_for_labels
from petloc_gui.model.versions import VersionStore

BROKEN = "the bundled model digits knows every class of this folder but cannot be used (model.keras is empty)"


def _no_model(labels, known=(), broken_fit="") -> ModelChoice:
    return ModelChoice(None, "", frozenset(labels), known=frozenset(known), broken_fit=broken_fit)


def test_a_broken_model_that_knows_every_class_is_the_reason_while_the_classes_are_the_choices():
    choice = _no_model({"3", "7"}, broken_fit=BROKEN)
    assert choice.reason_for({"3", "7"}) == BROKEN
    assert choice.reason_for({"3", "7"}, of_folder=" of this folder") == BROKEN  # it names the folder already
    assert choice.reason_for({"3"}) == BROKEN  # a class gone: the model that knew both knows the one left


def test_a_class_boxed_since_is_not_the_broken_models_to_know():
    choice = _no_model({"3", "7"}, known={"cat", "dog"}, broken_fit=BROKEN)
    assert choice.reason_for({"3", "7", "bird"}) == "no available model knows the classes 3, 7, bird"
    assert choice.reason_for({"3", "7", "cat"}) == "no available model knows the classes 3, 7"  # pets knows cat


def test_classes_no_model_knows_are_named():
    choice = _no_model({"bird", "car"})
    assert choice.reason_for({"bird", "car"}) == "no available model knows the classes bird, car"
    assert (choice.reason_for({"bird", "car"}, of_folder=" of this folder")
            == "no available model knows the classes bird, car of this folder")


def test_of_a_mix_only_the_classes_no_model_knows_are_named():
    choice = _no_model({"cat", "dog", "dogd"}, known={"cat", "dog", "3"})
    assert choice.reason_for({"cat", "dog", "dogd"}) == "no available model knows the class dogd"
    assert choice.reason_for({"cat", "dog", "dogd", "catt"}) == "no available model knows the classes catt, dogd"


def test_classes_each_known_somewhere_but_not_by_one_model():
    choice = _no_model({"cat", "3"}, known={"cat", "dog", "3", "7"})
    assert choice.reason_for({"cat", "3"}) == "no one available model knows all of the classes 3, cat"


def test_the_choices_own_reason_is_the_rule_for_its_own_classes(tmp_path):
    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    for labels in ({"bird", "car"}, {"cat", "catt", "dogd"}, {"cat", "3"}):  # pets knows no more than half
        choice = choose_for_labels(labels, tmp_path, store=store, memory=memory)
        assert choice.spec is None and choice.reason == choice.reason_for(labels) != ""


def test_the_cli_gives_the_windows_reason(tmp_path):
    """`petloc predict` without --model named every class of the folder as unknown ("classes cat, dogd"),
    where the window named dogd only (pets knows cat)."""
    import pytest
    from PIL import Image

    from petloc_gui.cli.model_loading import model_for
    from petloc_gui.cli.output import CommandError

    voc = ("<annotation><filename>{name}</filename><size><width>40</width><height>30</height><depth>3</depth>"
           "</size><object><name>{label}</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>20</xmax><ymax>20</ymax>"
           "</bndbox></object></annotation>")
    for i, label in enumerate(["cat", "dogd", "dogd"]):  # most boxes: a class no model knows
        image = tmp_path / f"x{i}.png"
        Image.new("RGB", (40, 30)).save(image)
        image.with_suffix(".xml").write_text(voc.format(name=image.name, label=label))
    with pytest.raises(CommandError) as raised:
        model_for(None, [tmp_path])
    assert f"no model for {tmp_path}: no available model knows the class dogd; train one (" in str(raised.value)
