"""The walk of a model's chain of parents (`model.parent_chain`): a parent written with `petloc train --out` is
found beside its child, an unreadable meta.json is said to be one and a break names how far up it is, and
only what the callers use is kept of each ancestor, read once.

Before, a parent was looked for among the bundled models and in the store only: `--init-from runs/<V1>`
(V1 fine-tuned from digits) made the chain "break at V1, which is not found", and the boxes accepted from
digits were "unknown" instead of an ancestor's; a corrupt meta.json was "not found", a grandparent "its
parent"; and every ancestor's whole meta.json was held (60 fine-tunes of a 10,000-image folder: 426 MB).
"""

from __future__ import annotations

import json
from pathlib import Path

from petloc_gui.core.accepted_boxes import ANCESTOR, relation
from petloc_gui.model import parent_chain as chain_module
from petloc_gui.model.model_ancestry import ancestry_of
from petloc_gui.model.parent_chain import parent_chain, remember
from petloc_gui.model.training_record import ancestors_of, lineage_of

V0, V1, V2, V3 = (f"digits-20260101T00000{i}Z-aaaaa{i}" for i in range(4))



def _bundle(folder: Path, version: str, parent: str | None, **extra) -> dict:
    meta = {"version_id": version, "preset": "digits", "parent": parent, "parent_version_id": parent, **extra}
    (folder / version).mkdir(parents=True, exist_ok=True)
    (folder / version / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return meta


def test_a_parent_written_beside_its_child_is_found(_isolated_user_data, tmp_path):
    runs = tmp_path / "runs"
    _bundle(runs, V0, None)
    _bundle(runs, V1, V0)
    v2 = _bundle(runs, V2, V1)
    ancestry = ancestry_of(v2, located=runs / V2)
    assert not ancestry.missing and ancestry.models == ((V0, V0),)
    assert relation(f"model digits ({V0})", v2, V2, ancestry=ancestry) == ANCESTOR
    assert not lineage_of(v2, located=runs / V2).missing


def test_a_run_s_later_walks_find_the_parent_it_was_given_by_path(_isolated_user_data, tmp_path):
    """`petloc train --init-from runs/V2`: its accepted boxes are told from the new model's meta.json, which
    names V2 by its version id only."""
    runs = tmp_path / "runs"
    _bundle(runs, V0, None)
    _bundle(runs, V1, V0)
    _bundle(runs, V2, V1)
    new = {"version_id": V3, "parent": V2, "parent_version_id": V2}
    assert ancestry_of(new).missing.endswith(f"breaks at {V2}, which is not found")  # nothing known of runs/
    remember(V2, runs / V2)  # what `petloc train` does with --init-from's path
    ancestry = ancestry_of(new)
    assert not ancestry.missing and ancestry.models == ((V1, V1), (V0, V0))


def test_an_unreadable_meta_json_is_said_so_and_a_break_says_how_far_up_it_is(_isolated_user_data):
    store = _isolated_user_data / "models" / "digits"
    _bundle(store, V0, None)
    _bundle(store, V1, V0)
    _bundle(store, V2, V1)
    (store / V1 / "meta.json").write_text('{"version_id": ', encoding="utf-8")  # cut short
    v3 = {"version_id": V3, "parent": V2, "parent_version_id": V2}
    missing = ancestors_of(v3).missing
    assert missing.startswith(f"its parent's parent {V1} is unreadable (cannot read meta.json: ")
    assert "not found" not in missing
    assert "whose meta.json cannot be read (cannot read meta.json" in ancestry_of(v3).missing
    assert ancestors_of({"parent": V1}).missing.startswith(f"its parent model {V1} is unreadable")
    (store / V1 / "meta.json").unlink()
    (store / V1).rmdir()
    assert ancestors_of(v3).missing == f"its parent's parent {V1} is not found"
    _bundle(store, V1, V0)
    (store / V0 / "meta.json").unlink()
    assert ancestors_of(v3).missing == f"{V0} (the parent of {V1}, 3 fine-tunes up its chain) is not found"


def test_each_ancestor_keeps_the_images_it_read_only_and_is_read_once(_isolated_user_data, monkeypatch,
                                                                        settled_clock):
    store = _isolated_user_data / "models" / "digits"
    images = {name: {"sha256": name * 8} for name in ("aaaaaaaa", "bbbbbbbb", "cccccccc")}
    _bundle(store, V1, None, splits={"train": ["aaaaaaaa", "bbbbbbbb"], "validation": ["cccccccc"], "test": []},
            images=images, recipe={"big": "x" * 1000})
    reads: list[str] = []
    read = chain_module.read_meta
    monkeypatch.setattr(chain_module, "read_meta", lambda folder: reads.append(Path(folder).name) or read(folder))
    # (settled_clock: read as a run reads its parent's, long after it was written; one written within
    # `SETTLED_NS` of its read is read again: test_parent_chain_meta_rewritten_same_size.py)
    v2 = {"version_id": V2, "parent": V1}
    (name, ancestor), = parent_chain(v2).found
    record = ancestor.record
    assert (name, ancestor.version_id) == (V1, V1)
    # its training images, and its validation image, which chose its epoch (no validation_parts recorded): what it
    # read (`Lineage.read_hashes`); its training images alone are what it trained on (`Lineage.match`)
    assert record.train == {"aaaaaaaa", "bbbbbbbb"} and record.validation == {"cccccccc"}
    assert set(record.hashes) == {"aaaaaaaa", "bbbbbbbb", "cccccccc"} and record.train_hashes == {"a" * 64, "b" * 64}
    assert not hasattr(ancestor, "meta")
    lineage = lineage_of(v2)
    assert lineage.match("x.png", "a" * 64) == "content" and lineage.match("x.png", "c" * 64) is None
    assert reads == [V1]  # the second walk read nothing again
    _bundle(store, V1, None, splits={"train": ["cccccccc"], "validation": [], "test": []}, images=images)
    assert parent_chain(v2).found[0][1].record.train == {"cccccccc"}  # rewritten since: read again
    assert reads == [V1, V1]
