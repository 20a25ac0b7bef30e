"""`label_source_for` reads a model's meta.json once while it is unchanged.

The window asks it when the Retrain dialog opens and again when Start training is pressed, on the UI
thread: each read of the bundled digits model's meta.json (its 20,000-image record checked) took 16-31 ms
of the half second Start training froze the window. A meta.json rewritten since is read again; one
written within `file_memo.SETTLED_NS` of its read is read each time (a same-size rewrite in that tick keeps its
state).
"""

from __future__ import annotations

import json

import pytest

from petloc_gui.model import bundle, labels_trained
from petloc_gui.model.train_worker import label_source_for


@pytest.fixture
def reads(monkeypatch):
    """The meta.json folders read, in order; the memo empty at the start."""
    labels_trained._PRESET_AND_LABEL.clear()
    seen: list[str] = []
    read = bundle.read_json_record

    def counted(path, *args, **kwargs):
        seen.append(path.parent.name)
        return read(path, *args, **kwargs)

    monkeypatch.setattr(bundle, "read_json_record", counted)
    return seen


def _model(folder, meta: dict) -> str:
    folder.mkdir(exist_ok=True)
    (folder / "meta.json").write_text(json.dumps(meta))
    return str(folder)


def test_an_unchanged_meta_json_is_read_once(tmp_path, reads, settled_clock):
    """Asked as the window asks: long after the model was written (settled_clock)."""
    breeds = _model(tmp_path / "breeds", {"preset": "pets", "label_source": "breed (dataset list.txt)"})
    assert label_source_for("pets", breeds) == "breed"  # the dialog opens
    assert label_source_for("pets", breeds) == "breed"  # Start training
    assert label_source_for("digits", breeds) == "default"  # another preset: the same file, not read again
    assert reads == ["breeds"]


def test_a_meta_json_rewritten_since_is_read_again(tmp_path, reads, settled_clock):
    model = _model(tmp_path / "m", {"preset": "pets", "label_source": "breed (dataset list.txt)"})
    assert label_source_for("pets", model) == "breed"
    _model(tmp_path / "m", {"preset": "pets", "config": {"label": "default"}, "more": "x"})
    assert label_source_for("pets", model) == "default"
    assert reads == ["m", "m"]


def test_a_meta_json_just_written_is_not_kept(tmp_path, reads):
    model = _model(tmp_path / "fresh", {"preset": "pets", "config": {"label": "breed"}})
    assert label_source_for("pets", model) == "breed"
    assert label_source_for("pets", model) == "breed"
    assert reads == ["fresh", "fresh"]


def test_an_unreadable_model_is_passed_over_and_not_kept(tmp_path, reads, settled_clock):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "meta.json").write_text("{not json")
    breeds = _model(tmp_path / "breeds", {"preset": "pets", "label_source": "breed (dataset list.txt)"})
    assert label_source_for("pets", str(broken), breeds) == "breed"
    assert label_source_for("pets", str(broken), breeds) == "breed"
    assert reads == ["broken", "breeds", "broken"]
