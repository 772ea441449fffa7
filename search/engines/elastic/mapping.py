"""The index of the Elasticsearch family: analysers, the mapping, and the stored source.

Analysis (why sub-fields rather than one analyser chosen by the document's language)
    Neither product can pick an analyser per document for one field, and practitioners
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

Matching and ranking (as the embedded engine: a field-weighted bm25 over the entry's
    own language)
    `text_fr` or `text_en`, whichever is the entry's language, holds every part of the
    entry, each repeated as often as its weight (search.engines.base.FIELD_WEIGHTS), so that
    one bm25 over one field counts a title word ten times a body word, as the embedded
    engine's weighted term frequencies do. A query word is stemmed for both fields, as the
    embedded engine stems it in both languages. (Lucene's BM25 per field, summed, would
    rank by another rule; OpenSearch has no combined_fields query.) The repeated text is
    left out of the stored source. Two differences remain: Lucene's length norm counts
    the repeated words, and its idf adds one inside the logarithm.

Suggestions (as the embedded engine: every typed word, the last one as a prefix, anywhere
    in a title, a city name or a topic)
    `suggest_words` holds the folded words of every suggestion text of the entry; a
    keyword field per kind holds each text as "<folded words>\x1f<text>" (and, for
    practices, "\x1f<url>"), so that an aggregation can keep the values whose own words
    match and give them back as written. (The completion suggester only matches the start
    of an input.)
"""

from elasticsearch.dsl import Document, Index, MetaField, analyzer, field, token_filter

from ...analysis import LANGUAGES, STEM_OVERRIDES, STOP_WORDS, document_fields, label_fields, synonym_lines, translation_fields, words
from ...query import MAX_PAGE, MAX_PAGE_SIZE
from ..base import FACET_FIELDS, FIELD_WEIGHTS

SUGGESTION_SEPARATOR = "\x1f"
# The fields whose words "did you mean" may propose (as the embedded engine's vocabulary).
SPELLING_SOURCES = ("title", "summary", "topics", "city_names", "translation_title", "translation_summary")

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
stem_overrides = token_filter(
    "kb_stem_overrides", "stemmer_override", rules=[f"{word} => {term}" for word, term in STEM_OVERRIDES.items()]
)
shingles = token_filter("kb_shingles", "shingle", min_shingle_size=2, max_shingle_size=3)

folded = analyzer(
    "kb_folded", tokenizer="standard", filter=[elision, "lowercase", "asciifolding", stop_words]
)


def _stemming(name, first, stemmer, search=False):
    """A language's chain: its own first filter, folding, [synonyms,] stop words, the
    overrides (search.analysis.STEM_OVERRIDES), stemmer."""
    chain = [first, "lowercase", "asciifolding", *([synonyms] if search else []), stop_words, stem_overrides, stemmer]
    return analyzer(name, tokenizer="standard", filter=chain)


french = _stemming("kb_french", elision, french_stemmer)
french_search = _stemming("kb_french_search", elision, french_stemmer, search=True)
english = _stemming("kb_english", english_possessive, english_stemmer)
english_search = _stemming("kb_english_search", english_possessive, english_stemmer, search=True)
# Did-you-mean: word shingles for the phrase suggester.
spelling = analyzer(
    "kb_spelling", tokenizer="standard", filter=[elision, "lowercase", "asciifolding", shingles]
)
# Suggestions: folded words, stop words kept (a prefix such as "de" must still complete).
suggestion_words = analyzer("kb_suggestion_words", tokenizer="standard", filter=["lowercase", "asciifolding"])


def _bilingual_text(**kwargs):
    return field.Text(
        analyzer=folded,
        fields={
            "fr": field.Text(analyzer=french, search_analyzer=french_search),
            "en": field.Text(analyzer=english, search_analyzer=english_search),
        },
        **kwargs,
    )


# Every facet of search.facets is an exact value (keyword) that filters and aggregations read.
FacetFields = type("FacetFields", (Document,), {name: field.Keyword() for name in FACET_FIELDS})


