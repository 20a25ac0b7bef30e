"""A held A let go is A no longer held: the key watch read a press the system marked as a repeat as "held" until
the key's next press, so Edit → Accept prediction chosen with the mouse within the guard's seconds after A was
held on a person's box did nothing (the status line kept "press A again…"). Ctrl+D had its own mend in a
subclass, with its own application-wide event filter beside A's: one watch of both keys now."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from petloc_gui.ui.editing.accept_guard import ASK_AGAIN, REPLACED, KeyReleaseWatch

from .conftest import GT, PRED, open_and_wait
from .test_accept_asks_before_replacing import _boxes

B = 1  # b.png: a person's dog at 10,10,40,40; the model says dog at 70,50,110,85


def _key(window, kind: QEvent.Type, repeat: bool, key=Qt.Key_A) -> None:
    QApplication.sendEvent(window.panel.gt_pane, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, "", repeat))


def test_the_menus_accept_after_a_held_a_is_let_go_replaces(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    window.show_row(B)
    window.focus_canvas()
    _key(window, QEvent.KeyPress, False)  # the first press asks
    for _ in range(3):  # the system's marked repeats confirm nothing
        _key(window, QEvent.KeyRelease, True)
        _key(window, QEvent.KeyPress, True)
    _key(window, QEvent.KeyRelease, False)  # let go
    assert _boxes(window, B) == GT["b.png"]
    assert window.statusBar().currentMessage() == ASK_AGAIN
    window.act["accept"].trigger()  # Edit → Accept prediction, with the mouse, within the guard's seconds
    assert _boxes(window, B) == [("dog", PRED["b.png"].box)]
    assert window.statusBar().currentMessage() == REPLACED


def test_a_watch_reads_a_key_held_only_while_it_is_down():
    watch = KeyReleaseWatch()
    press, release = (QKeyEvent(kind, Qt.Key_D, Qt.KeyboardModifier.NoModifier, "", True)
                      for kind in (QEvent.KeyPress, QEvent.KeyRelease))
    watch.eventFilter(None, press)  # marked a repeat: held
    assert watch.held(Qt.Key_D) and not watch.held(Qt.Key_A)
    watch.eventFilter(None, release)
    assert not watch.held(Qt.Key_D)


def test_one_application_filter_watches_both_keys(qtbot, window, folder):
    open_and_wait(qtbot, window, folder)
    filtering: set[int] = set()  # the key watches' event filters that ran, by their object

    def noted(frame, event, _arg):
        if event == "call" and frame.f_code.co_name == "eventFilter" and isinstance(frame.f_locals.get("self"),
                                                                                      KeyReleaseWatch):
            filtering.add(id(frame.f_locals["self"]))

    sys.setprofile(noted)  # (Qt calls the filters: a patched method would not be seen once Qt has looked it up)
    try:
        for row in (1, 2, 1):
            window.show_row(row)
            qtbot.wait(20)
        _key(window, QEvent.KeyPress, False, Qt.Key_D)
        _key(window, QEvent.KeyRelease, False, Qt.Key_D)
    finally:
        sys.setprofile(None)
    assert len(filtering) == 1  # one Python filter on every event of the application, not one per key
