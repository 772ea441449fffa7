"""The embedded index's files: versioned index files in one directory and a `CURRENT`
file naming the live one, replaced atomically; one connection per thread to the live
file, reopened when a rebuild switches it."""

import os
import sqlite3
import threading
import time
from urllib.parse import quote

from ..base import EngineUnavailable
from .schema import SCHEMA


class IndexFiles:
    """The file handling of EmbeddedEngine (which sets `directory` and `_local`)."""

    @property
    def _current_file(self):
        return self.directory / "CURRENT"

    def _live_path(self):
        try:
            name = self._current_file.read_text().strip()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise EngineUnavailable(f"cannot read {self._current_file}: {error}") from error
        return self.directory / name if name else None

    def _new_path(self):
        return self.directory / f"index-{time.time_ns()}-{os.getpid()}.sqlite3"

    def _remove_orphans(self):
        """Remove the index files that a rebuild killed half-way left behind: not the live
        one, and written by a process that is gone (its id is in the name)."""
        live = self._live_path()
        for path in self.directory.glob("index-*-*.sqlite3"):
            if path == live:
                continue
            try:
                os.kill(int(path.stem.rsplit("-", 1)[1]), 0)
            except ProcessLookupError:
                path.unlink(missing_ok=True)
            except (ValueError, PermissionError):
                continue  # not one of ours, or a process of another user: left alone

    @staticmethod
    def _open(path, create=False):
        # A reader never creates the file: one that a rebuild removed between reading
        # CURRENT and opening it must fail (and be retried), not come back as an empty index.
        uri = f"file:{quote(str(path.absolute()))}?mode={'rwc' if create else 'rw'}"
        connection = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("PRAGMA synchronous=NORMAL")
        return connection

    def _connection(self, create=False):
        """A connection to the live index of this thread, reopened after a rebuild."""
        # A rebuild may switch CURRENT and remove the file it named between our reading
        # CURRENT and opening that file: then read CURRENT again.
        for attempt in range(3):
            last = attempt == 2
            try:
                path = self._live_path()
                if path is None or not path.exists():
                    if path is not None and not last and self._live_path() != path:
                        continue
                    if not create:
                        return None
                    path = self._create_empty()
            except (OSError, sqlite3.Error) as error:
                raise EngineUnavailable(f"the search index in {self.directory} is not usable: {error}") from error
            cached = getattr(self._local, "connection", None)
            if cached is not None and cached[0] == path:
                return cached[1]
            if cached is not None:
                cached[1].close()
                self._local.connection = None
            try:
                connection = self._open(path)
            except sqlite3.Error as error:
                if not last and self._live_path() != path:
                    continue
                raise EngineUnavailable(f"cannot open the search index {path}: {error}") from error
            self._local.connection = (path, connection)
            return connection

    def _create_empty(self):
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self._new_path()
        connection = self._open(path, create=True)
        connection.executescript(SCHEMA)
        connection.close()
        self._switch_to(path)
        return path

    def _switch_to(self, path):
        temporary = self.directory / f"CURRENT.{os.getpid()}.{threading.get_ident()}"
        temporary.write_text(path.name)
        os.replace(temporary, self._current_file)