class PracticeDocument(FacetFields):
    """The mapping of search.documents.build_document, plus what source_of adds (the
    facet fields come from FacetFields)."""

    id = field.Integer()
    title = _bilingual_text(copy_to="spelling")
    summary = _bilingual_text(copy_to="spelling")
    body = _bilingual_text()
    topics = _bilingual_text(copy_to="spelling")
    city_names = field.Text(analyzer=folded, copy_to="spelling")
    partner_names = field.Text(analyzer=folded)
    spelling = field.Text(analyzer=spelling)
    url = field.Keyword(index=False, doc_values=False)
    city_name = field.Keyword()
    location = field.GeoPoint()
    access_level = field.Keyword()
    evidence_rank = field.Integer()
    start_year = field.Integer()
    end_year = field.Integer()
    published_at = field.Date()
    fingerprint = field.Keyword(index=False)
    # The entry's translation (search.documents): its texts for the snippet, its address.
    translation_language = field.Keyword()
    translation_title = field.Text(analyzer=folded, copy_to="spelling")
    translation_summary = _bilingual_text(copy_to="spelling")
    translation_body = _bilingual_text()
    translation_url = field.Keyword(index=False, doc_values=False)
    text_fr = field.Text(analyzer=french)
    text_en = field.Text(analyzer=english)
    # In the source only: their words are matched through text_fr and text_en (source_of).
    notes = field.Text(index=False)
    labels_fr = field.Keyword(index=False, doc_values=False)
    labels_en = field.Keyword(index=False, doc_values=False)
    suggest_words = field.Text(analyzer=suggestion_words)
    suggest_practice = field.Keyword()
    suggest_city = field.Keyword()
    suggest_topic = field.Keyword()

    class Meta:
        # A field that build_document gains must be mapped here first (a test checks it).
        dynamic = MetaField("strict")
        source = MetaField(excludes=[f"text_{language}" for language in LANGUAGES])


class ListingDocument(Document):
    """Networks, events and reference documents (search.listings.listing_documents), in an
    index of their own: the analysers of the practices, none of their fields."""

    id = field.Keyword()
    page_id = field.Integer()
    kind = field.Keyword()
    title = field.Keyword(index=False, doc_values=False)
    acronym = field.Keyword(index=False, doc_values=False)
    name = _bilingual_text()
    summary = _bilingual_text()
    extra = _bilingual_text()
    url = field.Keyword(index=False, doc_values=False)
    # Title and acronym words, folded, stop words kept: suggestions complete them.
    suggest_words = field.Text(analyzer=suggestion_words)

    class Meta:
        dynamic = MetaField("strict")


def listings_settings_and_mappings():
    index = Index("listings")
    index.document(ListingDocument)
    return index.to_dict()


def listing_source(document):
    return {**document, "suggest_words": f"{document['title']} {document['acronym']}"}


def index_settings_and_mappings():
    """The body of the index creation request: settings (analysis) and mappings."""
    index = Index("practices")
    # Deep pages are allowed up to the query's own bounds (MAX_PAGE of MAX_PAGE_SIZE).
    index.settings(max_result_window=MAX_PAGE * MAX_PAGE_SIZE)
    index.document(PracticeDocument)
    return index.to_dict()


def suggestion_value(text, *extra):
    """"Place Masséna" -> "place massena\x1fPlace Masséna": matched on the first part."""
    return SUGGESTION_SEPARATOR.join([" ".join(words(text)), text, *extra])


def source_of(document):
    """The stored source of a build_document dict: the document plus suggestion inputs."""
    title = document.get("title") or ""
    cities = list(dict.fromkeys(document.get("city_names") or []))
    topics = list(dict.fromkeys(document.get("topics") or []))
    # Each version's text in the field of its language: a translated entry fills both.
    texts = {language: [] for language in LANGUAGES}
    versions = [(document.get("language"), document_fields(document)), (document.get("translation_language"), translation_fields(document))]
    versions += list(label_fields(document).items())
    for language, fields in versions:
        language = language if language in LANGUAGES else "en"
        texts[language] += [text for name, text in fields.items() if text for _ in range(int(FIELD_WEIGHTS[name]))]
    titles = [(title, document.get("url") or "")] if title else []
    if document.get("translation_title"):
        titles.append((document["translation_title"], document.get("translation_url") or ""))
    return {
        **document,
        **{f"text_{language}": text for language, text in texts.items() if text},
        "suggest_words": [*(title for title, _url in titles), *cities, *topics],
        "suggest_practice": [suggestion_value(title, url) for title, url in titles],
        "suggest_city": [suggestion_value(name) for name in cities],
        "suggest_topic": [suggestion_value(topic) for topic in topics],
    }
