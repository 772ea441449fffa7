from django.db import migrations


def create_workflow(apps, schema_editor):
    from submissions.workflow import ensure_editorial_review

    ensure_editorial_review(apps.get_model)


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_case_study"),
        ("wagtailcore", "0098_apitoken"),
        ("practices", "0004_commercial_interest"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
