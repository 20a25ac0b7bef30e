"""tf.distribute for training: strategies, the chief, and two Keras 3 gaps under multi-worker.

With ``MultiWorkerMirroredStrategy`` Keras 3's ``Model.fit`` fails in two
places that have nothing to do with our model (both reproduced with the
two-worker test, tests/model/test_multiworker.py):

1. before the first step it builds the model from a first batch that it
   averages across replicas with ``strategy.reduce``; the collective reduce
   cannot take a ``PerReplica`` of inputs ("Attempt to convert a value
   (PerReplica:{...}) ... to a Tensor"). `build_before_fit` builds model,
   loss and optimizer from the input shapes instead, so that step is not needed;
2. after each step it averages the scalar logs with
   ``strategy.reduce("MEAN", v, axis=0)``, which a scalar has no axis 0 for.
   `patch_keras_log_reduction` makes that one call use ``axis=None`` for scalars.

A stop request (Ctrl+C, the GUI's cancel) reaches one worker; if only that
worker left ``fit``, the others would wait in their next collective for ever.
`agreed_stop` sums the workers' requests with a collective after each batch,
so all leave at the same batch. After the last batch each worker validates
and scores on its own; `training.train` then asks once more, all together,
just before the bundle is written (`FINAL_DECISION_TIMEOUT`): a request made
until then stops every worker, one made later is too late for all of them.

A worker that exits (Ctrl+C twice, an error, a crash) leaves the others in a
collective: TensorFlow's coordination service notices within seconds (its
heartbeat) and fails it with ``UnavailableError``; `lost_workers` says that
in a sentence (`WorkerLostError`) instead of TensorFlow's.

Making the strategy connects the workers, inside TensorFlow's C++ code, which holds the GIL:
no Python signal handler runs until it returns, and TensorFlow waits for the other workers
without limit. So `connect_workers` first waits in Python until every worker has started
(`worker_wait`): a Ctrl+C or SIGTERM there says which workers had not started, and the command
takes back what it made; workers whose TF_CONFIG differ (another order, another size) refuse there
as they meet, which TensorFlow's connect would only have waited out. Then it makes the strategy
with a register timeout that every worker, worker 0 too, registers under (through a barrier), with
Ctrl+C left to the system meanwhile (it ends the process at once; all workers have started by then,
so that lasts a moment), and puts petloc's handlers back afterwards: the coordination service
installs TensorFlow's own SIGTERM handler (a preemption notifier), under which a SIGTERM did nothing.
That handler is in place during the connect already, so a SIGTERM then is lost: the connect still
ends at the timeout.
`make_strategy` hands that strategy to training.
"""

from __future__ import annotations

import functools
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from types import TracebackType
from typing import Any

from petloc_gui.core.errors import PetlocError
from petloc_gui.core.stop_signal_list import stop_signal_numbers
from petloc_gui.core.text import visible
from petloc_gui.model.op_error_text import op_text
from petloc_gui.model.untyped import Strategy

DISTRIBUTE_CHOICES = (None, "mirrored", "multiworker")
# Seconds a worker waits at the final decision for the others. They arrive after the same work
# (the last epoch's validation, the scoring), so a long wait means a worker is stuck, not slow.
FINAL_DECISION_TIMEOUT = 600.0
# Seconds TensorFlow's connect has at least, once every worker has started (`worker_wait`): they meet within a
# moment then, but a worker that started near the end of the wait must not fail at once.
CONNECT_SECONDS = 60.0
# What the workers meet at right after connecting (`_check_same_cluster`), as a passed deadline names it
SAME_CLUSTER = "the check that all list the same cluster"


_connected: list[Strategy] = []  # the strategy `connect_workers` made, until `make_strategy` takes it


class WorkerLostError(PetlocError):
    """Another worker of a multi-worker run exited or stopped answering; this one stops too."""


class WorkersNotConnectedError(PetlocError):
    """The workers of a multi-worker run did not all come up, or do not agree on the cluster."""


