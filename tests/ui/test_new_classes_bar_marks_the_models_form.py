"""A model knowing "chat_été" decomposed (its meta.json's), the folder boxing it composed: the new-classes bar began
"fake-fake does not know the class chat_été", which it knows. The class is now said with its form, marked against
the model's classes (`app.model_choice.describe_labels`)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from .conftest import FakeFactory, FakeHandle, open_and_wait
from .test_model_choice import _boxed_folder

COMPOSED = "chat_\u00e9t\u00e9"
DECOMPOSED = "chat_e\u0301te\u0301"


class _KnowsTheOtherForm(FakeFactory):
    def __call__(self, spec: str):
        handle = super().__call__(spec)
        assert isinstance(handle, FakeHandle)
        handle.info = replace(handle.info, class_names=(DECOMPOSED, "dog"))
        return handle


@pytest.fixture
def factory() -> FakeFactory:  # the window's (conftest's `window` takes it)
    return _KnowsTheOtherForm({})


def test_the_bar_says_which_form_the_model_lacks(qtbot, window, tmp_path):
    folder = tmp_path / "uni"
    _boxed_folder(folder, [[COMPOSED], [COMPOSED], ["dog"], ["dog"]])
    open_and_wait(qtbot, window, folder)
    bar = window.models.new_classes
    qtbot.waitUntil(bar.isVisible, timeout=10_000)
    assert bar.message.text().startswith(f"fake-fake does not know the class {COMPOSED} (composed), so it never")


def test_the_bar_names_a_class_without_a_twin_as_before(qtbot):
    from petloc_gui.ui.models.new_classes_bar import NewClassesBar

    bar = NewClassesBar(None, lambda: {"star": 3, "dog": 5})
    qtbot.addWidget(bar)
    bar.show_unknown("digits", frozenset({"star"}), model_classes=(COMPOSED, "dog"))
    assert bar.message.text().startswith("digits does not know the class star, so it never predicts it")
