"""A save the user asks for drops the Label box's typing not applied with Enter through the guard's host
(`SaveHost.drop_typing`). The guard looked for the box itself among its parent's children
(``findChildren(LabelBox)``): a guard whose message-box parent was not the window dropped nothing."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QWidget

from petloc_gui.ui.review.save_guard import SaveGuard

TYPED = "Typed label 'dgo' not applied: press Enter in the Label box to apply it"


class Host:
    def __init__(self) -> None:
        self.session = SimpleNamespace(store=SimpleNamespace(document=lambda row: None))
        self.dropped = 0
        self.said: list[tuple[str, int]] = []

    def autosave(self) -> bool:
        return False

    def saved(self, row: int) -> None:
        raise AssertionError("nothing to save")

    def refresh_modified(self) -> None:
        pass

    def show_status(self, text: str, ms: int) -> None:
        self.said.append((text, ms))

    def drop_typing(self) -> str:
        self.dropped += 1
        return TYPED


def test_a_save_asked_for_drops_the_typing_and_says_so(qtbot):
    parent = QWidget()  # no Label box among its children: the host is asked
    qtbot.addWidget(parent)
    host = Host()
    assert SaveGuard(host, parent).save_rows([])
    assert host.dropped == 1
    assert host.said == [(TYPED, 10000)]


def test_an_autosave_leaves_the_typing_alone(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    host = Host()
    assert SaveGuard(host, parent).save_rows([], quiet=True)
    assert host.dropped == 0 and host.said == []