def make_strategy(name: str | None) -> Strategy:
    import tensorflow as tf

    if name is None:
        return tf.distribute.get_strategy()
    if name == "mirrored":
        return tf.distribute.MirroredStrategy(mirrored_devices())
    if name == "multiworker":
        patch_keras_log_reduction()
        if _connected:
            return _connected.pop()
        with _stop_handlers_kept():
            return tf.distribute.MultiWorkerMirroredStrategy()
    raise ValueError(f"distribute must be one of {DISTRIBUTE_CHOICES}, got {name!r}")


def mirrored_devices() -> list[str]:
    """The devices ``--distribute mirrored`` trains on here, by name: every GPU, else the CPU, as
    TensorFlow's ``MirroredStrategy()`` chooses them (mirrored_strategy.all_local_devices). `make_strategy`
    makes the strategy on these, so what `petloc train` says of them is what trains."""
    import tensorflow as tf

    return [device.name for device in tf.config.list_logical_devices("GPU") or tf.config.list_logical_devices("CPU")]


def connect_workers(timeout: float, waited_for: str, say: Callable[[str], None] | None = None) -> Strategy:
    """Make the multi-worker strategy (TF_CONFIG) now, waiting at most ``timeout`` seconds for the
    other workers, and keep it for `make_strategy`. ``waited_for``: the workers and where, for the
    error; ``say``: where the lines about the wait go (default: stderr). Raises `WorkersNotConnectedError`
    when they do not all come, or list different clusters; a stop while they start, the interrupt
    `worker_wait.wait_for_workers` raises."""
    import tensorflow as tf
    from tensorflow.compiler.xla.tsl.protobuf import coordination_config_pb2
    from tensorflow.python.distribute import multi_worker_util
    from tensorflow.python.eager import context

    patch_keras_log_reduction()
    resolver = tf.distribute.cluster_resolver.TFConfigClusterResolver()
    spec = multi_worker_util.normalize_cluster_spec(resolver.cluster_spec())
    began = time.monotonic()
    _wait_for_start(spec, resolver.task_type, resolver.task_id, timeout, say or _said_on_stderr)
    # All have started: what is left of the timeout, but never less than the moment they need to meet.
    meeting = max(timeout - (time.monotonic() - began), min(timeout, CONNECT_SECONDS))
    # What the strategy configures itself when nothing is (collective_all_reduce_strategy.py),
    # plus the register timeout it leaves at 0: "wait for ever".
    jobs = [coordination_config_pb2.CoordinatedJob(name=job, num_tasks=spec.num_tasks(job))
            for job in ("chief", "worker") if job in spec.jobs]
    context.context().configure_coordination_service(
        service_type="standalone", service_leader=multi_worker_util.coordination_leader(spec),
        coordinated_jobs=jobs, cluster_register_timeout_in_ms=max(1, int(meeting * 1000)))
    # The timeout alone bounds only another worker's registration with the leader (worker 0, or the
    # chief): the leader registers with its own service at once, then waited for the others without
    # limit. Registering through a barrier puts every worker, the leader too, under that timeout.
    context.context().coordination_service.cluster_register_with_barrier = True
    try:
        with _stop_handlers_kept(default_meanwhile=True):
            strategy = tf.distribute.MultiWorkerMirroredStrategy(cluster_resolver=resolver)
    except tf.errors.DeadlineExceededError as exc:
        raise WorkersNotConnectedError(not_joined(meeting, waited_for)) from exc
    except tf.errors.UnknownError as exc:
        if "gRPC server" not in str(exc):
            raise
        raise WorkersNotConnectedError(port_held(resolver.task_type, resolver.task_id)) from exc
    _check_same_cluster(strategy, timeout)
    _connected[:] = [strategy]
    return strategy


