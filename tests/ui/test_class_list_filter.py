"""Edit → Classes… with 120 classes, DOG_1, Dog and dog among them: the list had no filter, and its
type-ahead (QListWidget's own, a case-blind prefix search) took a typed "Dog" to DOG_1, so F2 and a
rename to "dog" merged DOG_1's boxes into dog when the user meant Dog. A filter field above the list now
narrows it as the user types (case and Unicode form ignored, as the image search), making current the
class typed in its exact case; Esc clears it; the buttons act on the class selected among those shown;
the list's type-ahead prefers a name starting with the typed text in its exact case."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from .class_list_standins import EditedClasses, shown_class_list

VARIANTS = ["DOG_1", "Dog", "dog"]


def _names() -> list[str]:
    # the three spellings far down a long list (a folder of 120 classes), after other names starting "d"
    others = [f"breed_{number:03d}" for number in range(115)]
    return [*others[:40], "dachshund", "dalmatian", *others[40:], *VARIANTS]


def _shown(dialog) -> list[str]:
    return [dialog.list.item(row).data(Qt.UserRole) for row in range(dialog.list.count())
            if not dialog.list.item(row).isHidden()]


def _keys(dialog) -> list[str]:
    return [dialog.list.item(row).text() for row in range(dialog.list.count())]


@pytest.fixture
def dialog(qtbot):
    names = _names()
    assert len(names) == 120 and names[-3:] == VARIANTS
    dialog = shown_class_list(qtbot, EditedClasses(names))
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    return dialog


def test_typing_in_the_filter_shows_only_matches_and_selects_the_exact_case(qtbot, dialog):
    keys_before = _keys(dialog)
    qtbot.waitUntil(dialog.filter.hasFocus, timeout=5000)  # typed at once, as the dialog opens
    qtbot.keyClicks(dialog.filter, "Dog")
    assert _shown(dialog) == VARIANTS  # case ignored: DOG_1 and dog are shown too, nothing else
    assert dialog.current() == "Dog"  # the one typed in its case, not the first shown (DOG_1)
    assert dialog.rename_button.isEnabled()
    assert _keys(dialog) == keys_before  # the number keys and their "key N" stay those of the whole list
    qtbot.keyClick(dialog.filter, Qt.Key_Escape)
    assert dialog.filter.text() == "" and _shown(dialog) == dialog.names() and len(_shown(dialog)) == 120
    assert dialog.current() == "Dog" and dialog.isVisible()  # Esc cleared the filter, not the dialog


def test_the_filter_ignores_unicode_form_and_says_so_when_nothing_matches(qtbot):
    dialog = shown_class_list(qtbot, EditedClasses(["cafe\u0301_cat", "dog", "Café_dog"]))
    dialog.filter.setText("CAFÉ")  # composed, the names decomposed or composed
    assert _shown(dialog) == ["cafe\u0301_cat", "Café_dog"]
    dialog.filter.setText("owl")
    assert _shown(dialog) == [] and dialog.current() is None
    assert not dialog.rename_button.isEnabled() and not dialog.delete_button.isEnabled()
    dialog._delete()  # nothing shown, nothing deleted
    assert dialog.names() == ["cafe\u0301_cat", "dog", "Café_dog"]


def test_f2_from_the_filter_renames_the_selected_class_shown(qtbot, dialog, monkeypatch):
    asked, merged = [], []
    monkeypatch.setattr(dialog, "_ask_text", lambda title, label, text="": asked.append(label) or ("dog", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: merged.append(args[2]) or QMessageBox.Yes)
    qtbot.keyClicks(dialog.filter, "Dog")
    qtbot.keyClick(dialog.filter, Qt.Key_F2)
    assert asked == ["New name for Dog:"]
    assert "every box labelled Dog becomes dog" in merged[0]  # not DOG_1
    assert "DOG_1" in dialog.names() and "Dog" not in dialog.names()
    assert dialog.current() == "dog" and dialog.filter.text() == "Dog"  # "dog" holds it: the filter is kept


def test_the_buttons_act_on_the_class_chosen_among_those_shown(qtbot, dialog, monkeypatch):
    asked = []
    monkeypatch.setattr(dialog, "_ask_text", lambda title, label, text="": asked.append(label) or ("puppy", True))
    dialog.filter.setText("dog")
    assert dialog.current() == "dog"
    qtbot.keyClick(dialog.filter, Qt.Key_Up)  # chosen from the filter, among the classes shown
    assert dialog.current() == "Dog"
    dialog.rename_button.click()
    assert asked == ["New name for Dog:"] and "puppy" in dialog.names() and "Dog" not in dialog.names()
    # renamed out of the filter's reach: shown and selected, the filter cleared
    assert dialog.current() == "puppy" and dialog.filter.text() == "" and "puppy" in _shown(dialog)
    dialog.filter.setText("dog")
    dialog.list.setCurrentRow(dialog.names().index("DOG_1"))
    dialog.delete_button.click()
    assert "DOG_1" not in dialog.names() and dialog.current() == "dog"  # the next shown, the filter kept
    assert _shown(dialog) == ["dog"]


def test_ctrl_f_and_tab_go_filter_list_buttons(qtbot, dialog):
    dialog.close_button.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(dialog.close_button.hasFocus, timeout=5000)
    qtbot.keyClick(dialog.close_button, Qt.Key_F, Qt.ControlModifier)
    assert QApplication.focusWidget() is dialog.filter
    order = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [dialog.list, dialog.add_button, dialog.rename_button, dialog.delete_button,
                     dialog.close_button]


def test_enter_in_the_filter_gives_the_keyboard_to_the_list_and_esc_there_clears(qtbot, dialog):
    qtbot.keyClicks(dialog.filter, "Dog")
    qtbot.keyClick(dialog.filter, Qt.Key_Return)
    qtbot.waitUntil(dialog.list.hasFocus, timeout=5000)
    assert dialog.current() == "Dog" and dialog.isVisible()
    qtbot.keyClick(dialog.list, Qt.Key_Escape)
    assert dialog.filter.text() == "" and len(_shown(dialog)) == 120 and dialog.isVisible()
    qtbot.keyClick(dialog.list, Qt.Key_Escape)  # no filter: Esc closes the dialog, as before
    assert not dialog.isVisible()


def test_the_lists_type_ahead_prefers_the_exact_case(qtbot, dialog):
    dialog.list.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(dialog.list.hasFocus, timeout=5000)
    dialog.list.setCurrentRow(0)
    qtbot.keyClicks(dialog.list, "Dog")
    assert dialog.current() == "Dog"
    qtbot.wait(QApplication.keyboardInputInterval() + 100)  # a new search
    qtbot.keyClicks(dialog.list, "dog")
    assert dialog.current() == "dog"
    qtbot.wait(QApplication.keyboardInputInterval() + 100)
    qtbot.keyClicks(dialog.list, "DOG")
    assert dialog.current() == "DOG_1"
    qtbot.wait(QApplication.keyboardInputInterval() + 100)
    dialog.filter.setText("mat")  # the type-ahead passes over the classes the filter hides (dog, after it)
    dialog.list.setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(dialog.list, "d")
    assert dialog.current() == "dalmatian"
