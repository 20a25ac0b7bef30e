"""Fixtures for the `petloc` command tests: small datasets written on the fly."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import pytest

from tests.cli.helpers import BILLION_LAUGHS, voc_xml, write_annotated, write_image
from tests.core import interop_helpers

# The interop tests' sidecar set (tests/core/interop_helpers.py), as a fixture here too.
small_voc = interop_helpers.small_voc


@pytest.fixture(autouse=True)
def _sigint_handler_kept():
    """`petloc train` ignores Ctrl+C once its bundle is written, until the process exits (cmd_train.TrainStop);
    run in-process, the test session gets its handler back. (The commands under cli.stop_signals put
    back the handlers they found when they return.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handler = signal.getsignal(signal.SIGINT)
    yield
    if handler is not None:
        signal.signal(signal.SIGINT, handler)


@pytest.fixture
def messy_dataset(tmp_path) -> Path:
    """A sidecar folder with known content and known problems.

    - a.png  40x30, cat box inside
    - b.png  40x30, dog box extending past the right edge
    - c.png  no annotation
    - d.jpg  not an image (corrupt), annotated cat
    - e.png  broken XML
    - f.png  inverted cat box
    - g.png  hostile XML (entity expansion)
    """
    folder = tmp_path / "messy"
    folder.mkdir()
    write_annotated(folder, "a", 40, 30, [("cat", (5, 5, 20, 20))])
    write_annotated(folder, "b", 40, 30, [("dog", (30, 10, 60, 25))])
    write_image(folder / "c.png", 40, 30)
    (folder / "d.jpg").write_bytes(b"\xff\xd8 this is not really a jpeg")
    (folder / "d.xml").write_text(voc_xml("d.jpg", 40, 30, [("cat", (1, 1, 10, 10))]), encoding="utf-8")
    write_image(folder / "e.png", 40, 30)
    (folder / "e.xml").write_text("<annotation><object><name>cat</name>", encoding="utf-8")
    write_annotated(folder, "f", 40, 30, [("cat", (20, 20, 10, 10))])
    write_image(folder / "g.png", 40, 30)
    (folder / "g.xml").write_text(BILLION_LAUGHS, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def tiny_bundle(tmp_path_factory) -> Path:
    """A deterministic 2-class bundle on disk (see helpers.build_tiny_bundle)."""
    from tests.cli.helpers import build_tiny_bundle

    return build_tiny_bundle(tmp_path_factory.mktemp("bundles") / "tiny")
