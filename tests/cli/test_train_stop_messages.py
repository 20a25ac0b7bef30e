"""What `petloc train` says and returns for a Ctrl+C or SIGTERM at each point: during training, after
the last batch, once the bundle is being written; and when another worker of the run was stopped."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from pathlib import Path

import pytest

from petloc_gui.cli import cmd_train, train_stop
from tests.cli.helpers import run_cli, voc_xml, write_image

needs_main_thread = pytest.mark.skipif(threading.current_thread() is not threading.main_thread(),
                                       reason="signal handlers can only be installed from the main thread")


def ctrl_c() -> None:
    os.kill(os.getpid(), signal.SIGINT)  # what Ctrl+C does; the handler runs before os.kill returns


def sigterm() -> None:
    os.kill(os.getpid(), signal.SIGTERM)  # what CI cancelling a job, `docker stop` or `timeout` send


def _not_handled(signum, frame):
    raise AssertionError("SIGTERM reached the test's own handler: petloc train did not handle it")


@pytest.fixture
def fake_training(tmp_path, monkeypatch):
    """A dataset folder and a stand-in for `training.train` running ``steps(on_event)`` (no TensorFlow)."""
    data = tmp_path / "data"
    data.mkdir()
    for name in ("a", "b"):
        write_image(data / f"{name}.png", 40, 30)
        (data / f"{name}.xml").write_text(voc_xml(f"{name}.png", 40, 30, [("cat", (5, 5, 20, 20))]), encoding="utf-8")
    from petloc_gui.model import training

    def use(steps):
        def trained(data_dir, config, on_event, should_stop, folder=None):
            steps(on_event, should_stop)
            on_event({"event": "done", "metrics": {}, "bundle": config.out_dir})
            return Path(config.out_dir)

        monkeypatch.setattr(training, "train", trained)

    monkeypatch.setattr(cmd_train, "load_tensorflow", lambda: None)
    inherited = signal.signal(signal.SIGINT, signal.default_int_handler)
    terminate = signal.signal(signal.SIGTERM, _not_handled)  # never the system's: it would end the tests
    yield data, use
    signal.signal(signal.SIGINT, inherited)
    signal.signal(signal.SIGTERM, terminate)


@needs_main_thread
def test_ctrl_c_once_the_bundle_is_being_written_is_too_late_and_says_so(fake_training, tmp_path, capsys):
    data, use = fake_training
    use(lambda on_event, should_stop: (on_event({"event": "saving", "writes_bundle": True}), ctrl_c()))
    code, out, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 0, err
    assert "too late to cancel: the bundle is being written" in err
    assert "stopping" not in err and "cancelled" not in err
    assert out.strip()  # the bundle's path


@needs_main_thread
def test_a_ctrl_c_just_before_the_point_of_no_return_is_told_it_came_too_late(fake_training, tmp_path, capsys):
    """Read as "no stop" by the final decision, then pressed: "stopping" was shown, so it is corrected."""
    data, use = fake_training
    use(lambda on_event, should_stop: (should_stop(), ctrl_c(), on_event({"event": "saving", "writes_bundle": False})))
    code, _, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 0, err
    lines = [line for line in err.splitlines() if line]
    stopping = lines.index(train_stop.stop_line(train_stop.STOPPING, signal.SIGINT).strip())
    # a non-chief worker: the chief writes it
    assert lines[stopping + 1] == train_stop.stop_line(train_stop.TOO_LATE_WORKER, signal.SIGINT).strip()


@needs_main_thread
def test_a_run_cancelled_by_another_worker_says_so(fake_training, tmp_path, capsys):
    from petloc_gui.model.training import TrainingCancelled

    data, use = fake_training

    def cancelled_elsewhere(on_event, should_stop):
        raise TrainingCancelled("training cancelled; no model was saved")

    use(cancelled_elsewhere)
    code, out, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 130 and out == ""
    assert err.strip().endswith("petloc: training cancelled: another worker was stopped (Ctrl+C or SIGTERM "
                                "there); no bundle written")

    def cancelled_here(on_event, should_stop):
        ctrl_c()
        assert should_stop()
        raise TrainingCancelled("training cancelled; no model was saved")

    use(cancelled_here)
    code, out, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 130 and out == ""
    assert "stopping: no bundle will be written (Ctrl+C again to abort at once)..." in err
    assert err.strip().endswith("petloc: training cancelled; no bundle written")


@needs_main_thread
def test_sigterm_cancels_training_as_ctrl_c_does_and_says_so(fake_training, tmp_path, capsys):
    data, use = fake_training

    from petloc_gui.model.training import TrainingCancelled

    def cancelled_here(on_event, should_stop):
        sigterm()
        assert should_stop()
        raise TrainingCancelled("training cancelled; no model was saved")

    use(cancelled_here)
    out = tmp_path / "runs" / "models"
    code, stdout, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", out)
    assert (code, stdout) == (143, "")
    assert "stopping (SIGTERM): no bundle will be written (another SIGTERM or Ctrl+C to abort at once)..." in err
    assert err.strip().endswith("petloc: training cancelled (SIGTERM); no bundle written")
    assert not (tmp_path / "runs").exists()  # the --out folder this run made, empty, is taken back


@needs_main_thread
@pytest.mark.parametrize(("second", "status", "line"), [(sigterm, 143, "petloc: terminated (SIGTERM)"),
                                                        (ctrl_c, 130, "petloc: interrupted")])
def test_a_second_stop_aborts_at_once(fake_training, tmp_path, capsys, monkeypatch, second, status, line):
    """With one line and the signal's status, ending the process (os._exit): a KeyboardInterrupt raised from
    the handler landed in whatever ran, and in a finaliser (TensorFlow's ConcreteFunctionGarbageCollector
    .__del__, while the workers stopped) Python printed "Exception ignored in: ..." and went on."""
    data, use = fake_training
    steps = []

    class Exited(BaseException):  # what os._exit would do: nothing after it runs
        pass

    def exit_now(code: int) -> None:
        steps.append(("exit", code))
        raise Exited

    monkeypatch.setattr(os, "_exit", exit_now)

    def stopped_twice(on_event, should_stop):
        sigterm()
        with contextlib.suppress(KeyboardInterrupt):  # raised into a finaliser, Python ignored it and went on
            second()
        steps.append("after the second stop")

    use(stopped_twice)
    with pytest.raises(Exited):
        run_cli(capsys, "train", data, "--preset", "digits", "--out", tmp_path / "models")
    stdout, err = capsys.readouterr()
    assert (stdout, steps) == ("", [("exit", status)])
    assert err.strip().splitlines()[-1] == line


@needs_main_thread
def test_once_the_bundle_is_written_a_stop_is_ignored_while_the_process_exits(fake_training, tmp_path, capsys,
                                                                               monkeypatch):
    from petloc_gui.cli import stop_signals

    data, use = fake_training
    use(lambda on_event, should_stop: None)
    monkeypatch.setattr(stop_signals._state, "ignored_at_exit", False)
    registered = []
    monkeypatch.setattr(stop_signals.atexit, "register", registered.append)
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    code, stdout, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", tmp_path / "models")
    assert code == 0 and stdout.strip(), err
    # a stop in TensorFlow's teardown killed it (130): ignored once the process exits; until then the
    # caller's handlers are back (an in-process caller can still be stopped)
    assert registered == [stop_signals._ignore_stops]
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


@needs_main_thread
def test_a_failed_run_takes_back_the_out_folder_it_made_and_nothing_else(fake_training, tmp_path, capsys):
    from petloc_gui.core.errors import PetlocError

    data, use = fake_training

    def failed(on_event, should_stop):
        raise PetlocError("the data gave out")

    use(failed)
    out = tmp_path / "runs" / "models"
    code, _, err = run_cli(capsys, "train", data, "--preset", "digits", "--out", out)
    assert code == 1 and "the data gave out" in err
    assert not (tmp_path / "runs").exists()
    out.mkdir(parents=True)  # given, existing: it stays
    code, _, _ = run_cli(capsys, "train", data, "--preset", "digits", "--out", out)
    assert code == 1 and out.is_dir()
