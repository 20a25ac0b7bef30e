"""Renaming a class the model knows, through Edit → Classes: when the model does not know the new
name it goes away (ADR 0010), and the dialog and the status line say why (it used to go silently)."""

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
    assert window.current_model_info() is None and window.model_problem  # gone: no model knows kitty
    result = dialog.result.text()
    assert f"The model {name} does not know kitty, so no model is used for this folder" in result
    assert "still predicts" not in result  # it does not: it is gone
    status = window.statusBar().currentMessage()
    assert status.startswith("Renamed cat to kitty:") and f"{name} does not know kitty" in status
    assert window.models.new_classes.isVisible()  # the no-model bar names kitty
    assert "kitty" in window.models.new_classes.message.text()

    dialog.rename("kitty", "cat")  # as the note says: the name back brings the model back
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    assert window.current_model_spec() == "pets"


def test_a_picked_model_stays_and_the_note_says_it_still_predicts_the_old_name(qtbot, window, folder):
    assert window.open_folder(folder, model="fake")  # picked by the user: kept whatever the classes
    qtbot.waitUntil(lambda: window.current_model_info() is not None, timeout=10_000)
    dialog = class_list_dialog(qtbot, window)
    dialog.rename("cat", "kitty")
    assert window.current_model_spec() == "fake"
    assert "The model still predicts cat" in dialog.result.text()
