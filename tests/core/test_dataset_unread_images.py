"""Files named as images of a format petloc does not read (HEIC, AVIF, ...) are found once per index
(`Dataset.unread`, listed when first asked: the window indexes on its UI thread) and worded by one rule
(`core.unread_note.unread_lines`, one line per folder), which convert, evaluate, predict and the window use,
so an annotated HEIC photo is never left out of a folder without a word. They are not index problems (the
window's "N problems while indexing" counted them twice)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from petloc_gui.core.dataset import open_dataset
from petloc_gui.core.stats import INDEX_PROBLEM, UNSUPPORTED_IMAGE, compute_stats
from petloc_gui.core.unread_note import unread_lines

HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
XML = "<annotation><filename>{}</filename><size><width>6</width><height>4</height></size></annotation>"


def _photos(root: Path) -> None:
    Image.new("RGB", (6, 4)).save(root / "ok.jpg")
    (root / "IMG_1.HEIC").write_bytes(HEIC)
    (root / "IMG_1.xml").write_text(XML.format("IMG_1.HEIC"))  # annotated elsewhere, then copied here
    (root / "IMG_2.heic").write_bytes(HEIC)


def test_the_index_names_the_files_it_does_not_read_and_which_are_annotated(tmp_path):
    _photos(tmp_path)
    dataset = open_dataset(tmp_path)
    assert [item.image_path.name for item in dataset.items] == ["ok.jpg"]
    assert dataset.problems == []
    assert unread_lines(dataset) == [
        f"{tmp_path}: 2 files not read (IMG_1.HEIC, IMG_2.heic): HEIC is not supported; 1 of them has an "
        "annotation, left out of training, evaluation and exports; convert them to JPEG or PNG"]


def test_one_line_per_folder_in_every_layout(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "annotations" / "xmls").mkdir(parents=True)
    Image.new("RGB", (6, 4)).save(tmp_path / "images" / "Abyssinian_1.jpg")
    (tmp_path / "images" / "Abyssinian_2.heic").write_bytes(HEIC)
    (tmp_path / "images" / "b.avif").write_bytes(b"\x00\x00\x00\x20ftypavif")
    (tmp_path / "images" / "c.heic").write_bytes(HEIC)
    (tmp_path / "images" / "d.heic").write_bytes(HEIC)
    (tmp_path / "annotations" / "xmls" / "Abyssinian_2.xml").write_text(XML.format("Abyssinian_2.heic"))
    dataset = open_dataset(tmp_path / "images")
    assert dataset.layout == "oxford"
    assert unread_lines(dataset) == [
        f"{tmp_path / 'images'}: 4 files not read (Abyssinian_2.heic, b.avif, c.heic, ...): AVIF and HEIC are not "
        "supported; 1 of them has an annotation, left out of training, evaluation and exports; convert them "
        "to JPEG or PNG"]


def test_a_single_file_without_annotation(tmp_path):
    (tmp_path / "IMG_2.heic").write_bytes(HEIC)
    assert unread_lines(open_dataset(tmp_path)) == [
        f"{tmp_path}: 1 file not read (IMG_2.heic): HEIC is not supported; convert it to JPEG or PNG"]
    (tmp_path / "IMG_2.xml").write_text(XML.format("IMG_2.heic"))
    assert unread_lines(open_dataset(tmp_path)) == [
        f"{tmp_path}: 1 file not read (IMG_2.heic): HEIC is not supported; it has an annotation, left out of "
        "training, evaluation and exports; convert it to JPEG or PNG"]


def test_the_folders_are_listed_once_per_index_and_not_while_indexing(tmp_path, monkeypatch):
    import petloc_gui.core.folder_listing as listing

    _photos(tmp_path)
    calls = []
    real = listing.unread_images
    monkeypatch.setattr(listing, "unread_images", lambda folders: calls.append(1) or real(folders))
    dataset = open_dataset(tmp_path)
    assert calls == []
    unread_lines(dataset), dataset.unread(), compute_stats(dataset, check_images=False)
    assert calls == [1]


def test_a_folder_without_such_files_has_no_problem(tmp_path):
    Image.new("RGB", (6, 4)).save(tmp_path / "ok.jpg")
    dataset = open_dataset(tmp_path)
    assert dataset.problems == [] and unread_lines(dataset) == []


def test_stats_name_each_file_once(tmp_path):
    _photos(tmp_path)
    stats = compute_stats(open_dataset(tmp_path), check_images=False)
    assert stats.problem_counts == {UNSUPPORTED_IMAGE: 2}  # one per file, not the index's line again
    assert INDEX_PROBLEM not in stats.problem_counts


def test_threads_asking_at_once_list_the_folders_once(tmp_path, monkeypatch):
    import threading
    import time

    import petloc_gui.core.folder_listing as listing

    _photos(tmp_path)
    dataset = open_dataset(tmp_path)
    calls = []
    real = listing.unread_images

    def slow(folders):
        calls.append(1)
        time.sleep(0.05)
        return real(folders)

    monkeypatch.setattr(listing, "unread_images", slow)
    threads = [threading.Thread(target=dataset.unread) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1] and len(dataset.unread()) == 2
