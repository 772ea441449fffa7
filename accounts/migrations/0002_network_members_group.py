from django.db import migrations

NETWORK_MEMBERS = "Network members"  # accounts.roles.NETWORK_MEMBERS, frozen here


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=NETWORK_MEMBERS)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=NETWORK_MEMBERS).delete()


class Migration(migrations.Migration):
    """Network members have no admin access; Editors and Moderators are Wagtail's own groups."""

    dependencies = [("accounts", "0001_member_profile"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(create_group, remove_group)]
