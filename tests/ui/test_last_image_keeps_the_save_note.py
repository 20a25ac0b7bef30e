"""D on the list's last image saves it (autosave), then says it is the last: that line replaced at once the
note its own save had just given for 15 s ("e.xml: saved; removed what other tools would have acted on:
…"), which any other D leaves in view. The note stays now, the end of the list said after it."""

from __future__ import annotations

from .conftest import open_and_wait

NOTE = "e.xml: saved; removed what other tools would have acted on: processing instruction"


def _last_with_a_processing_instruction(qtbot, window, folder) -> None:
    xml = folder / "e.xml"
    xml.write_text(xml.read_text().replace("<annotation", "<?petloc-test keep?>\n<annotation", 1))
    open_and_wait(qtbot, window, folder)
    window.act["autosave"].setChecked(True)
    window.show_row(window.file_dock.last_visible_row())
    window.accept_prediction()


def test_d_on_the_last_image_keeps_its_saves_note(qtbot, window, folder):
    _last_with_a_processing_instruction(qtbot, window, folder)
    window.act["next_image"].trigger()  # D: nothing after it
    assert not window.has_unsaved()
    message = window.statusBar().currentMessage()
    assert message.startswith(NOTE), message
    assert message.endswith(" Last image of the list."), message


def test_a_d_that_moves_keeps_the_same_note(qtbot, window, folder):
    _last_with_a_processing_instruction(qtbot, window, folder)
    window.act["prev_image"].trigger()  # Shift+D: a move, as the note's usual place
    assert window.statusBar().currentMessage().startswith(NOTE)
