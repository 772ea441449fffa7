"""`python -m bench.pages` (the second half of `make bench`): the site's pages under load,
through the production app server.

The production settings as `make serve` runs them (gunicorn, 2 workers, static files from
the app), with everything in a temporary directory; `wrk` on loopback. For each page: the
median time of one client at a time (wrk, 1 connection: the server's time plus loopback),
then requests per second and latency percentiles at 16 connections, errors counted
(socket errors and answers other than 2xx/3xx). Each twice: with the page cache as served,
and without it (KB_PAGE_CACHE_SECONDS=0: every request rendered), the baseline of the same
run; /healthz is the floor (the app server and Django with nothing to render). First on the
demonstration content, then with synthetic entries added up to 5,000 (bench/synthetic.py:
visibly synthetic titles and words). A summary marks each target MET or NOT MET. It
measures, it does not test: the exit code is 0 whatever the figures.

    python -m bench.pages                  # demonstration content, then 5,000 entries
    python -m bench.pages --size 0         # demonstration content only
    python -m bench.pages --seconds 4      # shorter runs
"""

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from . import scratch_directory
from .measure import line, ms

REPOSITORY = Path(__file__).resolve().parent.parent
TARGET_MEDIAN_MS = {"search": 25.0}
DEFAULT_TARGET_MEDIAN_MS = 15.0
TARGET_REQUESTS_PER_SECOND = 150
DEMO_CITY = "london"
PAGES = (
    ("home", "/"),
    ("index", "/practices/"),
    ("practice", "/practices/cssc-london/"),
    ("theme", "/themes/prevention/"),
    ("city", "/cities/{city}/"),
    ("search", "/search/?q=securite"),
)
FLOOR = ("floor: /healthz", "/healthz")
# wrk's own summary, one line, in microseconds (wrk's latency unit).
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
"""


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.pages", description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=5_000, help="entries of the second run (default 5,000; 0 skips it)")
    parser.add_argument("--seconds", type=int, default=6, help="length of each run at 16 connections (default 6)")
    parser.add_argument("--connections", type=int, default=16, help="connections of the loaded runs (default 16)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2: one per core)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--fill", type=int, help=argparse.SUPPRESS)  # internal: adds synthetic entries
    return parser.parse_args(argv)


def site_environment(directory):
    """The production settings of `make serve`, every path in `directory`."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="kb.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        KB_LOCAL_TRIAL="true",
        DATABASE_URL=f"sqlite:///{directory / 'site.sqlite3'}",
        SEARCH_EMBEDDED_DIR=str(directory / "search"),
        PAGE_CACHE_DIR=str(directory / "page-cache"),
        STATIC_ROOT=str(directory / "static"),
        MEDIA_ROOT=str(directory / "media"),
        PYTHONUNBUFFERED="1",
    )
    env.pop("REDIS_URL", None)
    env.pop("ELASTICSEARCH_URL", None)
    env.pop("OPENSEARCH_URL", None)
    return env


def manage(env, *arguments):
    started = time.perf_counter()
    subprocess.run([sys.executable, "manage.py", *arguments], cwd=REPOSITORY, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def app_server(env, workers, cache_seconds):
    port = free_port()
    server_env = dict(env, GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY=str(workers),
                      KB_PAGE_CACHE_SECONDS=str(cache_seconds))
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "kb.wsgi", "-c", "kb/gunicorn.py", "--access-logfile", "/dev/null"],
        cwd=REPOSITORY, env=server_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start:\n{server.stderr.read()[-2000:]}")
                time.sleep(0.2)
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def wrk(url, connections, seconds, script):
    threads = min(2, connections)
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "10s", "-s", str(script), url],
        capture_output=True, text=True, check=True,
    ).stdout
    fields = next(text for text in output.splitlines() if text.startswith("RESULT")).split()[1:]
    requests, duration, socket_errors, status_errors, p50, p90, p99, worst = map(int, fields)
    return {
        "rps": requests / (duration / 1e6), "errors": socket_errors + status_errors, "requests": requests,
        "p50": p50 / 1000, "p90": p90 / 1000, "p99": p99 / 1000, "max": worst / 1000,
    }


def measure_page(base, path, options, script):
    url = base + path
    with urllib.request.urlopen(url, timeout=30) as response:  # a wrong address fails here, loudly
        response.read()
    single = wrk(url, 1, max(2.0, options.seconds / 2), script)
    loaded = wrk(url, options.connections, options.seconds, script)
    return {"median": single["p50"], **{f"loaded_{key}": value for key, value in loaded.items()}}


