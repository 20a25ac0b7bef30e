"""A read of a folder given no ``image_sizes`` is `petloc train`'s read, each box on its image's own size
(`model.data.collect_samples`, `model.collected_folder.collect_folder`): the switch was off by default and
passed on at every read of a run's data, where one left off read other boxes than the run's (an XML whose
<size> is not its image's had its box clamped to the written size). The labels-only check of a run's
classes (`run_case_variants`) still reads no image."""

from __future__ import annotations

from petloc_gui.cli.train_checks import read_folder
from petloc_gui.model.collected_folder import collect_folder
from petloc_gui.model.data import collect_samples
from tests.model.test_boxes_read_as_petloc_train import _boxes, _folder

B = "JPEGImages/day/b.jpg"  # its <size> 100x100, its image 300x200, its box past the <size>


def test_a_read_given_no_switch_has_the_boxes_petloc_train_trains_on(tmp_path):
    root = _folder(tmp_path / "voc", "JPEGImages")
    run, _ = read_folder(root, "default", [])  # `petloc train`'s read before TensorFlow loads
    assert B in _boxes(run.samples)
    assert _boxes(collect_samples(root)[0]) == _boxes(run.samples)
    assert _boxes(collect_folder(root).samples) == _boxes(run.samples)
    assert B not in _boxes(collect_samples(root, image_sizes=False)[0])  # the written size read, asked for


def test_the_check_of_a_run_s_labels_reads_no_image_header(tmp_path, monkeypatch):
    from petloc_gui.core import voc
    from petloc_gui.model.run_case_variants import run_case_variants

    root = _folder(tmp_path / "voc", "JPEGImages")
    headers = []
    size_of = voc._image_size

    def counted(path):
        headers.append(path)
        return size_of(path)

    monkeypatch.setattr(voc, "_image_size", counted)
    assert run_case_variants(root) == ""
    # day/a has no <size>: its image is looked up for it, as before; the others' images are not read
    assert [path.name for path in headers] == ["a.jpg"]
