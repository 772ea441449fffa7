"""The Elasticsearch engine: a versioned index behind an alias, built with elasticsearch.dsl.

Index layout
    The alias is the index prefix (settings.SEARCH_INDEX_PREFIX); the data lives in
    `<prefix>-<UTC timestamp with microseconds>`. A rebuild loads a new index, swaps the
    alias in one atomic `update_aliases` call and then drops the old index, so readers
    never see a half-built index. Single updates (index/delete) write through the alias.

Analysis (why sub-fields rather than one analyser chosen by the document's language)
    Elasticsearch cannot pick an analyser per document for one field, and practitioners
    search across languages: search.analysis stems every query word in both languages.
    So title, summary, body and topics are indexed three ways: the main field folded only
    (exact words, used by more_like_this and as a bonus for exact matches), `.fr` with the
    French chain and `.en` with the English chain. A query is matched against all three;
    a French word typed against an English entry still meets its English stem.

    French:  elision, lowercase, asciifolding, stop words, French Snowball.
    English: possessive, lowercase, asciifolding, stop words, English Snowball.
    Folding comes before stemming, as in search.analysis. The stop-word list is
    search.analysis.STOP_WORDS (French and English, already folded): a list applied after
    asciifolding must be folded, and both engines then drop exactly the same words.

    The search-time analysers add a `synonym_graph` filter with the rules of
    search/synonyms.txt inline (the file cannot be placed on a cluster's nodes). It sits
    after folding and before stop words and stemming: rules are parsed with the filters
    that precede the synonym filter, and a stop filter before it would reject rules such
    as "gestion des foules".

Suggestions
    Three completion fields, one per kind (practice titles, city names, topics), each with
    a category context read from access_level: a completion query always names the
    access levels the viewer may see, so no suggestion comes from an entry they cannot open.
"""

import re
from contextlib import contextmanager
from datetime import datetime, timezone

from django.utils.html import escape
from elasticsearch.dsl import Document, Index, MetaField, Q, Search, analyzer, field, token_filter

from ..analysis import STOP_WORDS, synonym_lines
from ..query import FILTER_FIELDS, MAX_PAGE, MAX_PAGE_SIZE, clean_text
from ..results import EngineResults, Hit
from .base import EngineUnavailable, SearchEngine, Suggestion

FACET_FIELDS = tuple(FILTER_FIELDS.values())
FACET_SIZE = 100  # larger than any facet's vocabulary (cities included, for now)
BULK_CHUNK = 500
REQUEST_TIMEOUT = 10
SNIPPET_CHARS = 200
DID_YOU_MEAN_BELOW = 3  # a spelling suggestion is offered when fewer hits than this
SUGGEST_KINDS = ("practice", "city", "topic")
HIT_SOURCE = ["id", "title", "url", "city_name", "country", "themes", "evidence_level", "language", "summary"]

# Field boosts of the full-text query: title over topics and places over summary over body.
TEXT_FIELDS = {"title": 5, "topics": 3, "city_names": 3, "summary": 2, "partner_names": 2, "body": 1}
LANGUAGE_FIELDS = ("title", "summary", "body", "topics")  # those with .fr and .en sub-fields

# Analysis ------------------------------------------------------------------------------

