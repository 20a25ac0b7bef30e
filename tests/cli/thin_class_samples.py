"""Samples as `petloc train` reads them (a label, whether a pre-label, an image path), and its thin-class warning
lines, for the tests of `cli.train_checks.warn_thin_classes`."""

from __future__ import annotations

from types import SimpleNamespace

from petloc_gui.cli.train_checks import warn_thin_classes


def samples_of(counts: dict[str, int], prelabel: bool = False) -> list[SimpleNamespace]:
    """``counts[name]`` images boxed with ``name``, each its own image."""
    return [SimpleNamespace(label=name, prelabel=prelabel, image_path=f"/data/{name}{i}.png")
            for name, n in counts.items() for i in range(n)]


def warning_lines(capsys, of: list[SimpleNamespace]) -> list[str]:
    """The lines `warn_thin_classes` writes to stderr for ``of``."""
    warn_thin_classes(of)
    return capsys.readouterr().err.splitlines()
