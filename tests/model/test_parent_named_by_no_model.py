"""A meta.json "parent" that is there but names no model is a break in the chain, not "trained from scratch".

Before, a parent that was not a non-empty string ("", 5, a list; or null while "parent_version_id" names a
version) read as no parent: the chain "complete", the lineage's images only the model's own. And
`training._model_name` named a parent with no version id by its path's name unresolved: `--init-from .`
wrote "parent": "" and a symbolic link wrote the link's name.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from petloc_gui.model.bundle import LoadedBundle, read_meta
from petloc_gui.model.parent_chain import parent_chain
from petloc_gui.model.training import _model_name
from petloc_gui.model.training_record import lineage_of
from tests.model_files import write_meta


@pytest.mark.parametrize(("parent", "version", "broken_at"), [
    ("", None, "''"), (5, None, "5"), (["V0"], None, "['V0']"), (None, "V0", "V0"), ("", "V0", "V0"),
])
def test_a_parent_that_names_no_model_breaks_the_chain(tmp_path, parent, version, broken_at):
    runs = tmp_path / "runs"
    write_meta(runs / "V0", {"version_id": "V0", "preset": "digits", "parent": None})
    meta = write_meta(runs / "W", {"version_id": "W", "preset": "digits", "parent": parent,
                                   "parent_version_id": version})
    chain = parent_chain(meta, runs / "W")
    assert chain.found == () and chain.broken_at == broken_at
    lineage = lineage_of(meta, located=runs / "W")
    assert not lineage.complete
    assert lineage.why_incomplete == (f"its parent model {broken_at} is not found "
                                      f"(meta.json names it by {parent!r}, not a model's name)")


def test_no_parent_at_all_is_trained_from_scratch(tmp_path):
    for meta in ({"version_id": "W"}, {"version_id": "W", "parent": None, "parent_version_id": None}):
        chain = parent_chain(meta, None)
        assert chain.found == () and not chain.broken_at and not chain.cut


def test_an_ancestor_whose_parent_names_no_model_breaks_the_chain_past_it(tmp_path):
    runs = tmp_path / "runs"
    write_meta(runs / "V0", {"version_id": "V0", "preset": "digits", "parent": ""})
    meta = write_meta(runs / "V1", {"version_id": "V1", "preset": "digits", "parent": "V0", "parent_version_id": "V0"})
    chain = parent_chain(meta, runs / "V1")
    assert [name for name, _ in chain.found] == ["V0"] and chain.broken_at == "''"


def _bundle(path: Path) -> LoadedBundle:
    return LoadedBundle(path, read_meta(path), None, [], (1, 1), "digits")


def test_a_parent_with_no_version_id_given_as_dot_is_named_by_its_folder(tmp_path, monkeypatch):
    write_meta(tmp_path / "old", {"preset": "digits", "parent": None})
    monkeypatch.chdir(tmp_path / "old")
    assert _model_name(_bundle(Path("."))) == "old"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_parent_with_no_version_id_given_by_a_link_is_named_by_the_folder_linked(tmp_path):
    write_meta(tmp_path / "runs" / "old", {"preset": "digits", "parent": None})
    (tmp_path / "latest").symlink_to(tmp_path / "runs" / "old", target_is_directory=True)
    name = _model_name(_bundle(tmp_path / "latest"))
    assert name == "old"
    # the new model's chain then finds it beside where it really is
    new = {"version_id": "NEW", "parent": name, "parent_version_id": None}
    assert [n for n, _ in parent_chain(new, parent_at=tmp_path / "latest").found] == ["old"]
