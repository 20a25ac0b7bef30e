"""Which model wrote each unreviewed pre-label (`model.prelabel_models`) was found by reading every
pre-label's annotation a second time, after `model.data.collect_samples` had read it for its boxes: on a
folder of thousands of pre-labels, thousands of XML files parsed twice before every run (the checks' read
and the run's). The mark is kept with the boxes (`Sample.prelabel_mark`): each file is read once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from petloc_gui.core import voc
from petloc_gui.model import data
from petloc_gui.model.collected_folder import collect_folder
from petloc_gui.model.prelabel_models import PrelabelModel

from .test_unaware_prelabels import SHAPES, shapes4  # noqa: F401 - the folder fixture


def test_each_annotation_is_read_once_and_the_models_are_found(shapes4, monkeypatch):  # noqa: F811
    reads: Counter[str] = Counter()
    read_voc = voc.read_voc

    def counted(path, *args, **kwargs):
        reads[Path(path).name] += 1
        return read_voc(path, *args, **kwargs)

    monkeypatch.setattr(voc, "read_voc", counted)  # prelabel_models' import, at call time
    monkeypatch.setattr(data, "read_voc", counted)  # collect_samples'
    folder = collect_folder(shapes4)
    assert reads["star_a.xml"] == 1 and set(reads.values()) == {1}
    assert len(reads) == len(list(shapes4.glob("*.xml")))
    three = PrelabelModel("photo-three", frozenset(SHAPES))
    assert folder.prelabel_models == {"star_a.png": three, "star_b.png": three,
                                      "circle_c.png": PrelabelModel("photo-four", frozenset([*SHAPES, "star"])),
                                      "square_d.png": PrelabelModel("photo-gone", None)}
