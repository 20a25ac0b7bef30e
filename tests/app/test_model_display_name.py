"""A model's short name, one function for the window's status line and the Retrain dialog (the model
controller and retrain_support each had one)."""

from __future__ import annotations

from petloc_gui.app.model_choice import model_display_name


def test_a_bundled_model_by_its_name_a_version_by_its_folder():
    assert model_display_name("pets") == "pets" and model_display_name("digits") == "digits"
    assert model_display_name("/data/models/photo/be0cee") == "be0cee"
    assert model_display_name("models/photo/be0cee/") == "be0cee"


def test_no_model_and_a_path_without_a_name():
    assert model_display_name("") == "no model"
    assert model_display_name(".") == "."  # not an empty name on the status line
