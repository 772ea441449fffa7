"""The engine of the Elasticsearch family: a versioned index behind an alias.

Index layout
    The alias is the index prefix (settings.SEARCH_INDEX_PREFIX); the data lives in
    `<prefix>-<UTC timestamp with microseconds>`. A rebuild loads a new index, swaps the
    alias in one atomic `update_aliases` call and then drops the old index, so readers
    never see a half-built index. Single updates (index/delete) write through the alias.
    A rebuild killed half-way leaves its new index behind, behind no alias: the next
    rebuild removes such indices once they are an hour old.

The same engine serves Elasticsearch and OpenSearch: bodies come from bodies.py, the
transport (transports.py) sends them with the product's own client.
"""

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from ...analysis import query_units
from ...query import clean_text
from ..base import FACET_FIELDS, LISTING_LIMIT, SearchEngine
from . import bodies, responses
from .mapping import index_settings_and_mappings, listing_source, listings_settings_and_mappings, source_of
from .transports import BULK_CHUNK, NotFound


INDEX_STAMP = "%Y%m%d%H%M%S%f"
# An index no alias points to, older than this, was left by a rebuild that was killed.
ORPHAN_AGE = timedelta(hours=1)


class ElasticFamilyEngine(SearchEngine):
    def __init__(self, transport, index_prefix="practices"):
        self.transport = transport
        self.alias = index_prefix
        # Networks, events and references: their own versioned index behind this alias.
        self.listings_alias = f"{index_prefix}_listings"
        self.name = transport.product.lower()

    def new_index_name(self, alias=None):
        return f"{alias or self.alias}-{datetime.now(timezone.utc).strftime(INDEX_STAMP)}"

    def _actions(self, documents, index_name):
        for document in documents:
            yield {
                "_op_type": "index",
                "_index": index_name,
                "_id": str(document["id"]),
                "_source": source_of(document),
            }

    def _create_index(self, name, with_alias=False):
        """A practices index, with the alias when it is the first one."""
        body = index_settings_and_mappings()
        if with_alias:
            body["aliases"] = {self.alias: {}}
        self.transport.create_index(name, body)

    def _ensure_alias(self):
        if not self.transport.alias_exists(self.alias):
            self._create_index(self.new_index_name(), with_alias=True)

    def ping(self):
        self.transport.alias_exists(self.alias)  # one HEAD request

    # Writing ---------------------------------------------------------------------------

    def rebuild(self, documents, progress=None):
        return self._swap_in(self.alias, index_settings_and_mappings(), self._actions, documents, progress)

    def _swap_in(self, alias, index_body, actions, documents, progress=None):
        """Load `documents` into a new index, then move `alias` to it in one request."""
        self._remove_orphans(alias)
        name = self.new_index_name(alias)
        self.transport.create_index(name, index_body)
        try:
            count = 0
            for _item in self.transport.bulk(actions(documents, name)):
                count += 1
                if progress and count % BULK_CHUNK == 0:
                    progress(count)
            if progress:
                progress(count)
            self.transport.refresh(name)
            old = self.transport.aliased_indices(alias)
            self.transport.update_aliases(bodies.alias_swap_actions(alias, old, name))
        except BaseException:
            try:  # do not leave a half-built index behind
                self.transport.delete_index(name)
            except Exception:
                pass
            raise
        for old_name in old:
            self.transport.delete_index(old_name)
        return count

    def _remove_orphans(self, alias):
        """Remove the indices of `alias` that a rebuild killed half-way left behind: not
        behind the alias, and named (created) over ORPHAN_AGE ago, so that a rebuild still
        running elsewhere keeps its own."""
        aliased = set(self.transport.aliased_indices(alias))
        cutoff = datetime.now(timezone.utc) - ORPHAN_AGE
        for name in self.transport.indices_named(f"{alias}-*"):
            try:
                created = datetime.strptime(name.removeprefix(f"{alias}-"), INDEX_STAMP).replace(tzinfo=timezone.utc)
            except ValueError:
                continue  # another alias's index, whose name starts with this one's
            if name not in aliased and created < cutoff:
                self.transport.delete_index(name)

    def _listing_actions(self, documents, index_name):
        for document in documents:
            yield {"_op_type": "index", "_index": index_name, "_id": document["id"], "_source": listing_source(document)}

    def replace_listings(self, documents):
        self._swap_in(self.listings_alias, listings_settings_and_mappings(), self._listing_actions, documents)

    def index(self, documents):
        documents = list(documents)
        if not documents:
            return
        self._ensure_alias()
        for _ in self.transport.bulk(self._actions(documents, self.alias), refresh=True):
            pass

    def delete(self, practice_ids):
        ids = [str(practice_id) for practice_id in practice_ids]
        if not ids or not self.transport.alias_exists(self.alias):
            return
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": i} for i in ids)
        for _ in self.transport.bulk(actions, refresh=True):
            pass

    # Reading ---------------------------------------------------------------------------

    def fingerprints(self):
        query = {"query": {"match_all": {}}, "_source": ["fingerprint"]}
        return {int(hit["_id"]): hit["_source"]["fingerprint"] for hit in self.transport.scan(self.alias, query)}

    def _request(self, body):
        """A search request on the alias; None when there is no index yet."""
        try:
            return self.transport.search(self.alias, body)
        except NotFound:
            return None

    def search(self, query):
        units = query_units(query.text) if query.text else []
        if not query.access_levels or (query.text and not units):
            return responses.empty_results()
        # Every unit of the query that an entry the viewer may see has, or any of them when
        # no entry has them all (search.analysis.QueryUnit). A unit that no entry has is
        # only looked for when the whole query finds nothing: it cannot find anything then.
        require, unmatched = bodies.ALL, []
        response = self._request(bodies.search_body(query, units, require))
        if response is not None and len(units) > 1 and responses.total_of(response) == 0:
            presence = self._request(bodies.units_present_body(query, units))
            unmatched = responses.absent_units(units, presence) if presence is not None else []
            present = [unit for unit in units if unit not in unmatched]
            if not present:
                return replace(responses.empty_results(), unmatched=tuple(unit.label for unit in unmatched))
            if unmatched:
                units = present
                response = self._request(bodies.search_body(query, units, require))
            if response is not None and len(units) > 1 and responses.total_of(response) == 0:
                narrowed = query.filters or query.year_from is not None or query.year_to is not None
                unfiltered = self._request(bodies.count_body(query, units)) if narrowed else response
                if unfiltered is not None and responses.total_of(unfiltered) == 0:
                    require = bodies.ANY
                    response = self._request(bodies.search_body(query, units, require))
        if response is None:
            return responses.empty_results()
        results = responses.results_from_response(query, response)
        results.unmatched = tuple(unit.label for unit in unmatched)
        for field_name in FACET_FIELDS:
            _counts, after = responses.facet_page(response, field_name)
            while after is not None:
                page = self._request(bodies.facet_page_body(query, units, require, field_name, after))
                if page is None:
                    break
                counts, after = responses.facet_page(page, field_name)
                results.facets[field_name].update(counts)
        return results

    def suggest(self, text, access_levels, limit=10):
        text = clean_text(text)[:100]
        body = bodies.suggest_body(text, access_levels) if text.strip() else None
        if body is None or not access_levels or limit < 1:
            return []
        response = self._request(body)
        return [] if response is None else responses.suggestions_from_response(response, limit)

    def related(self, practice_id, access_levels, limit=4):
        if not access_levels or limit < 1:
            return []
        try:
            stored = self.transport.get_source(self.alias, practice_id, ["themes", "target_types"])
        except NotFound:
            return []
        themes = stored.get("themes") or []
        if not themes:
            return []
        body = bodies.related_body(
            self.alias, practice_id, access_levels, limit, themes=themes, target_types=stored.get("target_types") or []
        )
        response = self._request(body)
        return [] if response is None else responses.related_from_response(response)

    def search_listings(self, text, limit=LISTING_LIMIT, prefix=False):
        if limit < 1:
            return []
        if prefix:
            body = bodies.listing_prefix_body(clean_text(text)[:100])
        else:
            units = query_units(text)
            body = bodies.listing_search_body(units, limit) if units else None
        if body is None:
            return []
        try:
            response = self.transport.search(self.listings_alias, body)
        except NotFound:
            return []
        return responses.listings_from_response(response, scored=not prefix)[:limit]

    def drop(self):
        """Delete the aliases and every index behind them (tests and decommissioning)."""
        for alias in (self.alias, self.listings_alias):
            for name in self.transport.aliased_indices(alias):
                self.transport.delete_index(name)
