"""The progress contract of a conversion that goes over its images twice (`interop.records`): both
passes as one count of twice the images, each pass ending at its images (`pass_of`), so that the window's
one bar fills once and petloc convert's line per pass counts images. The COCO exporter and importer
computed their second pass inline; these hold each conversion to the contract, with a first pass that
leaves images out (--annotated-only) and a COCO file with fewer annotations than images."""

from __future__ import annotations

import pytest

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.interop import ConversionReport, export_coco, export_yolo, read_coco
from petloc_gui.core.interop.records import pass_of
from tests.cli.helpers import write_annotated, write_image

N = 12


def _folder(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for index in range(N):
        if index % 3:
            write_annotated(src, f"i{index:02}", 20, 20, [("cat", (2, 2, 15, 15))])
        else:
            write_image(src / f"i{index:02}.png", 20, 20)  # no annotation: left out by annotated_only
    return src


def _passes(calls: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The calls as (images done, images) per pass, checking the count of steps never changes."""
    assert calls and {steps for _, steps in calls} == {2 * N}
    steps = [step for step, _ in calls]
    assert steps == sorted(steps) and steps[-1] == 2 * N  # the one bar fills once, never back
    passes: list[list[tuple[int, int]]] = [[], []]
    for step, total in calls:
        index, done, images = pass_of(step, total, 2)
        passes[index].append((done, images))
    return passes


@pytest.mark.parametrize("export", [export_coco, export_yolo], ids=["coco", "yolo"])
@pytest.mark.parametrize("annotated_only", [False, True])
def test_an_export_reports_each_pass_over_the_folder_s_images(tmp_path, export, annotated_only):
    calls: list[tuple[int, int]] = []
    export(open_dataset(_folder(tmp_path)), tmp_path / "out", annotated_only=annotated_only,
           progress=lambda done, steps: calls.append((done, steps)))
    reading, writing = _passes(calls)
    assert reading[-1] == (N, N) and writing[-1] == (N, N)
    assert [done for done, _ in writing] == sorted(done for done, _ in writing)


def test_a_coco_import_reports_its_entries_then_its_annotations_as_passes_over_the_images(tmp_path):
    export_coco(open_dataset(_folder(tmp_path)), tmp_path / "coco")  # 8 annotations for 12 images
    calls: list[tuple[int, int]] = []
    read_coco(tmp_path / "coco", ConversionReport(), progress=lambda done, steps: calls.append((done, steps)))
    entries, annotations = _passes(calls)
    assert entries == [(done, N) for done in range(1, N + 1)]  # an image entry each
    assert len(annotations) == 8 and annotations[-1] == (N, N)
