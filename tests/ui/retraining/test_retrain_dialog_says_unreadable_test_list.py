"""The Retrain dialog says a folder's test list it cannot read whole, in the run's words: it held nothing (or
less than the list names) out, and said "figures on them stay test figures" or nothing."""

from __future__ import annotations

from petloc_gui.ui.training.retrain_holdout_preview import holdout_preview_for
from petloc_gui.ui.training.retrain_summary import held_out_summary
from tests.model.devkit_test_lists import devkit_listing_c_and_g, listing_made_a_folder


def test_the_dialog_says_the_list_cannot_be_read(tmp_path):
    root = devkit_listing_c_and_g(tmp_path)
    listing_made_a_folder(root)
    preview = holdout_preview_for(root)
    assert preview is not None
    assert held_out_summary(preview(0.25), False, True).endswith(
        " The folder's test list (ImageSets/Main/test.txt) cannot be read (Is a directory): this run holds none of "
        "it out, so no figure on its images is a test figure.")


def test_the_dialog_says_lines_not_in_utf8_after_the_images_held_out(tmp_path):
    root = devkit_listing_c_and_g(tmp_path)
    (root / "ImageSets" / "Main" / "test.txt").write_bytes(b"c\nday/g\ncaf\xe9\n")
    preview = holdout_preview_for(root)
    assert preview is not None
    note = preview(0.25).layout_test_note()
    assert note.startswith("2 annotated images are on the folder's test list")
    assert note.endswith(". But the folder's test list (ImageSets/Main/test.txt) is not UTF-8 text (line 3): an "
                         "entry there names no image and that image is trained on; save the list as UTF-8")
