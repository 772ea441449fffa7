"""The two clients of the Elasticsearch family, behind one small interface.

The engine builds every request body once (elasticsearch.dsl) and hands it to a transport:
`ElasticsearchTransport` sends it with the official client, `OpenSearchTransport` with
opensearch-py. The differences between the two products live here, and only here:

- The official client refuses any server that does not answer with the header
  `X-Elastic-Product: Elasticsearch` (UnsupportedProductError), so OpenSearch needs its
  own client: opensearch-py, which the OpenSearch project maintains.
- The official client 8 takes the parts of a request as keyword arguments (settings=,
  mappings=, actions=) and wraps responses in ObjectApiResponse; opensearch-py takes a
  `body` and returns plain dicts.
- The official client raises ApiError (with `meta.status`) for HTTP errors and
  TransportError for connection failures; opensearch-py raises TransportError for both,
  with `status_code` a number for HTTP errors and "N/A" for connection failures.

Both clients take several node addresses (comma-separated in the URL setting), fail over
to another node when one does not answer, and retry a request that timed out.
"""

import time
from abc import ABC, abstractmethod
from contextlib import contextmanager

from ..base import EngineUnavailable

REQUEST_TIMEOUT = 10
MAX_RETRIES = 3
RETRY_ON_STATUS = (429, 502, 503, 504)
BULK_CHUNK = 500
SHARD_RETRY_DELAY = 0.2  # seconds, growing with each attempt


def node_urls(url):
    """"http://a:9200,http://b:9200" -> ["http://a:9200", "http://b:9200"]."""
    return [part.strip() for part in url.split(",") if part.strip()]


def _retryable_status(status):
    return isinstance(status, int) and (status >= 500 or status == 429)


class NotFound(Exception):
    """The index (or the document) asked for does not exist."""


