"""`make bench` (python -m bench): the embedded search engine on a synthetic corpus.

Builds a synthetic corpus (bench/synthetic.py) of 100,000 practices into an embedded
index and prints the index build rate, the peak memory, and p50/p95 of a fixed, seeded mix
of 200 queries with facets and highlights (whole mix and common-word quarter); then the
same entries each with a translation in the other language (one document per entry, as
the site indexes them), built and queried again in a process of its own (so that its peak
memory is its own), the figures printed before and after;
then the same mix through raw FTS5 (the floor), and a sample through Wagtail's database search
backend and a naive ORM icontains search over real pages at a smaller size, next to the
embedded engine at that size. A summary marks each target MET or NOT MET. It measures,
it does not test: the exit code is 0 whatever the figures.

With --with-opensearch, the same corpus (the same file, not generated again) and the same
mix also run on a single-node OpenSearch cluster (tests/cluster/opensearch.py; needs java
and mvn, else that part is skipped with the reason), after the raw floor: index build
rate and time, p50/p95 of the whole mix and of the common-word quarter, and the peak
memory of the bench process and of the node's JVM (VmHWM), side by side with the
embedded engine's figures and their ratios, and in the summary.

Everything lives in a fresh temporary directory (SQLite database, indexes), removed at
the end (--keep to keep it); the developer's var/ is never touched: the settings are
bench.settings whatever DJANGO_SETTINGS_MODULE says.

    python -m bench                 # 100,000 documents, 200 queries, 2,000 pages for the baselines
    python -m bench --quick         # 5,000 documents, 300 pages: a smoke run of a minute or two
    python -m bench --size 20000 --baseline-size 500 --profile
    python -m bench --with-opensearch                 # also OpenSearch, one node, heap 1g
    python -m bench --quick --with-opensearch --opensearch-heap 512m
"""

import argparse
import os
import sys

from . import scratch_directory
from .opensearch import DEFAULT_HEAP

DEFAULTS = {"size": 100_000, "baseline_size": 2_000}
QUICK = {"size": 5_000, "baseline_size": 300}


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, help="documents in the synthetic corpus (default 100,000)")
    parser.add_argument("--queries", type=int, default=200, help="queries in the mix (default 200)")
    parser.add_argument("--seed", type=int, default=2396, help="seed of the corpus and of the mix (default 2396)")
    parser.add_argument("--baseline-size", type=int, help="real pages for the Wagtail and ORM baselines (default 2,000; 0 skips)")
    parser.add_argument("--baseline-queries", type=int, default=20, help="queries of the mix the baselines run (default 20)")
    parser.add_argument("--baseline-budget", type=float, default=240.0,
                        help="seconds each baseline may spend on its sample before stopping (default 240)")
    parser.add_argument("--quick", action="store_true", help="size 5,000 and baseline size 300, for a fast smoke run")
    parser.add_argument("--profile", action="store_true", help="profile one pass of the mix through the engine")
    parser.add_argument("--show-mix", action="store_true", help="print every query of the mix")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--with-opensearch", action="store_true",
                        help="also run the same corpus and mix on a single-node OpenSearch cluster (needs java and mvn) "
                             "and print both engines side by side, with the ratios OpenSearch / embedded")
    parser.add_argument("--opensearch-heap", default=DEFAULT_HEAP,
                        help=f"heap of the OpenSearch JVM with --with-opensearch (default {DEFAULT_HEAP})")
    options = parser.parse_args(argv)
    chosen = QUICK if options.quick else DEFAULTS
    for name, value in chosen.items():
        if getattr(options, name) is None:
            setattr(options, name, value)
    if options.size < 100 or options.queries < 4:
        parser.error("--size must be at least 100 and --queries at least 4")
    return options


def main(argv=None):
    options = parse_args(sys.argv[1:] if argv is None else argv)
    with scratch_directory("kb-bench-", keep=options.keep) as directory:
        os.environ["KB_BENCH_DIR"] = str(directory)
        os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
        import django

        django.setup()
        from .run import Bench

        Bench(options, directory).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
