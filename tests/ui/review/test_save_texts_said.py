"""The save guard's words (`save_texts`) as the user reads them, held still while their building is tidied: the
count of images saved or not in the number it takes ("1 image", "2 images"), and the status line of a folder kept
open after a conflict answered on leaving, which names how it was being left ("closed", "read again")."""

from __future__ import annotations

import pytest

from petloc_gui.ui.review.save_texts import failed_text, kept_open_text, unsaved_text


@pytest.mark.parametrize(("saved", "said"), [(1, "Saved 1 image. "), (2, "Saved 2 images. "), (0, "")])
def test_a_failed_save_counts_what_was_saved_meanwhile(saved, said):
    text = failed_text(["a.xml: disk full"], saved, ["a.png"])
    assert text == f"{said}a.xml: disk full\n\nYour edits are kept in memory; fix the problem and save again."


@pytest.mark.parametrize(("names", "said"), [(["a.png"], "1 image, which still has"),
                                             (["a.png", "b.png"], "2 images, which still have")])
def test_autosave_counts_the_images_it_could_not_save(names, said):
    text = unsaved_text(names, autosave_failures=[])
    assert text.startswith(f"Autosave could not save {said} unsaved changes:\n"), text


@pytest.mark.parametrize(("reload", "autosave", "said"), [
    (False, False, "The folder is not closed, so that you can check it first; leaving it again asks about"),
    (True, False, "The folder is not read again, so that you can check it first; reading it again asks about"),
    (True, True, "The folder is not read again, so that you can check it first; reading it again saves")])
def test_a_folder_kept_open_after_a_conflict_says_how_it_was_being_left(reload, autosave, said):
    text = kept_open_text(["a.xml: the version on disk is shown; Ctrl+Z brings your edits back."], reload, autosave,
                          ["b.xml: disk full", "c.xml: disk full"])
    assert text == (f"a.xml: the version on disk is shown; Ctrl+Z brings your edits back. {said} what is still "
                    "unsaved (and ends Ctrl+Z). Not saved either: b.xml: disk full (and 1 more)")


@pytest.mark.parametrize(("reload", "then"), [(False, "closed"), (True, "read again")])
def test_the_question_on_leaving_says_how_the_folder_is_left(reload, then):
    assert unsaved_text(["a.png"], reload=reload).endswith(f"Save them before the folder is {then}?")
