"""One rule picks a folder's model for the window and the CLI: remembered, else one that knows its classes,
else one that knows the classes of most of its boxes (a class no model knows keeps it, named on the bar)."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from petloc_gui.app.model_choice import FolderMemory, choose_model, training_preset_for
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.versions import VersionStore
from tests.model_files import add_model_file, loadable_meta

from .model_chosen import wait_model_chosen

VOC = ("<annotation><filename>{name}</filename><size><width>{w}</width><height>{h}</height><depth>3</depth></size>"
       "<object><name>{label}</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>20</xmax><ymax>20</ymax></bndbox>"
       "</object></annotation>")


def _folder(root: Path, labels: list[str], size=(40, 30)) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i, label in enumerate(labels):
        image = root / f"img_{i:03d}.png"
        Image.new("RGB", size, (i * 20 % 256, 90, 140)).save(image)
        if label:
            image.with_suffix(".xml").write_text(VOC.format(name=image.name, w=size[0], h=size[1], label=label))
    return root


def _version(store: VersionStore, preset: str, names: list[str]) -> Path:
    staging = store.new_staging_dir(preset)
    (staging / "meta.json").write_text(json.dumps({"format_version": 1, "preset": preset, "class_names": names,
                                                    "input_size": [224, 224]}))
    add_model_file(staging)
    return store.commit(staging).path


def test_bundled_models_for_their_own_classes(tmp_path):
    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    pets = choose_model(open_dataset(_folder(tmp_path / "p", ["cat", "dog", "cat"])), store, memory)
    digits = choose_model(open_dataset(_folder(tmp_path / "d", ["3", "7"])), store, memory)
    assert (pets.spec, digits.spec) == ("pets", "digits")


def test_new_classes_match_no_model_and_say_so(tmp_path):
    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    choice = choose_model(open_dataset(_folder(tmp_path / "f", ["bird", "car", "bird"])), store, memory)
    assert choice.spec is None
    assert choice.reason == "no available model knows the classes bird, car"
    assert choice.box_counts == {"bird": 2, "car": 1} and not choice.trainable
    enough = choose_model(open_dataset(_folder(tmp_path / "g", ["bird", "car"] * 3)), store, memory)
    assert enough.spec is None and enough.trainable


def test_a_trained_version_that_knows_the_classes_is_chosen_and_remembered_first(tmp_path):
    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    folder = _folder(tmp_path / "f", ["bird", "car"])
    wide = _version(store, "photo", ["bird", "car", "cat", "dog"])
    tight = _version(store, "photo", ["bird", "car"])
    assert choose_model(open_dataset(folder), store, memory).spec == str(tight)  # fewest extra classes
    memory.remember(folder, str(wide))
    chosen = choose_model(open_dataset(folder), store, memory)
    assert chosen.spec == str(wide) and "last used" in chosen.reason
    memory.remember(folder, "digits")  # remembered, but it does not know bird/car: not used, and said
    passed = choose_model(open_dataset(folder), store, memory)
    assert passed.spec == str(tight)
    assert passed.note == (f"the model this folder last used (digits) knows none of its classes (bird, car); "
                           f"the model {tight} is used instead")


def test_a_folder_without_boxes_goes_by_image_size(tmp_path):
    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    canvases = open_dataset(_folder(tmp_path / "c", ["", ""], size=(75, 75)))
    photos = open_dataset(_folder(tmp_path / "p", ["", ""], size=(120, 90)))
    assert choose_model(canvases, store, memory).spec == "digits"
    assert choose_model(photos, store, memory).spec == "pets"
    assert (training_preset_for(canvases), training_preset_for(photos)) == ("digits", "photo")


def test_the_memory_survives_a_new_instance_and_a_broken_file(tmp_path):
    path = tmp_path / "m.json"
    FolderMemory(path).remember(tmp_path / "a", "digits")
    assert FolderMemory(path).get(tmp_path / "a") == "digits"
    path.write_text("{not json")
    assert FolderMemory(path).get(tmp_path / "a") is None


def test_a_mistyped_class_keeps_the_folders_model_and_the_bar_names_it_until_it_is_undone(qtbot, window, folder):
    # It took every prediction away ("no available model knows the class dogd"), for a typo on one box.
    from .conftest import open_and_wait

    open_and_wait(qtbot, window, folder, model=None)  # chosen by the folder's classes (cat, dog)
    assert window.current_model_spec() == "pets"
    window.show_row(0)
    window.edits.set_label("dogd")
    bar = window.models.new_classes
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert window.current_model_spec() == "pets" and window.current_model_info() is not None
    assert sum(box is not None for box in window.session.model.pred_box) >= 4  # the predictions stay
    assert bar.message.text().startswith(
        "fake-pets does not know the class dogd, so it never predicts it; its predictions of the other classes")
    assert bar.button.text() == "Fine-tune the model with the new classes…" and not bar.button.isEnabled()
    window.act["undo"].trigger()  # no box says "dogd" any more
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    assert "dogd" not in window.session.classes.names() and window.current_model_spec() == "pets"


def test_no_model_names_only_the_classes_no_model_knows(tmp_path):
    from petloc_gui.app.model_choice import choose_for_labels

    store, memory = VersionStore(tmp_path / "models"), FolderMemory(tmp_path / "m.json")
    typo = choose_for_labels({"cat", "dog", "dogd"}, tmp_path, {"cat": 1, "dog": 1, "dogd": 5}, store, memory)
    assert typo.spec is None and typo.labels - typo.known == {"dogd"}  # most boxes: a class none knows
    assert typo.reason == "no available model knows the class dogd"
    apart = choose_for_labels({"cat", "3"}, tmp_path, store=store, memory=memory)  # pets and digits
    assert apart.spec is None and apart.labels - apart.known == frozenset()
    assert apart.reason == "no one available model knows all of the classes 3, cat"


def test_the_only_box_of_a_new_class_undone_brings_back_the_model_of_a_folder_without_boxes(qtbot, window,
                                                                                           tmp_path):
    from petloc_gui.core.boxes import Box

    from .conftest import open_and_wait, write_image

    folder = tmp_path / "fresh"
    folder.mkdir()
    for i in range(2):
        write_image(folder / f"p{i}.png", size=(75, 75), seed=i)
    open_and_wait(qtbot, window, folder, model=None)
    assert window.current_model_spec() == "digits"  # no boxes yet: by image size (digit canvases)
    window.show_row(0)
    window.edits.add_box(Box(10, 10, 50, 40), "bird")
    qtbot.waitUntil(lambda: window.current_model_spec() == "", timeout=5000)
    window.act["undo"].trigger()
    qtbot.waitUntil(lambda: window.current_model_spec() == "digits", timeout=5000)  # by size again


_VOC = ("<annotation><filename>{name}</filename><size><width>40</width><height>30</height><depth>3</depth>"
        "</size>{objects}</annotation>")
_OBJECT = "<object><name>{}</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>20</xmax><ymax>20</ymax></bndbox></object>"


def _boxed_folder(folder, labels_per_image):
    """Small photos, each with an annotation whose boxes carry the given labels."""
    from PIL import Image

    folder.mkdir()
    for i, labels in enumerate(labels_per_image):
        image = folder / f"img_{i:03d}.png"
        Image.new("RGB", (40, 30), (i % 256, 90, 140)).save(image)
        objects = "".join(_OBJECT.format(label) for label in labels)
        image.with_suffix(".xml").write_text(_VOC.format(name=image.name, objects=objects))


def test_a_folder_no_model_knows_is_not_given_one_while_it_is_read_nor_for_a_class_on_a_second_box(
        qtbot, window, tmp_path):
    labels = [["bird"], ["car"]] * 75  # classes no model knows, and on most boxes: no model
    labels[130] = ["cat"]  # past the first chunk the opening scan reads
    labels[3] = ["car", "fox"]  # a class on a second box only
    _boxed_folder(tmp_path / "f", labels)
    asked = []
    window.models.no_model.connect(lambda _text: asked.append("none"))
    chosen = window.models.set_model
    window.models.set_model = lambda spec: (asked.append(spec), chosen(spec))[1]
    assert window.open_folder(tmp_path / "f", model=None)
    assert window.current_model_spec() == ""
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    qtbot.wait(300)
    assert {"cat", "fox"} <= window.session.classes.used
    assert window.current_model_spec() == "" and asked == ["none"]  # no model loaded on the way


def test_a_rename_looks_for_unused_labels_once_not_once_per_image(qtbot, window, tmp_path):
    from petloc_gui.ui.review.class_editor import ClassEditor

    from .conftest import open_and_wait

    _boxed_folder(tmp_path / "r", [["cat"], ["dog"]] * 20)
    open_and_wait(qtbot, window, tmp_path / "r")
    model = window.session.model
    looks = []
    in_use = model.labels_in_use
    model.labels_in_use = lambda: (looks.append(1), in_use())[1]
    ClassEditor(window.session, window.edits, lambda: (), window).rename("cat", "kitty")  # 20 images edited in a row
    qtbot.waitUntil(lambda: bool(looks), timeout=3000)
    qtbot.wait(100)
    assert len(looks) == 1  # 8 ms at 10,000 rows: once per image made a 5,000-image rename take ~40 s
    assert "cat" not in window.session.classes.used and "kitty" in window.session.classes.used


def test_a_box_without_a_name_is_no_class_of_the_folder(qtbot, window, tmp_path):
    from .conftest import open_and_wait

    _boxed_folder(tmp_path / "n", [["cat"], ["dog"], ["dog", ""], ["cat"]])  # the third has a nameless box
    open_and_wait(qtbot, window, tmp_path / "n", model=None)
    assert window.session.classes.used == {"cat", "dog"} and "" not in window.session.classes.names()
    assert window.current_model_spec() == "pets"  # not taken away by a class named ""
    window.show_row(2)
    window.edits.select(0)
    assert window.edits.nudge(1, 0)  # an edit of the image with the nameless box
    qtbot.wait(50)
    assert window.session.classes.used == {"cat", "dog"} and "" not in window.session.classes.names()
    assert window.current_model_spec() == "pets"


def test_a_class_gone_while_the_folder_is_read_brings_the_model_back_once_it_is_read(qtbot, window, tmp_path):
    _boxed_folder(tmp_path / "s", [["bird"], ["bird"], ["bird"], ["cat"], ["cat"]])
    assert window.open_folder(tmp_path / "s", model=None)
    wait_model_chosen(qtbot, window)
    watchers = window.session.watchers
    qtbot.waitUntil(watchers.scan_finished, timeout=10_000)
    assert window.current_model_spec() == "", window.session.model_choice  # no model knows "bird", on most boxes
    asked = []
    window.models.no_model.connect(asked.append)
    choice = window.session.model_choice
    window.show_row(0)
    window.edits.set_label("fox")  # another class no model knows: still none, and no new choice made
    qtbot.wait(50)
    assert window.session.model_choice is choice and window.current_model_spec() == ""
    assert asked == ["No model for this folder: no available model knows the classes bird, fox."]  # words only
    finished = watchers.scan_finished
    watchers.scan_finished = lambda: False  # as if the opening scan were still reading the folder
    window.act["undo"].trigger()
    for row in (0, 1, 2):
        window.show_row(row)
        window.edits.set_label("cat")  # the birds: every class is known now, but the folder is not read yet
    qtbot.wait(50)
    assert window.current_model_spec() == ""
    watchers.scan_finished = finished
    watchers.scanner.done.emit()  # the scan ends
    qtbot.waitUntil(lambda: window.current_model_spec() == "pets", timeout=5000)


def test_a_class_another_program_removes_from_its_file_leaves_and_the_model_comes_back(qtbot, window, tmp_path):
    _boxed_folder(tmp_path / "o", [["cat"], ["dog"], ["bird", "bird", "bird"], ["cat"]])
    assert window.open_folder(tmp_path / "o", model=None)
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    assert window.current_model_spec() == ""  # no model knows bird, the class of half the boxes
    bird = tmp_path / "o" / "img_002.xml"  # not the image shown
    bird.write_text(_VOC.format(name="img_002.png", objects=_OBJECT.format("cat")))
    window.session.watchers.follower.look()
    qtbot.waitUntil(lambda: "bird" not in window.session.classes.used, timeout=5000)
    qtbot.waitUntil(lambda: window.current_model_spec() == "pets", timeout=5000)


def test_the_last_boxed_class_deleted_unsaved_brings_back_the_model_by_image_size(qtbot, window, tmp_path):
    from .conftest import write_image

    _boxed_folder(tmp_path / "d", [["bird"]])
    write_image(tmp_path / "d" / "plain.png")
    assert window.open_folder(tmp_path / "d", model=None)
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    assert window.current_model_spec() == ""
    window.show_row(window.session.model.names.index("img_000.png"))
    window.edits.select(0)
    window.edits.delete_selected()  # the file on disk still says "bird"
    qtbot.waitUntil(lambda: window.current_model_spec() == "pets", timeout=5000)


def test_the_end_of_the_opening_scan_is_told_to_the_folders_classes(qtbot, window, tmp_path, monkeypatch):
    from petloc_gui.ui.review.folder_classes import FolderClasses

    told = []
    monkeypatch.setattr(FolderClasses, "scan_done", lambda self: told.append(set(self.used)))
    _boxed_folder(tmp_path / "e", [["cat"], ["dog"]])
    assert window.open_folder(tmp_path / "e", model=None)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told == [{"cat", "dog"}]


def test_a_bidi_character_in_a_class_name_does_not_reverse_the_new_classes_bar(qtbot, window, folder):
    from .conftest import open_and_wait

    open_and_wait(qtbot, window, folder, model=None)
    window.show_row(0)
    window.edits.set_label("0\u202ex")  # a right-to-left override: the rest of the line read backwards
    qtbot.waitUntil(window.models.new_classes.isVisible, timeout=5000)
    text = window.models.new_classes.message.text()
    assert "\u202e" not in text and "0\\u202ex" in text  # as an escape, twice (unknown, and still needed)
    assert text.count("0\\u202ex") == 2


def test_a_pick_ends_where_the_next_folder_gets_its_own_model(qtbot, window, folder, tmp_path):
    from .conftest import open_and_wait

    _boxed_folder(tmp_path / "digits", [["3"], ["7"]])
    open_and_wait(qtbot, window, tmp_path / "digits", model=None)
    window.models.choose("digits")  # picked from the menu
    open_and_wait(qtbot, window, folder, model=None)  # cat / dog: the pick does not know them
    assert window.current_model_spec() == "pets" and not window.models.explicit
    window.show_row(0)
    window.edits.set_label("bird")  # a class pets does not know: the rule's, as for any folder (kept: most boxes)
    qtbot.waitUntil(window.models.new_classes.isVisible, timeout=5000)
    assert window.current_model_spec() == "pets" and not window.models.explicit
    window.show_row(1)
    window.edits.set_label("bird")  # now most boxes: the rule leaves no model, where a pick would stay
    qtbot.waitUntil(lambda: window.current_model_spec() == "", timeout=5000)


def test_a_pick_stays_a_pick_when_its_folder_is_read_again(qtbot, window, folder):
    from .conftest import open_and_wait

    open_and_wait(qtbot, window, folder, model=None)
    window.models.choose("pets")  # remembered for this folder too
    window.reload_folder()
    qtbot.waitUntil(lambda: window.session is not None and window.session.watchers.scan_finished(), timeout=10_000)
    assert window.models.explicit
    window.show_row(0)
    window.edits.set_label("bird")  # a class pets does not know: the pick is kept
    qtbot.wait(100)
    assert window.current_model_spec() == "pets"
    assert window.save_current()
    window.reload_folder()  # again, with the class pets does not know saved in the folder
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(lambda: window.session is not None and window.session.watchers.scan_finished(), timeout=10_000)
    assert window.models.explicit and window.current_model_spec() == "pets"


def test_a_folders_remembered_model_wins_over_a_pick_from_another_folder(qtbot, window, folder, tmp_path):
    import json

    from petloc_gui.app.model_choice import FolderMemory

    from .conftest import open_and_wait

    other, kept = tmp_path / "other", tmp_path / "kept-model"
    _boxed_folder(other, [["cat"], ["dog"]])
    kept.mkdir()
    (kept / "meta.json").write_text(json.dumps(loadable_meta(class_names=["cat", "dog"])))
    add_model_file(kept)
    FolderMemory().remember(other, str(kept))  # e.g. a model trained on it, kept while another folder was open
    open_and_wait(qtbot, window, folder, model=None)
    window.models.choose("pets")  # knows cat and dog too
    open_and_wait(qtbot, window, other, model=None)
    assert window.current_model_spec() == str(kept)


def test_the_no_model_bar_wraps_instead_of_widening_a_narrow_window(qtbot, window, folder):
    from .conftest import open_and_wait

    open_and_wait(qtbot, window, folder, model=None)
    window.resize(800, 600)
    window.show_row(0)
    window.edits.set_label("a class no model knows, with a long name")
    qtbot.waitUntil(lambda: window.models.new_classes.isVisible(), timeout=5000)
    qtbot.wait(100)
    assert window.width() <= 800, window.width()


def test_the_prediction_pane_names_a_class_no_model_knows_boxed_later_too(qtbot, window, folder):
    """The bar followed a second unknown class; the pane and the header kept the first list (a GUI hunt)."""
    _boxed_folder(folder.parent / "most-new", [["dogd"], ["dogd"], ["cat"], ["cat"]])
    assert window.open_folder(folder.parent / "most-new", model=None)
    wait_model_chosen(qtbot, window)
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    assert window.current_model_spec() == ""  # dogd on half the boxes: pets does not know most of them
    assert window.model_problem == "No model for this folder: no available model knows the class dogd."
    window.show_row(2)
    window.edits.set_label("catt")
    qtbot.waitUntil(lambda: "catt" in (window.model_problem or ""), timeout=5000)
    assert window.model_problem == "No model for this folder: no available model knows the classes catt, dogd."
