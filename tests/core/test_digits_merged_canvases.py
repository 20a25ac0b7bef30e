"""`petloc digits` canvases in a folder whose `petloc-digits.json` is another folder's: merged in beside its
own canvases (M1: `cp A/* M; cp B/*.png B/*.xml M`), or written over its canvases under the same names
(M3). The record knows them neither by their name nor by their bytes, yet they hold MNIST digits, maybe
ones a model learned: `DigitLookup.look_up` calls their digit untold (`NOT_RECORDED`). Before: the untold
rule held only in a folder of no record; with one, such a canvas read as "no digit", so `petloc evaluate`
said "complete" of canvases of learned digits and training recorded less than it learned (review s30/h11)."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from petloc_gui.core.digits import write_digits_dataset
from petloc_gui.core.digits_record import NOT_RECORDED, RECORD_NAME, DigitLookup, DigitsRecordError


def _sha256(image):
    return hashlib.sha256(image.read_bytes()).hexdigest()


def _look_up(image, sha256_of=_sha256):
    return DigitLookup().look_up(image, sha256_of)


def _cannot_tell(image, sha256_of=_sha256):
    with pytest.raises(DigitsRecordError) as raised:
        _look_up(image, sha256_of)
    return raised.value.path, raised.value.reason


def _merge(target, *sources, record_of):
    """Each source's images and annotations copied into ``target`` (later ones over earlier ones), beside
    ``record_of``'s record alone."""
    target.mkdir()
    for source in sources:
        for path in sorted(source.iterdir()):
            if path.name != RECORD_NAME:
                shutil.copy(path, target / path.name)
    shutil.copy(record_of / RECORD_NAME, target / RECORD_NAME)
    return target


def test_canvases_merged_beside_another_folder_s_record_are_untold(tmp_path):
    held_out = write_digits_dataset(tmp_path / "A", "test", count=3, seed=1)
    learned = write_digits_dataset(tmp_path / "B", "train", count=3, seed=2)
    merged = _merge(tmp_path / "M1", tmp_path / "A", tmp_path / "B", record_of=tmp_path / "A")
    assert [_look_up(merged / image.name) for image in held_out] == [_look_up(image) for image in held_out]
    for image in learned:
        assert _cannot_tell(merged / image.name) == (merged / RECORD_NAME, NOT_RECORDED)
    shutil.copy(learned[0], merged / "photo.png")  # not named as a canvas: nothing says it is one
    assert _look_up(merged / "photo.png") is None
    # the advice: the command that wrote them, run again into this folder, leaves them as they are and records them
    write_digits_dataset(merged, "train", count=3, seed=2, replace=False)
    assert [_look_up(merged / image.name) for image in learned] == [_look_up(image) for image in learned]


def test_canvases_replaced_by_others_of_the_same_names_are_untold(tmp_path):
    # the same split and count, another seed: the same names, other placements, so other bytes
    replacing = write_digits_dataset(tmp_path / "B", "train", count=3, seed=2)
    write_digits_dataset(tmp_path / "C", "train", count=3, seed=3)
    replaced = _merge(tmp_path / "M3", tmp_path / "C", tmp_path / "B", record_of=tmp_path / "C")
    for image in replacing:
        assert _sha256(replaced / image.name) != _sha256(tmp_path / "C" / image.name)
        assert _cannot_tell(replaced / image.name) == (replaced / RECORD_NAME, NOT_RECORDED)


def test_bytes_unknown_the_name_tells_what_it_can(tmp_path):
    """The Retrain dialog's preview hashes nothing (sha256 None): a name the record knows is its recorded
    canvas, one it knows not, named as a canvas, untold, any other name no canvas."""
    images = write_digits_dataset(tmp_path / "A", "test", count=2, seed=1)
    assert _look_up(images[0], lambda _: None) == _look_up(images[0])
    assert _cannot_tell(tmp_path / "A" / "train_00007_digit7.png", lambda _: None) == (
        tmp_path / "A" / RECORD_NAME, NOT_RECORDED)
    assert _look_up(tmp_path / "A" / "photo.png", lambda _: None) is None
