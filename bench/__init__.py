"""Benchmarks run by `make bench` (not part of `make test`): see bench/__main__.py."""

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def scratch_directory(prefix, keep=False):
    """A fresh temporary directory for one run, removed at the end unless kept."""
    directory = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield directory
    finally:
        if keep:
            print(f"kept {directory}")
        else:
            shutil.rmtree(directory, ignore_errors=True)
