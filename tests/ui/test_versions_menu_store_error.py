"""Model → Versions opens, with the bundled models and the error, whatever listing the store raises.

Before: only OSError was caught, so an AttributeError from one odd version's model file stopped the
menu from being built, and with it the main window.
"""

from __future__ import annotations

from petloc_gui.model.versions import VersionStore
from petloc_gui.ui.models.model_versions_menu import UNUSABLE, VersionsMenu


class _OddStore(VersionStore):
    def scan(self, preset=None):
        raise AttributeError("'list' object has no attribute 'get'")


def test_the_menu_opens_when_listing_the_store_raises(qapp, tmp_path):
    menu = VersionsMenu(_OddStore(tmp_path / "models"), lambda: "digits")
    assert len(menu.bundled_actions()) == 2
    [entry] = menu.unusable_actions()
    assert entry.data() == f"{UNUSABLE}{tmp_path / 'models'}"
    assert "cannot be listed: 'list' object has no attribute 'get'" in entry.toolTip()


class _SilentStore(VersionStore):
    def scan(self, preset=None):
        raise EOFError()


def test_an_error_with_no_message_is_named(qapp, tmp_path):
    """Before: "cannot be listed: " with nothing after it (an exception is always truthy)."""
    [entry] = VersionsMenu(_SilentStore(tmp_path / "models"), lambda: "digits").unusable_actions()
    assert "cannot be listed: EOFError" in entry.toolTip()
