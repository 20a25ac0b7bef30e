"""ADR 0013 says what the code does of a pre-label's model name and of the chain of parents: it said the mark
names the model by `petloc predict`'s spec (since 31b6015 the bundle folder the spec resolves to), that a
parent is found where `model/training_record.py` finds one (`model/parent_chain.py` does), and that the chain
breaks at a model "deleted or outside the store" (a parent beside its child is found; an unreadable meta.json
breaks it too)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from petloc_gui.cli.prelabel import prelabel_mark
from petloc_gui.core.paths import user_data_dir
from petloc_gui.core.voc import PRELABEL_PREFIX
from petloc_gui.model.parent_chain import parent_chain

ROOT = Path(__file__).resolve().parents[1]
[ADR] = (ROOT / "docs" / "adr").glob("0013-*.md")
TEXT = " ".join(ADR.read_text(encoding="utf-8").split())
VERSION = "digits-20261205T070239Z-865345"


def _bundle(folder: Path, meta: dict) -> Path:
    folder.mkdir(parents=True)
    (folder / "meta.json").write_text(json.dumps({"class_names": ["cat"], **meta}), encoding="utf-8")
    return folder


def _marked(spec: str, meta: dict) -> str:
    return prelabel_mark(spec, meta).removeprefix(f"{PRELABEL_PREFIX} by petloc predict, ")


def test_the_marks_the_adr_gives_are_the_marks_petloc_predict_writes(tmp_path, monkeypatch):
    stored = _bundle(user_data_dir() / "models" / "digits" / VERSION, {"version_id": VERSION})
    monkeypatch.chdir(tmp_path)
    stored_mark = _marked(f"digits/{VERSION}", json.loads((stored / "meta.json").read_text(encoding="utf-8")))
    assert f"`--model digits/{VERSION}` marks `{stored_mark}`" in TEXT
    mine = _bundle(tmp_path / "mine", {"version_id": VERSION})
    (mine / "inner").mkdir()
    meta = {"version_id": VERSION}
    by_meta = _marked("mine/meta.json", meta)
    monkeypatch.chdir(mine / "inner")
    assert _marked("..", meta) == by_meta == f"model mine ({VERSION})"
    assert ("`--model mine/meta.json`, or `--model ..` from a folder inside `mine`, marks `model mine (digits-…)`"
            in TEXT)
    assert "not by the spec as typed (`cli/prelabel.model_name`)" in TEXT


def test_where_the_adr_says_a_parent_is_found_and_where_the_chain_breaks(tmp_path):
    runs = tmp_path / "runs"  # petloc train --out runs, twice: the fine-tune beside its parent
    _bundle(runs / "parent-1", {"version_id": "parent-1"})
    child = _bundle(runs / "child-1", {"version_id": "child-1", "parent": "parent-1"})
    meta = json.loads((child / "meta.json").read_text(encoding="utf-8"))
    chain = parent_chain(meta, child)
    assert [name for name, _ in chain.found] == ["parent-1"] and not chain.broken_at
    assert re.search(r"found where `model/parent_chain\.py` finds a parent \(`locate`", TEXT)
    assert "a parent outside the store is found beside its child's bundle" in TEXT
    (runs / "parent-1" / "meta.json").write_text("{not json", encoding="utf-8")
    unreadable = parent_chain(meta, child)
    assert unreadable.broken_at == "parent-1" and unreadable.unreadable
    assert "or at one whose meta.json cannot be read" in TEXT
