"""A run that stops for too few usable images sends the files it left out, and why, with its error event:
the event carried the message alone ("found 1; 1 image skipped for a problem with the image or its
annotation ..."), so the Retraining window could count them but never name them, where `petloc train`
names each before its error."""

from __future__ import annotations

from petloc_gui.model import train_worker
from tests.cli.helpers import write_annotated, write_image


class _Running:
    """A lifecycle never asked to stop."""

    def should_stop(self) -> bool:
        return False


def _one_usable_image(tmp_path):
    folder = tmp_path / "few"
    folder.mkdir()
    write_annotated(folder, "good", 40, 30, [("cat", (5, 5, 20, 20))])
    write_annotated(folder, "broken", 40, 30, [("cat", (5, 5, 20, 20))])
    (folder / "broken.png").write_bytes(b"not an image")
    write_image(folder / "bare.png", 40, 30)  # no annotation
    return folder


def test_the_error_event_lists_the_skipped_files_with_their_reasons(tmp_path):
    from petloc_gui.model.training_data import TrainingData

    folder = _one_usable_image(tmp_path)
    args = train_worker.parse_args(["--data", str(folder), "--preset", "digits", "--out", str(tmp_path / "out")])
    events: list[dict] = []
    code = train_worker.run_guarded(lambda: TrainingData.collect(folder), args, events.append, _Running())
    assert code == train_worker.EXIT_ERROR
    [error] = events
    assert error["event"] == "error" and "need at least 2 usable annotated images, found 1" in error["message"]
    skipped = dict(error["skipped"])
    assert skipped[str(folder / "bare.png")] == "no annotation"
    assert skipped[str(folder / "broken.png")].startswith("unreadable image: ")
    assert len(error["skipped"]) == 2


def test_another_error_sends_no_skipped_list(tmp_path):
    args = train_worker.parse_args(["--data", str(tmp_path), "--preset", "digits", "--out", str(tmp_path / "out")])
    events: list[dict] = []

    def fails() -> None:
        raise ValueError("something else")

    assert train_worker.run_guarded(fails, args, events.append, _Running()) == train_worker.EXIT_ERROR
    assert "skipped" not in events[0]
