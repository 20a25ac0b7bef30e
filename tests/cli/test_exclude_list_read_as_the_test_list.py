"""`petloc train --exclude-list FILE` reads its list as the window's Retrain reads a folder's test list: one
reader (`core.listed_images.read_list_lines`), the same words.

Before: the window warned of a test list whose lines are not UTF-8 ("café" in Latin-1), while `petloc train
--exclude-list` replaced those bytes with no word of why: "'caf\ufffd' matches no image; ignored", and café
was trained on; and `petloc train` counted a list's lines without its blank ones, so "line 2" was the third.
"""

from __future__ import annotations

from petloc_gui.cli.exclude_list import resolve_exclude_list
from petloc_gui.model.layout_test_split import layout_test_holdout
from tests.cli.helpers import voc_xml, write_image
from tests.model.devkit_test_lists import devkit_listing_c_and_g

NOT_UTF8 = ("is not UTF-8 text (line 2): an entry there names no image and that image is trained on; save the list "
            "as UTF-8")


def test_an_exclude_list_not_in_utf8_is_warned_of_in_the_test_lists_words(tmp_path, capsys):
    root = devkit_listing_c_and_g(tmp_path)
    write_image(root / "JPEGImages" / "café.jpg", 40, 30, color=(1, 2, 3))
    (root / "Annotations" / "café.xml").write_text(voc_xml("café.jpg", 40, 30, [("cat", (1, 1, 20, 20))]),
                                                   encoding="utf-8")
    listing = root / "ImageSets" / "Main" / "test.txt"
    listing.write_bytes("c\ncafé\n".encode("latin-1"))
    assert layout_test_holdout(root).problems == (NOT_UTF8,)
    assert resolve_exclude_list(root, listing) == [str(root / "JPEGImages" / "c.jpg")]
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"petloc: warning: {listing} {NOT_UTF8}"
    assert err[1:] == [f"petloc: {listing}: 'caf\ufffd' matches no image in {root}; ignored"]


def test_an_entrys_line_is_counted_as_an_editor_counts_it(tmp_path, capsys):
    root = devkit_listing_c_and_g(tmp_path)
    listing = tmp_path / "exclude.txt"
    listing.write_text("c\n\n# blank above\nDAY/G\n", encoding="utf-8")
    assert resolve_exclude_list(root, listing) == [str(root / "JPEGImages" / name) for name in ("c.jpg", "day/g.jpg")]
    assert capsys.readouterr().err == (f"petloc: {listing}: line 4: 'DAY/G' taken as 'day/g', the name it differs "
                                       "from only in case\n")
