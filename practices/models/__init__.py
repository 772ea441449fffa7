from .organisation import Organisation
from .places import City, Network
from .practice import PracticeIndexPage, PracticePage, PracticePartner, PracticeSource
from .themes import TaggedPracticeTopic, Theme, ThemedPractice

__all__ = [
    "City",
    "Network",
    "Organisation",
    "PracticeIndexPage",
    "PracticePage",
    "PracticePartner",
    "PracticeSource",
    "TaggedPracticeTopic",
    "Theme",
    "ThemedPractice",
]
