"""A throw-away OpenSearch 2.19 cluster for the tests, started from Maven Central's jars.

Standard library only: it also runs under the system python3, outside the virtualenv.

    with OpenSearchCluster(nodes=3) as cluster:
        cluster.url          # http://127.0.0.1:PORT of the first live node
        cluster.urls         # one per live node
        cluster.stop_node(1) # SIGKILL node-2, as a lost machine
        cluster.start_node(1)
        cluster.start_nodes([0, 1, 2])  # after stopping them all

    python3 -m tests.cluster.opensearch [--nodes N] [--heap 512m] -- command args...

runs the command with OPENSEARCH_URL set (comma-separated URLs for several nodes), then removes
the cluster and exits with the command's exit code. Without a command it keeps the cluster up
until interrupted.

How: scripts/opensearch/pom.xml names the jars; Maven resolves the classpath once (the jars stay
in ~/.m2, the classpath in var/opensearch/classpath-HASH.txt, HASH that of pom.xml); each node is
one JVM running scripts/opensearch/OpenSearchNode.java in single-file source mode, with its own
ports on 127.0.0.1, data directory and log file under var/opensearch/run-PID-*/. The first run on
a machine also records a class-data-sharing archive (/tmp/kb-opensearch-cds-UID/cds-HASH.jsa,
~85 MB; its first node then takes some 7 s more to start and stop) that later JVMs map: a node
then starts in about 2 s instead of 3.5 s.

Nodes never outlive this process: each runs in its own process group, gets SIGKILL if the thread
that started it dies (prctl PDEATHSIG, Linux), stops by itself when its standard input (a pipe
from here) reaches end of file, and is killed at exit (atexit). Run directories left by a killed
process are removed by the next start.

Environment: OPENSEARCH_JAVA (the java binary, default `java` on PATH), OPENSEARCH_MVN (default
`mvn`), OPENSEARCH_JAVA_OPTS (more JVM options), OPENSEARCH_CDS=0 (no class-data sharing).
"""

import argparse
import atexit
import ctypes
import hashlib
import json
import os
import random
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import weakref
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
POM = REPO / "scripts" / "opensearch" / "pom.xml"
LAUNCHER = REPO / "scripts" / "opensearch" / "OpenSearchNode.java"
VAR = REPO / "var" / "opensearch"
# Class-data-sharing archives outlive the work tree (CI runs in a fresh clone): /tmp, per user.
CDS_DIR = Path(tempfile.gettempdir()) / f"kb-opensearch-cds-{os.getuid()}"
CDS_KEEP = 3  # archives kept, the most recently used (one per pom/launcher/java combination)

# Serial GC and the C1 compiler only: a node starts about a second sooner and keeps ~50 MB less
# than with G1 and C2, which the short test workloads never miss.
JVM_OPTIONS = (
    "-XX:+UseSerialGC",
    "-XX:TieredStopAtLevel=1",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow",
    "-Xss1m",
    "-Dfile.encoding=UTF-8",
    "-Djava.awt.headless=true",
)
PORT_RANGE = (20000, 32000)  # below Linux's ephemeral range (32768-60999): no outgoing socket takes it
LOG_TAIL_LINES = 40

_live_clusters = weakref.WeakSet()


class OpenSearchError(RuntimeError):
    """The cluster could not be started (the message ends with the tail of the node logs)."""


def _java():
    return os.environ.get("OPENSEARCH_JAVA") or "java"


def _mvn():
    return os.environ.get("OPENSEARCH_MVN") or "mvn"


def _pom_hash():
    return hashlib.sha256(POM.read_bytes()).hexdigest()[:16]


