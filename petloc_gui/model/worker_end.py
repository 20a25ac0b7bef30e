"""The end of a multi-worker run: which chief writes the bundle, and whether it did.

Every worker of a run trains the same weights, but only the chief writes the bundle. A non-chief
used to end with "this worker is done; the chief worker writes the bundle" and exit 0 knowing
neither which chief it trained with nor what that chief did: a leftover worker 0 of an earlier run,
still waiting for its partner, took the new worker 1 and wrote the bundle into the earlier run's
--out; a chief that could not save (its --out replaced by a file) exited 1 while worker 1 still
said done and exited 0, with no bundle anywhere.

Two collectives, both the sum (`reduce_to`) the stop decision already makes, carry the chief's
words to every worker as UTF-8 bytes (`exchange_of`): only the chief adds its bytes, the
others add zeros, so the sum is the chief's text (a count slot divides out a chief with several
devices). The first is the final decision itself (`final_decision`): with the stop flags it
carries who the chief is (its task, host:port and pid) and the bundle folder it writes. The
second, after the chief's save (`shared_result`), carries whether the bundle was written, and
why not: the non-chief then exits as the chief did, naming it.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from petloc_gui.core.errors import PetlocError
from petloc_gui.model.distributed import WorkerLostError, summed
from petloc_gui.model.untyped import KerasModel, Strategy

# Bytes of text the chief can send at the end (its record, its failure): `json_text` shortens what is longer.
TEXT_BYTES = 4096
_HEAD = 3  # the vector's slots before the text: stop flags, chiefs counted, the text's length


class ChiefFailedError(PetlocError):
    """The chief of a multi-worker run could not write the bundle: the other workers fail with it."""


@dataclass(frozen=True)
class Chief:
    """The chief a run's workers trained with, as it says itself at the final decision."""

    task: str  # "worker 0", "chief 0"
    address: str  # host:port from TF_CONFIG ("" when not known)
    pid: int
    bundle: str  # the absolute folder it writes the bundle to

    def named(self) -> str:
        """`worker 0 (127.0.0.1:23456, pid 4321)`."""
        where = f"{self.address}, " if self.address else ""
        return f"{self.task} ({where}pid {self.pid})"

    def record(self) -> dict[str, Any]:
        return {"task": self.task, "address": self.address, "pid": self.pid, "bundle": self.bundle}

    @classmethod
    def from_record(cls, said: Any) -> Chief | None:
        """The chief of a `record` (None: not one)."""
        try:
            return cls(str(said["task"]), str(said["address"]), int(said["pid"]), str(said["bundle"]))
        except (ValueError, TypeError, KeyError):
            return None

    @classmethod
    def from_text(cls, text: str | None) -> Chief | None:
        try:
            return cls.from_record(json.loads(text or ""))
        except ValueError:
            return None


def this_chief(strategy: Strategy, bundle: Path) -> Chief:
    """This process as the chief of ``strategy``'s cluster, writing the bundle to ``bundle``."""
    resolver = getattr(strategy, "cluster_resolver", None)
    task_type, task_id = getattr(resolver, "task_type", None), getattr(resolver, "task_id", None)
    address = ""
    if resolver is not None and task_type is not None:
        try:
            address = resolver.cluster_spec().task_address(task_type, task_id or 0) or ""
        except (ValueError, KeyError):
            address = ""
    task = f"{task_type} {task_id or 0}" if task_type else "the only process"
    return Chief(task, address, os.getpid(), os.path.abspath(bundle))


def text_vector(text: str | None, flag: bool = False) -> list[float]:
    """The vector one worker adds to the sum: its stop flag, then (``text`` not None: the chief) a count
    of 1, the length of ``text``'s UTF-8 bytes and the bytes, cut at `TEXT_BYTES` on a character's start."""
    data = (text or "").encode("utf-8")[:TEXT_BYTES]
    data = data.decode("utf-8", errors="ignore").encode("utf-8")  # a character cut in two: left out whole
    head = [1.0 if flag else 0.0, 1.0 if text is not None else 0.0, float(len(data) if text is not None else 0)]
    return head + [float(b) for b in data] + [0.0] * (TEXT_BYTES - len(data))


def json_text(record: dict[str, Any], long_key: str) -> str:
    """``record`` as JSON that `text_vector` sends whole (at most `TEXT_BYTES` UTF-8 bytes): cut after encoding,
    it arrived as broken JSON, which said nothing. ``record[long_key]`` (an error's reason, a folder path)
    loses characters from its middle, its start and end kept, until it fits. Not ASCII-escaped: that made
    each non-ASCII character up to 6 bytes; a lone surrogate (a file name not in UTF-8) alone is escaped."""
    value = record.get(long_key)

    def dumped(kept: int) -> str:
        shown = value
        if isinstance(value, str) and kept < len(value):
            head = (kept + 1) // 2
            shown = value[:head] + "…" + value[len(value) - (kept - head):]
        text = json.dumps({**record, long_key: shown}, ensure_ascii=False)
        return text.encode("utf-8", errors="backslashreplace").decode("utf-8")  # a surrogate: its JSON escape

    def fits(kept: int) -> bool:
        return len(dumped(kept).encode("utf-8")) <= TEXT_BYTES

    longest = len(value) if isinstance(value, str) else 0
    if fits(longest):
        return dumped(longest)
    shortest, too_long = 0, longest  # the most characters kept that fit, by halving
    while too_long - shortest > 1:
        middle = (shortest + too_long) // 2
        shortest, too_long = (middle, too_long) if fits(middle) else (shortest, middle)
    return dumped(shortest)


