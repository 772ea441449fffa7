from .organisation import Organisation
from .places import City
from .practice import PracticeIndexPage, PracticePage, PracticePartner, PracticeSource
from .themes import TaggedPracticeTopic, Theme, ThemedPractice, Topic

__all__ = [
    "City",
    "Organisation",
    "PracticeIndexPage",
    "PracticePage",
    "PracticePartner",
    "PracticeSource",
    "TaggedPracticeTopic",
    "Theme",
    "ThemedPractice",
    "Topic",
]
