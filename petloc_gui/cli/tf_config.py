"""`petloc train --distribute multiworker`'s TF_CONFIG, checked before TensorFlow loads.

TensorFlow finds a TF_CONFIG mistake only once it has loaded and training has collected its data
(5-10 s), in words that do not name the variable ("The `task_id` 2 exceeds the maximum id of
worker", "KeyError: 'evaluator'", "Could not start gRPC server"); without TF_CONFIG it trains
alone, without a word. Everything that can be told from the variable and this machine is told
here in 0.2 s (plus at most 2 s looking up the host names that share a port, `_check_one_address_each`,
said in a line past 1 s), one line each, naming TF_CONFIG and the fix. What only shows when the workers meet
(two workers listing different clusters) is said by `model.distributed.connect_workers`.

Every mistake in the variable (not set, not JSON, no cluster or task, a task or address it cannot be, one
host:port listed twice) is a `UsageError`, exit 2, as a bad command line is: it was 2 for some (not set, no
cluster) and 1 for the rest. This worker's port held now by another program is not the variable's mistake
(the same TF_CONFIG works once it is free): 1. A well-formed host name that does not resolve is not refused:
a cluster's names may resolve only once its workers start (a Kubernetes headless service); the wait for
the workers names one never reached.
"""

from __future__ import annotations

import errno
import ipaddress
import json
import os
import re
import socket
import threading
import time
from dataclasses import dataclass

from petloc_gui.cli.output import CommandError, UsageError, info
from petloc_gui.cli.reference import readme_section

TASK_TYPES = ("chief", "worker")  # the tasks that train under MultiWorkerMirroredStrategy
# What no host name or IP address holds (a URL's grpc://, a path, user@, a space): one never resolves, anywhere.
_NO_HOST_NAME = re.compile(r"[\s/\\@?#]")
EXAMPLE = '{"cluster": {"worker": ["host1:2222", "host2:2222"]}, "task": {"type": "worker", "index": 0}}'
_SEE = readme_section("When one machine is not enough")  # by its full path: a wheel user has no checkout


@dataclass(frozen=True)
class Cluster:
    """The training tasks of TF_CONFIG, in TensorFlow's order (the chief first), and this one."""

    tasks: tuple[tuple[str, int, str], ...]  # (type, index, "host:port")
    task_type: str
    task_index: int

    @property
    def address(self) -> str:
        return dict(((t, i), a) for t, i, a in self.tasks)[(self.task_type, self.task_index)]

    def others(self) -> str:
        """`worker 1 at 10.0.0.2:2222, worker 2 at ...`: the tasks this one waits for."""
        return ", ".join(f"{t} {i} at {a}" for t, i, a in self.tasks
                         if (t, i) != (self.task_type, self.task_index)) or "none"


def read_tf_config(batch_size: int | None) -> Cluster:
    """TF_CONFIG's cluster and task, or a `UsageError` that names the variable and says what to change (a
    `CommandError` when this worker's port is held here now). ``batch_size``: the global batch, split across
    the workers."""
    text = os.environ.get("TF_CONFIG")
    if text is None:
        raise UsageError(f"--distribute multiworker needs the TF_CONFIG environment variable on every worker, "
                         f"e.g. TF_CONFIG='{EXAMPLE}' ({_SEE}); to train on this machine alone, leave out "
                         "--distribute multiworker")
    config = _config_object(text)
    cluster = config.get("cluster")
    if not cluster:
        raise UsageError(f"TF_CONFIG has no \"cluster\", so there are no other workers to train with: set it to "
                         f"e.g. '{EXAMPLE}' ({_SEE}); to train on this machine alone, leave out "
                         "--distribute multiworker")
    tasks = _cluster_tasks(cluster)
    task = config.get("task")
    if not isinstance(task, dict) or "type" not in task or "index" not in task:
        raise UsageError('TF_CONFIG has no "task": add this worker\'s, e.g. "task": {"type": "worker", "index": 0}')
    task_type, index = task["type"], task["index"]
    if task_type == "evaluator":
        raise UsageError('TF_CONFIG\'s task is an "evaluator": petloc train has no evaluator task (each worker '
                         'scores on its own); give this machine a "worker" task, or run `petloc evaluate` here')
    if task_type not in TASK_TYPES:
        raise UsageError(f"TF_CONFIG's task type {task_type!r} is not one petloc trains as: use \"worker\" "
                         "(or \"chief\" for the one that writes the bundle)")
    count = sum(1 for t, _, _ in tasks if t == task_type)
    if not count:
        raise UsageError(f"TF_CONFIG's task is a {task_type!r}, but its \"cluster\" lists no {task_type!r}: "
                         f"add this machine's address to cluster.{task_type}")
    if isinstance(index, str) and index.strip().isdigit():  # "1": out of range it is not, a number it must be
        raise UsageError(f"TF_CONFIG's task index {index!r} must be a number, not text: \"index\": {index.strip()} "
                         "(no quotes)")
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < count:
        raise UsageError(f"TF_CONFIG's task index {index!r} is not one of cluster.{task_type}'s {count} "
                         f"entries (0 to {count - 1}): give each worker its own index in that range")
    result = Cluster(tasks, task_type, index)
    workers = len(tasks)
    if batch_size is not None and batch_size % workers:
        raise UsageError(f"--batch-size {batch_size} cannot be split evenly across the {workers} workers TF_CONFIG "
                         f"lists (--batch-size is the global batch): give a multiple of {workers}, e.g. "
                         f"{batch_size + workers - batch_size % workers}")
    _check_one_address_each(tasks)
    _check_port_free(result)
    return result


