"""Edit → Classes… told two spellings of one class apart by `label_key` alone, which makes "KIR" "kir": with
"k\u0131r" (dotless i) listed, Add "KIR" made a second class that petloc train and the Retrain dialog refuse
as the same one (`core.label_variants.same_class`: Turkish I/\u0131 pairs are one class). Refused now."""

from __future__ import annotations

from petloc_gui.app.class_list import read_classes

from .conftest import open_and_wait

DOTLESS = "k\u0131r"  # Turkish, dotless i


def _editor(window):
    from petloc_gui.ui.review.class_editor import ClassEditor

    return ClassEditor(window.session, window.edits, lambda: ("cat", "dog"), host=window)


def test_a_turkish_capital_is_the_listed_class_typed_another_way(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    editor = _editor(window)
    assert editor.add(DOTLESS).startswith(f"Added {DOTLESS}.")
    text = editor.add("KIR")
    assert "typed another way" in text and "nothing changed" in text
    assert "KIR" not in editor.names() and "KIR" not in read_classes(folder)


def test_a_rename_into_a_turkish_spelling_is_refused(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    editor = _editor(window)
    editor.add(DOTLESS)
    editor.add("hamster")
    text = editor.rename("hamster", "KIR")
    assert "typed another way" in text and "KIR" not in read_classes(folder)
