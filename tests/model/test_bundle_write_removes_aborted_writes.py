"""`petloc train` aborted while its bundle was written (a second Ctrl+C, a SIGTERM: the process ends at once)
left the bundle's temporary folder, a partial model.keras, in --out until the day-old sweep. The next bundle
written there removes it, once its writer has ended; a write still going (this process's) is kept, and so
is every finished bundle."""

from __future__ import annotations

import os

from petloc_gui.model.bundle_write import save_bundle

from .aborted_bundle_write import aborted_write
from .bundle_killed_saves import SavedModel, killed_while_writing


def test_the_next_save_removes_an_aborted_write_and_keeps_the_rest(tmp_path):
    out = tmp_path / "models"
    finished = save_bundle(SavedModel(), {"preset": "digits"}, out / "digits-a")
    finished_files = {name: (finished / name).read_bytes() for name in os.listdir(finished)}
    abandoned = aborted_write(out / "digits-b")
    killed_while_writing(out / "digits-c")  # this process: a writer still alive
    (live,) = [name for name in os.listdir(out) if name.startswith(".digits-c.")]

    save_bundle(SavedModel(), {"preset": "digits"}, out / "digits-d")

    assert not abandoned.exists()
    assert (out / live / "model.keras").is_file()
    assert {name: (finished / name).read_bytes() for name in os.listdir(finished)} == finished_files
    assert (out / "digits-d" / "model.keras").is_file()
