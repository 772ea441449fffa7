from django.db import migrations

EDITOR_GROUPS = ["Editors", "Moderators"]  # Wagtail's groups, frozen here
ACTIONS = ["view", "add", "change"]  # review, invite, approve or refuse; never delete


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    # Permissions are normally created after all migrations: create these ones now.
    content_type, _ = ContentType.objects.get_or_create(app_label="accounts", model="memberprofile")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_memberprofile",
            defaults={"name": f"Can {action} member profile"},
        )[0]
        for action in ACTIONS
    ]
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(
        content_type__app_label="accounts", codename__in=[f"{action}_memberprofile" for action in ACTIONS]
    )
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    """Editors and moderators review, approve, refuse and invite members in the admin."""

    dependencies = [
        ("accounts", "0003_member_language"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