class Transport(ABC):
    """What the engine asks of a cluster. Each method maps the client's errors: an outage
    (no node answers, a timeout, 5xx, 429) becomes EngineUnavailable, a missing index or
    document NotFound; any other error (a 400: a bug in a body) is raised as it is."""

    product = "base"
    timeout_option = "timeout"  # the client's name for the request timeout

    def __init__(self, url, request_timeout=REQUEST_TIMEOUT):
        self.url = url
        self.request_timeout = request_timeout
        self._client = None

    # What differs between the products ----------------------------------------------------

    @abstractmethod
    def library(self):
        """(the client class, its bulk and scan helpers module), imported when first used."""

    @abstractmethod
    def error_classes(self):
        """(the client's "not found" error, the base class of all its errors)."""

    @abstractmethod
    def status_of(self, error):
        """The HTTP status of an error, or None when no node answered."""

    @abstractmethod
    def create_index(self, name, body):
        """Create an index from a body of settings, mappings and aliases."""

    @abstractmethod
    def update_aliases(self, actions):
        """Apply alias actions in one atomic request."""

    # What is the same -------------------------------------------------------------------

    @property
    def client(self):
        if self._client is None:
            client_class, _helpers = self.library()
            self._client = client_class(
                node_urls(self.url), retry_on_timeout=True, max_retries=MAX_RETRIES,
                retry_on_status=RETRY_ON_STATUS, **{self.timeout_option: self.request_timeout},
            )
        return self._client

    def helpers(self):
        return self.library()[1]

    @contextmanager
    def errors(self):
        not_found, any_error = self.error_classes()
        try:
            yield
        except not_found as error:
            raise NotFound(str(error)) from error
        except any_error as error:
            status = self.status_of(error)
            if status is None or _retryable_status(status):
                raise EngineUnavailable(f"{self.product} unavailable ({status or 'no answer'}): {error}") from error
            raise

    # Index administration --------------------------------------------------------------

    def aliased_indices(self, alias):
        try:
            with self.errors():
                return sorted(self._body(self.client.indices.get_alias(name=alias)))
        except NotFound:
            return []

    def indices_named(self, pattern):
        """The names of the indices matching a wildcard pattern."""
        with self.errors():
            return sorted(self._body(self.client.indices.get(index=pattern, allow_no_indices=True)))

    def alias_exists(self, alias):
        with self.errors():
            return bool(self.client.indices.exists_alias(name=alias))

    def delete_index(self, name):
        try:
            with self.errors():
                self.client.indices.delete(index=name)
        except NotFound:
            pass

    def refresh(self, name):
        with self.errors():
            self.client.indices.refresh(index=name)

    # Documents -------------------------------------------------------------------------

    def bulk(self, actions, refresh=None):
        """Send index/delete actions in chunks; a delete of a missing document is fine."""
        options = {"refresh": "true"} if refresh else {}
        with self.errors():
            for ok, item in self.helpers().streaming_bulk(
                self.client, actions, chunk_size=BULK_CHUNK, max_retries=MAX_RETRIES, initial_backoff=1,
                raise_on_error=False, **options
            ):
                if not ok:
                    self._bulk_failure(item)
                yield item

    def _bulk_failure(self, item):
        operation, detail = next(iter(item.items()))
        status = detail.get("status")
        if operation == "delete" and status == 404:
            return
        if _retryable_status(status):
            raise EngineUnavailable(f"{self.product} refused a bulk {operation} ({status}): {detail.get('error')}")
        raise RuntimeError(f"{self.product} refused a bulk {operation} ({status}): {detail.get('error')}")

    def scan(self, index, query):
        try:
            with self.errors():
                yield from self.helpers().scan(self.client, index=index, query=query, size=1000)
        except NotFound:
            return

    def search(self, index, body):
        """The response of a search request (a dict); NotFound without an index.

        A response in which some shards failed (a node lost while the request was on it,
        before a replica took over) would silently lack results: it is asked again, and
        after MAX_RETRIES the engine is unavailable rather than partly right."""
        for attempt in range(MAX_RETRIES + 1):
            with self.errors():
                response = self._body(self.client.search(index=index, body=body))
            shards = response.get("_shards") or {}
            if not shards.get("failed"):
                return response
            if attempt < MAX_RETRIES:
                time.sleep(SHARD_RETRY_DELAY * (attempt + 1))
        raise EngineUnavailable(f"{self.product}: {shards['failed']} of {shards.get('total')} shards failed: "
                                f"{(shards.get('failures') or [{}])[0].get('reason')}")

    def get_source(self, index, document_id, fields):
        """The stored fields of one document; NotFound if it is not there."""
        with self.errors():
            return self._body(self.client.get(index=index, id=str(document_id), _source=fields)).get("_source", {})

    @staticmethod
    def _body(response):
        return getattr(response, "body", response)


class ElasticsearchTransport(Transport):
    product = "Elasticsearch"
    timeout_option = "request_timeout"

    def library(self):
        from elasticsearch import Elasticsearch, helpers

        return Elasticsearch, helpers

    def error_classes(self):
        from elasticsearch import ApiError, NotFoundError, TransportError

        return NotFoundError, (ApiError, TransportError)

    def status_of(self, error):
        # ApiError carries the response's status; TransportError means no node answered
        # (connection refused, timeout, TLS).
        from elasticsearch import ApiError

        return error.meta.status if isinstance(error, ApiError) and error.meta else None

    def create_index(self, name, body):
        with self.errors():
            self.client.indices.create(index=name, **body)

    def update_aliases(self, actions):
        with self.errors():
            self.client.indices.update_aliases(actions=actions)


class OpenSearchTransport(Transport):
    product = "OpenSearch"

    def library(self):
        from opensearchpy import OpenSearch, helpers

        return OpenSearch, helpers

    def error_classes(self):
        from opensearchpy.exceptions import NotFoundError, TransportError

        return NotFoundError, TransportError

    def status_of(self, error):
        # Connection failures carry the status "N/A", HTTP errors a number.
        return error.status_code if isinstance(error.status_code, int) else None

    def create_index(self, name, body):
        with self.errors():
            self.client.indices.create(index=name, body=body)

    def update_aliases(self, actions):
        with self.errors():
            self.client.indices.update_aliases(body={"actions": actions})
