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

The wait's socket also says which task this worker is and the cluster its TF_CONFIG lists (`ClusterView`, a line
each way: the socket first, then the worker that reached it), and each side compares (`view_difference`): workers
whose TF_CONFIG list the cluster in another order (each index 0: both "worker 0"), or another number of workers,
had all answered and then waited out the whole --worker-timeout in TensorFlow's connect, told to check their
addresses. Both refuse within seconds now (`ClustersDifferError`), naming the two views. The socket is answered
in a helper thread, so two workers reaching each other at the same moment do not wait for each other's answer.
Hosts are not compared: one machine may be named otherwise on each worker (localhost, its address).
"""

from __future__ import annotations

import json
import select
import signal
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

from petloc_gui.core.errors import PetlocError
from petloc_gui.core.stop_signal_list import stop_signal_numbers

# One connect to a worker: a port nobody listens on answers "refused" at once; only a host that drops the
# attempt (down, a firewall) takes this long, and a stop signal ends it even then.
PROBE_SECONDS = 1.0
# Between rounds of connects, while this worker answers the others' on its own port.
ROUND_SECONDS = 0.25
# The most a worker waits for the line the other side of the wait's socket says (`ClusterView`): the socket
# says its line at once, from its own thread; anything else there (TensorFlow's server) says other bytes at once.
EXCHANGE_SECONDS = 2.0
# What starts the line each side says, then its JSON: another program's bytes are not taken for a worker's.
_HELLO = b"petloc worker wait 1 "
_LONGEST_LINE = 1 << 20  # a cluster of thousands of host:ports; more is not a worker's line


class ClustersDifferError(PetlocError):
    """Two workers' TF_CONFIG do not describe the same cluster: another order, another size, one task twice."""


@dataclass(frozen=True)
class ClusterView:
    """This worker as its TF_CONFIG places it: its task ("worker 0") and the cluster listed (job: host:ports)."""

    task: str
    cluster: Mapping[str, Sequence[str]] = field(default_factory=dict)

    def sizes(self) -> dict[str, int]:
        return {job: len(addresses) for job, addresses in self.cluster.items()}

    def said(self) -> str:
        """`worker [a:1, b:2]`, `chief [a:1], worker [b:2]`."""
        return ", ".join(f"{job} [{', '.join(addresses)}]" for job, addresses in self.cluster.items())


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


def wait_for_workers(peers: Sequence[Peer], own_port: int, timeout: float, say: Callable[[str], None],
                     mine: ClusterView | None = None) -> list[Peer]:
    """Wait until each of ``peers`` answers on its host:port, at most ``timeout`` seconds, answering theirs on
    ``own_port`` meanwhile; ``say`` is told which it waits for. Returns those that never answered ([]: all did).
    ``mine``: this worker's TF_CONFIG, told to the others and compared with theirs (None: nothing told).

    A stop (Ctrl+C, SIGTERM: the interrupt the command's handler raises) is raised again as the same kind of
    interrupt with the line to say (`stopped_line`). An OSError: ``own_port`` cannot be opened here. A worker
    whose TF_CONFIG differs, met either way: `ClustersDifferError`, the others refusing as they meet it."""
    missing = list(peers)
    noted: list[int] = []  # the stop signal that came, for its line
    wait_socket: _WaitSocket | None = None
    try:
        with ExitStack() as closing, _stop_signal_noted(noted):
            deadline = time.monotonic() + timeout
            waited = False  # a line said which workers it waits for
            while True:
                started = []
                for peer in missing:
                    answered, difference = _reached(peer, mine)
                    if difference:
                        raise ClustersDifferError(difference)
                    if answered:
                        started.append(peer)
                missing = [peer for peer in missing if peer not in started]
                if started and waited:
                    going_on = f"waiting for {named_together(missing)} to start..." if missing else "connecting..."
                    say(f"{named_together(started)} started; {going_on}")
                if not missing:
                    break
                if wait_socket is None:
                    # Only now: all the others answering at once are waiting for this worker already, so it
                    # goes on to TensorFlow's server, and they see that. Listening first, one of them saw this
                    # worker's socket, left its wait, and was not there for a moment when this worker looked.
                    wait_socket = _WaitSocket(own_port, mine)
                    closing.callback(wait_socket.close)
                if wait_socket.difference:
                    break
                if not waited:
                    say(f"waiting for {named_together(missing)} to start (Ctrl+C stops the wait)...")
                    waited = True
                if time.monotonic() >= deadline:
                    break
                wait_socket.reached.wait(ROUND_SECONDS)  # a connect from another worker ends it early
                wait_socket.reached.clear()
    except KeyboardInterrupt as exc:
        raise type(exc)(stopped_line(missing, noted[0] if noted else None)) from None
    # closed, its thread done: a worker that reached it in its last moments is compared too
    if wait_socket is not None and wait_socket.difference:
        raise ClustersDifferError(wait_socket.difference)
    return missing


