"""The single-node OpenSearch cluster of `python -m bench --with-opensearch`.

It is the tests' throw-away cluster (tests/cluster/opensearch.py: Maven Central's jars, one
JVM), with two differences. The helper's JVM options suit short test runs (serial GC, the
C1 compiler only); the bench runs the node as OpenSearch's distribution does (its
jvm.options: G1, the full JIT), so that the figures say what a real node would do. And
the node's data and log live in the bench's temporary directory; only the classpath cache
under var/opensearch/ is shared with the tests (read, or resolved once by Maven).
"""

import os
import shutil
from contextlib import contextmanager

DEFAULT_HEAP = "1g"  # ample for 100,000 documents; -Xms = -Xmx, as the distribution sets it
# Appended after the helper's own options: for HotSpot the last occurrence of a flag wins.
DISTRIBUTION_JVM_OPTIONS = (
    "-XX:-UseSerialGC",
    "-XX:+UseG1GC",
    "-XX:G1ReservePercent=25",
    "-XX:InitiatingHeapOccupancyPercent=30",
    "-XX:TieredStopAtLevel=4",
)


class Unavailable(Exception):
    """No cluster to be had: the OpenSearch part is skipped, for the reason given."""


def missing_tools():
    """The programs the cluster needs (the helper's environment overrides included) not found."""
    wanted = (os.environ.get("OPENSEARCH_JAVA") or "java", os.environ.get("OPENSEARCH_MVN") or "mvn")
    return [name for name in wanted if shutil.which(name) is None]


def jvm_pid(cluster):
    """The process id of the node's JVM (the helper starts java itself, no wrapper script)."""
    return cluster._nodes[0].process.pid


@contextmanager
def single_node(directory, heap):
    """A started one-node cluster, stopped (its data removed) however the block ends."""
    missing = missing_tools()
    if missing:
        raise Unavailable(f"{' and '.join(missing)} not found on PATH")
    try:
        from tests.cluster.opensearch import OpenSearchCluster, OpenSearchError
    except ImportError as error:
        raise Unavailable(f"tests/cluster/opensearch.py could not be imported ({error})") from error
    saved = {name: os.environ.get(name) for name in ("OPENSEARCH_JAVA_OPTS", "OPENSEARCH_CDS")}
    # The user's own OPENSEARCH_JAVA_OPTS still come last, and so still win.
    os.environ["OPENSEARCH_JAVA_OPTS"] = " ".join(DISTRIBUTION_JVM_OPTIONS + tuple(filter(None, [saved["OPENSEARCH_JAVA_OPTS"]])))
    # No class-data-sharing archive: it only shortens the start-up, which is not measured,
    # and an archive for these options could push out one the tests use.
    os.environ.setdefault("OPENSEARCH_CDS", "0")
    try:
        cluster = OpenSearchCluster(nodes=1, heap=heap, base_dir=directory)
        try:
            cluster.start()
        except OpenSearchError as error:
            raise Unavailable(f"the cluster did not start: {error}") from error
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    try:
        yield cluster
    finally:
        cluster.stop()


def describe_jvm(heap):
    return f"heap {heap} (-Xms{heap} -Xmx{heap}), G1 garbage collector, full JIT (C2)"