def text_of_sum(total: list[float]) -> tuple[bool, str | None]:
    """(any worker's flag set, the chief's text: None when no worker sent one) of the summed vectors."""
    chiefs = round(total[1])
    if chiefs < 1:
        return total[0] > 0.0, None
    length = min(TEXT_BYTES, round(total[2] / chiefs))
    data = bytes(round(v / chiefs) & 0xFF for v in total[_HEAD:_HEAD + length])
    return total[0] > 0.0, data.decode("utf-8", errors="replace")


Exchange = Callable[[bool, str | None], tuple[bool, str | None]]


def exchange_of(strategy: Strategy, timeout: float | None) -> Exchange:
    """One collective on ``strategy`` (`distributed.summed`, ``timeout``), every worker at the same point: whether
    any worker's flag is set, and the text the chief sent (the others pass None)."""
    return lambda flag, text: text_of_sum(summed(strategy, text_vector(text, flag), timeout))


def final_decision(exchange: Exchange, chief: Chief | None, stop_requested: bool) -> tuple[bool, Chief | None]:
    """The workers' last agreed decision (`distributed.FINAL_DECISION_TIMEOUT`): (stop, for all of them; the
    chief they trained with, as it said itself). ``chief``: this process, when it is the chief, else None."""
    stop, text = exchange(stop_requested, json_text(chief.record(), "bundle") if chief is not None else None)
    return stop, Chief.from_text(text)


def shared_result(exchange: Exchange, chief: Chief | None, failure: str | None) -> str | None:
    """After the chief's save, all together: the chief's failure (None: the bundle is written). The chief
    passes its own ``failure``; a non-chief passes ``chief`` None and learns it."""
    _, text = exchange(False, json_text({"failure": failure}, "failure") if chief is not None else None)
    try:
        said = json.loads(text or "")
    except ValueError:
        said = None
    if not isinstance(said, dict):
        return "it did not say whether it wrote the bundle"
    failure_said = said.get("failure")
    return None if failure_said is None else str(failure_said)


def chief_result_for_others(exchange: Exchange, chief: Chief, failure: str | None,
                            emit: Callable[[dict[str, Any]], None]) -> None:
    """The chief's side of `shared_result`. Its bundle is written (or its error raised) whatever the others
    do: another worker gone by then is said, not an error of this run."""
    try:
        shared_result(exchange, chief, failure)
    except WorkerLostError as exc:
        if failure is None:
            emit({"event": "notice", "message": f"warning: the other workers could not be told that the bundle "
                                                f"was written ({exc})"})


@contextmanager
def chief_saving(exchange: Exchange, chief: Chief | None, emit: Callable[[dict[str, Any]], None]) -> Iterator[None]:
    """Around the chief's save (``chief``: this process; None: not a multi-worker run, nothing to tell): then,
    the others hear whether it wrote the bundle, or why not (`shared_result`); its error is raised after."""
    if chief is None:
        yield
        return
    try:
        yield
    except Exception as exc:
        chief_result_for_others(exchange, chief, failure_text(exc), emit)
        raise
    chief_result_for_others(exchange, chief, None, emit)


def save_scratch(model: KerasModel, meta: dict[str, Any]) -> None:
    """A non-chief's save. Every worker holds the same weights and BatchNorm statistics (synchronised); only
    the chief writes the bundle. The others save to a temporary folder (the Keras convention) and delete it."""
    from petloc_gui.model.bundle_write import save_bundle

    with tempfile.TemporaryDirectory(prefix="petloc-worker-") as scratch:
        save_bundle(model, meta, Path(scratch) / "bundle")


def non_chief_finish(exchange: Exchange, chief: Chief | None, save: Callable[[], None]) -> Chief | None:
    """A non-chief's end: its own ``save`` (`save_scratch`), then its side of `shared_result` (that save's
    error is raised once the chief has been heard: the chief waits for this worker's word). Raises
    `ChiefFailedError` when the chief could not write the bundle; returns the chief that wrote it."""
    own_failure: Exception | None = None
    try:
        save()
    except Exception as exc:  # noqa: BLE001 - raised below, after the chief is heard
        own_failure = exc
    failure = shared_result(exchange, None, None)
    if failure is not None:
        who = f" ({chief.named()}, writing to {chief.bundle})" if chief is not None else ""
        raise ChiefFailedError(f"the chief{who} could not write the bundle: {failure} "
                               "(see the chief's output)")
    if own_failure is not None:
        raise own_failure
    return chief


def failure_text(exc: BaseException) -> str:
    """What a chief's save error says, in one line (the file it is about included)."""
    if isinstance(exc, OSError) and not isinstance(exc, PetlocError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    return " ".join(str(exc).split()) or type(exc).__name__
