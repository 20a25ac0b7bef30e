"""`petloc models`: a bundle that cannot be read gives its row an error made one line; its ASCII
whitespace is collapsed, but a no-break space in a path stays (``str.split`` took it for a plain one,
naming another file)."""

from __future__ import annotations

from petloc_gui.cli import cmd_models


def test_a_rows_error_keeps_a_no_break_space_and_loses_its_newlines(monkeypatch):
    import petloc_gui.model.bundle as bundle

    def broken(name):
        raise OSError(f"/data/my\xa0models/{name}:\n  cannot read\tmeta.json")

    monkeypatch.setattr(bundle, "resolve_model", broken)
    rows = cmd_models.bundled_models()
    assert rows and all(row["path"] is None for row in rows)
    assert rows[0]["error"] == f"/data/my\xa0models/{rows[0]['name']}: cannot read meta.json"
