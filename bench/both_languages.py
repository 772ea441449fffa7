"""The both-languages step of `make bench`, in a process of its own (python -m
bench.both_languages DIRECTORY): its peak memory is then its own, not the one-language
run's. It reads the options, the query mix and the one-language figures the parent
pickled into DIRECTORY, and writes its figures to DIRECTORY/both-languages.json."""

import json
import os
import pickle
import sys
from pathlib import Path


def main(directory):
    directory = Path(directory)
    os.environ["KB_BENCH_DIR"] = str(directory)
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from .run import Bench

    with open(directory / "both-languages.pickle", "rb") as file:
        options, mix, before = pickle.load(file)
    figures = Bench(options, directory).measure_both_languages(mix, before)
    (directory / "both-languages.json").write_text(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
