"""The save's check and the window's change detection (`core.disk_state.current_state`) refused an annotation
under a kernel lease (Samba's kernel oplocks, an nfsd delegation) that `core.voc_tree` had just read: its own
O_NONBLOCK open failed with EWOULDBLOCK ("cannot check the file before saving: Resource temporarily
unavailable", the change unnoticed). It opens as the read does (`core.regular_file.open_regular`): it waits for
the holder to let go, and finds the state the read recorded."""

from __future__ import annotations

import os

import pytest

from petloc_gui.core.disk_state import current_state, state_of
from tests.core.test_regular_file_under_lease import _leased

fcntl = pytest.importorskip("fcntl")
pytestmark = [pytest.mark.skipif(not hasattr(fcntl, "F_SETLEASE"), reason="kernel leases are Linux's"),
              pytest.mark.timeout(30)]

_XML = b"<annotation><size><width>10</width><height>10</height><depth>3</depth></size></annotation>"


def test_a_leased_annotation_is_checked_once_its_holder_lets_go(tmp_path):
    path = tmp_path / "a.xml"
    path.write_bytes(_XML)
    read = state_of(os.stat(path), _XML)
    holder = _leased(path)
    try:
        assert current_state(path) == read
    finally:
        said, _ = holder.communicate(timeout=25)
    assert said.strip() == "asked"  # the check did meet the lease, and waited on it
