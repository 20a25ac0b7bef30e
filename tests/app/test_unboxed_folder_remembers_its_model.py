"""A folder with no boxes yet uses the model it last used (app.model_choice, one rule for the window and the CLI).

Before, a model picked in Model → Versions for a folder of unboxed canvases (written to folder_models.json) was
forgotten without a word: reopening the folder, or `petloc predict FOLDER --write-voc` without --model, used the
bundled model chosen by image size, and its pre-labels were marked as that model's.
"""

from __future__ import annotations

from PIL import Image

from petloc_gui.app.model_choice import FolderMemory, choose_model
from petloc_gui.core.dataset import open_dataset
from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle

DIGITS = [str(d) for d in range(10)]


def _canvases(folder, count=3, size=(75, 75)):
    """A folder of unannotated images (75x75: digit canvases, the size rule's digits)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        Image.new("RGB", size).save(folder / f"canvas_{i}.png")
    return folder


def test_a_folder_without_boxes_uses_the_version_it_remembers(tmp_path, _isolated_user_data):
    store, memory = VersionStore(), FolderMemory()
    folder = _canvases(tmp_path / "unboxed")
    version = fake_bundle(store.root / "digits" / "dca47b", DIGITS, preset="digits")
    memory.remember(folder, str(version))  # Model → Versions → dca47b, on this folder
    choice = choose_model(open_dataset(folder), store, memory)
    assert (choice.spec, choice.remembered) == (str(version), True)  # not the bundled digits, by image size
    assert choice.reason == "the model this folder last used; no boxes yet"
    assert choice.note == ""


def test_a_remembered_bundled_model_of_the_other_kind_is_used_too_and_said(tmp_path, _isolated_user_data):
    """Digits on photos is used (the folder's own), and said: before, the window said nothing of it."""
    folder = _canvases(tmp_path / "photos", size=(320, 240))  # photos: the size rule gives pets
    FolderMemory().remember(folder, "digits")
    choice = choose_model(open_dataset(folder))
    assert (choice.spec, choice.remembered, choice.other_kind) == ("digits", True, True)
    assert choice.note == ("the model this folder last used (digits) is for 75x75 digit canvases; these images are "
                           "photos")


def test_pets_remembered_on_canvases_is_said_too(tmp_path, _isolated_user_data):
    folder = _canvases(tmp_path / "canvases")
    FolderMemory().remember(folder, "pets")
    choice = choose_model(open_dataset(folder))
    assert (choice.spec, choice.other_kind) == ("pets", True)
    assert choice.note == "the model this folder last used (pets) is for photos; these images are 75x75 digit canvases"


def test_a_version_of_the_images_kind_or_of_no_known_preset_is_not_said(tmp_path, _isolated_user_data):
    store, memory = VersionStore(), FolderMemory()
    photos = _canvases(tmp_path / "photos", size=(320, 240))
    memory.remember(photos, str(fake_bundle(store.root / "photo" / "a1", ["cat"], preset="photo")))
    assert choose_model(open_dataset(photos), store, memory).note == ""
    canvases = _canvases(tmp_path / "canvases")
    memory.remember(canvases, str(fake_bundle(store.root / "photo" / "b2", ["cat"], preset="someday")))
    choice = choose_model(open_dataset(canvases), store, memory)  # a preset this petloc does not know: no guess
    assert (choice.remembered, choice.note, choice.other_kind) == (True, "", False)


def test_predict_says_a_remembered_model_of_the_other_kind(tmp_path, capsys, _isolated_user_data):
    from petloc_gui.cli.model_loading import model_for

    folder = _canvases(tmp_path / "photos", size=(320, 240))
    FolderMemory().remember(folder, "digits")
    assert model_for(None, [folder]) == "digits"
    said = capsys.readouterr().err
    assert f"{folder}: the model this folder last used (digits) is for 75x75 digit canvases; these images are " \
           "photos" in said


def test_a_broken_remembered_model_is_passed_over_by_image_size_and_said(tmp_path, _isolated_user_data):
    store, memory = VersionStore(), FolderMemory()
    folder = _canvases(tmp_path / "unboxed")
    broken = fake_bundle(store.root / "digits" / "b0rken", DIGITS, model_file="empty", preset="digits")
    memory.remember(folder, str(broken))
    choice = choose_model(open_dataset(folder), store, memory)
    assert (choice.spec, choice.remembered) == ("digits", False)
    assert choice.reason == "no boxes yet: chosen by image size"
    assert choice.note.startswith(f"the model this folder last used ({broken}) cannot be used: ")
    assert choice.note.endswith("; the bundled model digits is used instead")
    assert memory.get(folder) == str(broken)  # kept: a repaired model comes back


def test_a_deleted_remembered_model_is_passed_over_and_said(tmp_path, _isolated_user_data):
    store, memory = VersionStore(), FolderMemory()
    folder = _canvases(tmp_path / "unboxed")
    memory.remember(folder, str(store.root / "digits" / "gone"))
    choice = choose_model(open_dataset(folder), store, memory)
    assert choice.spec == "digits"
    assert "is no longer at" in choice.note and choice.note.endswith("; the bundled model digits is used instead")


def test_predict_uses_the_remembered_model_and_says_why(tmp_path, capsys, _isolated_user_data):
    from petloc_gui.cli.model_loading import model_for

    folder = _canvases(tmp_path / "unboxed")
    version = fake_bundle(VersionStore().root / "digits" / "dca47b", DIGITS, preset="digits")
    FolderMemory().remember(folder, str(version))
    assert model_for(None, [folder]) == str(version)
    said = capsys.readouterr().err
    assert f"using model {version} for {folder} (the model this folder last used; no boxes yet)" in said


def test_the_window_opening_the_folder_after_a_restart_uses_it(tmp_path, _isolated_user_data):
    from petloc_gui.ui.models.folder_model_chooser import find_folder_model

    folder = _canvases(tmp_path / "unboxed")
    version = fake_bundle(VersionStore().root / "digits" / "dca47b", DIGITS, preset="digits")
    FolderMemory().remember(folder, str(version))
    found = find_folder_model(open_dataset(folder), "", lambda: False)  # no pick: a window just started
    assert found.choice is not None and found.choice.spec == str(version) and not found.pick_stays


def test_a_pick_that_stays_is_the_model_the_note_names(tmp_path, _isolated_user_data):
    """An unboxed folder whose remembered model is gone, opened while the window has a pick from another folder
    (pets): the pick stays (no classes to turn it away), so the note names it; before, it said the size rule's
    "bundled model digits is used instead" while pets went on predicting."""
    from petloc_gui.ui.models.folder_model_chooser import find_folder_model

    folder = _canvases(tmp_path / "unboxed")
    FolderMemory().remember(folder, str(VersionStore().root / "digits" / "gone"))
    found = find_folder_model(open_dataset(folder), "pets", lambda: False)
    assert found.pick_stays and found.choice is not None
    assert "is no longer at" in found.choice.note
    assert found.choice.note.endswith("; the bundled model pets, your pick, stays in use")
    assert "used instead" not in found.choice.note


def test_a_pick_that_stays_on_a_boxed_folder_is_named_too(tmp_path, _isolated_user_data):
    """The same in a folder with boxes: the rule would use pets (it knows cat), the pick (a version that knows
    cat and dog) stays, and the note names the pick."""
    from petloc_gui.ui.models.folder_model_chooser import find_folder_model

    folder = _canvases(tmp_path / "boxed", size=(320, 240))
    (folder / "canvas_0.xml").write_text(
        "<annotation><filename>canvas_0.png</filename><size><width>320</width><height>240</height><depth>3</depth>"
        "</size><object><name>cat</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>90</xmax><ymax>90</ymax>"
        "</bndbox></object></annotation>")
    store = VersionStore()
    FolderMemory().remember(folder, str(store.root / "photo" / "gone"))
    pick = fake_bundle(store.root / "photo" / "b1c2d3", ["cat", "dog"], preset="photo")
    found = find_folder_model(open_dataset(folder), str(pick), lambda: False)
    assert found.pick_stays and found.choice is not None and found.choice.spec == "pets"  # the rule's
    assert found.choice.note.endswith(f"; the model {pick}, your pick, stays in use")
