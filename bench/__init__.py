"""Benchmarks run by `make bench` (not part of `make test`): see bench/__main__.py."""

import importlib.util
from pathlib import Path


def load_synthetic():
    """fixtures/synthetic.py, the generator (fixtures/ is a namespace package, so an
    installed distribution named `fixtures` would hide it: then it is loaded by path)."""
    try:
        from fixtures import synthetic as module
    except ImportError:
        import sys

        path = Path(__file__).resolve().parent.parent / "fixtures" / "synthetic.py"
        spec = importlib.util.spec_from_file_location("kb_fixtures_synthetic", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while loading
        spec.loader.exec_module(module)
    return module