def not_joined(seconds: float, waited_for: str) -> str:
    """Why TensorFlow's connect ran out of time though every worker had answered the wait (`_wait_for_start`):
    they started, so "check their addresses" (what this said) was no lead; TF_CONFIG that differ in a way the
    wait's exchange could not see (a worker of an older petloc), or a worker stopped meanwhile, are."""
    return (f"every worker answered the wait ({waited_for}), but TensorFlow could not join them within "
            f"{seconds:.0f} s: all started, and most likely their TF_CONFIG differ (give every worker the same "
            "\"cluster\", in the same order, and each its own task index), or one of them stopped meanwhile; "
            "nothing was trained")


def _wait_for_start(spec: Any, task_type: str, task_id: int, timeout: float, say: Callable[[str], None]) -> None:
    """`worker_wait.wait_for_workers` for the training tasks of ``spec`` but this one (``task_type`` ``task_id``)."""
    from petloc_gui.model.worker_wait import ClustersDifferError, ClusterView, Peer, wait_for_workers

    jobs = [job for job in ("chief", "worker") if job in spec.jobs]
    others = [Peer(f"{job} {index}", spec.task_address(job, index)) for job in jobs
              for index in spec.task_indices(job) if (job, index) != (task_type, task_id)]
    mine = ClusterView(f"{task_type} {task_id}",  # told to the others and compared with theirs as they meet
                       {job: [spec.task_address(job, index) for index in spec.task_indices(job)] for job in jobs})
    port = int(spec.task_address(task_type, task_id).rpartition(":")[2])
    try:
        missing = wait_for_workers(others, port, timeout, say, mine)
    except ClustersDifferError as exc:
        raise WorkersNotConnectedError(str(exc)) from None
    except OSError as exc:  # its port was free at `petloc train`'s early check: taken since
        raise WorkersNotConnectedError(port_held(task_type, task_id)) from exc
    if missing:
        at = ", ".join(f"{peer.task} at {peer.address}" for peer in missing)
        never = " and ".join(peer.task for peer in missing)
        raise WorkersNotConnectedError(
            f"the other workers did not all connect within {timeout:g} s ({at}, from TF_CONFIG): {never} never "
            f"started, or cannot be reached from this machine: start the same command on each of them with its "
            f"own TF_CONFIG task, check their addresses in TF_CONFIG (this machine must reach each host:port), "
            f"or wait longer with --worker-timeout SECONDS")


def _said_on_stderr(line: str) -> None:
    """A line about the wait for the other workers, as `petloc train`'s own lines are written (stderr)."""
    with suppress(OSError, ValueError, AttributeError):  # a stderr closed or gone: the wait goes on
        sys.stderr.write(visible(line) + "\n")
        sys.stderr.flush()


def port_held(task_type: str, task_id: int) -> str:
    """Why this worker's TensorFlow server could not start: its port was free at `petloc train`'s early
    check (cli.tf_config), so most often another worker given the same task index took it meanwhile (two
    started at the same moment), which the early check's line names too."""
    return (f"this worker's port (TF_CONFIG task {task_type} {task_id}) could not be opened: another program "
            "holds it, or another worker given the same task index; give each worker its own \"index\", or "
            "this worker a free port in TF_CONFIG")


def _check_same_cluster(strategy: Any, timeout: float) -> None:
    """One collective across the workers: it fails when their TF_CONFIG list different numbers of
    workers, which nothing sees before they meet (TensorFlow: "joining a group with size3, but that
    group has size 2", at the first collective of training)."""
    import tensorflow as tf

    try:
        with lost_workers(timeout, SAME_CLUSTER):
            agreed_stop(strategy, lambda: False, timeout, SAME_CLUSTER)()
    except tf.errors.InternalError as exc:
        sizes = re.search(r"group with size ?(\d+), but that group has size ?(\d+)", str(exc))
        said = f" (one lists {sizes[1]} workers, another {sizes[2]})" if sizes else ""
        raise WorkersNotConnectedError(f"the workers' TF_CONFIG list different clusters{said}: give every "
                                       "worker the same \"cluster\", and each its own task") from exc


