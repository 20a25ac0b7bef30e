"""app.model_choice.class_names remembers a meta.json's classes per file state: a folder opening
reads every candidate's (a digits version's is ~1 MB), yet a changed file is read again."""

import json
import os

from petloc_gui.app import model_choice


def _write_meta(folder, names):
    folder.mkdir(exist_ok=True)
    (folder / "meta.json").write_text(json.dumps({"class_names": names, "splits": {"train": ["x"] * 50}}))


def test_a_second_look_reads_nothing(tmp_path, monkeypatch, settled_clock):
    _write_meta(tmp_path / "v1", ["cat", "dog"])
    reads = []
    real = model_choice.read_json_record
    monkeypatch.setattr(model_choice, "read_json_record", lambda path: reads.append(path) or real(path))
    assert model_choice.class_names(str(tmp_path / "v1")) == ["cat", "dog"]
    assert model_choice.class_names(str(tmp_path / "v1")) == ["cat", "dog"]
    assert len(reads) == 1


def test_a_rewritten_or_edited_meta_is_read_again(tmp_path):
    folder = tmp_path / "v1"
    _write_meta(folder, ["cat", "dog"])
    assert model_choice.class_names(str(folder)) == ["cat", "dog"]
    # rewritten by an atomic rename (a new file), same size and mtime as before
    stat = (folder / "meta.json").stat()
    (tmp_path / "new.json").write_text(json.dumps({"class_names": ["cow", "dog"], "splits": {"train": ["x"] * 50}}))
    os.replace(tmp_path / "new.json", folder / "meta.json")
    os.utime(folder / "meta.json", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert model_choice.class_names(str(folder)) == ["cow", "dog"]
    # edited in place: the size changes
    (folder / "meta.json").write_text(json.dumps({"class_names": ["bird"]}))
    assert model_choice.class_names(str(folder)) == ["bird"]


def test_the_caller_cannot_change_what_is_remembered(tmp_path):
    _write_meta(tmp_path / "v1", ["cat"])
    model_choice.class_names(str(tmp_path / "v1")).append("dog")
    assert model_choice.class_names(str(tmp_path / "v1")) == ["cat"]


def test_an_unreadable_meta_is_none_and_read_again_once_fixed(tmp_path):
    folder = tmp_path / "v1"
    folder.mkdir()
    (folder / "meta.json").write_text("{not json")
    assert model_choice.class_names(str(folder)) is None
    _write_meta(folder, ["cat"])
    assert model_choice.class_names(str(folder)) == ["cat"]
    assert model_choice.class_names(str(tmp_path / "missing")) is None
