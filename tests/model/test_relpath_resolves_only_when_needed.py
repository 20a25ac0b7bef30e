"""`relpath_in` resolved every image and its root (symlinks followed) though the path as listed almost
always lies in the root already: a quarter of a 10,000-image folder's read. It resolves only when the
listed pair fails (an image reached through a link to elsewhere)."""

from __future__ import annotations

from pathlib import Path

from petloc_gui.model import data


def test_a_listed_path_in_its_root_is_not_resolved(tmp_path, monkeypatch):
    image = tmp_path / "sub" / "a.png"
    image.parent.mkdir()
    image.write_bytes(b"x")
    calls: list[Path] = []
    resolve = Path.resolve
    monkeypatch.setattr(Path, "resolve", lambda self, *a, **k: calls.append(self) or resolve(self, *a, **k))
    assert data.relpath_in(image, tmp_path) == "sub/a.png"
    assert calls == []


def test_a_root_reached_through_a_link_is_resolved(tmp_path):
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "sub" / "a.png").write_bytes(b"x")
    link = tmp_path / "link"
    link.symlink_to(real)
    assert data.relpath_in(real / "sub" / "a.png", link) == "sub/a.png"
