"""The end of a multi-worker run between two workers (model.worker_end): the non-chief learns which chief
it trained with and where that chief writes, and exits as the chief's save did. The two workers run in two
threads here; their collective, a sum of each one's vector, is made by `_Pair` as the strategy's is."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import pytest

from petloc_gui.model.worker_end import (
    TEXT_BYTES,
    Chief,
    ChiefFailedError,
    chief_saving,
    final_decision,
    json_text,
    non_chief_finish,
    text_of_sum,
    text_vector,
)

CHIEF = Chief("worker 0", "127.0.0.1:23456", 4321, "/abs/runs/o0/digits-1")


class _Pair:
    """Two workers' `worker_end.Exchange`: each call waits for the other worker's, then both get the sum."""

    def __init__(self) -> None:
        self.barrier = threading.Barrier(2, timeout=10)
        self.vectors: dict[int, list[float]] = {}
        self.lock = threading.Lock()

    def exchange(self, worker: int) -> Callable[[bool, str | None], tuple[bool, str | None]]:
        def call(flag: bool, text: str | None) -> tuple[bool, str | None]:
            with self.lock:
                self.vectors[worker] = text_vector(text, flag)
            self.barrier.wait()
            total = [a + b for a, b in zip(self.vectors[0], self.vectors[1], strict=True)]
            self.barrier.wait()  # both have read the sum before the next call writes
            return text_of_sum(total)

        return call


def _both(chief_side: Callable[[], Any], other_side: Callable[[], Any]) -> tuple[Any, Any]:
    """Run the two sides at once: (what each returned, or the exception it raised)."""
    results: dict[int, Any] = {}

    def run(index: int, side: Callable[[], Any]) -> None:
        try:
            results[index] = side()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i, side)) for i, side in enumerate((chief_side, other_side))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results[0], results[1]


def test_the_final_decision_names_the_chief_to_the_other_worker_and_agrees_on_a_stop():
    pair = _Pair()
    chief_got, other_got = _both(lambda: final_decision(pair.exchange(0), CHIEF, False),
                                 lambda: final_decision(pair.exchange(1), None, True))
    assert chief_got == (True, CHIEF) and other_got == (True, CHIEF)  # the other's stop request stops both
    assert CHIEF.named() == "worker 0 (127.0.0.1:23456, pid 4321)"


def _end(chief_save: Callable[[], None]) -> tuple[Any, Any, list[dict[str, Any]]]:
    """The chief saving with ``chief_save`` and the other worker finishing, together."""
    pair, events = _Pair(), []

    def chief_side() -> str:
        with chief_saving(pair.exchange(0), CHIEF, events.append):
            chief_save()
        return "written"

    chief_got, other_got = _both(chief_side, lambda: non_chief_finish(pair.exchange(1), CHIEF, lambda: None))
    return chief_got, other_got, events


def test_the_other_worker_fails_naming_the_chief_when_the_chief_could_not_write_the_bundle():
    def fails() -> None:
        raise FileExistsError(17, "File exists", "/abs/runs/o0/digits-1")

    chief_got, other_got, _ = _end(fails)
    assert isinstance(chief_got, FileExistsError)  # the chief's own error, as before
    assert isinstance(other_got, ChiefFailedError), other_got
    assert str(other_got) == ("the chief (worker 0 (127.0.0.1:23456, pid 4321), writing to /abs/runs/o0/digits-1) "
                              "could not write the bundle: /abs/runs/o0/digits-1: File exists (see the chief's output)")


def test_the_other_worker_hears_that_the_chief_wrote_the_bundle():
    chief_got, other_got, events = _end(lambda: None)
    assert chief_got == "written" and other_got == CHIEF and not events


def test_the_other_workers_own_save_error_is_raised_after_the_chief_is_heard():
    pair = _Pair()

    def own_save() -> None:
        raise OSError(28, "No space left on device")

    def chief_side() -> str:
        with chief_saving(pair.exchange(0), CHIEF, lambda event: None):
            pass
        return "written"

    chief_got, other_got = _both(chief_side, lambda: non_chief_finish(pair.exchange(1), CHIEF, own_save))
    assert chief_got == "written"  # not left waiting for the other worker's word
    assert isinstance(other_got, OSError) and other_got.errno == 28


@pytest.mark.parametrize("replicas", [1, 2])
def test_a_long_text_is_cut_on_a_character_and_a_chief_with_several_devices_reads_once(replicas):
    text = "é" * TEXT_BYTES  # two bytes each: the cut falls inside one at an odd limit, never here
    vector = text_vector("x" + text)
    summed = [value * replicas for value in vector]  # a chief counted once per device
    flag, said = text_of_sum(summed)
    assert not flag and said is not None
    assert said == ("x" + text).encode()[:TEXT_BYTES - 1].decode()  # the last "é", cut in two, left out whole
    assert text_of_sum(text_vector(None, True)) == (True, None)  # no chief said anything


def test_a_text_of_exactly_the_limit_is_sent_whole():
    """2,048 "é" are 4,096 bytes, the limit: the last one, complete, was dropped as if it were cut."""
    text = "é" * (TEXT_BYTES // 2)
    assert text_of_sum(text_vector(text)) == (False, text)
    three = "x" + "€" * (TEXT_BYTES // 3)  # 1 + 1,365 x 3 bytes: the limit again, then one more cut off
    assert text_of_sum(text_vector(three + "€")) == (False, three)


def _failing_with(reason: str) -> Callable[[], None]:
    def fails() -> None:
        raise RuntimeError(reason)

    return fails


@pytest.mark.parametrize("reason", [
    "cannot save the model bundle: " + "x" * 5000 + " (the end)",  # a TensorFlow error runs that long
    "не удалось сохранить модель: " + "ошибка " * 700 + "(конец)",  # JSON's \\u escapes: 6 bytes a character
])
def test_a_chief_failure_of_any_length_reaches_the_other_worker(reason):
    """Encoded and then cut to 4,096 bytes, it arrived as broken JSON: "it did not say whether it wrote the
    bundle", though it had. Now the reason loses its middle and arrives with its start and end."""
    chief_got, other_got, _ = _end(_failing_with(reason))
    assert isinstance(chief_got, RuntimeError) and isinstance(other_got, ChiefFailedError), other_got
    said = str(other_got)
    head = "the chief (worker 0 (127.0.0.1:23456, pid 4321), writing to /abs/runs/o0/digits-1) could not write " \
           "the bundle: "
    assert said.startswith(head + reason[:100]) and "did not say" not in said
    assert said.endswith(reason[-100:] + " (see the chief's output)")
    shown = said[len(head):-len(" (see the chief's output)")]
    assert "…" in shown and len(shown) < len(reason)
    assert len(json.dumps({"failure": shown}, ensure_ascii=False).encode()) <= TEXT_BYTES


def test_a_chief_with_a_long_bundle_path_is_still_named():
    """A path of about 4,000 bytes or more cut the chief's record: the other worker did not know its chief."""
    chief = Chief("worker 0", "127.0.0.1:23456", 4321, "/abs/" + "d/" * 2250 + "digits-1")  # 4,513 bytes
    pair = _Pair()
    chief_got, other_got = _both(lambda: final_decision(pair.exchange(0), chief, False),
                                 lambda: final_decision(pair.exchange(1), None, False))
    assert chief_got == other_got
    stop, heard = other_got
    assert not stop and heard is not None
    assert (heard.task, heard.address, heard.pid) == (chief.task, chief.address, chief.pid)
    assert heard.bundle.startswith("/abs/d/d/") and heard.bundle.endswith("/d/digits-1") and "…" in heard.bundle


def test_a_bundle_path_not_in_utf8_is_heard_as_it_is():
    """A file name of bytes not in UTF-8 (a surrogate in Python) is sent as its JSON escape."""
    chief = Chief("worker 0", "", 7, "/abs/caf\udce9/digits-1")
    text = json_text(chief.record(), "bundle")
    assert text_of_sum(text_vector(text)) == (False, text)
    assert Chief.from_text(text) == chief
