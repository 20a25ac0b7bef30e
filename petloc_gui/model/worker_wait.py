"""The wait for the other workers of a multi-worker run to start, in Python, before TensorFlow connects them.

TensorFlow's connect (making ``MultiWorkerMirroredStrategy``) waits for the other workers inside its C++
code, which holds the interpreter: no Python signal handler runs meanwhile, so a Ctrl+C or SIGTERM while a
worker waited for one not started yet ended the process on the spot (exit 130 or 143, not a word, the
--out folder it had made left behind). `wait_for_workers` does that wait first, with sockets and short
timeouts, so a stop is handled as anywhere else in a command: it says what it stopped
("stopped while waiting for worker 1 (127.0.0.1:23457) to start; nothing was trained") and the command
takes back what it made.

A worker has started when its host:port answers a TCP connect. While it waits, each worker answers the
others' on its own port (a listening socket, closed before TensorFlow's server takes that port), so no
worker waits for one that waits for it; one whose first look finds all the others there goes straight
on. What answers there is either that wait's socket or, once the worker has left its wait, TensorFlow's
server: both say the worker has started. So once all have answered, the slowest of them is at most one
round (`ROUND_SECONDS`) from TensorFlow's connect.
"""

from __future__ import annotations

import select
import signal
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Any

from petloc_gui.core.stop_signal_list import stop_signal_numbers

# One connect to a worker: a port nobody listens on answers "refused" at once; only a host that drops the
# attempt (down, a firewall) takes this long, and a stop signal ends it even then.
PROBE_SECONDS = 1.0
# Between rounds of connects, while this worker answers the others' on its own port.
ROUND_SECONDS = 0.25


@dataclass(frozen=True)
class Peer:
    """A worker of TF_CONFIG's cluster: its task and where it answers."""

    task: str  # "worker 1", "chief 0"
    address: str  # host:port, as TF_CONFIG lists it

    def named(self) -> str:
        """`worker 1 (127.0.0.1:23457)`."""
        return f"{self.task} ({self.address})"


def named_together(peers: Sequence[Peer]) -> str:
    """`worker 1 (a:1)`, `worker 1 (a:1) and worker 2 (b:2)`, `worker 1 (a:1), worker 2 (b:2) and ...`."""
    names = [peer.named() for peer in peers]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def stopped_line(missing: Sequence[Peer], signum: int | None) -> str:
    """What a stop during the wait says: which workers had not started, and that nothing was trained.
    ``signum``: the stop signal (named unless it is Ctrl+C's, as the command's other stop lines do)."""
    by = f" ({signal.Signals(signum).name})" if signum is not None and signum != signal.SIGINT else ""
    waited = f"waiting for {named_together(missing)} to start" if missing else "connecting to the other workers"
    return f"stopped{by} while {waited}; nothing was trained"


def wait_for_workers(peers: Sequence[Peer], own_port: int, timeout: float, say: Callable[[str], None]) -> list[Peer]:
    """Wait until each of ``peers`` answers on its host:port, at most ``timeout`` seconds, answering theirs on
    ``own_port`` meanwhile; ``say`` is told which it waits for. Returns those that never answered ([]: all did).

    A stop (Ctrl+C, SIGTERM: the interrupt the command's handler raises) is raised again as the same kind of
    interrupt with the line to say (`stopped_line`). An OSError: ``own_port`` cannot be opened here."""
    missing = list(peers)
    noted: list[int] = []  # the stop signal that came, for its line
    try:
        with ExitStack() as closing, _stop_signal_noted(noted):
            deadline = time.monotonic() + timeout
            listener: socket.socket | None = None
            waited = False  # a line said which workers it waits for
            while True:
                started = [peer for peer in missing if _answers(peer.address)]
                missing = [peer for peer in missing if peer not in started]
                if started and waited:
                    going_on = f"waiting for {named_together(missing)} to start..." if missing else "connecting..."
                    say(f"{named_together(started)} started; {going_on}")
                if not missing:
                    return missing
                if listener is None:
                    # Only now: all the others answering at once are waiting for this worker already, so it
                    # goes on to TensorFlow's server, and they see that. Listening first, one of them saw this
                    # worker's socket, left its wait, and was not there for a moment when this worker looked.
                    listener = closing.enter_context(_answering(own_port))
                _answer(listener)
                if not waited:
                    say(f"waiting for {named_together(missing)} to start (Ctrl+C stops the wait)...")
                    waited = True
                if time.monotonic() >= deadline:
                    return missing
                select.select([listener], [], [], ROUND_SECONDS)  # a connect from another worker ends it early
    except KeyboardInterrupt as exc:
        raise type(exc)(stopped_line(missing, noted[0] if noted else None)) from None


def _answers(address: str) -> bool:
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=PROBE_SECONDS):
            return True
    except (OSError, ValueError):
        return False


@contextmanager
def _answering(port: int) -> Iterator[socket.socket]:
    """A socket listening on ``port`` on every interface, as TensorFlow's server will (IPv6 and IPv4 where
    the system has both), closed at the end of the block so that TensorFlow's server can take the port."""
    dual = socket.has_dualstack_ipv6()
    listener = socket.create_server(("", port), family=socket.AF_INET6 if dual else socket.AF_INET,
                                    dualstack_ipv6=dual, backlog=64)
    listener.setblocking(False)
    try:
        yield listener
    finally:
        listener.close()


def _answer(listener: socket.socket) -> None:
    """Take the connects waiting on ``listener`` and end each at once. Left waiting, a connect from a worker
    already in TensorFlow's connect (gRPC) hung until gRPC's own handshake timeout; ended, gRPC tries again
    soon, and finds TensorFlow's server once this worker is there too."""
    while True:
        try:
            connection, _ = listener.accept()
        except OSError:  # BlockingIOError: none left
            return
        with connection:
            # reset, not closed: no TIME_WAIT is left on the port TensorFlow's server binds next
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


@contextmanager
def _stop_signal_noted(noted: list[int]) -> Iterator[None]:
    """Within the block, note in ``noted`` each stop signal that comes, then run the handler that was there (the
    command's, which raises its interrupt). A signal left to the system (no Python handler) is left alone."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    handlers = {signum: signal.getsignal(signum) for signum in stop_signal_numbers()}
    previous: dict[int, Callable[[int, FrameType | None], Any]] = {
        signum: handler for signum, handler in handlers.items() if callable(handler)}

    def noting(signum: int, frame: FrameType | None) -> None:
        noted.append(signum)
        previous[signum](signum, frame)

    for signum in previous:
        signal.signal(signum, noting)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
