"""`FolderOutage`: which images a folder that cannot be read holds, what leaves the walk, and what is asked for once
it can be read again."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.core.dataset_item import DatasetItem
from petloc_gui.ui.review.folder_outage import FolderOutage

ROOT = Path("/data/pets")
IMAGES = [ROOT / "a.png", ROOT / "day" / "c.png", ROOT / "day" / "deep" / "d.png", ROOT / "day2" / "e.png"]


class Predictions:
    def __init__(self) -> None:
        self.dropped: list[list[str]] = []

    def drop_background(self, paths) -> None:
        self.dropped.append(list(paths))


class Host:
    def __init__(self, current: int | None) -> None:
        self.current = current
        self.asked: list[str] = []

    def image_path(self, row: int) -> Path:
        return IMAGES[row]

    def request_all(self) -> None:
        self.asked.append("request_all")

    def show_prediction(self) -> None:
        self.asked.append("show_prediction")


def _outage(current: int | None = 1) -> tuple[FolderOutage, Predictions, Host]:
    items = [DatasetItem(path, path.with_suffix(".xml")) for path in IMAGES]
    predictions, host = Predictions(), Host(current)
    return FolderOutage(items, predictions, host), predictions, host  # type: ignore[arg-type]


def test_a_folder_lost_takes_its_images_out_of_the_walk_and_asks_for_nothing():
    outage, predictions, host = _outage()
    outage.said([(str(ROOT / "day"), "Permission denied")])
    assert predictions.dropped == [[str(IMAGES[1]), str(IMAGES[2])]]  # its subfolder's too; not day2's
    assert host.asked == []
    assert outage.covers(IMAGES[2]) and not outage.covers(IMAGES[3]) and not outage.covers(IMAGES[0])
    assert outage.readable(IMAGES) == [IMAGES[0], IMAGES[3]]
    outage.said([(str(ROOT / "day"), "Permission denied")])  # said again (another reason, the same folder)
    assert len(predictions.dropped) == 1 and host.asked == []


def test_read_again_the_rows_and_the_image_shown_are_asked_for():
    outage, _predictions, host = _outage()
    outage.said([(str(ROOT / "day"), "Permission denied")])
    outage.said([])
    assert host.asked == ["request_all", "show_prediction"]
    assert outage.readable(IMAGES) == IMAGES and not outage.covers(IMAGES[1])


def test_another_folder_read_again_leaves_the_image_shown_in_one_still_lost():
    outage, _predictions, host = _outage(current=1)
    outage.said([(str(ROOT / "day"), "Permission denied"), (str(ROOT / "day2"), "Permission denied")])
    outage.said([(str(ROOT / "day"), "Permission denied")])
    assert host.asked == ["request_all"]


def test_the_whole_folder_lost_covers_every_image():
    outage, predictions, _host = _outage()
    outage.said([(str(ROOT), "Permission denied")])
    assert predictions.dropped == [[str(path) for path in IMAGES]]
    assert outage.readable(IMAGES) == []
