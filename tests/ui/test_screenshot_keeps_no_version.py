"""`petloc-gui --screenshot OUT --model <a version not kept or discarded yet>` leaves that version undecided.

The run recorded it kept once it loaded (`for_folder` makes the --model pick a `PendingPick(picked=True)`, and
`keep_picked` erased version.json's "decided": false), as a pick in the window does: a script's or the gallery's
screenshot changed the model store, and the version the user had yet to choose for was no longer listed "not
kept or discarded yet". A screenshot run changes nothing there, as it keeps no settings (93262040)."""

from __future__ import annotations

import pytest

from petloc_gui.model.versions import VersionStore
from tests.model_files import fake_bundle

from .conftest import PRED, FakeFactory


@pytest.mark.parametrize("named", ["store name", "path"])
def test_a_screenshot_run_leaves_its_model_version_undecided(qtbot, folder, tmp_path, monkeypatch, named):
    from petloc_gui.ui import app, main_window

    store = VersionStore()
    staging = store.new_staging_dir("pets")
    fake_bundle(staging, ["cat", "dog"], preset="pets")
    version = store.commit(staging, decided=False)  # as the window commits its new model before Use / Discard
    spec = f"pets/{version.id}" if named == "store name" else str(version.path)
    loaded = FakeFactory(dict(PRED))
    monkeypatch.setattr(main_window, "load_model_handle", loaded)

    assert app.main([str(folder), "--model", spec, "--screenshot", str(tmp_path / "shot.png"), "--timeout", "60"]) == 0

    assert (tmp_path / "shot.png").is_file()
    assert VersionStore().get(version.id).undecided  # still to choose for: listed "not kept or discarded yet"