def resolve_classpath():
    """The node's classpath, resolved by Maven on first use and cached under var/opensearch/."""
    VAR.mkdir(parents=True, exist_ok=True)
    cache = VAR / f"classpath-{_pom_hash()}.txt"
    if cache.exists():
        classpath = cache.read_text().strip()
        if classpath and all(Path(jar).is_file() for jar in classpath.split(os.pathsep)):
            return classpath
    partial = VAR / f"classpath-{_pom_hash()}.{os.getpid()}.tmp"
    command = [
        _mvn(), "-q", "-B", "-Dstyle.color=never", "-f", str(POM),
        "dependency:build-classpath", f"-Dmdep.outputFile={partial}",
    ]
    try:
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=900)
    except FileNotFoundError as error:
        raise OpenSearchError(f"Maven not found ({error}): cannot resolve the OpenSearch jars") from error
    if result.returncode != 0 or not partial.exists():
        output = (result.stdout + result.stderr).strip().splitlines()[-LOG_TAIL_LINES:]
        partial.unlink(missing_ok=True)
        raise OpenSearchError(
            f"{shlex.join(command)} failed (exit {result.returncode}):\n" + "\n".join(output)
        )
    os.replace(partial, cache)
    return cache.read_text().strip()


def _cds_archive(classpath, jvm_options):
    """Where the class-data-sharing archive for this classpath, launcher, java and options lives
    (the heap size does not matter to it). A JVM that finds it stale only warns and loads classes
    as usual."""
    key = hashlib.sha256()
    for jar in classpath.split(os.pathsep):
        stat = os.stat(jar)
        key.update(f"{jar}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    key.update(LAUNCHER.read_bytes())
    key.update(repr(jvm_options).encode())
    java = shutil.which(_java()) or _java()
    key.update(os.path.realpath(java).encode())
    return CDS_DIR / f"cds-{key.hexdigest()[:16]}.jsa"


def _pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale_runs():
    """Run directories whose process is gone (it was killed before it could clean up)."""
    if not VAR.is_dir():
        return
    for run in VAR.glob("run-*"):
        try:
            pid = int(run.name.split("-")[1])
        except (IndexError, ValueError):
            continue
        if pid != os.getpid() and not _pid_alive(pid):
            shutil.rmtree(run, ignore_errors=True)
    for partial in VAR.glob("*.tmp"):
        try:
            pid = int(partial.name.rsplit(".", 2)[-2])
        except (IndexError, ValueError):
            continue
        if not _pid_alive(pid):
            partial.unlink(missing_ok=True)


def _free_ports(count):
    """`count` distinct ports that nothing listens on at 127.0.0.1 right now."""
    held, ports = [], []
    try:
        while len(ports) < count:
            port = random.randrange(*PORT_RANGE)
            if port in ports:
                continue
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                sock.close()
                continue
            held.append(sock)
            ports.append(port)
    finally:
        for sock in held:
            sock.close()
    return ports


def _parent_death_signal():
    """In the child, before exec: SIGKILL when the thread that forked it ends (Linux only)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - not Linux: stdin's end of file and atexit remain
        pass


def _tail(path, lines=LOG_TAIL_LINES):
    try:
        with open(path, "rb") as log:
            log.seek(0, os.SEEK_END)
            log.seek(max(0, log.tell() - 64 * 1024))
            text = log.read().decode("utf-8", "replace")
    except OSError as error:
        return f"(no log: {error})"
    return "\n".join(text.splitlines()[-lines:])


def _get_json(url, timeout):
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        body = error.read()
        try:
            return error.code, json.loads(body or b"null")
        except ValueError:
            return error.code, body.decode("utf-8", "replace")


class _Node:
    def __init__(self, index, name, http_port, transport_port, directory, log_path):
        self.index = index
        self.name = name
        self.http_port = http_port
        self.transport_port = transport_port
        self.directory = directory
        self.log_path = log_path
        self.process = None
        self.ready = False  # it has been part of a green cluster
        self.archive_out = None  # where this JVM dumps the class-data-sharing archive at exit

    @property
    def url(self):
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def alive(self):
        return self.process is not None and self.process.poll() is None


class OpenSearchCluster:
    """`nodes` OpenSearch nodes on 127.0.0.1, one JVM each, removed by stop()."""

    def __init__(self, nodes=1, heap="512m", base_dir=None):
        if nodes < 1:
            raise ValueError("nodes must be at least 1")
        self.nodes = nodes
        self.heap = heap
        self.cluster_name = f"kb-test-{os.getpid()}-{random.randrange(16**6):06x}"
        self._own_base_dir = base_dir is None
        self.base_dir = Path(base_dir) if base_dir else VAR / f"run-{os.getpid()}-{self.cluster_name[-6:]}"
        self.classpath = None
        self.version = None
        self._nodes = []
        self._jvm_options = JVM_OPTIONS + tuple(shlex.split(os.environ.get("OPENSEARCH_JAVA_OPTS", "")))
        self._cds = None
        self._lock = threading.RLock()

    # -- the public surface -------------------------------------------------------------------

    @property
    def urls(self):
        return [node.url for node in self._nodes if node.alive]

    @property
    def url(self):
        urls = self.urls
        if not urls:
            raise OpenSearchError("no OpenSearch node is running")
        return urls[0]

    def start(self, timeout=180):
        """Start every node and wait until the cluster is green with all of them; returns self."""
        deadline = time.monotonic() + timeout
        with self._lock:
            if self._nodes:
                raise OpenSearchError("this cluster is already started")
            _remove_stale_runs()
            self.classpath = resolve_classpath()
            self._prepare_cds()
            self.base_dir.mkdir(parents=True, exist_ok=True)
            ports = _free_ports(2 * self.nodes)
            for index in range(self.nodes):
                name = f"node-{index + 1}"
                self._nodes.append(_Node(
                    index, name, ports[2 * index], ports[2 * index + 1],
                    self.base_dir / name, self.base_dir / f"{name}.log",
                ))
            _live_clusters.add(self)
            try:
                for node in self._nodes:
                    self._spawn(node)
                self._wait_for_health(self._nodes[0], self._nodes, self.nodes, "green", deadline)
                for node in self._nodes:
                    node.ready = True
                status, info = _get_json(self._nodes[0].url, timeout=10)
                self.version = info.get("version", {}).get("number") if isinstance(info, dict) else None
            except BaseException:
                self.stop()
                raise
            return self

    def stop_node(self, i):
        """SIGKILL node i (0-based), as a lost node, and wait for its process to end."""
        with self._lock:
            node = self._nodes[i]
            if node.alive:
                self._kill(node)

    def start_node(self, i, timeout=180, wait_for_status="green"):
        """Start node i again with its ports and data directory; wait until it has joined."""
        self.start_nodes([i], timeout, wait_for_status)

    def start_nodes(self, indices, timeout=180, wait_for_status="green"):
        """Start these nodes again together (after a whole-cluster stop, no node can elect a
        cluster manager alone) and wait until they have all joined."""
        deadline = time.monotonic() + timeout
        with self._lock:
            started = [self._nodes[i] for i in indices if not self._nodes[i].alive]
            for node in started:
                self._spawn(node)
            if not started:
                return
            live = [n for n in self._nodes if n.alive]
            self._wait_for_health(started[0], started, len(live), wait_for_status, deadline)
            for node in started:
                node.ready = True

    def stop(self):
        """Kill every node and remove the data directories (and logs)."""
        with self._lock:
            for node in self._nodes:
                if node.alive:
                    if node.archive_out and node.ready:
                        self._terminate(node)  # a clean exit writes the class-data-sharing archive
                    else:
                        self._kill(node)
                self._keep_cds(node)
            for node in self._nodes:
                shutil.rmtree(node.directory, ignore_errors=True)
                try:
                    node.log_path.unlink()
                except OSError:
                    pass
            if self._own_base_dir:
                shutil.rmtree(self.base_dir, ignore_errors=True)
            self._nodes = []
            _live_clusters.discard(self)

    def __enter__(self):
        if not self._nodes:
            self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def __repr__(self):
        return f"<OpenSearchCluster {self.nodes} node(s) {self.urls}>"

    # -- the nodes ----------------------------------------------------------------------------

    def _command(self, node):
        command = [_java(), f"-Xms{self.heap}", f"-Xmx{self.heap}", *self._jvm_options]
        if self._cds and self._cds.exists():
            command.append(f"-XX:SharedArchiveFile={self._cds}")
        elif self._cds and node.index == 0 and not node.archive_out:
            node.archive_out = self._cds.with_name(f"{self._cds.stem}.{os.getpid()}.tmp")
            command.append(f"-XX:ArchiveClassesAtExit={node.archive_out}")
        if self.nodes == 1:
            managers, seeds = node.name, f"127.0.0.1:{node.transport_port}"
        else:
            managers = ",".join(n.name for n in self._nodes)
            seeds = ",".join(f"127.0.0.1:{n.transport_port}" for n in self._nodes)
        command += [
            "-cp", self.classpath, str(LAUNCHER),
            "--cluster-name", self.cluster_name,
            "--node-name", node.name,
            "--http-port", str(node.http_port),
            "--transport-port", str(node.transport_port),
            "--seed-hosts", seeds,
            "--initial-cluster-managers", managers,
            "--data", str(node.directory),
            "--watch-stdin",
        ]
        return command

    def _spawn(self, node):
        command = self._command(node)
        node.directory.mkdir(parents=True, exist_ok=True)
        in_main_thread = threading.current_thread() is threading.main_thread()
        with open(node.log_path, "ab") as log:
            shown = ["CLASSPATH" if part == self.classpath else part for part in command]
            log.write(f"$ {shlex.join(shown)}\n".encode())
            log.flush()
            try:
                node.process = subprocess.Popen(
                    command, cwd=REPO, stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT,
                    start_new_session=True,
                    preexec_fn=_parent_death_signal if in_main_thread else None,
                )
            except FileNotFoundError as error:
                raise OpenSearchError(f"java not found ({error}): cannot start OpenSearch") from error

    def _signal(self, node, signum):
        try:
            os.killpg(node.process.pid, signum)
        except (ProcessLookupError, PermissionError):
            try:
                node.process.send_signal(signum)
            except ProcessLookupError:
                pass

    def _kill(self, node):
        self._signal(node, signal.SIGKILL)
        node.process.wait()
        self._close_stdin(node)

    def _terminate(self, node, grace=30):
        self._signal(node, signal.SIGTERM)
        try:
            node.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self._kill(node)
        self._close_stdin(node)

    @staticmethod
    def _close_stdin(node):
        try:
            node.process.stdin.close()
        except (OSError, AttributeError):
            pass

    def _wait_for_health(self, node, watched, count, status, deadline):
        query = f"wait_for_status={status}&wait_for_nodes={count}"
        last = "no answer yet"
        while True:
            for each in watched:
                if each.process.poll() is not None:
                    raise OpenSearchError(
                        f"OpenSearch {each.name} exited with code {each.process.returncode} "
                        f"while starting.\n{self._log_tails()}"
                    )
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise OpenSearchError(
                    f"OpenSearch cluster not {status} with {count} node(s) in time (last: {last}).\n"
                    f"{self._log_tails()}"
                )
            wait = max(1, min(5, int(remaining)))
            try:
                code, body = _get_json(f"{node.url}/_cluster/health?{query}&timeout={wait}s", timeout=wait + 5)
            except (urllib.error.URLError, OSError) as error:
                last = str(error)
                time.sleep(0.2)
                continue
            if code == 200 and isinstance(body, dict) and not body.get("timed_out"):
                return body
            last = f"HTTP {code} {json.dumps(body)[:300]}"
            if code != 408:
                time.sleep(0.5)

    def _log_tails(self):
        return "\n".join(
            f"--- {node.name} ({node.log_path}), last lines:\n{_tail(node.log_path)}" for node in self._nodes
        )

    # -- class-data sharing -------------------------------------------------------------------

    def _prepare_cds(self):
        if os.environ.get("OPENSEARCH_CDS", "1") == "0":
            return
        try:
            self._cds = _cds_archive(self.classpath, self._jvm_options)
            CDS_DIR.mkdir(parents=True, exist_ok=True)
            if self._cds.exists():
                os.utime(self._cds)  # recently used: kept
            archives = sorted(CDS_DIR.glob("cds-*.jsa"), key=lambda path: path.stat().st_mtime, reverse=True)
            for old in archives[CDS_KEEP:]:
                old.unlink(missing_ok=True)
            for partial in CDS_DIR.glob("*.tmp"):
                pid = partial.name.rsplit(".", 2)[-2]
                if pid.isdigit() and not _pid_alive(int(pid)):
                    partial.unlink(missing_ok=True)
        except OSError:
            self._cds = None

    def _keep_cds(self, node):
        out, node.archive_out = node.archive_out, None
        if not out:
            return
        # Only a started node that ended by itself (0, or 143 after SIGTERM) has written it whole.
        ended_cleanly = node.process.returncode in (0, 143, -signal.SIGTERM)
        if node.ready and ended_cleanly and out.exists() and out.stat().st_size:
            os.replace(out, self._cds)
        else:
            out.unlink(missing_ok=True)


@atexit.register
def _stop_all():
    for cluster in list(_live_clusters):
        for node in cluster._nodes:
            if node.alive:
                cluster._kill(node)
        cluster.stop()


# -- the command line ---------------------------------------------------------------------------


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--" in argv:
        split = argv.index("--")
        own, command = argv[:split], argv[split + 1:]
    else:
        own, command = argv, []
    parser = argparse.ArgumentParser(
        prog="python3 -m tests.cluster.opensearch",
        description="Run a command against a throw-away OpenSearch cluster (OPENSEARCH_URL is set for it).",
    )
    parser.add_argument("--nodes", type=int, default=1)
    parser.add_argument("--heap", default=os.environ.get("OPENSEARCH_TEST_HEAP", "512m"))
    parser.add_argument("--timeout", type=float, default=180)
    options = parser.parse_args(own)

    child = None
    stopping = []

    def on_signal(signum, frame):
        stopping.append(signum)
        if child is not None and child.poll() is None:
            child.send_signal(signum)
        else:
            raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    cluster = OpenSearchCluster(nodes=options.nodes, heap=options.heap)
    started = time.monotonic()
    try:
        try:
            cluster.start(timeout=options.timeout)
        except OpenSearchError as error:
            print(f"OpenSearch did not start: {error}", file=sys.stderr)
            return 1
        urls = ",".join(cluster.urls)
        plural = "node" if options.nodes == 1 else "nodes"
        what = shlex.join(command) if command else "(no command: Ctrl-C stops it)"
        print(
            f"OpenSearch {cluster.version} ({options.nodes} {plural}) on {urls} for: {what}"
            f" [started in {time.monotonic() - started:.1f}s]",
            flush=True,
        )
        if not command:
            try:
                while all(node.alive for node in cluster._nodes):
                    time.sleep(1)
            except KeyboardInterrupt:
                pass
            return 0
        env = dict(os.environ, OPENSEARCH_URL=urls)
        try:
            child = subprocess.Popen(command, env=env)
        except OSError as error:
            print(f"cannot run {command[0]}: {error}", file=sys.stderr)
            return 127
        while True:
            try:
                code = child.wait()
                break
            except KeyboardInterrupt:
                continue  # the command got the same Ctrl-C; let it finish
        return 128 - code if code < 0 else code
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
