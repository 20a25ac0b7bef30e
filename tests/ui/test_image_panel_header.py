"""The header over the panes keeps its height from one image to the next in a narrow window."""

from __future__ import annotations

from types import SimpleNamespace

from petloc_gui.ui.canvas.image_panel import ImagePanel

LONG = ("<b>Abyssinian_100.jpg</b> &nbsp;·&nbsp; GT: <b>cat</b> &nbsp;·&nbsp; Prediction: <b>cat</b> (1.00)"
        " &nbsp;·&nbsp; IoU <b>0.89</b> &nbsp;·&nbsp; labels agree &nbsp;·&nbsp; ● unsaved")
SHORT = "<b>a.jpg</b> &nbsp;·&nbsp; GT: <i>none</i>"


def _shown_panel(qtbot, width: int) -> ImagePanel:
    panel = ImagePanel()
    qtbot.addWidget(panel)
    panel.resize(width, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_panes_do_not_move_when_a_shorter_header_follows_a_longer_one(qtbot):
    panel = _shown_panel(qtbot, 420)
    panel._set_header(LONG)  # no image yet, or its prediction pending ("Loading model…"): it keeps no room
    qtbot.wait(20)
    panel._set_header(SHORT)
    qtbot.wait(20)
    short_top = panel.splitter.y()
    panel._doc = SimpleNamespace()  # an image is shown from now on, with its prediction: these are its headers
    panel._prediction = SimpleNamespace()
    panel._set_header(LONG)  # wraps at this width
    qtbot.wait(20)
    long_top = panel.splitter.y()
    assert long_top > short_top  # the message that wrapped before kept nothing
    panel._set_header(SHORT)
    qtbot.wait(20)
    assert panel.splitter.y() == long_top  # kept: the image under it stays where it was
    panel._set_header("<b>error:</b> " + "a very long message " * 30)  # far longer: it takes its room
    qtbot.wait(20)
    panel._set_header(SHORT)
    qtbot.wait(20)
    assert panel.splitter.y() == long_top  # back to at most two lines' room, not the error's
    panel.resize(1400, 400)  # wide: one line is enough again
    qtbot.wait(20)
    assert panel.splitter.y() == short_top


def test_a_narrow_window_shares_its_width_between_the_two_panes(qtbot):
    panel = _shown_panel(qtbot, 900)
    panel.resize(260, 400)  # as at the window's narrowest
    qtbot.wait(20)
    left, right = (panel.splitter.widget(i).width() for i in range(2))
    # the ground truth title's text held its pane wide and squeezed the prediction's
    assert abs(left - right) <= 4, (left, right)
