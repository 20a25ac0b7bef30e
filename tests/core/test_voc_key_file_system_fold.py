"""`petloc convert --to voc`'s key for the file an image's annotation goes to: names a file system
holds as one (case, Unicode form) share one; names none does (``Straße`` / ``Strasse``) do not,
as `core.annotation_names.folded` pairs images with annotations."""

from petloc_gui.core.interop.voc_out import voc_key


def test_names_one_file_system_file_share_a_key() -> None:
    assert voc_key("Cat.JPG") == voc_key("cat.jpg")
    assert voc_key("Cafe\u0301.jpg") == voc_key("Caf\u00e9.jpg")  # macOS NFD, another tool's NFC


def test_full_case_folding_does_not_join_names() -> None:
    assert voc_key("Stra\u00dfe_1.jpg") != voc_key("Strasse_1.jpg")
    assert voc_key("\ufb01sch.png") != voc_key("fisch.png")
