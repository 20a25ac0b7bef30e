"""The screenshot taker asks its host to draw the prediction and to bring the no-model bar's counts up to date
before the grab (`ScreenshotHost.show_prediction`, `refresh_new_classes`). It reached through the host's session
(``window.session.show_prediction()``) and searched the host's children for the bar (``findChildren``)."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QWidget

from petloc_gui.ui.screenshot import EXIT_SAVED, ScreenshotTaker


class Host(QWidget):
    """A folder no model knows, its image shown: the taker saves at once. The session has only what is read."""

    def __init__(self) -> None:
        super().__init__()
        self.session = SimpleNamespace(current=0, loading=None, model=SimpleNamespace(review_order=False),
                                       watchers=SimpleNamespace(scan_finished=lambda: True))
        self.asked: list[str] = []
        self.models = SimpleNamespace(keeps_picks=True)  # the taker turns keeping a picked version off

    @property
    def model_problem(self) -> str | None:
        return "No available model knows the classes of this folder."

    def current_model_spec(self) -> str:
        return ""

    def current_model_info(self) -> object | None:
        return None

    def first_visible_row(self) -> int | None:
        return 0

    def show_row(self, row: int) -> None:
        pass

    def cached_prediction(self, path) -> object | None:
        return None

    def model_status_text(self) -> str:
        return "No model"

    def show_prediction(self) -> None:
        self.asked.append("show_prediction")

    def refresh_new_classes(self) -> None:
        self.asked.append("refresh_new_classes")

    def shutdown(self) -> None:
        self.asked.append("shutdown")


def test_what_is_drawn_before_the_grab_is_asked_of_the_host(qtbot, tmp_path, monkeypatch):
    host = Host()
    qtbot.addWidget(host)
    host.resize(80, 60)
    taker = ScreenshotTaker(host, tmp_path / "shot.png", settle_ms=0)
    finished: list[int] = []
    monkeypatch.setattr(taker, "_finish", finished.append)
    taker.start()
    qtbot.waitUntil(lambda: finished == [EXIT_SAVED], timeout=5000)
    assert host.asked == ["show_prediction", "refresh_new_classes"]
    assert (tmp_path / "shot.png").exists()
