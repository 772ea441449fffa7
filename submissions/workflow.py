"""The "Editorial review" workflow that submitted case studies go through.

`ensure_editorial_review` takes a model getter so the data migration (historical models)
and the code (the browser tests' fixture, which puts back what migrations wrote) share it.
"""

from django.apps import apps as django_apps

from accounts.roles import EDITORS, MODERATORS

WORKFLOW_NAME = "Editorial review"
TASK_NAME = "Review by editors or moderators"


def ensure_editorial_review(get_model=django_apps.get_model):
    """The workflow, its group-approval task for Editors and Moderators, and its assignment
    to the practice index when there is one. Idempotent; returns the workflow."""
    ContentType = get_model("contenttypes", "ContentType")
    Group = get_model("auth", "Group")
    Workflow = get_model("wagtailcore", "Workflow")
    WorkflowTask = get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = get_model("wagtailcore", "GroupApprovalTask")
    PracticeIndexPage = get_model("practices", "PracticeIndexPage")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
        task.groups.set([Group.objects.get_or_create(name=name)[0] for name in (EDITORS, MODERATORS)])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index in PracticeIndexPage.objects.all():
        # An assignment an editor chose in the admin is left alone.
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})
    return workflow
