"""The window's status line and the Retrain dialog name a model the same way (`model_display_name`)."""

from __future__ import annotations

from petloc_gui.app import model_choice


def test_the_status_line_names_a_loading_version_by_its_folder(window, tmp_path):
    version = tmp_path / "models" / "photo" / "be0cee"
    window.models.spec = str(version)  # the model the window asked for (a loading of another one is stale)
    window.predictions.model_loading.emit(str(version))
    assert window.model_status.text() == "Loading model be0cee…"
    assert model_choice.model_display_name(str(version)) == "be0cee"  # the Retrain dialog's name too