def view_difference(mine: ClusterView, theirs: ClusterView, reached: Peer | None = None,
                    expects: str | None = None) -> str | None:
    """How another worker's TF_CONFIG (``theirs``) differs from this worker's (``mine``), as the refusal says
    it; None when they agree. ``reached``: the peer this worker reached, from its TF_CONFIG; else the other
    worker reached this one, taking it for its ``expects``."""
    if reached is not None:
        who = f"{reached.task} at {reached.address} in this worker's TF_CONFIG"
        other = None if theirs.task == reached.task else f"is {theirs.task} in its own"
    else:
        who = f"a worker that is {theirs.task} in its own TF_CONFIG"
        other = None if expects in (None, mine.task) else \
            f"took this worker for its {expects}, but this is {mine.task} here"
    if other is None and theirs.sizes() != mine.sizes():
        other = f"lists {_counted(theirs)}, this worker {_counted(mine)}"
    if other is None:
        return None
    return (f"the workers' TF_CONFIG differ: {who} {other} (its cluster: {theirs.said()}; this worker's: "
            f"{mine.said()}, as {mine.task}): give every worker the same \"cluster\", in the same order, and each "
            "its own task index; nothing was trained")


def _counted(view: ClusterView) -> str:
    """`2 workers`, `1 chief and 2 workers`."""
    return " and ".join(f"{count} {job}{'' if count == 1 else 's'}" for job, count in view.sizes().items())


def _reached(peer: Peer, mine: ClusterView | None) -> tuple[bool, str | None]:
    """Whether ``peer`` answers at its host:port and, when its wait's socket tells its TF_CONFIG there (told
    ``mine`` in return), how that differs from this worker's (`view_difference`)."""
    host, _, port = peer.address.rpartition(":")
    try:
        connection = socket.create_connection((host.strip("[]"), int(port)), timeout=PROBE_SECONDS)
    except (OSError, ValueError):
        return False, None
    with connection:
        told = _told(connection) if mine is not None else None
        if told is None or mine is None:  # TensorFlow's server (the worker left its wait), or nothing said
            return True, None
        with suppress(OSError):
            connection.sendall(_line(mine, expects=peer.task))
        return True, view_difference(mine, told[0], reached=peer)


def _line(view: ClusterView, expects: str | None = None) -> bytes:
    """The line a worker says of its TF_CONFIG; ``expects``: the task it took the worker it reached for."""
    told: dict[str, Any] = {"task": view.task, "cluster": {job: list(at) for job, at in view.cluster.items()}}
    if expects is not None:
        told["expects"] = expects
    return _HELLO + json.dumps(told).encode("utf-8") + b"\n"


def _told(connection: socket.socket) -> tuple[ClusterView, str | None] | None:
    """The other side's `ClusterView` and the task it expects this worker to be, from its line; None when it
    says none within `EXCHANGE_SECONDS` (TensorFlow's server, a worker that closed, another program)."""
    deadline = time.monotonic() + EXCHANGE_SECONDS
    received = b""
    try:
        while not received.endswith(b"\n") and len(received) < _LONGEST_LINE:
            if not _HELLO.startswith(received[:len(_HELLO)]):
                return None
            connection.settimeout(max(0.01, deadline - time.monotonic()))
            chunk = connection.recv(65536)
            if not chunk:
                return None
            received += chunk
        if not received.startswith(_HELLO):
            return None
        told = json.loads(received[len(_HELLO):])
        cluster = {str(job): [str(at) for at in addresses] for job, addresses in told["cluster"].items()}
        expects = told.get("expects")
        return ClusterView(str(told["task"]), cluster), None if expects is None else str(expects)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):  # timed out, reset, not a worker's line
        return None


class _WaitSocket:
    """This worker's socket on its own port while it waits, on every interface as TensorFlow's server will
    listen (IPv6 and IPv4 where the system has both), answered in a helper thread: a worker that reaches it is
    told this worker's `ClusterView` and tells its own, and the first difference is kept (``difference``).
    `close` frees the port for TensorFlow's server."""

    def __init__(self, port: int, mine: ClusterView | None) -> None:
        dual = socket.has_dualstack_ipv6()
        self._listener = socket.create_server(("", port), family=socket.AF_INET6 if dual else socket.AF_INET,
                                              dualstack_ipv6=dual, backlog=64)
        self._listener.setblocking(False)
        self._mine = mine
        self.difference: str | None = None
        self.reached = threading.Event()  # a worker connected since the waiting thread last looked
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="petloc worker wait", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._closing.set()
        self._thread.join()
        self._listener.close()

    def _serve(self) -> None:
        while not self._closing.is_set():
            if select.select([self._listener], [], [], ROUND_SECONDS)[0]:
                self._answer()
                self.reached.set()

    def _answer(self) -> None:
        """Take the connects waiting, tell each this worker's view and hear its own, and end each at once. Left
        waiting, a connect from a worker already in TensorFlow's connect (gRPC) hung until gRPC's own handshake
        timeout; ended, gRPC tries again soon, and finds TensorFlow's server once this worker is there too."""
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:  # BlockingIOError: none left
                return
            with connection, suppress(OSError):
                if self._mine is not None:
                    connection.settimeout(EXCHANGE_SECONDS)
                    connection.sendall(_line(self._mine))
                    told = _told(connection)
                    if told is not None and self.difference is None:
                        self.difference = view_difference(self._mine, told[0], expects=told[1])
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