elision = token_filter(
    "kb_elision",
    "elision",
    articles_case=True,
    articles=["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
)
stop_words = token_filter("kb_stop", "stop", stopwords=sorted(STOP_WORDS))
french_stemmer = token_filter("kb_french_stemmer", "snowball", language="French")
english_stemmer = token_filter("kb_english_stemmer", "snowball", language="English")
english_possessive = token_filter("kb_english_possessive", "stemmer", language="possessive_english")
synonyms = token_filter("kb_synonyms", "synonym_graph", synonyms=synonym_lines())
shingles = token_filter("kb_shingles", "shingle", min_shingle_size=2, max_shingle_size=3)

folded = analyzer(
    "kb_folded", tokenizer="standard", filter=[elision, "lowercase", "asciifolding", stop_words]
)
french = analyzer(
    "kb_french",
    tokenizer="standard",
    filter=[elision, "lowercase", "asciifolding", stop_words, french_stemmer],
)
french_search = analyzer(
    "kb_french_search",
    tokenizer="standard",
    filter=[elision, "lowercase", "asciifolding", synonyms, stop_words, french_stemmer],
)
english = analyzer(
    "kb_english",
    tokenizer="standard",
    filter=[english_possessive, "lowercase", "asciifolding", stop_words, english_stemmer],
)
english_search = analyzer(
    "kb_english_search",
    tokenizer="standard",
    filter=[english_possessive, "lowercase", "asciifolding", synonyms, stop_words, english_stemmer],
)
# Did-you-mean: word shingles of titles and summaries for the phrase suggester.
spelling = analyzer(
    "kb_spelling", tokenizer="standard", filter=[elision, "lowercase", "asciifolding", shingles]
)
# Completion: folded, stop words kept (a prefix such as "de" must still complete).
completion = analyzer("kb_completion", tokenizer="standard", filter=["lowercase", "asciifolding"])


def _bilingual_text(**kwargs):
    return field.Text(
        analyzer=folded,
        fields={
            "fr": field.Text(analyzer=french, search_analyzer=french_search),
            "en": field.Text(analyzer=english, search_analyzer=english_search),
        },
        **kwargs,
    )


def _completion():
    return field.Completion(
        analyzer=completion,
        contexts=[{"name": "access_level", "type": "category", "path": "access_level"}],
    )


class PracticeDocument(Document):
    """The mapping of search.documents.build_document, plus the completion inputs."""

    id = field.Integer()
    title = _bilingual_text(copy_to="spelling")
    summary = _bilingual_text(copy_to="spelling")
    body = _bilingual_text()
    topics = _bilingual_text()
    city_names = field.Text(analyzer=folded)
    partner_names = field.Text(analyzer=folded)
    spelling = field.Text(analyzer=spelling)
    url = field.Keyword(index=False, doc_values=False)
    city_name = field.Keyword()
    location = field.GeoPoint()
    themes = field.Keyword()
    cities = field.Keyword()
    country = field.Keyword()
    region = field.Keyword()
    target_types = field.Keyword()
    partner_sectors = field.Keyword()
    partnership_models = field.Keyword()
    evidence_level = field.Keyword()
    status = field.Keyword()
    language = field.Keyword()
    access_level = field.Keyword()
    evidence_rank = field.Integer()
    start_year = field.Integer()
    end_year = field.Integer()
    published_at = field.Date()
    fingerprint = field.Keyword(index=False)
    suggest_practice = _completion()
    suggest_city = _completion()
    suggest_topic = _completion()

    class Meta:
        # A field that build_document gains must be mapped here first (a test checks it).
        dynamic = MetaField("strict")


def index_settings_and_mappings():
    """The body of the index creation request: settings (analysis) and mappings."""
    index = Index("practices")
    # Deep pages are allowed up to the query's own bounds (MAX_PAGE of MAX_PAGE_SIZE).
    index.settings(max_result_window=MAX_PAGE * MAX_PAGE_SIZE)
    index.document(PracticeDocument)
    return index.to_dict()


def source_of(document):
    """The stored source of a build_document dict: the document plus completion inputs."""
    return {
        **document,
        "suggest_practice": [document["title"]] if document.get("title") else [],
        "suggest_city": list(dict.fromkeys(document.get("city_names") or [])),
        "suggest_topic": list(dict.fromkeys(document.get("topics") or [])),
    }


# Request bodies ------------------------------------------------------------------------


def _terms(field_name, values):
    return Q("terms", **{field_name: list(values)})


def _all_of(clauses):
    return Q("bool", filter=clauses) if clauses else Q("match_all")


def access_filter(access_levels):
    return _terms("access_level", access_levels)


def year_filters(query):
    """Practices active in the period: started by year_to, not ended before year_from."""
    if query.year_from is None and query.year_to is None:
        return []
    clauses = []
    if query.year_to is not None:
        clauses.append(Q("range", start_year={"lte": query.year_to}))
    else:
        clauses.append(Q("exists", field="start_year"))
    if query.year_from is not None:
        clauses.append(
            Q(
                "bool",
                should=[Q("range", end_year={"gte": query.year_from}), ~Q("exists", field="end_year")],
                minimum_should_match=1,
            )
        )
    return clauses


def text_fields():
    fields = []
    for name, boost in TEXT_FIELDS.items():
        suffixes = ("", ".fr", ".en") if name in LANGUAGE_FIELDS else ("",)
        fields += [f"{name}{suffix}^{boost}" if boost != 1 else f"{name}{suffix}" for suffix in suffixes]
    return fields


def text_query(text):
    if not text:
        return Q("match_all")
    return Q("multi_match", query=text, fields=text_fields(), type="best_fields", tie_breaker=0.3)


def sort_of(query):
    newest = {"published_at": {"order": "desc", "missing": "_last"}}
    by_id = {"id": {"order": "desc"}}
    if query.sort == "newest":
        return [newest, by_id]
    if query.sort == "evidence":
        return [{"evidence_rank": {"order": "desc"}}, "_score", newest, by_id]
    return ["_score", newest, by_id]


def facet_selection(query):
    """{document field: terms clause} for the selected facet values, in FILTER_FIELDS order."""
    return {field_name: _terms(field_name, values) for field_name, values in query.filters.items()}


def search_body(query):
    """The whole search request for a PracticeQuery (no connection needed)."""
    selection = facet_selection(query)
    search = Search().query(
        Q("bool", must=[text_query(query.text)], filter=[access_filter(query.access_levels), *year_filters(query)])
    )
    # Facet selections filter the hits only (post_filter); each facet's counts apply every
    # other selection but not its own, so values of one facet can be combined (OR).
    if selection:
        search = search.post_filter(_all_of(list(selection.values())))
    for field_name in FACET_FIELDS:
        others = [clause for name, clause in selection.items() if name != field_name]
        search.aggs.bucket(field_name, "filter", filter=_all_of(others)).bucket(
            "values", "terms", field=field_name, size=FACET_SIZE
        )
    search = search.sort(*sort_of(query)).source(HIT_SOURCE)
    search = search.extra(from_=query.offset, size=query.page_size, track_total_hits=True)
    if query.text:
        search = search.highlight_options(
            encoder="html",
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            number_of_fragments=1,
            fragment_size=SNIPPET_CHARS,
            order="score",
        ).highlight("summary.fr", "summary.en", "body.fr", "body.en")
        search = search.suggest("did_you_mean", query.text, phrase=did_you_mean(query.access_levels))
    return search.to_dict()


def did_you_mean(access_levels):
    """A phrase suggester over title and summary shingles; a correction is only offered
    when all its words occur together in an entry the viewer may see (collate)."""
    return {
        "field": "spelling",
        "size": 1,
        "gram_size": 3,
        "max_errors": 2,
        "direct_generator": [{"field": "spelling", "suggest_mode": "always", "min_word_length": 3}],
        "collate": {
            "query": {
                "source": {
                    "bool": {
                        "must": [
                            {
                                "match": {
                                    "spelling": {
                                        "query": "{{suggestion}}",
                                        "analyzer": "kb_folded",
                                        "operator": "and",
                                    }
                                }
                            }
                        ],
                        "filter": [{"terms": {"access_level": list(access_levels)}}],
                    }
                }
            },
            "prune": False,
        },
    }


def suggest_body(text, access_levels, limit=10):
    """Completion requests, one per kind, restricted to the viewer's access levels."""
    contexts = {"access_level": [{"context": level} for level in access_levels]}
    completions = {
        kind: {
            "prefix": text,
            "completion": {
                "field": f"suggest_{kind}",
                "size": limit,
                "skip_duplicates": True,
                "contexts": contexts,
            },
        }
        for kind in SUGGEST_KINDS
    }
    # Search.suggest() only knows "text"; the completion suggester's documented key is "prefix".
    search = Search().source(["url"]).extra(size=0, suggest=completions)
    return search.to_dict()


def related_body(index_name, practice_id, access_levels, limit=4, themes=()):
    """more_like_this on the practice as stored in the index, within the viewer's levels,
    among practices sharing one of its themes (as the embedded engine and issue 2 ask)."""
    like = Q(
        "more_like_this",
        fields=["title", "summary", "body", "topics"],
        like=[{"_index": index_name, "_id": str(practice_id)}],
        min_term_freq=1,
        min_doc_freq=2,
        max_query_terms=25,
        minimum_should_match="30%",
        include=False,
    )
    query = Q(
        "bool",
        must=[like],
        filter=[access_filter(access_levels)] + ([Q("terms", themes=list(themes))] if themes else []),
        must_not=[Q("ids", values=[str(practice_id)])],
    )
    return Search().query(query).source(False).extra(size=limit).to_dict()


def alias_swap_actions(alias, old_indices, new_index):
    """One atomic update_aliases request: the alias leaves the old indices for the new."""
    actions = [{"remove": {"index": name, "alias": alias}} for name in sorted(old_indices)]
    return actions + [{"add": {"index": new_index, "alias": alias}}]


# Responses -----------------------------------------------------------------------------

_MARK = re.compile(r"(</?mark>)")


def safe_fragment(fragment):
    """A highlight fragment as safe HTML: ES encodes the text (encoder "html"); any angle
    bracket that is not one of our <mark> tags is escaped again, to be sure."""
    return "".join(
        piece if piece in ("<mark>", "</mark>") else piece.replace("<", "&lt;").replace(">", "&gt;")
        for piece in _MARK.split(fragment)
    )


def summary_start(summary, size=SNIPPET_CHARS):
    """The start of the summary, escaped, cut at a word boundary."""
    summary = " ".join((summary or "").split())
    if len(summary) <= size:
        return escape(summary)
    cut = summary[:size]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return escape(cut.rstrip(" ,;:.")) + " …"


def snippet_of(hit):
    source = hit.get("_source", {})
    highlight = hit.get("highlight") or {}
    language = source.get("language") or "en"
    other = "en" if language == "fr" else "fr"
    for name in ("summary", "body"):
        for suffix in (language, other):
            fragments = highlight.get(f"{name}.{suffix}")
            if fragments:
                return safe_fragment(fragments[0])
    return summary_start(source.get("summary", ""))


def hit_of(hit):
    source = hit["_source"]
    return Hit(
        practice_id=int(source.get("id") or hit["_id"]),
        title=source.get("title", ""),
        url=source.get("url", ""),
        city=source.get("city_name", ""),
        country=source.get("country", ""),
        themes=list(source.get("themes") or []),
        evidence_level=source.get("evidence_level", ""),
        snippet=snippet_of(hit),
        language=source.get("language") or "en",
        score=float(hit.get("_score") or 0.0),
    )


def empty_results():
    return EngineResults(hits=[], total=0, facets={field_name: {} for field_name in FACET_FIELDS})


def results_from_response(query, response):
    """EngineResults from a search response (a plain dict)."""
    hits = response.get("hits", {})
    total = hits.get("total", 0)
    total = total.get("value", 0) if isinstance(total, dict) else int(total)
    aggregations = response.get("aggregations", {})
    facets = {
        field_name: {
            str(bucket["key"]): bucket["doc_count"]
            for bucket in aggregations.get(field_name, {}).get("values", {}).get("buckets", [])
        }
        for field_name in FACET_FIELDS
    }
    suggestion = None
    if query.text and total < DID_YOU_MEAN_BELOW:
        for entry in response.get("suggest", {}).get("did_you_mean", []):
            for option in entry.get("options", []):
                if option["text"].casefold() != query.text.casefold():
                    suggestion = option["text"]
                    break
            if suggestion:
                break
    return EngineResults(
        hits=[hit_of(hit) for hit in hits.get("hits", [])],
        total=total,
        facets=facets,
        suggestion=suggestion,
    )


def suggestions_from_response(response, limit=10):
    """Suggestion objects from a completion response: practices first, then cities and
    topics, without letting practice titles crowd the others out (as the embedded engine)."""
    found = {kind: [] for kind in SUGGEST_KINDS}
    seen = set()
    for kind in SUGGEST_KINDS:
        for entry in response.get("suggest", {}).get(kind, []):
            for option in entry.get("options", []):
                key = (kind, option["text"].casefold())
                if key in seen:
                    continue
                seen.add(key)
                url = option.get("_source", {}).get("url", "") if kind == "practice" else ""
                found[kind].append(Suggestion(text=option["text"], kind=kind, url=url))
    others = found["city"] + found["topic"]
    practices = found["practice"][: max(limit - len(others), limit // 2)]
    return (practices + others)[:limit]


def related_from_response(response):
    return [int(hit["_id"]) for hit in response.get("hits", {}).get("hits", [])]


def _body(response):
    return getattr(response, "body", response)


# The engine ----------------------------------------------------------------------------


def _retryable_status(status):
    return status is not None and (status >= 500 or status == 429)


@contextmanager
def unavailable_on_errors():
    """Connection failures, timeouts, 5xx and 429 become EngineUnavailable (retry later)."""
    from elasticsearch import ApiError, TransportError
    from elasticsearch.helpers import BulkIndexError

    try:
        yield
    except TransportError as error:  # ConnectionError, ConnectionTimeout, SSLError, ...
        raise EngineUnavailable(f"Elasticsearch unreachable: {error}") from error
    except ApiError as error:
        if _retryable_status(error.meta.status if error.meta else None):
            raise EngineUnavailable(f"Elasticsearch error {error.meta.status}: {error}") from error
        raise
    except BulkIndexError as error:
        statuses = [next(iter(item.values())).get("status") for item in error.errors]
        if any(_retryable_status(status) for status in statuses):
            raise EngineUnavailable(f"Elasticsearch bulk errors: {statuses}") from error
        raise


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"

    def __init__(self, url, index_prefix="practices", request_timeout=REQUEST_TIMEOUT):
        self.url = url
        self.alias = index_prefix
        self.request_timeout = request_timeout
        self._client = None

    @property
    def client(self):
        if self._client is None:
            from elasticsearch import Elasticsearch

            self._client = Elasticsearch(
                self.url, request_timeout=self.request_timeout, retry_on_timeout=True, max_retries=2
            )
        return self._client

    def new_index_name(self):
        return f"{self.alias}-{datetime.now(timezone.utc).strftime('%Y%m%d%H%M%S%f')}"

    def _bulk(self, actions, **kwargs):
        from elasticsearch.helpers import streaming_bulk

        return streaming_bulk(
            self.client, actions, chunk_size=BULK_CHUNK, max_retries=3, initial_backoff=1, **kwargs
        )

    def _actions(self, documents, index_name):
        for document in documents:
            yield {
                "_op_type": "index",
                "_index": index_name,
                "_id": str(document["id"]),
                "_source": source_of(document),
            }

    def _aliased_indices(self):
        from elasticsearch import NotFoundError

        try:
            return sorted(_body(self.client.indices.get_alias(name=self.alias)))
        except NotFoundError:
            return []

    def _create_index(self, name, with_alias=False):
        body = index_settings_and_mappings()
        if with_alias:
            body["aliases"] = {self.alias: {}}
        self.client.indices.create(index=name, **body)

    def _ensure_alias(self):
        if not self.client.indices.exists_alias(name=self.alias):
            self._create_index(self.new_index_name(), with_alias=True)

    # Writing ---------------------------------------------------------------------------

    def rebuild(self, documents, progress=None):
        name = self.new_index_name()
        with unavailable_on_errors():
            self._create_index(name)
            try:
                count = 0
                for _ok, _item in self._bulk(self._actions(documents, name)):
                    count += 1
                    if progress and count % BULK_CHUNK == 0:
                        progress(count)
                if progress:
                    progress(count)
                self.client.indices.refresh(index=name)
                old = self._aliased_indices()
                self.client.indices.update_aliases(actions=alias_swap_actions(self.alias, old, name))
            except BaseException:
                try:  # do not leave a half-built index behind
                    self.client.indices.delete(index=name, ignore_unavailable=True)
                except Exception:
                    pass
                raise
            for old_name in old:
                self.client.indices.delete(index=old_name, ignore_unavailable=True)
        return count

    def index(self, documents):
        documents = list(documents)
        if not documents:
            return
        with unavailable_on_errors():
            self._ensure_alias()
            for _ in self._bulk(self._actions(documents, self.alias), refresh="wait_for"):
                pass

    def delete(self, practice_ids):
        ids = [str(practice_id) for practice_id in practice_ids]
        if not ids:
            return
        with unavailable_on_errors():
            if not self.client.indices.exists_alias(name=self.alias):
                return
            actions = ({"_op_type": "delete", "_index": self.alias, "_id": i} for i in ids)
            for _ in self._bulk(actions, ignore_status=(404,), refresh="wait_for"):
                pass

    # Reading ---------------------------------------------------------------------------

    def fingerprints(self):
        from elasticsearch import NotFoundError
        from elasticsearch.helpers import scan

        with unavailable_on_errors():
            try:
                return {
                    int(hit["_id"]): hit["_source"]["fingerprint"]
                    for hit in scan(
                        self.client,
                        index=self.alias,
                        query={"query": {"match_all": {}}, "_source": ["fingerprint"]},
                        size=1000,
                    )
                }
            except NotFoundError:
                return {}

    def _request(self, body):
        """A search request on the alias; None when there is no index yet."""
        from elasticsearch import NotFoundError

        with unavailable_on_errors():
            try:
                return _body(self.client.search(index=self.alias, body=body))
            except NotFoundError:
                return None

    def search(self, query):
        if not query.access_levels:
            return empty_results()
        response = self._request(search_body(query))
        return empty_results() if response is None else results_from_response(query, response)

    def suggest(self, text, access_levels, limit=10):
        text = clean_text(text)[:100]
        if not text.strip() or not access_levels or limit < 1:
            return []
        response = self._request(suggest_body(text, access_levels, limit))
        return [] if response is None else suggestions_from_response(response, limit)

    def related(self, practice_id, access_levels, limit=4):
        if not access_levels or limit < 1:
            return []
        from elasticsearch import NotFoundError

        with unavailable_on_errors():
            try:
                stored = _body(self.client.get(index=self.alias, id=str(practice_id), _source=["themes"]))
            except NotFoundError:
                return []
        themes = stored.get("_source", {}).get("themes") or []
        response = self._request(related_body(self.alias, practice_id, access_levels, limit, themes=themes))
        return [] if response is None else related_from_response(response)

    def drop(self):
        """Delete the alias and every index behind it (tests and decommissioning)."""
        with unavailable_on_errors():
            for name in self._aliased_indices():
                self.client.indices.delete(index=name, ignore_unavailable=True)
