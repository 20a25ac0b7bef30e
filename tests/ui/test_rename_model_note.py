"""Renaming a class the model knows, through Edit → Classes: when the model does not know the new
name it may go away (ADR 0010), and the dialog and the status line say why (it used to go silently): the rename took
one of its classes out of the folder, so it knows the classes of too few boxes. They said it did not know the new
name, which Model → Bundled: pets then contradicted (it was used again, still not knowing it)."""

from __future__ import annotations

from .conftest import class_list_dialog, wait_predictions


def _open_with_the_chosen_model(qtbot, window, folder) -> None:
    assert window.open_folder(folder)  # no model named: the folder's classes (cat, dog) choose pets
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    qtbot.waitUntil(window.session.watchers.scan_finished, timeout=10_000)
    wait_predictions(qtbot, window)
    assert window.current_model_spec() == "pets" and not window.models.explicit


def test_a_rename_that_takes_the_model_away_says_why(qtbot, window, folder):
    _open_with_the_chosen_model(qtbot, window, folder)
    name = window.current_model_info().name
    dialog = class_list_dialog(qtbot, window)
    dialog.rename("cat", "kitty")
    assert window.current_model_info() is None and window.model_problem  # gone: it knows too few boxes now
    result = dialog.result_line.text()
    # why: the rename took one of its classes away (2 cat, 2 dog boxes: it knows the dogs' only, not more than
    # half); not that it does not know kitty, which a pick of it then contradicted
    why = (f"ith cat gone from this folder, {name} knows the classes of only 2 of the folder's 4 boxes (a model is "
           "chosen for a folder while it knows those of more than half), so no model is used for this folder and "
           f"nothing is predicted (renaming kitty back to cat brings {name} back; Model → Bundled: pets uses it "
           "anyway, though it never predicts kitty; or train a model for these classes).")
    assert f" W{why}" in result and "does not know kitty" not in result
    assert "still predicts" not in result  # it does not: it is gone
    status = window.statusBar().currentMessage()
    assert status == f"Renamed cat to kitty: w{why}"
    assert window.models.new_classes.isVisible()  # the no-model bar names kitty
    assert "kitty" in window.models.new_classes.message.text()

    dialog.rename("kitty", "cat")  # as the note says: the name back brings the model back
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert window.current_model_spec() == "pets"


def test_the_model_a_rename_took_away_is_used_again_when_picked_as_the_note_says(qtbot, window, folder):
    _open_with_the_chosen_model(qtbot, window, folder)
    dialog = class_list_dialog(qtbot, window)
    dialog.rename("cat", "kitty")
    assert window.current_model_info() is None and "Model → Bundled: pets uses it anyway" in dialog.result_line.text()
    window.models.choose("pets")  # Model → Bundled: pets
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert window.current_model_spec() == "pets" and "kitty" not in window.current_model_info().class_names


def test_a_picked_model_stays_and_the_note_says_it_still_predicts_the_old_name(qtbot, window, folder):
    assert window.open_folder(folder, model="fake")  # picked by the user: kept whatever the classes
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    dialog = class_list_dialog(qtbot, window)
    dialog.rename("cat", "kitty")
    assert window.current_model_spec() == "fake"
    assert "The model still predicts cat" in dialog.result_line.text()
