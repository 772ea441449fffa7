from django.apps import AppConfig


class SearchConfig(AppConfig):
    """The search service (issue 3): one query contract, two engines."""

    name = "search"
    default_auto_field = "django.db.models.BigAutoField"
