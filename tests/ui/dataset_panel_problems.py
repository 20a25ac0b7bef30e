"""The Dataset panel opened on the test folder, its one problem said in the summary and its list shown."""

from __future__ import annotations

from .conftest import open_and_wait


def panel_listing_one_problem(qtbot, window, folder):
    """The Dataset panel of ``folder``, its summary saying "1 problem" and that link followed: the panel."""
    open_and_wait(qtbot, window, folder)
    window.act["dataset_panel"].trigger()
    panel = window.dataset_panel
    qtbot.waitUntil(lambda: panel.stats is not None, timeout=10_000)
    assert '<a href="#problems">1 problem</a>' in panel.summary.text()
    panel.summary.linkActivated.emit("#problems")
    return panel
