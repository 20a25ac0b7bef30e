"""Model → Versions: a bundled model that fails with an exception with no message said "cannot be used: "."""

from __future__ import annotations


def test_a_bundled_model_that_fails_without_a_message_says_what_failed(monkeypatch):
    from petloc_gui.model import bundle
    from petloc_gui.ui.models import model_versions_menu

    def fails(name):
        raise PermissionError()

    monkeypatch.setattr(bundle, "resolve_model", fails)
    text, tip, path = model_versions_menu._bundled_entry("pets")
    assert path is None and text.endswith("cannot be used: PermissionError") and tip == "PermissionError"
