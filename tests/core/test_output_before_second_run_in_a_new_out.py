"""Two `petloc convert --from yolo OUT --images copy` into one new OUT: A's mkdir made OUT, B (which found it empty)
wrote its images and VOC files into it, and a Ctrl+C on A removed OUT whole with B's files (`shutil.rmtree`), B
still saying 540 images converted, 228 of its 236 VOC files gone. `--from` writes no mark of a run going that would
refuse B. A folder the run made now goes whole only when all in it is the run's (recorded in its `Written`); with
another's file in it, the run's own files go, then the folders it made that are empty. A second conversion to VOC
into the OUT of one running is refused now (its mark, `unfinished_conversion`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.core.boxes import Box
from petloc_gui.core.errors import SaveError
from petloc_gui.core.interop import ImageRecord, LabelledBox, files, unfinished, write_voc_records
from petloc_gui.core.interop.output_before import OutputBefore
from petloc_gui.core.interop.written import Written
from tests.cli.helpers import write_image


def _records(folder: Path, prefix: str, count: int) -> list[ImageRecord]:
    folder.mkdir(exist_ok=True)
    records = []
    for index in range(count):
        image = write_image(folder / f"{prefix}{index}.png", 40, 30)
        records.append(ImageRecord(image, image.name, 40, 30, annotated=True,
                                   objects=[LabelledBox("cat", Box(1, 1, 20, 20))]))
    return records


def _new_file(written: Written, path: Path, data: bytes) -> None:
    written.folders_for(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    written.wrote(path, lambda: files.write_derived(path, data), tells_identity=True)


@pytest.mark.parametrize("fmt", [None, "yolo", "coco"])
def test_a_file_another_run_wrote_into_the_folder_the_run_made_stays(tmp_path, fmt):
    out = tmp_path / "new" / "out"
    a = OutputBefore(out, fmt)  # OUT missing: A's mkdir makes it
    a.written.make_output(out)
    _new_file(a.written, out / "images" / "a.png", b"A's")
    b = OutputBefore(out, fmt)  # B, a moment later: OUT there
    _new_file(b.written, out / "images" / "b.png", b"B's")
    _new_file(b.written, out / "b.xml", b"B's")
    taken = a.take_back()
    assert (out / "images" / "b.png").read_bytes() == (out / "b.xml").read_bytes() == b"B's"
    assert not (out / "images" / "a.png").exists()
    assert taken.files_removed == 1 and not taken.folder_removed and not taken.left_behind


@pytest.mark.parametrize("fmt", [None, "yolo"])
def test_a_file_another_run_wrote_into_the_empty_out_given_stays(tmp_path, fmt):
    out = tmp_path / "out"
    out.mkdir()
    a = OutputBefore(out, fmt)  # OUT empty: all in it was A's
    _new_file(a.written, out / "a.png", b"A's")
    b = OutputBefore(out, fmt)
    _new_file(b.written, out / "sub" / "b.png", b"B's")
    a.take_back()
    assert sorted(os.listdir(out)) == ["sub"] and (out / "sub" / "b.png").read_bytes() == b"B's"


def test_a_second_conversion_to_voc_into_the_out_of_one_running_is_refused(tmp_path, monkeypatch):
    """The review's race, in one process: B started once A had made OUT and placed an image, A then stopped. B
    found A's images "present" and its VOC files "existing", and A's take-back removed them while B said it had
    converted them. B is refused now by A's mark (`unfinished_conversion`), writing nothing and taking nothing back;
    A, stopped, takes back all it wrote, OUT with it."""
    out = tmp_path / "vo"
    theirs = _records(tmp_path / "b_src", "b_", 3)
    a, b, refused = OutputBefore(out, None), [], []
    real_place, placed = files.place_image, []

    def place_image(source, target, mode):
        how = real_place(source, target, mode)
        placed.append(target)
        if len(placed) == 1:  # B starts once A has made OUT and placed an image
            b.append(OutputBefore(out, None))
            before = sorted(os.listdir(out))
            with pytest.raises(SaveError, match="another petloc convert --from") as error:
                write_voc_records(theirs, out, images=files.COPY, written=b[0].written)
            refused.append(error.value)
            b[0].take_back()
            assert sorted(os.listdir(out)) == before  # nothing of B's written, nothing of A's taken back
        if len(placed) == 2:  # A's second image: Ctrl+C
            raise KeyboardInterrupt
        return how

    from petloc_gui.core.interop import voc_out

    monkeypatch.setattr(voc_out, "place_image", place_image)
    with pytest.raises(KeyboardInterrupt):
        write_voc_records(_records(tmp_path / "a_src", "a_", 3), out, images=files.COPY, written=a.written)
    assert refused and unfinished.ours(out)  # the mark stays until A's files are taken back
    taken = a.take_back()
    assert taken.folder_removed and not out.exists()


def test_a_folder_the_run_made_holding_only_its_files_goes_whole(tmp_path, monkeypatch):
    """`petloc convert` gives the writers OUT as typed (relative here), its `OutputBefore` OUT made absolute."""
    monkeypatch.chdir(tmp_path)
    a = OutputBefore(tmp_path / "new" / "out", None)
    write_voc_records(_records(tmp_path / "src", "a_", 2), Path("new/out"), images=files.COPY, written=a.written)
    taken = a.take_back()
    assert taken.removed and taken.folder_removed and not (tmp_path / "new").exists()


def test_an_export_stopped_in_a_folder_it_made_goes_whole_with_its_mark(small_voc, tmp_path, monkeypatch):
    from petloc_gui.core.dataset import open_dataset
    from petloc_gui.core.interop import export_yolo, upright

    monkeypatch.chdir(tmp_path)
    a, real_place = OutputBefore(tmp_path / "out", "yolo"), upright.Orientations.place

    def place_then_stop(self, record, target, *args):
        real_place(self, record, target, *args)
        raise KeyboardInterrupt

    monkeypatch.setattr(upright.Orientations, "place", place_then_stop)
    with pytest.raises(KeyboardInterrupt):
        export_yolo(open_dataset(small_voc), Path("out"), written=a.written)
    assert (tmp_path / "out" / ".petloc-export-unfinished").is_file() and a.written.files
    taken = a.take_back()
    assert taken.removed and taken.folder_removed and not (tmp_path / "out").exists()
