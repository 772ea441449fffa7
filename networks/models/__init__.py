from .event import EventIndexPage, EventPage, EventSource
from .network import NetworkIndexPage, NetworkPage, NetworkSource
from .reference import ReferenceIndexPage, ReferenceKind, ReferencePage, ReferenceSource

# Each kind of listed page, with the index page that holds it.
INDEX_OF = {NetworkPage: NetworkIndexPage, EventPage: EventIndexPage, ReferencePage: ReferenceIndexPage}

__all__ = [
    "INDEX_OF",
    "EventIndexPage",
    "EventPage",
    "EventSource",
    "NetworkIndexPage",
    "NetworkPage",
    "NetworkSource",
    "ReferenceIndexPage",
    "ReferenceKind",
    "ReferencePage",
    "ReferenceSource",
]
