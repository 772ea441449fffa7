"""Snippets of the embedded engine: an escaped extract with <mark> around matched words."""

import re
from html import escape

from ...analysis import term_of

SNIPPET_WORDS = 32
WORDS_BEFORE_FIRST_MATCH = 6
FALLBACK_CHARACTERS = 240
_TOKEN = re.compile(r"\w+", re.UNICODE)


def highlight(summary, body, language, terms, size=SNIPPET_WORDS):
    """The summary or body around their first matched word; the summary's start otherwise.

    Words are compared as index terms (folded, stemmed in the entry's language), so
    "Attentats" is marked for a query "attentat". Everything but the marks is escaped.
    """
    language = language if language in ("en", "fr") else "en"
    if terms:
        for text in (summary, body):
            tokens = _TOKEN.finditer(text)
            before = []
            for token in tokens:
                if term_of(token.group(), language) in terms:
                    window = before[-WORDS_BEFORE_FIRST_MATCH:] + [token]
                    window += [t for _, t in zip(range(size - len(window)), tokens)]
                    return _extract(text, window, language, terms, starts_text=len(before) <= WORDS_BEFORE_FIRST_MATCH)
                before.append(token)
    window = [t for _, t in zip(range(size), _TOKEN.finditer(summary))]
    return _extract(summary, window, language, set(), starts_text=True)


def _extract(text, window, language, terms, starts_text):
    if not window:
        return escape(text[:FALLBACK_CHARACTERS])
    start = 0 if starts_text else window[0].start()
    end = window[-1].end()
    ends_text = _TOKEN.search(text, end) is None
    if ends_text:
        end = len(text)
    pieces, cursor = [], start
    for token in window:
        if term_of(token.group(), language) in terms:
            pieces.append(escape(text[cursor:token.start()]))
            pieces.append(f"<mark>{escape(token.group())}</mark>")
            cursor = token.end()
    pieces.append(escape(text[cursor:end]))
    return ("" if starts_text else "… ") + "".join(pieces).strip() + ("" if ends_text else " …")
