"""Save all stopped by Cancel in "Changed by another program": at scale 1.5 (911 px wide) the status line, elided in
its middle, cut out the very name the message is about ("…(you cancelled at Abyssini….xml)…"; after F5, with the
notes of the images answered before it joined in, "…cancelled at Abyssi…ow; Ctrl+Z…"). The name now comes first,
and those notes are messages of their own, before it (Help → Recent messages keeps them)."""

from __future__ import annotations

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.ui.review import save_guard

from .conftest import open_and_wait, write_annotation, write_image

NAMES = ("Abyssinian_201.png", "american_pit_bull_terrier_187.png", "Birman_115.png")
WIDTH, HEIGHT = 911, 512  # QT_SCALE_FACTOR=1.5 on a 1366 x 768 screen, in logical px


def _save_all(window) -> bool:
    return window.save_all()


def _f5_with_autosave(window) -> bool:
    window.act["autosave"].setChecked(True)  # (only now: moving between the images would have saved them)
    try:
        return window.guard.confirm_leave(reload=True)
    finally:
        window.act["autosave"].setChecked(False)


@pytest.mark.parametrize("save", [_save_all, _f5_with_autosave], ids=["Save all", "F5 with autosave on"])
def test_the_cancelled_name_is_read_on_the_elided_status_line(qtbot, window, tmp_path, monkeypatch, save):
    folder = tmp_path / "pets"
    folder.mkdir()
    for seed, name in enumerate(NAMES):
        write_image(folder / name, seed=seed)
        write_annotation(folder / name, [("cat", Box(10, 10, 50, 50))])
    open_and_wait(qtbot, window, folder)
    window.resize(WIDTH, HEIGHT)
    qtbot.waitUntil(lambda: window.width() <= WIDTH)
    rows = {name: row for row, name in enumerate(window.session.model.names)}
    for name in NAMES:  # each edited, then rewritten by another program (a git pull)
        window.show_row(rows[name])
        window.edits.set_label("dog")
    window.session.watchers.disk.stop()  # the save finds the changes itself
    for name in NAMES:
        write_annotation(folder / name, [("cat", Box(10, 10, 50, 50)), ("bird", Box(60, 5, 100, 40))])
    asked: list[str] = []
    answers = iter([save_guard.TAKE_THEIRS, save_guard.CANCEL])
    monkeypatch.setattr(window.guard, "ask_conflict", lambda doc: asked.append(doc.annotation_path.name)
                        or next(answers))

    assert not save(window)

    assert len(asked) == 2  # theirs taken at the first, cancelled at the second
    taken, cancelled = asked
    bar = window.statusBar()
    message, shown = bar.currentMessage(), bar.shown_text()
    assert bar.is_elided()  # (the width the reviewer had: the line is cut in its middle)
    assert message.startswith(cancelled) and shown.startswith(cancelled), shown
    assert "Save all stopped" in shown
    # the note of the image answered Take theirs: a message of its own, before it, not joined into it
    assert taken not in message and "Help → Recent messages" in message
    said = [entry.text for entry in bar.message_log.said()]
    assert said[0] == message
    assert said[1].startswith(f"{taken}: the version on disk is shown"), said
