"""On Windows the per-user data (model versions, the demo dataset, folder_models.json) and the cache are in
%LOCALAPPDATA%\\petloc, where Qt's AppLocalDataLocation is: not AppDataLocation's AppData\\Roaming, which a
roaming profile copies to a server at every sign-out (core.paths says why)."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core import paths


def test_windows_keeps_petloc_s_data_and_cache_in_local_app_data(tmp_path, monkeypatch):
    monkeypatch.delenv("PETLOC_DATA_DIR", raising=False)
    monkeypatch.delenv("PETLOC_CACHE_DIR", raising=False)
    monkeypatch.setattr(paths.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert paths.user_data_dir() == Path(tmp_path / "Local" / "petloc")
    assert paths.user_cache_dir() == Path(tmp_path / "Local" / "petloc" / "cache")
