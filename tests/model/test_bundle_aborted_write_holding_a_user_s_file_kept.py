"""The next bundle save removed an aborted write's temporary folder on its name alone, whatever it held: a
file a user had put in it (or a folder of another program's that happened to have the name) went with it.
It is removed only when it holds nothing but what a bundle save writes, as the day-old sweep removes one."""

from __future__ import annotations

from petloc_gui.model.bundle_write import save_bundle

from .aborted_bundle_write import aborted_write
from .bundle_killed_saves import SavedModel


def test_an_aborted_write_holding_a_user_s_file_is_kept(tmp_path):
    out = tmp_path / "models"
    plain = aborted_write(out / "digits-a")
    (plain / ".meta.json.abcd1234.tmp").write_text("{")  # what an atomic write of meta.json leaves when killed
    holding = aborted_write(out / "digits-b")
    (holding / "notes.txt").write_text("mine")

    save_bundle(SavedModel(), {"preset": "digits"}, out / "digits-c")

    assert not plain.exists()
    assert (holding / "notes.txt").read_text() == "mine" and (holding / "model.keras").is_file()