def listed_tasks(text: str) -> tuple[tuple[str, int, str], ...]:
    """The training tasks (type, index, "host:port") the TF_CONFIG ``text`` lists, none without a "cluster";
    a `UsageError` saying why when it cannot be read."""
    cluster = _config_object(text).get("cluster")
    return _cluster_tasks(cluster) if cluster else ()


def _config_object(text: str) -> dict[str, object]:
    try:
        config = json.loads(text)
    except (ValueError, RecursionError) as exc:  # RecursionError: nested thousands deep
        raise UsageError(f"the TF_CONFIG environment variable is not valid JSON ({exc})") from None
    if not isinstance(config, dict):
        raise UsageError("the TF_CONFIG environment variable is not a JSON object "
                         '({"cluster": {...}, "task": {...}})')
    return config


def _cluster_tasks(cluster: object) -> tuple[tuple[str, int, str], ...]:
    if not isinstance(cluster, dict):
        raise UsageError("TF_CONFIG's \"cluster\" is not an object of lists of host:port addresses, "
                         "e.g. {\"worker\": [\"host1:2222\", \"host2:2222\"]}")
    unknown = sorted(set(cluster) - set(TASK_TYPES) - {"evaluator"})
    if unknown:
        raise UsageError(f"TF_CONFIG's \"cluster\" has a {unknown[0]!r} job, which petloc does not train with: "
                         "list the machines under \"worker\" (and one under \"chief\", if you want one)")
    tasks: list[tuple[str, int, str]] = []
    for task_type in TASK_TYPES:
        addresses = cluster.get(task_type) or []
        if not isinstance(addresses, list) or not all(isinstance(a, str) for a in addresses):
            raise UsageError(f"TF_CONFIG's cluster.{task_type} is not a list of \"host:port\" strings")
        if task_type == "chief" and len(addresses) > 1:
            raise UsageError("TF_CONFIG's cluster.chief lists more than one machine: there is one chief")
        for index, address in enumerate(addresses):
            host, _, port = address.rpartition(":")
            # isascii: a superscript two is a digit to isdigit and a ValueError to int; full-width digits an int
            if not host or not (port.isascii() and port.isdigit()) or not 0 < int(port) < 65536:
                raise UsageError(f"TF_CONFIG's cluster.{task_type}[{index}] {address!r} is not host:port "
                                 "(a port from 1 to 65535 in the digits 0-9)")
            if _NO_HOST_NAME.search(host):  # no look-up finds it: the workers would wait for it in vain
                raise UsageError(f"TF_CONFIG's cluster.{task_type}[{index}] {address!r} is not host:port: "
                                 f"{host!r} is no host name or IP address (no scheme such as grpc://, no spaces)")
            tasks.append((task_type, index, address))
    seen: dict[str, str] = {}
    for task_type, index, address in tasks:
        if address in seen:
            raise UsageError(f"TF_CONFIG's cluster lists {address} twice ({seen[address]} and "
                             f"{task_type}[{index}]): give each worker its own host:port")
        seen[address] = f"{task_type}[{index}]"
    if not tasks:
        raise UsageError("TF_CONFIG's \"cluster\" lists no \"worker\": put every machine's host:port there")
    return tuple(tasks)


def _check_one_address_each(tasks: tuple[tuple[str, int, str], ...]) -> None:
    """No two entries name one port of one machine: `localhost:2222` and `127.0.0.1:2222` passed the check of
    `_cluster_tasks`, which compares the strings, and the worker waiting for the other reached its own server
    and waited out --worker-timeout. Hosts sharing a port are compared by what they resolve to here (every
    loopback address, and 0.0.0.0 or ::, being this machine); a host that does not resolve is no other host's alias."""
    on_port: dict[int, list[tuple[str, str]]] = {}  # port -> (entry, host:port) of each naming it
    for task_type, index, address in tasks:
        on_port.setdefault(int(address.rpartition(":")[2]), []).append((f"{task_type}[{index}]", address))
    shared = {port: entries for port, entries in on_port.items() if len(entries) > 1}  # alone: nothing to look up
    resolved = _machines_of({address.rpartition(":")[0] for entries in shared.values() for _, address in entries})
    for port, entries in shared.items():
        seen: dict[str, tuple[str, str]] = {}  # machine address -> the first entry naming it
        for entry, address in entries:
            for machine in sorted(resolved[address.rpartition(":")[0]]):
                first, named = seen.setdefault(machine, (entry, address))
                if first != entry:
                    where = "this machine (loopback, 0.0.0.0 or ::)" if machine == _THIS_MACHINE else machine
                    raise UsageError(f"TF_CONFIG's cluster lists one host:port two ways: {named} ({first}) and "
                                     f"{address} ({entry}) are both port {port} of {where}, so a worker waiting "
                                     "for the other would reach its own server: give each worker its own "
                                     "host:port")


