"""The JSON-lines parser of the training process output."""

from __future__ import annotations

from petloc_gui.ui.training.training_process import JsonLinesParser, ProcessOutcome


def test_partial_lines_are_buffered_until_their_newline():
    parser = JsonLinesParser()
    assert parser.feed(b'{"event": "ba') == ([], [])
    assert parser.feed(b'tch", "step": 1}\n{"event"') == ([{"event": "batch", "step": 1}], [])
    events, garbage = parser.feed(b': "epoch"}\n')
    assert events == [{"event": "epoch"}] and garbage == []


def test_garbage_and_non_event_lines_come_back_as_garbage():
    parser = JsonLinesParser()
    events, garbage = parser.feed(b'Epoch 1/3 ====>\n[1, 2]\n{"no": "event"}\n\n{"event": "done"}\n')
    assert events == [{"event": "done"}]
    assert garbage == ["Epoch 1/3 ====>", "[1, 2]", '{"no": "event"}']


def test_utf8_split_across_chunks_and_crlf():
    parser = JsonLinesParser()
    data = '{"event": "error", "message": "Fehler: Größe"}\r\n'.encode()
    cut = data.index("ö".encode()) + 1  # in the middle of the two-byte character
    assert parser.feed(data[:cut]) == ([], [])
    events, _ = parser.feed(data[cut:])
    assert events == [{"event": "error", "message": "Fehler: Größe"}]


def test_flush_parses_a_last_line_without_newline():
    parser = JsonLinesParser()
    parser.feed(b'{"event": "cancelled"}')
    assert parser.flush() == ([{"event": "cancelled"}], [])
    assert parser.flush() == ([], [])


def test_outcome_messages_name_the_reason_and_the_log_tail():
    crash = ProcessOutcome(exit_code=-9, crashed=True, cancelled=False, error_message=None,
                           last_stderr=["loading", "Killed"])
    text = crash.describe()
    assert "crashed" in text and "unchanged" in text and "Killed" in text
    # on Unix QProcess's exit code of a crash is the signal: a kill from outside, or a fault in native code
    killed = ProcessOutcome(9, True, False, None, []).describe()
    assert "was killed (SIGKILL: by the system when memory ran out" in killed
    assert "crashed (SIGSEGV: a fault in TensorFlow" in ProcessOutcome(11, True, False, None, []).describe()
    assert "crashed (SIGABRT" in ProcessOutcome(6, True, False, None, []).describe()
    exit_code = ProcessOutcome(3, False, False, None, []).describe()
    assert "code 3" in exit_code
    error = ProcessOutcome(1, False, False, "the disk is full", []).describe()
    assert "the disk is full" in error
    assert "cancelled" in ProcessOutcome(4, False, True, None, []).describe()



def test_eta_leaves_out_the_first_batch_and_counts_the_scoring():
    from petloc_gui.app.training_eta import SCORING_FIXED_S, TrainingEta

    eta = TrainingEta()
    eta.start(epochs=1, steps=101, n_train=101, n_val=0)
    eta.batch(1, 1, 101, now=100.0)
    assert eta.remaining(100.0) is None  # first batch: graph building, not a pace
    eta.batch(1, 11, 101, now=110.0)
    assert eta.remaining(110.0) == 90.0 + SCORING_FIXED_S  # 1 s per batch, 90 to go, then saving


def test_petloc_debug_0_keeps_tensorflows_notices_out_of_the_training_log(qtbot, monkeypatch):
    from petloc_gui.ui.training.training_process import TrainingProcess

    monkeypatch.setenv("PETLOC_DEBUG", "0")  # off, as for the CLI
    assert not TrainingProcess()._show_noise
    monkeypatch.setenv("PETLOC_DEBUG", "1")
    assert TrainingProcess()._show_noise


def test_a_line_nested_too_deep_to_parse_is_garbage_not_a_crash():
    """json.loads raises RecursionError, not ValueError, for ~100,000 '[': it escaped the parser and ended the
    window's handling of the worker's output."""
    parser = JsonLinesParser()
    events, garbage = parser.feed(b"[" * 100_000 + b'\n{"event": "epoch", "epoch": 1}\n')
    assert events == [{"event": "epoch", "epoch": 1}] and garbage == ["[" * 100_000]
