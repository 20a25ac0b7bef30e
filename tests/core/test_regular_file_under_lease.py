"""A class or list file under a kernel lease (Samba's kernel oplocks, an nfsd delegation: a client holds the file)
was refused: the O_NONBLOCK open that keeps a named pipe from stopping a read fails with EWOULDBLOCK on a lease
where a plain open waits for its holder to let go. It is now read once the holder lets go, as every other
program reads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from petloc_gui.core.regular_file import read_regular_file, read_regular_head

fcntl = pytest.importorskip("fcntl")
pytestmark = [pytest.mark.skipif(not hasattr(fcntl, "F_SETLEASE"), reason="kernel leases are Linux's"),
              pytest.mark.timeout(30)]

# The holder: a write lease (what Samba takes for an oplock), let go 0.3 s after the kernel asks (SIGIO).
_HOLDER = """
import fcntl, os, signal, sys, time
fd = os.open(sys.argv[1], os.O_RDWR)
asked = []
signal.signal(signal.SIGIO, lambda *_: asked.append(time.monotonic()))
try:
    fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_WRLCK)
except OSError as exc:
    print("no lease:", exc, flush=True)
    sys.exit()
print("held", flush=True)
end = time.monotonic() + 20
while not asked and time.monotonic() < end:
    time.sleep(0.01)
time.sleep(0.3)
fcntl.fcntl(fd, fcntl.F_SETLEASE, fcntl.F_UNLCK)
print("asked" if asked else "never asked", flush=True)
"""


def _leased(path: Path) -> subprocess.Popen[str]:
    """A process holding a write lease on ``path`` (the test skips where the file system or kernel allows none)."""
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    said = holder.stdout.readline().strip()
    if said != "held":
        holder.wait(5)
        pytest.skip(f"no kernel lease here ({said or 'holder said nothing'})")
    return holder


@pytest.mark.parametrize("read", [read_regular_file, read_regular_head])
def test_a_file_under_a_lease_is_read_once_its_holder_lets_go(tmp_path, read):
    path = tmp_path / "classes.txt"
    path.write_text("cat\ndog\n", encoding="utf-8")
    holder = _leased(path)
    try:
        assert read(path, 1 << 20) == b"cat\ndog\n"
    finally:
        said, _ = holder.communicate(timeout=25)
    assert said.strip() == "asked"  # the read did meet the lease, and waited on it
