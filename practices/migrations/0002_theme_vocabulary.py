"""Creates the five themes: the tag model accepts nothing else."""

from django.db import migrations

THEMES = ["prevention", "protection", "mitigation", "response", "recovery"]


def create_themes(apps, schema_editor):
    Theme = apps.get_model("practices", "Theme")
    for name in THEMES:
        Theme.objects.get_or_create(slug=name, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]
    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
