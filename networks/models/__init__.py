from .event import EventIndexPage, EventPage, EventSource
from .network import NetworkIndexPage, NetworkPage, NetworkSource
from .reference import ReferenceIndexPage, ReferenceKind, ReferencePage, ReferenceSource

__all__ = [
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
