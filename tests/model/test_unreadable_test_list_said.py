"""A folder's test list the window's run cannot read whole is said, by the run and by the Retrain dialog.

Before: a test.txt that was a folder, or could not be opened, held nothing out, and one in Latin-1 naming
"café" did not hold café out: trained on, with no word said (the index noted "cannot read" as one of its
problems, and the run and the dialog read none).
"""

from __future__ import annotations

from petloc_gui.model.window_holdout import window_holdout
from tests.cli.helpers import voc_xml, write_image
from tests.model.devkit_test_lists import devkit_listing_c_and_g, listing_made_a_folder


def test_a_test_list_that_cannot_be_read_is_warned_of(tmp_path):
    root = devkit_listing_c_and_g(tmp_path)
    listing_made_a_folder(root)
    held = window_holdout(root)
    assert held.exclude == []
    assert held.notices == ["warning: the folder's test list (ImageSets/Main/test.txt) cannot be read (Is a "
                            "directory): this run holds none of it out, so no figure on its images is a test figure"]


def test_a_test_list_not_in_utf8_is_warned_of(tmp_path):
    root = devkit_listing_c_and_g(tmp_path)
    write_image(root / "JPEGImages" / "café.jpg", 40, 30, color=(1, 2, 3))
    (root / "Annotations" / "café.xml").write_text(voc_xml("café.jpg", 40, 30, [("cat", (1, 1, 20, 20))]),
                                                   encoding="utf-8")
    (root / "ImageSets" / "Main" / "test.txt").write_bytes("c\ncafé\n".encode("latin-1"))
    held = window_holdout(root)
    assert held.notices[0] == ("warning: the folder's test list (ImageSets/Main/test.txt) is not UTF-8 text (line "
                               "2): an entry there names no image and that image is trained on; save the list as "
                               "UTF-8")
