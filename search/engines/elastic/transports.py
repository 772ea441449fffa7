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

from contextlib import contextmanager

from ..base import EngineUnavailable

REQUEST_TIMEOUT = 10
MAX_RETRIES = 3
BULK_CHUNK = 500


def node_urls(url):
    """"http://a:9200,http://b:9200" -> ["http://a:9200", "http://b:9200"]."""
    return [part.strip() for part in url.split(",") if part.strip()]


def _retryable_status(status):
    return isinstance(status, int) and (status >= 500 or status == 429)


class NotFound(Exception):
    """The index (or the document) asked for does not exist."""


class Transport:
    """What the engine asks of a cluster. Each method maps the client's errors: an outage
    (no node answers, a timeout, 5xx, 429) becomes EngineUnavailable, a missing index or
    document NotFound; any other error (a 400: a bug in a body) is raised as it is."""

    product = "base"

    def __init__(self, url, request_timeout=REQUEST_TIMEOUT):
        self.url = url
        self.request_timeout = request_timeout
        self._client = None

    @property
    def client(self):
        if self._client is None:
            self._client = self.make_client()
        return self._client

    # Subclasses: the client, its error classes and the shape of its calls.

    def make_client(self):
        raise NotImplementedError

    @contextmanager
    def errors(self):
        raise NotImplementedError
        yield

    # Index administration --------------------------------------------------------------

    def create_index(self, name, body):
        raise NotImplementedError

    def update_aliases(self, actions):
        raise NotImplementedError

    def aliased_indices(self, alias):
        try:
            with self.errors():
                return sorted(self._body(self.client.indices.get_alias(name=alias)))
        except NotFound:
            return []

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
        """The response of a search request (a dict); NotFound without an index."""
        with self.errors():
            return self._body(self.client.search(index=index, body=body))

    def get_source(self, index, document_id, fields):
        """The stored fields of one document; NotFound if it is not there."""
        with self.errors():
            return self._body(self.client.get(index=index, id=str(document_id), _source=fields)).get("_source", {})

    @staticmethod
    def _body(response):
        return getattr(response, "body", response)


class ElasticsearchTransport(Transport):
    product = "Elasticsearch"

    def make_client(self):
        from elasticsearch import Elasticsearch

        return Elasticsearch(
            node_urls(self.url), request_timeout=self.request_timeout, retry_on_timeout=True,
            max_retries=MAX_RETRIES, retry_on_status=(429, 502, 503, 504),
        )

    @staticmethod
    def helpers():
        from elasticsearch import helpers

        return helpers

    @contextmanager
    def errors(self):
        from elasticsearch import ApiError, NotFoundError, TransportError

        try:
            yield
        except NotFoundError as error:
            raise NotFound(str(error)) from error
        except TransportError as error:  # no node answered: connection refused, timeout, TLS
            raise EngineUnavailable(f"{self.product} unreachable: {error}") from error
        except ApiError as error:
            status = error.meta.status if error.meta else None
            if _retryable_status(status):
                raise EngineUnavailable(f"{self.product} error {status}: {error}") from error
            raise

    def create_index(self, name, body):
        with self.errors():
            self.client.indices.create(index=name, **body)

    def update_aliases(self, actions):
        with self.errors():
            self.client.indices.update_aliases(actions=actions)


class OpenSearchTransport(Transport):
    product = "OpenSearch"

    def make_client(self):
        from opensearchpy import OpenSearch

        return OpenSearch(
            node_urls(self.url), timeout=self.request_timeout, retry_on_timeout=True,
            max_retries=MAX_RETRIES, retry_on_status=(429, 502, 503, 504),
        )

    @staticmethod
    def helpers():
        from opensearchpy import helpers

        return helpers

    @contextmanager
    def errors(self):
        from opensearchpy.exceptions import NotFoundError, TransportError

        try:
            yield
        except NotFoundError as error:
            raise NotFound(str(error)) from error
        except TransportError as error:
            # Connection failures carry the status "N/A", HTTP errors a number.
            status = error.status_code
            if not isinstance(status, int) or _retryable_status(status):
                raise EngineUnavailable(f"{self.product} unavailable ({status}): {error}") from error
            raise

    def create_index(self, name, body):
        with self.errors():
            self.client.indices.create(index=name, body=body)

    def update_aliases(self, actions):
        with self.errors():
            self.client.indices.update_aliases(body={"actions": actions})
