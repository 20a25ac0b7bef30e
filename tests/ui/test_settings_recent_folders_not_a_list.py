"""A settings file whose recent_folders holds one number (a hand edit: Qt's @Variant form is valid INI, so
it is no damage) is read as no recent folders, not a crash: ``Settings.recent_folders`` iterated the int,
and the window (Open recent is built as it opens) did not start."""

from petloc_gui.ui.settings import Settings


def test_a_number_for_recent_folders_reads_as_none_and_the_rest_is_kept(tmp_path):
    path = tmp_path / "petloc.conf"
    path.write_bytes(b"[General]\nrecent_folders=@Variant(\\0\\0\\0\\x2\\0\\0\\0\\x5)\nlast_folder=/photos\n")
    settings = Settings(str(path))
    assert settings.damaged_note == ""  # (valid INI: not kept aside)
    assert settings.recent_folders == []
    assert settings.last_folder == "/photos"
    settings.add_recent_folder("/pets")
    assert settings.recent_folders == ["/pets"]