def measure_site(label, env, pages, options, script):
    print(f"\n== {label}", flush=True)
    print(f"  {'page':<24} {'cache':<6} {'median, 1 client':>17} {'req/s at ' + str(options.connections):>12} "
          f"{'p50':>9} {'p90':>9} {'p99':>9} {'errors':>7}")
    results = {}
    for cached, seconds in (("on", 600), ("off", 0)):
        with app_server(env, options.workers, seconds) as base:
            for name, path in (FLOOR, *pages):
                figures = measure_page(base, path, options, script)
                results[(name, cached)] = figures
                print(f"  {name:<24} {cached:<6} {ms(figures['median']):>17} {figures['loaded_rps']:>12,.0f} "
                      f"{ms(figures['loaded_p50']):>9} {ms(figures['loaded_p90']):>9} {ms(figures['loaded_p99']):>9} "
                      f"{figures['loaded_errors']:>7,}", flush=True)
    return results


def fill(count):
    """In a process with the site's settings: synthetic entries up to `count`; prints the
    slug of the city with the most entries."""
    import django

    django.setup()
    from django.db.models import Count

    from practices.models import City, PracticePage
    from search.indexing import indexed_in_bulk

    from .synthetic import create_practice_pages

    missing = count - PracticePage.objects.filter(locale__language_code="en").count()
    with indexed_in_bulk():
        create_practice_pages(max(missing, 0))
    busiest = City.objects.annotate(entries=Count("practices")).order_by("-entries").first()
    print(busiest.slug)


def summary(runs):
    print("\n== Summary: the targets (2-core machine, gunicorn with 2 workers, wrk on the same machine)")
    for label, results in runs:
        print(f"  {label}:")
        for name, _path in PAGES:
            on, off = results[(name, "on")], results[(name, "off")]
            target = TARGET_MEDIAN_MS.get(name, DEFAULT_TARGET_MEDIAN_MS)
            checks = (
                (f"{name}: median <= {target:.0f} ms", on["median"] <= target, ms(on["median"])),
                (f"{name}: >= {TARGET_REQUESTS_PER_SECOND} req/s, 0 errors",
                 on["loaded_rps"] >= TARGET_REQUESTS_PER_SECOND and on["loaded_errors"] == 0,
                 f"{on['loaded_rps']:,.0f} req/s, {on['loaded_errors']} errors"),
            )
            for text, met, value in checks:
                print(f"    {'MET    ' if met else 'NOT MET'}  {text:<40} {value}")
            line(f"      without the page cache ({name})",
                 f"median {ms(off['median'])}, {off['loaded_rps']:,.0f} req/s",
                 f"cache speed-up {off['median'] / on['median']:,.1f}x" if on["median"] else "")
    print(f"  load average at the end: {' '.join(f'{value:.2f}' for value in os.getloadavg())} "
          "(other work on the machine slows every figure)")


def main(argv=None):
    options = parse_args(sys.argv[1:] if argv is None else argv)
    if options.fill is not None:
        fill(options.fill)
        return 0
    if shutil.which("wrk") is None:
        print("bench.pages: wrk is not installed (`make bench` installs Debian's wrk); skipped.")
        return 0
    with scratch_directory("kb-bench-pages-", keep=options.keep) as directory:
        script = directory / "report.lua"
        script.write_text(WRK_REPORT)
        env = site_environment(directory)
        runs = []
        print("== Pages under load: production settings, gunicorn, wrk (python -m bench.pages)", flush=True)
        line("set-up: migrate, collectstatic", f"{manage(env, 'migrate', '--noinput') + manage(env, 'collectstatic', '--noinput'):,.1f} s")
        line("set-up: demonstration content, index", f"{manage(env, 'load_demo_content') + manage(env, 'search_index', 'rebuild'):,.1f} s")
        pages = [(name, path.format(city=DEMO_CITY)) for name, path in PAGES]
        runs.append(("demonstration content", measure_site("Demonstration content", env, pages, options, script)))
        if options.size:
            started = time.perf_counter()
            city = subprocess.run([sys.executable, "-m", "bench.pages", "--fill", str(options.size)], cwd=REPOSITORY,
                                  env=env, check=True, capture_output=True, text=True).stdout.split()[-1]
            line(f"set-up: synthetic entries up to {options.size:,}, indexed", f"{time.perf_counter() - started:,.1f} s",
                 f"city page: /cities/{city}/, the city with the most entries")
            pages = [(name, path.format(city=city)) for name, path in PAGES]
            runs.append((f"{options.size:,} entries", measure_site(f"{options.size:,} entries", env, pages, options, script)))
        summary(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
