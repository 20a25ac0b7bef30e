"""Where the Retraining window first goes: beside the main window when the screen has room, else where
it covers the least of the image panes. Over a maximised window it went to the bottom-right corner,
over both panes at 1.5x, though the image list beside them was there to cover."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QListWidget, QMainWindow

from petloc_gui.ui.training.retrain_progress import RetrainProgress
from petloc_gui.ui.window_geometry import least_cover

SCREEN = QRect(0, 0, 1067, 667)  # 1600 x 1000 at QT_SCALE_FACTOR=1.5, as the hunt saw it
SIZE = QSize(736, 651)


def test_over_a_maximised_window_it_covers_the_image_list_rather_than_the_panes():
    panes = QRect(330, 60, 737, 560)  # right of a 330 px list
    assert least_cover(SIZE, SCREEN, panes) == QPoint(0, 16)  # bottom-left: over the list


def test_with_the_list_on_the_right_it_goes_left_and_on_a_tie_bottom_right():
    assert least_cover(SIZE, SCREEN, QRect(0, 60, 737, 560)).x() == 1067 - 736
    assert least_cover(QSize(100, 100), SCREEN, QRect(300, 200, 400, 200)) == QPoint(967, 567)


def _main_window(qtbot, geometry: QRect) -> QMainWindow:
    main = QMainWindow()
    qtbot.addWidget(main)
    main.setCentralWidget(QLabel("the two image panes"))
    dock = QDockWidget("Images", main)
    dock.setWidget(QListWidget())
    main.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    main.setGeometry(geometry)
    main.show()
    qtbot.waitExposed(main)
    main.resizeDocks([dock], [geometry.width() // 3], Qt.Orientation.Horizontal)
    return main


def test_first_shown_over_a_maximised_main_window_it_lies_on_the_list_side(qtbot):
    probe = QMainWindow()
    area = probe.screen().availableGeometry()
    main = _main_window(qtbot, area)
    progress = RetrainProgress(main)
    qtbot.addWidget(progress)
    progress.resize(area.width() * 2 // 3, area.height() // 2)
    progress.show()
    qtbot.waitUntil(lambda: progress.placement.placed, timeout=2000)
    assert progress.frameGeometry().left() == area.left()  # over the list, not the bottom-right corner


def test_first_shown_beside_the_main_window_on_a_wide_screen(qtbot):
    probe = QMainWindow()
    area = probe.screen().availableGeometry()
    main = _main_window(qtbot, QRect(area.left(), area.top(), area.width() // 2, area.height() // 2))
    progress = RetrainProgress(main)
    qtbot.addWidget(progress)
    progress.resize(area.width() // 3, area.height() // 3)
    progress.show()
    qtbot.waitUntil(lambda: progress.placement.placed, timeout=2000)
    assert not progress.frameGeometry().intersects(main.frameGeometry())
    assert progress.frameGeometry().left() == main.frameGeometry().right() + 1


def test_the_tool_bars_count_as_covered_too():
    # The first run's window went to the top-left corner over the tools and the new-classes bar (its
    # button shows the run): only the image panes counted.
    screen, size = QRect(0, 0, 1600, 1000), QSize(722, 665)
    central, bars = QRect(560, 165, 940, 735), QRect(100, 80, 1400, 85)  # the hunt's window, 1400 x 880
    assert least_cover(size, screen, [central]) == QPoint(0, 0)
    assert least_cover(size, screen, [central, bars]) == QPoint(0, 335)  # bottom-left: over the list


def test_the_main_windows_tool_bars_are_among_its_panes(qtbot):
    from PySide6.QtWidgets import QToolBar

    from petloc_gui.ui.window_geometry import panes_of

    main = _main_window(qtbot, QRect(0, 0, 900, 700))
    bar = QToolBar("tools", main)
    bar.addWidget(QLabel("Save  Delete  Next to review"))
    main.addToolBar(bar)
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    parts = panes_of(main)
    assert QRect(bar.mapToGlobal(QPoint(0, 0)), bar.size()) in parts and len(parts) == 2


def test_first_placed_with_the_owners_frame_before_its_own_is_known(qtbot, monkeypatch):
    # Under openbox the window was placed before the window manager framed it: its frame read as no
    # frame, move() put the contents where the frame belongs, and the title bar went above the screen.
    from PySide6.QtCore import QMargins

    from petloc_gui.ui.training import progress_placement

    probe = QMainWindow()
    area = probe.screen().availableGeometry()
    main = _main_window(qtbot, area)  # no room beside it: a corner
    progress = RetrainProgress(main)
    qtbot.addWidget(progress)
    progress.resize(area.width() // 3, area.height() // 3)
    owners = QMargins(1, 20, 1, 5)  # openbox's title bar and borders, as the main window has them
    monkeypatch.setattr(progress_placement, "frame_margins",
                          lambda window: owners if window is main else QMargins())  # not framed yet
    progress.placement.place_beside(main, area)
    contents = progress.geometry()
    frame = contents.adjusted(-owners.left(), -owners.top(), owners.right(), owners.bottom())
    assert area.contains(frame), (frame, area)  # the title bar on the screen, where it can be dragged


def test_over_a_maximised_window_it_is_no_wider_than_the_image_list(qtbot):
    # 440 px wide beside a 327 px list (1024 x 700 at 1.5x), it covered two-thirds of the Ground truth pane
    probe = QMainWindow()
    area = probe.screen().availableGeometry()
    main = _main_window(qtbot, area)
    progress = RetrainProgress(main)
    qtbot.addWidget(progress)
    progress.resize(area.width() * 2 // 3, area.height() // 2)
    progress.show()
    qtbot.waitUntil(lambda: progress.placement.placed, timeout=2000)
    photos = QRect(main.centralWidget().mapToGlobal(QPoint(0, 0)), main.centralWidget().size())
    assert progress.frameGeometry().width() <= photos.left() - area.left()
    assert not progress.frameGeometry().intersects(photos)


def test_with_the_image_list_hidden_it_covers_one_of_the_two_panes_at_most(qtbot):
    probe = QMainWindow()
    area = probe.screen().availableGeometry()
    main = _main_window(qtbot, area)
    main.findChild(QDockWidget).hide()
    qtbot.waitUntil(lambda: main.centralWidget().x() == 0, timeout=2000)
    progress = RetrainProgress(main)
    qtbot.addWidget(progress)
    progress.resize(area.width() * 2 // 3, area.height() // 2)
    progress.show()
    qtbot.waitUntil(lambda: progress.placement.placed, timeout=2000)
    width = progress.frameGeometry().width()
    assert width <= max(main.centralWidget().width() // 2, progress.minimumSizeHint().width())
    assert width >= min(440, main.centralWidget().width() // 2)  # no narrower than it needs: the result reads
