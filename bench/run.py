"""The steps of `make bench`, each printing its figures; a summary with the targets at the end."""

import cProfile
import io
import os
import pstats
import random
import time
import traceback
from pathlib import Path

from . import synthetic
from .measure import (
    cpu_seconds, current_rss_mb, heading, latency_line, line, ms, peak_rss_mb, percentiles, process_peak_rss_mb, ratio,
    times,
)

TARGET_P95_MS = 50.0
TARGET_DOCS_PER_SECOND = 1000.0
TARGET_PEAK_MB = 1024.0


class Bench:
    def __init__(self, options, directory):
        self.options = options
        self.directory = Path(directory)
        self.figures = {}
        self.last_progress = time.perf_counter()
        self.steps = 0

    def heading(self, title):
        """A numbered step heading: the optional steps do not leave gaps in the numbers."""
        self.steps += 1
        heading(f"{self.steps}. {title}")

    # Helpers ---------------------------------------------------------------------------

    def live_index(self, engine):
        return engine.directory / (engine.directory / "CURRENT").read_text().strip()

    def index_mb(self, engine):
        """The live index's files (the database and its journal) in MB."""
        index_path = self.live_index(engine)
        return sum(p.stat().st_size for p in index_path.parent.glob(index_path.name + "*")) / 2**20

    def _progress_printer(self, total, started, label):
        step = max(500, (total // 10) // 500 * 500)
        state = {"next": step, "last": None}

        def progress(count):
            self.last_progress = time.perf_counter()
            if count != state["last"] and (count >= state["next"] or count == total):
                state["last"] = count
                elapsed = time.perf_counter() - started
                print(f"    {label} {count:,} / {total:,}  ({elapsed:,.1f} s, peak RSS {peak_rss_mb():,.0f} MB)", flush=True)
                while state["next"] <= count:
                    state["next"] += step

        return progress

    # Steps -----------------------------------------------------------------------------

    def run(self):
        options = self.options
        print(f"make bench: embedded search engine on a synthetic corpus (temporary directory {self.directory})")
        print(f"  machine: {os.cpu_count()} CPUs, load average {_load()} at the start")
        print(f"  options: size {options.size:,}, queries {options.queries}, seed {options.seed}, "
              f"baseline size {options.baseline_size:,}, baseline queries {options.baseline_queries}"
              + (f", OpenSearch heap {options.opensearch_heap}" if options.with_opensearch else ""))
        self.figures["rss_start"] = peak_rss_mb()
        line("peak RSS after start-up (Python, Django, Wagtail)", f"{self.figures['rss_start']:,.0f} MB")
        engine, stream = self.step_build()
        mix, matcher = self.step_mix(engine, stream)
        self.step_engine(engine, mix)
        self.step_raw(engine, mix)
        self.figures["peak_engine"] = peak_rss_mb()
        self.step_both_languages(mix)
        if options.with_opensearch:
            self.step_opensearch(stream, mix)
        if options.baseline_size > 0 and options.baseline_queries > 0:
            self.step_baselines(engine, mix)
        else:
            self.heading("Baselines: skipped (--baseline-size 0 or --baseline-queries 0)")
        self.figures["peak_end"] = peak_rss_mb()
        self.step_summary()

    def step_build(self):
        from search.engines.embedded import EmbeddedEngine

        from .corpus import CorpusStream

        options = self.options
        self.heading("Index build: embedded engine, synthetic corpus")
        world = synthetic.world(options.seed)
        line("corpus", f"{options.size:,} synthetic practices (seed {options.seed}), generated before the build")
        line("vocabulary", f"{world.distinct_words:,} distinct words, Zipf weights rank^-{synthetic.ZIPF_EXPONENT}")
        started = time.perf_counter()
        stream = CorpusStream(synthetic.generate_documents(options.size, seed=options.seed),
                              self.directory / "corpus.jsonl", self._progress_printer(options.size, started, "generated"))
        line("generation into a JSON-lines file", f"{stream.generation_seconds:,.1f} s", "synthetic data, not counted")
        engine = EmbeddedEngine(self.directory / "search-bench")
        count, engine_seconds, tail_seconds = self._timed_rebuild(engine, stream)
        index_path = self.live_index(engine)
        size_mb = self.index_mb(engine)
        rate = _rate(count, engine_seconds)
        wall = engine_seconds + stream.generation_seconds
        self.figures.update(
            size=count, build_rate=rate, build_seconds=engine_seconds, build_wall=wall,
            generation_seconds=stream.generation_seconds, index_mb=size_mb, peak_build=peak_rss_mb(),
        )
        line("documents indexed", f"{count:,}  (English {stream.by_language['en']:,}, French {stream.by_language['fr']:,})")
        line("mean words per entry", f"title {stream.mean_words('title'):.1f}, summary {stream.mean_words('summary'):.1f}, "
             f"body {stream.mean_words('body'):.1f}")
        line("distinct folded words in the corpus", f"{len(stream.df):,}")
        line("engine rebuild time", f"{engine_seconds:,.1f} s", "reading the file back included")
        line("index build rate", f"{rate:,.0f} documents/second", "analysis, inserts, inverted lists, switch")
        line("  of which after the last document", f"{tail_seconds:,.1f} s", "inverted lists, arrays, switch")
        line("generation and build", f"{wall:,.1f} s  ({count / wall:,.0f} documents/second)")
        line("index file", f"{size_mb:,.0f} MB  ({index_path.name})")
        line("peak RSS after the build", f"{self.figures['peak_build']:,.0f} MB", "VmHWM of this process")
        return engine, stream

    def _timed_rebuild(self, engine, stream):
        """Rebuild `engine` from the corpus file of step 1, read back: the generation is never
        part of a build time. (documents, seconds, seconds after the last document)."""
        started = time.perf_counter()
        count = engine.rebuild(stream, self._progress_printer(self.options.size, started, "indexed"))
        finished = time.perf_counter()
        return count, finished - started, finished - self.last_progress

    def step_mix(self, engine, stream):

        from .mix import TextMatcher, build_mix, summarise

        options = self.options
        self.heading("Query mix")
        world = synthetic.world(options.seed)
        matcher = TextMatcher(engine)
        started = time.perf_counter()
        mix = build_mix(stream, world, options.queries, options.seed, matcher)
        counts = summarise(mix, matcher, stream.count)
        common_words = sum(1 for w, n in stream.df.items() if n > 0.10 * stream.count)
        line("built in", f"{time.perf_counter() - started:,.1f} s (seeded: the same corpus and seed give the same mix)")
        line("words in more than 10% of the documents", f"{common_words:,}", "stop words excluded")
        line("queries", f"{len(mix)}")
        line("  common-word (the hard case)", f"{counts['kind:common']}", "every word in >10% of documents, text matches >10%")
        line("  other (mid, rare and mixed words)", f"{counts['kind:other']}")
        line("  by number of words", ", ".join(f"{n} word{'s' if n > 1 else ''}: {counts[f'words:{n}']}" for n in range(1, 5)))
        line("  with one or more facet filters", f"{counts['with facet filters']}")
        line("  with a year range", f"{counts['with a year range']}")
        line("  sorted", f"relevance {counts['sort:relevance']}, newest {counts['sort:newest']}, evidence {counts['sort:evidence']}")
        line("  access", f"public only {counts['public only']}, every level {len(mix) - counts['public only']}")
        line("  words drawn from", f"English entries {counts['language:en']}, French entries {counts['language:fr']}")
        for bucket in ("text matches >10% of corpus", "text matches 1-10%", "text matches <1%", "text matches nothing"):
            line(f"  {bucket}", f"{counts[bucket]}")
        examples = [q for q in mix if q.kind == "common"][:4] + [q for q in mix if q.kind == "other"][:6]
        shown = mix if options.show_mix else examples
        print("  " + ("the whole mix:" if options.show_mix else "examples:"))
        for query in shown:
            print(f"    {query.number:>3} [{query.kind}] {query.describe()}")
        self.figures["mix_counts"] = counts
        return mix, matcher

    def step_engine(self, engine, mix):
        self.heading("Embedded engine: the mix with facets and highlights")
        figures = self._measure_mix(engine, mix, "loads the facet arrays of the new index")
        self.figures.update(figures)
        self.figures["peak_queries"] = peak_rss_mb()
        line("peak RSS after the queries", f"{self.figures['peak_queries']:,.0f} MB", "VmHWM: build and queries")
        queries = [q.practice_query() for q in mix]
        self._one_update(engine, queries[0])
        if self.options.profile:
            self._profile(engine, queries)

    def step_both_languages(self, mix):
        """The same entries, each with its translation in the other language (one document
        per entry, as the site indexes them): built and queried in a process of its own
        (bench/both_languages.py), so that its peak memory is its own; figures before and after."""
        import json
        import pickle
        import subprocess
        import sys

        self.heading("Both languages: every entry with its translation, the same mix")
        before = {key: self.figures[key] for key in ("build_rate", "index_mb", "p50", "p95")}
        with open(self.directory / "both-languages.pickle", "wb") as file:
            pickle.dump((self.options, mix, before), file)
        finished = subprocess.run([sys.executable, "-m", "bench.both_languages", str(self.directory)], check=False)
        result = self.directory / "both-languages.json"
        if finished.returncode or not result.exists():
            raise RuntimeError(f"the both-languages step failed (exit code {finished.returncode})")
        self.figures["both_languages"] = json.loads(result.read_text())

    def measure_both_languages(self, mix, before):
        """Run in bench/both_languages.py's process: generate, build, measure; the figures."""
        import shutil

        from search.engines.embedded import EmbeddedEngine

        from .corpus import CorpusStream

        options = self.options
        started = time.perf_counter()
        stream = CorpusStream(
            synthetic.generate_documents(options.size, seed=options.seed, translated=True),
            self.directory / "corpus-translated.jsonl", self._progress_printer(options.size, started, "generated"),
        )
        engine = EmbeddedEngine(self.directory / "search-bench-translated")
        count, seconds, _tail = self._timed_rebuild(engine, stream)
        size_mb = self.index_mb(engine)
        rate = _rate(count, seconds)
        line("entries indexed, each in both languages", f"{count:,}")
        line("index build rate, one language -> both", f"{before['build_rate']:,.0f} -> {rate:,.0f} documents/second")
        line("index file, one language -> both", f"{before['index_mb']:,.0f} MB -> {size_mb:,.0f} MB")
        figures = self._measure_mix(engine, mix, "loads the facet arrays of the new index")
        line("whole mix, one language -> both", f"p50 {ms(before['p50'])} -> {ms(figures['p50'])}, "
             f"p95 {ms(before['p95'])} -> {ms(figures['p95'])}")
        peak = peak_rss_mb()
        line("peak RSS, build and queries", f"{peak:,.0f} MB", "VmHWM of this step's own process")
        del engine
        shutil.rmtree(self.directory / "search-bench-translated", ignore_errors=True)
        (self.directory / "corpus-translated.jsonl").unlink(missing_ok=True)
        return dict(build_rate=rate, index_mb=size_mb, p50=figures["p50"], p95=figures["p95"], peak=peak)

    def _measure_mix(self, engine, mix, first_note):
        """The mix through `engine`: one untimed pass, then one timed; prints the latencies
        by class and returns the figures. Every engine is measured by this."""
        queries = [q.practice_query() for q in mix]
        started = time.perf_counter()
        engine.search(queries[0])
        first = (time.perf_counter() - started) * 1000
        for query in queries[1:]:
            engine.search(query)
        warm = time.perf_counter() - started
        durations, totals, facet_values = [], [], 0
        for query in queries:
            started = time.perf_counter()
            results = engine.search(query)
            durations.append((time.perf_counter() - started) * 1000)
            totals.append(results.total)
            facet_values += sum(len(v) for v in results.facets.values())
        line("first query after the build", ms(first), first_note)
        line("warm-up pass", f"{warm:,.1f} s for {len(queries)} queries")
        p50, p95 = latency_line("whole mix", durations)
        common = [d for d, q in zip(durations, mix) if q.kind == "common"]
        c50, c95 = latency_line("common-word queries", common)
        latency_line("other queries", [d for d, q in zip(durations, mix) if q.kind == "other"])
        latency_line("with facet filters", [d for d, q in zip(durations, mix) if q.filters])
        latency_line("without facet filters", [d for d, q in zip(durations, mix) if not q.filters])
        line("mean hits (total matched, after filters)", f"{sum(totals) / len(totals):,.0f}  "
             f"(common-word: {_mean([t for t, q in zip(totals, mix) if q.kind == 'common']):,.0f})")
        line("mean facet values returned per query", f"{facet_values / len(queries):,.0f}")
        slowest = sorted(zip(durations, mix), key=lambda pair: -pair[0])[:5]
        print("  slowest queries:")
        for duration, query in slowest:
            print(f"    {ms(duration):>10}  [{query.kind}] {query.describe()}")
        return dict(p50=p50, p95=p95, common_p50=c50, common_p95=c95, durations=durations, totals=totals)

    def _one_update(self, engine, query):
        """What one publish costs: index one document again, then the next search."""

        document = next(synthetic.generate_documents(1, seed=self.options.seed))
        started = time.perf_counter()
        engine.index([document])
        indexed = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        engine.search(query)
        searched = (time.perf_counter() - started) * 1000
        line("one document re-indexed (a publish)", ms(indexed))
        line("next search after it", ms(searched), "the write changes the generation: arrays reloaded")
        self.figures["reload_ms"] = searched

    def _profile(self, engine, queries):
        profiler = cProfile.Profile()
        profiler.enable()
        for query in queries:
            engine.search(query)
        profiler.disable()
        output = io.StringIO()
        pstats.Stats(profiler, stream=output).sort_stats("tottime").print_stats(20)
        print("  profile of one pass of the mix (cProfile, by own time):")
        for text in output.getvalue().splitlines():
            if text.strip():
                print("    " + text)

    def step_raw(self, engine, mix):
        from .baselines import RawFloor

        self.heading("Raw FTS5 floor: MATCH + bm25 top 10 + count, an FTS5 index of the same terms")
        started = time.perf_counter()
        floor = RawFloor(self.live_index(engine), self.directory / "raw-fts5.sqlite3",
                         self._progress_printer(self.figures["size"], started, "FTS5 rows"))
        line("FTS5 index built from the engine's stored documents", f"{time.perf_counter() - started:,.1f} s",
             "not part of any figure")
        expressions = [floor.expression(q.text) for q in mix]
        for expression in expressions:
            floor(expression)
        durations = []
        for expression in expressions:
            started = time.perf_counter()
            floor(expression)
            durations.append((time.perf_counter() - started) * 1000)
        floor.close()
        p50, p95 = latency_line("whole mix", durations)
        c50, c95 = latency_line("common-word queries", [d for d, q in zip(durations, mix) if q.kind == "common"])
        line("engine / raw FTS5, whole mix", f"p50 {times(ratio(self.figures['p50'], p50))}, p95 {times(ratio(self.figures['p95'], p95))}")
        line("engine / raw FTS5, common-word", f"p50 {times(ratio(self.figures['common_p50'], c50))}, "
             f"p95 {times(ratio(self.figures['common_p95'], c95))}")
        self.figures.update(raw_p50=p50, raw_p95=p95)

    def step_baselines(self, engine, mix):
        from django.core.management import call_command

        from search.documents import build_document, practices_for_indexing
        from search.engines.embedded import EmbeddedEngine

        from .baselines import orm_search, run_queries, wagtail_search

        options = self.options
        size = options.baseline_size
        self.heading(f"Baselines on real pages: {size:,} PracticePage rows in a temporary SQLite database")
        started = time.perf_counter()
        call_command("migrate", interactive=False, verbosity=0)
        line("migrate", f"{time.perf_counter() - started:,.1f} s")
        started = time.perf_counter()
        ids = synthetic.create_practice_pages(size, seed=options.seed,
                                              progress=self._progress_printer(size, started, "pages"))
        seconds = time.perf_counter() - started
        line("pages created (same generator, same seed)", f"{len(ids):,} in {seconds:,.1f} s ({len(ids) / seconds:,.0f} pages/s)")
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        line("Wagtail update_index (database backend)", f"{time.perf_counter() - started:,.1f} s")
        started = time.perf_counter()
        documents = [build_document(page) for page in practices_for_indexing()]
        line("documents from the pages (build_document)", f"{len(documents):,} in {time.perf_counter() - started:,.1f} s")
        small = EmbeddedEngine(self.directory / "search-baseline")
        started = time.perf_counter()
        small.rebuild(documents)
        line("embedded index of the same pages", f"{time.perf_counter() - started:,.1f} s")
        del documents

        sample = self._sample(mix, options.baseline_queries)
        common_count = sum(1 for q in sample if q.kind == "common")
        print(f"  sample: {len(sample)} queries of the mix ({common_count} common-word), text and access level only "
              f"(no facet filters, years or sort); the embedded engine still computes facets and highlights, "
              f"the baselines do not. Each runs its first query once untimed, then the sample, "
              f"within {options.baseline_budget:,.0f} s.")
        text_queries = [q.text_query() for q in sample]
        results = {}
        runs = [
            (f"embedded engine, {size:,} pages", small.search, "engine_small"),
            (f"Wagtail database backend, {size:,} pages", wagtail_search, "wagtail"),
            (f"naive ORM icontains, {size:,} pages", orm_search, "orm"),
            (f"embedded engine, {self.figures['size']:,} documents", engine.search, "engine_full"),
        ]
        for label, function, key in runs:
            started = time.perf_counter()
            function(text_queries[0])
            warm = (time.perf_counter() - started) * 1000
            durations, outputs, stopped = run_queries(function, text_queries, options.baseline_budget)
            hits = [o.total if hasattr(o, "total") else o for o in outputs]
            ran = f"{len(durations)} of {len(sample)} queries" + (" (time budget reached)" if stopped else "")
            print(f"  {label}: {ran}, first query untimed {ms(warm)}")
            p50, p95 = latency_line("  latency", durations)
            common = [d for d, q in zip(durations, sample) if q.kind == "common"]
            latency_line("  common-word queries", common)
            line("  mean hits", f"{_mean(hits):,.0f}")
            results[key] = dict(p50=p50, p95=p95, common_p50=percentiles(common)[0], ran=len(durations), stopped=stopped,
                                label=label)
        base = results["engine_small"]
        for key in ("wagtail", "orm"):
            result = results[key]
            line(f"{result['label'].split(',')[0]} / embedded engine at {size:,}",
                 f"p50 {times(ratio(result['p50'], base['p50']))}, p95 {times(ratio(result['p95'], base['p95']))}, "
                 f"common-word p50 {times(ratio(result['common_p50'], base['common_p50']))}")
        self.figures["baselines"] = results
        self.figures["baseline_size"] = size
        self.figures["baseline_sample"] = len(sample)

    def step_opensearch(self, stream, mix):
        from .opensearch import Unavailable, single_node

        heap = self.options.opensearch_heap
        self.heading(f"OpenSearch: the same corpus and mix on a single-node cluster (heap {heap})")
        try:
            with single_node(self.directory / "opensearch", heap) as cluster:
                self._measure_opensearch(cluster, stream, mix)
        except Unavailable as error:
            self.figures["opensearch"] = {"skipped": str(error).splitlines()[0]}
            print("  OpenSearch part skipped: " + str(error).replace("\n", "\n    "), flush=True)
            return
        except Exception as error:  # noqa: BLE001 - it measures: the embedded figures still stand
            self.figures["opensearch"] = {"skipped": f"failed: {type(error).__name__}: {error}".splitlines()[0]}
            print("  OpenSearch part failed, the cluster is stopped; the embedded figures stand:")
            print("    " + traceback.format_exc().rstrip().replace("\n", "\n    "), flush=True)
            return
        self._comparison_table()

    def _measure_opensearch(self, cluster, stream, mix):
        from search.engines.elastic import opensearch_engine

        from .opensearch import describe_jvm, jvm_pid

        heap = self.options.opensearch_heap
        pid = jvm_pid(cluster)
        line("cluster", f"OpenSearch {cluster.version}, 1 node at {cluster.url}, JVM process {pid}")
        line("JVM", describe_jvm(heap), "as the distribution's jvm.options")
        engine = opensearch_engine(cluster.url, index_prefix=f"bench-{os.getpid()}")
        # The client shares the CPUs with the node: where the time goes tells which one limits.
        cpu_before = cpu_seconds(pid), cpu_seconds()
        try:
            count, seconds, tail_seconds = self._timed_rebuild(engine, stream)
            cpu_build = cpu_seconds(pid) - cpu_before[0], cpu_seconds() - cpu_before[1]
            rate = _rate(count, seconds)
            jvm_after_build = process_peak_rss_mb(pid)
            index_mb = _store_mb(engine)
            line("documents indexed", f"{count:,}", "the corpus file of step 1 read back, not generated again")
            line("engine rebuild time", f"{seconds:,.1f} s", "reading the file back included, as for the embedded engine")
            line("index build rate", f"{rate:,.0f} documents/second", "bulk requests of 500 from this process, refresh, alias")
            line("  of which after the last document", f"{tail_seconds:,.1f} s", "refresh, alias switch")
            line("CPU time during the build", f"JVM {cpu_build[0]:,.1f} s, this process {cpu_build[1]:,.1f} s",
                 f"{os.cpu_count()} CPUs for {seconds:,.1f} s")
            line("index on disk", f"{index_mb:,.0f} MB", "store size of the primary shard after the refresh")
            line("peak RSS of the JVM after the build", f"{jvm_after_build:,.0f} MB", "VmHWM of the node's process")
            line("peak RSS of this process after the build", f"{peak_rss_mb():,.0f} MB",
                 "VmHWM: never below the embedded engine's peak")
            cpu_before = cpu_seconds(pid), cpu_seconds()
            started = time.perf_counter()
            figures = self._measure_mix(engine, mix, "first search on the new index")
            mix_seconds = time.perf_counter() - started
            jvm_after_mix = process_peak_rss_mb(pid)
            line("CPU time during the two passes of the mix",
                 f"JVM {cpu_seconds(pid) - cpu_before[0]:,.1f} s, this process {cpu_seconds() - cpu_before[1]:,.1f} s",
                 f"{os.cpu_count()} CPUs for {mix_seconds:,.1f} s")
            same = sum(a == b for a, b in zip(figures["totals"], self.figures["totals"]))
            line("same total as the embedded engine", f"{same} of {len(mix)} queries", "the analysers differ a little")
            line("peak RSS of the JVM after the queries", f"{jvm_after_mix:,.0f} MB", "VmHWM of the node's process")
        finally:
            try:
                engine.drop()
            except Exception as error:  # noqa: BLE001 - the cluster is removed just after anyway
                print(f"  (the bench index could not be dropped: {error})")
        figures.update(
            version=cluster.version, heap=heap, size=count, build_rate=rate, build_seconds=seconds, index_mb=index_mb,
            peak_jvm=max(jvm_after_build, jvm_after_mix), peak_python=peak_rss_mb(),
        )
        self.figures["opensearch"] = figures

    def _comparison_table(self):
        embedded, other = self.figures, self.figures["opensearch"]
        rows = [
            ("index build rate (documents/second)", "build_rate", "build_rate", "{:,.0f}"),
            ("index build time (s)", "build_seconds", "build_seconds", "{:,.1f}"),
            ("index on disk (MB)", "index_mb", "index_mb", "{:,.0f}"),
            ("p50, whole mix (ms)", "p50", "p50", "{:,.1f}"),
            ("p95, whole mix (ms)", "p95", "p95", "{:,.1f}"),
            ("p50, common-word queries (ms)", "common_p50", "common_p50", "{:,.1f}"),
            ("p95, common-word queries (ms)", "common_p95", "common_p95", "{:,.1f}"),
            ("peak memory of the engine's process (MB)", "peak_queries", "peak_jvm", "{:,.0f}"),
            ("peak memory of the Python bench process (MB)", "peak_queries", "peak_python", "{:,.0f}"),
        ]
        print()
        title = f"{embedded['size']:,} documents, the same mix"
        print(f"  {title:<46}{'embedded':>12}{'OpenSearch':>12}   OpenSearch / embedded")
        for label, embedded_key, other_key, layout in rows:
            a, b = embedded[embedded_key], other[other_key]
            print(f"  {label:<46}{_figure(layout, a):>12}{_figure(layout, b):>12}   {times(ratio(b, a))}")
        print("  memory: the embedded engine runs inside the bench process (VmHWM after its build and queries);")
        print("  OpenSearch in its JVM (VmHWM, the larger of after the build and after the mix), with this process")
        print("  as its client (VmHWM is a high-water mark of the whole run: never below the embedded figure).", flush=True)

    def _opensearch_summary(self):
        figures, other = self.figures, self.figures["opensearch"]
        if "skipped" in other:
            line("OpenSearch", f"skipped: {other['skipped']}")
            return
        line(f"OpenSearch {other['version']} (1 node, heap {other['heap']})",
             f"{other['build_rate']:,.0f} documents/second ({other['build_seconds']:,.1f} s), "
             f"p50 {ms(other['p50'])}, p95 {ms(other['p95'])}, common-word p95 {ms(other['common_p95'])}, "
             f"JVM peak {other['peak_jvm']:,.0f} MB")
        line("OpenSearch / embedded engine",
             f"build rate {times(ratio(other['build_rate'], figures['build_rate']))}, "
             f"p50 {times(ratio(other['p50'], figures['p50']))}, p95 {times(ratio(other['p95'], figures['p95']))}, "
             f"common-word p50 {times(ratio(other['common_p50'], figures['common_p50']))}, "
             f"p95 {times(ratio(other['common_p95'], figures['common_p95']))}, "
             f"peak memory {times(ratio(other['peak_jvm'], figures['peak_queries']))}",
             "peak memory: the JVM against the bench process")

    def _sample(self, mix, count):
        """A fixed sample: a quarter common-word queries, the rest others, in mix order."""
        rng = random.Random(f"bench-sample-{self.options.seed}")
        common = [q for q in mix if q.kind == "common"]
        others = [q for q in mix if q.kind == "other"]
        wanted_common = min(len(common), max(1, count // 4))
        chosen = rng.sample(common, wanted_common) + rng.sample(others, min(len(others), count - wanted_common))
        return sorted(chosen, key=lambda q: q.number)

    def step_summary(self):
        figures = self.figures
        self.heading("Summary")
        size = figures["size"]
        line("corpus", f"{size:,} synthetic practices, {self.options.queries} queries "
             f"({figures['mix_counts']['kind:common']} common-word, {figures['mix_counts']['with facet filters']} with facet filters)")
        line("index build rate", f"{figures['build_rate']:,.0f} documents/second "
             f"({figures['build_seconds']:,.1f} s; {figures['build_wall']:,.1f} s with generation)")
        line("index file", f"{figures['index_mb']:,.0f} MB")
        line("peak memory, build and queries", f"{figures['peak_engine']:,.0f} MB", "VmHWM, whole process")
        line("peak memory, whole run", f"{figures['peak_end']:,.0f} MB", "includes the baselines")
        line("query latency, whole mix", f"p50 {ms(figures['p50'])}, p95 {ms(figures['p95'])}")
        line("query latency, common-word queries", f"p50 {ms(figures['common_p50'])}, p95 {ms(figures['common_p95'])}")
        both = figures["both_languages"]
        line("both languages: build rate, index, latency", f"{both['build_rate']:,.0f} documents/second, "
             f"{both['index_mb']:,.0f} MB, p50 {ms(both['p50'])}, p95 {ms(both['p95'])}")
        line("both languages: peak memory, build and queries", f"{both['peak']:,.0f} MB", "a process of its own")
        line("engine / raw FTS5 floor", f"p50 {times(ratio(figures['p50'], figures['raw_p50']))}, "
             f"p95 {times(ratio(figures['p95'], figures['raw_p95']))}")
        if "opensearch" in figures:
            self._opensearch_summary()
        baselines = figures.get("baselines")
        if baselines:
            base = baselines["engine_small"]
            for key, name in (("wagtail", "Wagtail database backend"), ("orm", "naive ORM icontains")):
                result = baselines[key]
                note = f"{figures['baseline_size']:,} pages, {result['ran']} queries" + (", time budget reached" if result["stopped"] else "")
                line(f"{name} / embedded engine", f"p50 {times(ratio(result['p50'], base['p50']))}, "
                     f"p95 {times(ratio(result['p95'], base['p95']))}", note)
        print()
        print("  targets (2-core machine):")
        checks = [
            ("p95 over the whole mix <= 50 ms", figures["p95"] <= TARGET_P95_MS, ms(figures["p95"])),
            ("  the same, both languages indexed", both["p95"] <= TARGET_P95_MS, ms(both["p95"])),
            ("index build >= 1,000 documents/second", figures["build_rate"] >= TARGET_DOCS_PER_SECOND,
             f"{figures['build_rate']:,.0f} documents/second"),
            ("peak memory < 1 GB (build and queries)", figures["peak_engine"] < TARGET_PEAK_MB,
             f"{figures['peak_engine']:,.0f} MB"),
            ("  the same, both languages indexed", both["peak"] < TARGET_PEAK_MB, f"{both['peak']:,.0f} MB"),
        ]
        for label, met, value in checks:
            print(f"    {'MET    ' if met else 'NOT MET'}  {label:<42} {value}")
        if size < 100_000:
            print(f"    (measured on {size:,} documents: the targets are for 100,000)")
        print(f"  current RSS at exit: {current_rss_mb():,.0f} MB; load average {_load()} at the end "
              f"(other work on the machine slows every figure)")


def _load():
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def _rate(count, seconds):
    return count / seconds if seconds > 0 else float("nan")


def _figure(layout, value):
    return "n/a" if value != value else layout.format(value)


def _store_mb(engine):
    """The index's size on disk (primary store), NaN if the stats cannot be read."""
    try:
        stats = engine.transport.client.indices.stats(index=engine.alias, metric="store")
        return stats["_all"]["primaries"]["store"]["size_in_bytes"] / 2**20
    except Exception:  # noqa: BLE001 - a figure of the report, not worth failing the run for
        return float("nan")


def _mean(values):
    values = list(values)
    return sum(values) / len(values) if values else float("nan")