@contextmanager
def _stop_handlers_kept(default_meanwhile: bool = False) -> Iterator[None]:
    """Put the process's stop signals' handlers back after the block (TensorFlow's coordination
    service installs a SIGTERM handler of its own). ``default_meanwhile``: within the block, the
    system's default (the process ends at once): Python's handlers cannot run while TensorFlow's
    C++ code holds the GIL, waiting for the other workers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.getsignal(signum) for signum in stop_signal_numbers()}
    if default_meanwhile:
        for signum in previous:
            signal.signal(signum, signal.SIG_DFL)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            if handler is not None:  # None: not set from Python, nothing to put back
                signal.signal(signum, handler)


def agreed_stop(strategy: Any, local_stop: Callable[[], bool], timeout: float | None = None,
                waited_for: str = "the end of training") -> Callable[[], bool]:
    """``stop()`` that is true on every worker as soon as any worker's ``local_stop()`` is.

    Each call is one collective, so every worker must call it at the same
    points (`training_loop.EpochMonitor` does, once after each batch;
    `training.train` once more before the bundle is written). ``timeout``:
    seconds to wait for the other workers before `WorkerLostError` (None: until
    they arrive or exit). A worker that exited is `WorkerLostError` too. ``waited_for``: `lost_workers`'.
    """
    def stop() -> bool:
        return summed(strategy, [1.0 if local_stop() else 0.0], timeout, waited_for)[0] > 0.0

    return stop


def summed(strategy: Any, values: list[float], timeout: float | None = None,
           waited_for: str = "the end of training") -> list[float]:
    """One collective, every worker at the same point: ``values`` added up across the workers. ``timeout``:
    as `agreed_stop`'s; a worker gone, or not there in time, is `WorkerLostError`."""
    import tensorflow as tf

    vector = tf.constant(values, tf.float32)
    options = tf.distribute.experimental.CommunicationOptions(timeout_seconds=timeout)
    with lost_workers(timeout, waited_for):
        total = strategy.extended.reduce_to(tf.distribute.ReduceOp.SUM, vector, destinations=vector, options=options)
        return [float(v) for v in strategy.experimental_local_results(total)[0].numpy().tolist()]


@contextmanager
def lost_workers(timeout: float | None = None, waited_for: str = "the end of training") -> Iterator[None]:
    """Inside: a collective that fails because another worker is gone raises `WorkerLostError`, in words.
    ``waited_for``: what the workers were to reach together there, as a deadline passed names it."""
    import tensorflow as tf

    try:
        yield
    except tf.errors.OpError as exc:
        release_collective_pools(exc.__traceback__)
        if isinstance(exc, tf.errors.DeadlineExceededError):
            raise WorkerLostError(_deadline_line(exc, timeout, waited_for)) from exc
        if isinstance(exc, tf.errors.UnavailableError):
            raise WorkerLostError(f"another worker exited or cannot be reached ({_tensorflow_reason(exc)}): this "
                                  "worker stops too, without writing a bundle (see the other workers' output)") from exc
        raise


def _deadline_line(exc: BaseException, timeout: float | None, waited_for: str) -> str:
    """A passed deadline in words. The coordination service's heartbeat fails one too (a worker frozen
    mid-epoch): that worker is named as not answering, which no time limit of petloc's is about."""
    text = getattr(exc, "message", None) or str(exc)
    if lost_heartbeat(exc):
        after = text.split("heartbeats", 1)[1] if "stopped sending heartbeats" in text else ""
        task = re.search(r"/job:(\w+)/(?:replica:\d+/)?task:(\d+)", after)
        who = f"{task[1]} {task[2]}" if task else "another worker"
        return (f"{who} stopped answering (no heartbeat): its process hangs or its machine cannot be reached; this "
                "worker stops without writing a bundle (see the other workers' output)")
    if timeout:
        return (f"the other workers did not reach {waited_for} within {timeout:g} s, so one of them is stuck: this "
                "worker stops without writing a bundle (see the other workers' output)")
    return (f"another worker stopped answering before {waited_for} ({_tensorflow_reason(exc)}): this worker stops "
            "without writing a bundle (see the other workers' output)")


