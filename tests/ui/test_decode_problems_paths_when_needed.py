"""Following a folder's list for decode failures names no image until one fails: `DecodeProblems.follow`
built the path of each of a folder's images at its opening, on the UI thread (0.25 s at 20,000 images, a
Path made for each where the dataset holds strings), for problems that are almost always none."""

from __future__ import annotations

from types import SimpleNamespace

from petloc_gui.core.dataset_item import DatasetItem
from petloc_gui.core.errors import ImageLoadError
from petloc_gui.ui.review.decode_problems import DecodeProblems
from petloc_gui.ui.review.file_list import FileListModel


class _NamedCounted(DatasetItem):
    """A dataset item that counts how often its image's path is asked for."""

    __slots__ = ("asked",)

    def __init__(self, image_path: str, annotation_path: str) -> None:
        super().__init__(image_path, annotation_path)
        self.asked = 0

    @property
    def image_path(self):
        self.asked += 1
        return super().image_path

    @property
    def image_path_text(self) -> str:
        self.asked += 1
        return super().image_path_text


def test_no_image_path_is_made_until_an_image_fails(qtbot):
    items = [_NamedCounted(f"/f/{n:05d}.jpg", f"/f/{n:05d}.xml") for n in range(2000)]
    model = FileListModel([f"{n:05d}.jpg" for n in range(2000)], [True] * 2000)
    decode = DecodeProblems()
    decode.follow(model, SimpleNamespace(items=items))
    assert decode.problems([]) == []
    assert sum(item.asked for item in items) == 0  # was 2000: each path made at the opening
    with qtbot.waitSignal(decode.changed, timeout=2000):
        model.set_prediction_error(7, ImageLoadError("cannot decode image: cut", "/f/00007.jpg"), emit=False)
    assert [(p.path, p.message) for p in decode.problems([])] == [
        ("/f/00007.jpg", "cannot decode image: cut (found when predicting)")]
    assert [n for n, item in enumerate(items) if item.asked] == [7]  # the failed image's alone
