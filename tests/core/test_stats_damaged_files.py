"""core.stats finds the damaged files the window and `predict` find: a truncated JPEG (its header reads
fine, so only when asked to decode) and an annotation file whose image went (core.orphan_annotations)."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.orphan_annotations import annotations_without_image
from petloc_gui.core.stats import NO_IMAGE, UNREADABLE_IMAGE, compute_stats

XML = "<annotation><size><width>64</width><height>48</height></size></annotation>"


def _jpeg(path, cut: int = 0) -> None:
    """A 64x48 JPEG; ``cut`` bytes short of its end (2: only the end marker gone)."""
    pixels = np.random.default_rng(0).integers(0, 255, (48, 64, 3), dtype=np.uint8)
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, "JPEG", quality=95)
    data = buffer.getvalue()
    path.write_bytes(data[: len(data) - cut] if cut else data)


def _kinds(stats) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for problem in stats.problems:
        out.setdefault(problem.kind, set()).add(problem.path.rsplit("/", 1)[-1])
    return out


def test_a_truncated_jpeg_is_found_only_by_decoding(tmp_path):
    _jpeg(tmp_path / "whole.jpg")
    _jpeg(tmp_path / "truncated.jpg", cut=1500)
    _jpeg(tmp_path / "no_end_marker.jpg", cut=2)  # shown whole by viewers, the window and predict
    dataset = open_dataset(tmp_path)
    headers = compute_stats(dataset)
    assert UNREADABLE_IMAGE not in _kinds(headers) and not headers.images_decoded
    assert "checked by their headers only" in headers.summary_lines()[-1 - len(headers.problems)]
    decoded = compute_stats(dataset, check_decode=True)
    assert _kinds(decoded)[UNREADABLE_IMAGE] == {"truncated.jpg"} and decoded.images_decoded
    assert "truncated" in decoded.problems[0].message
    assert decoded.to_dict()["images_decoded"] is True
    assert not any("headers only" in line for line in decoded.summary_lines())
    assert decoded.values["image_width"] == [64.0] * 3  # its header's size still counts
    unopened = compute_stats(dataset, check_images=False, check_decode=True)  # nothing opened: nothing decoded
    assert not unopened.images_decoded and not any("headers only" in line for line in unopened.summary_lines())


def test_an_annotation_file_with_no_image_beside_it_is_a_problem(tmp_path):
    _jpeg(tmp_path / "a.jpg")
    (tmp_path / "a.xml").write_text(XML)
    (tmp_path / "gone.xml").write_text(XML)  # its image renamed, moved or deleted
    (tmp_path / "Upper.XML").write_text(XML)
    (tmp_path / ".hidden.xml").write_text(XML)  # a sync tool's: not the user's
    (tmp_path / "phone.heic").write_bytes(b"not read")  # listed as not read; its XML is its own
    (tmp_path / "phone.xml").write_text(XML)
    sub = tmp_path / "more"
    sub.mkdir()
    (sub / "left.xml").write_text(XML)  # a folder with no image left at all: the index still looked there
    dataset = open_dataset(tmp_path)
    stats = compute_stats(dataset)
    assert _kinds(stats)[NO_IMAGE] == {"gone.xml", "Upper.XML", "left.xml"}
    assert "no image" in next(p.message for p in stats.problems if p.kind == NO_IMAGE)
    assert stats.n_annotated == 1
    assert [p.name for p in annotations_without_image(dataset)] == ["Upper.XML", "gone.xml", "left.xml"]


def test_an_oxford_xml_with_no_image_is_a_problem(tmp_path):
    (tmp_path / "images").mkdir()
    xmls = tmp_path / "annotations" / "xmls"
    xmls.mkdir(parents=True)
    _jpeg(tmp_path / "images" / "cat_1.jpg")
    (xmls / "cat_1.xml").write_text(XML)
    (xmls / "cat_2.xml").write_text(XML)
    stats = compute_stats(open_dataset(tmp_path))
    assert stats.layout == "oxford" and _kinds(stats)[NO_IMAGE] == {"cat_2.xml"}