def lost_heartbeat(exc: BaseException) -> bool:
    """Whether a passed deadline is the coordination service's heartbeat (another worker frozen or
    unreachable), not the collective's own timeout: the two are worded apart (`_deadline_line`)."""
    text = getattr(exc, "message", None) or str(exc)
    return re.search(r"CoordinationService/Heartbeat|stopped sending heartbeats", text, re.IGNORECASE) is not None


def release_collective_pools(trace: TracebackType | None) -> None:
    """Terminate the thread pools a failed collective left running in the frames of ``trace``.

    TensorFlow's eager all-reduce (cross_device_ops) maps over a ``multiprocessing`` ThreadPool and
    closes it only when the map succeeds; the error's traceback keeps it alive until the process
    exits, when its ``__del__`` wrote to a closed pipe: "Exception ignored in: <function
    Pool.__del__> ... OSError: [Errno 9] Bad file descriptor" under the error line."""
    from multiprocessing.pool import Pool

    while trace is not None:
        for value in list(trace.tb_frame.f_locals.values()):
            if isinstance(value, Pool):
                value.terminate()
        trace = trace.tb_next


def _tensorflow_reason(exc: BaseException) -> str:
    """The part of a failed collective's message that says what happened (its first line, no op name).

    ``{{function_node ...}} Collective ops is aborted by: Socket closed`` -> ``Socket closed``.
    """
    text = op_text(getattr(exc, "message", None) or str(exc))
    text = text.split("aborted by:", 1)[-1].strip()
    first = text.splitlines()[0].strip().rstrip(":") if text else ""
    return first or type(exc).__name__


def is_chief(strategy: Any) -> bool:
    """True unless this process is a non-chief worker of a multi-worker cluster (TF_CONFIG)."""
    resolver = getattr(strategy, "cluster_resolver", None)
    if resolver is None:
        return True
    jobs = resolver.cluster_spec().jobs
    if not jobs:
        return True
    if resolver.task_type == "chief":
        return True
    return resolver.task_type == "worker" and not resolver.task_id and "chief" not in jobs


def build_before_fit(model: Any, strategy: Any, input_size: tuple[int, int], batch_size: int) -> None:
    """Build model, loss and optimizer state from the input shapes (gap 1 above)."""
    import tensorflow as tf

    width, height = input_size
    replica_batch = max(1, batch_size // strategy.num_replicas_in_sync)
    box = tf.TensorSpec((replica_batch, 4), tf.float32)
    # class ids, then the box for every other output (a centre head's training view has three)
    targets = (tf.TensorSpec((replica_batch,), tf.int32), *[box] * (len(model.outputs) - 1))
    spec = (tf.TensorSpec((replica_batch, height, width, 3), tf.float32), targets)
    with strategy.scope():
        model._symbolic_build(data_batch=spec)  # the build fit would do, from shapes
    # Everything is built, so fit's own pre-build (the failing reduce) has nothing left to do.
    model._maybe_symbolic_build = lambda iterator=None, data_batch=None: None


@functools.cache
def patch_keras_log_reduction() -> None:
    """Average scalar logs across workers with ``axis=None`` (gap 2 above); idempotent."""
    from keras.src.backend.tensorflow import trainer

    original = trainer.reduce_per_replica

    def reduce_per_replica(values: Any, strategy: Strategy, reduction: str) -> Any:
        if reduction in ("auto", "mean") and trainer._collective_all_reduce_multi_worker(strategy):
            from keras.src import tree

            def mean(v: Any) -> Any:
                if not trainer._is_per_replica_instance(v):
                    return v
                rank = v.values[0].shape.rank
                return strategy.reduce("MEAN", v, axis=None if rank == 0 else 0)

            return tree.map_structure(mean, values)
        return original(values, strategy, reduction)

    trainer.reduce_per_replica = reduce_per_replica
