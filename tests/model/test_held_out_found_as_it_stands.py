"""The held-out images counted found here (`TrainedHere.measured_found`) are those the check takes as standing for
them (`held_out_here.held_out_standing`, whose annotations a save's check reads): one rule, worked out once. An image
at its recorded path that could not be read stood for the held-out image (no longer looked for elsewhere, its
annotation kept) while `reboxed_since` worked "at its path" out again and left it out as not here, so the window
said its figures were measured in another folder."""

from __future__ import annotations

import shutil

from petloc_gui.model import bundle as bundle_module
from petloc_gui.model.trained_here import check_trained_here, reboxed_again

from .trained_here_folders import VALIDATION, bundle, training_folder


def test_an_unreadable_held_out_image_at_its_path_is_found_as_it_stands(tmp_path, monkeypatch):
    source = training_folder(tmp_path, boxed=True)
    model = bundle(tmp_path, source)
    copy = tmp_path / "copy"
    shutil.copytree(source, copy)
    unreadable = str(copy / VALIDATION[0])
    real = bundle_module.sha256_or_none
    # root reads a chmod 000 file: unreadable as a share's hiccup leaves it
    monkeypatch.setattr(bundle_module, "sha256_or_none",
                        lambda path: None if str(path) == unreadable else real(path))
    images = [(str(image), str(image.with_suffix(".xml"))) for image in sorted(copy.glob("*.png"))]
    *_, answer = check_trained_here(model, copy, images, {}, "validation")
    assert answer.held_out is not None and set(answer.held_out.standing) == set(VALIDATION)
    assert (answer.measured, answer.measured_found, answer.training_folder) == (1, 1, "")
    assert (answer.measured_here, answer.measured_changed) == (0, 0)  # its bytes not known: nothing said of them
    *_, again = reboxed_again(model, copy, answer)
    assert (again.measured_found, again.measured_here, again.reboxed) == (1, 0, 0)


def test_a_save_s_check_keeps_an_image_changed_in_place_apart(tmp_path):
    """`reboxed_again` is told which images changed at their path by the check's answer (`HeldOut.changed`), not by
    working it out again: an image re-saved in place is never said re-boxed (its annotation is not its run's)."""
    source = training_folder(tmp_path, boxed=True)
    model = bundle(tmp_path, source)
    copy = tmp_path / "copy"
    shutil.copytree(source, copy)
    with (copy / VALIDATION[0]).open("ab") as image:
        image.write(b"\0")  # re-saved in place: other bytes
    xml = (copy / VALIDATION[0]).with_suffix(".xml")
    images = [(str(image), str(image.with_suffix(".xml"))) for image in sorted(copy.glob("*.png"))]
    *_, answer = check_trained_here(model, copy, images, {}, "validation")
    assert answer.held_out is not None and answer.held_out.changed == frozenset(VALIDATION)
    boxes = xml.read_text(encoding="utf-8")
    assert "<name>cat</name>" in boxes
    xml.write_text(boxes.replace("<name>cat</name>", "<name>dog</name>"), encoding="utf-8")  # re-boxed as well
    *_, again = reboxed_again(model, copy, answer)
    assert (again.measured_found, again.measured_changed, again.reboxed) == (1, 1, 0)