# What every loopback address (127.0.0.0/8, ::1) is compared as, and 0.0.0.0 and ::, which a connection reaches
# this machine at too (Linux): "0.0.0.0:2222" and "localhost:2222" are one listener.
_THIS_MACHINE = "this machine"
# All the look-ups together, before TensorFlow loads: every machine on one port is the usual layout, so every
# host is looked up, and with a slow or unreachable DNS each took seconds, one after another, without a word.
_LOOKUP_SECONDS = 2.0
_LOOKUP_NOTICE_SECONDS = 1.0  # a look-up taking longer says so, in one line


def _machines_of(hosts: set[str]) -> dict[str, frozenset[str]]:
    """`_machine_addresses` of each of ``hosts``: IP addresses as they are, names looked up side by side within
    `_LOOKUP_SECONDS` in all. A name not resolved by then is as one that does not resolve (no other host's
    alias): the check would rather miss an alias than refuse a cluster or hold the worker up."""
    found: dict[str, frozenset[str]] = {}
    lookups: list[tuple[str, threading.Thread]] = []
    for host in sorted(hosts):
        literal = _ip_address(_bare(host))
        if literal is not None:
            found[host] = frozenset({_machine(literal)})
            continue
        # daemon: a look-up that never returns must not keep the command from exiting
        lookup = threading.Thread(target=lambda h=host: found.__setitem__(h, _machine_addresses(h)),
                                  name=f"TF_CONFIG look-up of {host}", daemon=True)
        lookup.start()
        lookups.append((host, lookup))
    deadline = time.monotonic() + _LOOKUP_SECONDS
    _join(lookups, time.monotonic() + _LOOKUP_NOTICE_SECONDS)
    waiting = [host for host, lookup in lookups if lookup.is_alive()]
    if waiting:
        more = f" and {len(waiting) - 2} more" if len(waiting) > 2 else ""
        info(f"looking up TF_CONFIG's hosts that share a port ({', '.join(waiting[:2])}{more}), "
             f"at most {max(0.0, deadline - time.monotonic()):.0f} s more...")
        _join(lookups, deadline)
    return {host: found.get(host, frozenset()) for host in hosts}


def _join(lookups: list[tuple[str, threading.Thread]], deadline: float) -> None:
    for _, lookup in lookups:
        lookup.join(max(0.0, deadline - time.monotonic()))


def _machine_addresses(host: str) -> frozenset[str]:
    """The addresses ``host`` resolves to here, one of this machine's as `_THIS_MACHINE`; none when it does not
    resolve."""
    try:
        found = socket.getaddrinfo(_bare(host), None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError, ValueError):  # not resolvable here (gaierror), or not a name at all
        return frozenset()
    addresses: set[str] = set()
    for family, _, _, _, sockaddr in found:
        ip = _ip_address(str(sockaddr[0])) if family in (socket.AF_INET, socket.AF_INET6) else None
        if ip is not None:
            addresses.add(_machine(ip))
    return frozenset(addresses)


def _bare(host: str) -> str:
    return host[1:-1] if host.startswith("[") and host.endswith("]") else host  # [::1]


def _ip_address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """``text`` as an IP address (an IPv4-mapped IPv6 one as IPv4, the scope of fe80::1%eth0 dropped: no part of
    the machine), None when it is a name."""
    try:
        ip = ipaddress.ip_address(text.partition("%")[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:  # ::ffff:10.0.0.5
        return ip.ipv4_mapped
    return ip


def _machine(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    return _THIS_MACHINE if ip.is_loopback or ip.is_unspecified else str(ip)


def _check_port_free(cluster: Cluster) -> None:
    """This worker's port can be opened here: TensorFlow would say only "Could not start gRPC server",
    after loading, and the other workers would wait for it."""
    port = int(cluster.address.rpartition(":")[2])
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as TensorFlow's server does
        try:
            probe.bind(("", port))  # all interfaces, as TensorFlow's server binds
        except OSError as exc:
            held = exc.errno in (errno.EADDRINUSE, errno.EACCES)
            why = "is in use on this machine (another program, or another worker given the same task index)" \
                if held else f"cannot be opened here ({exc.strerror or exc})"
            raise CommandError(f"port {port} of this worker ({cluster.task_type} {cluster.task_index} at "
                               f"{cluster.address} in TF_CONFIG) {why}: give each worker its own \"index\", "
                               "or a free port in its address") from None
