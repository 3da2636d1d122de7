"""Wagtail's two groups become the town's roles, named in French, with the right page rights.

Wagtail gave its "Moderators" group the rights to add, edit and publish every page, and its
"Editors" no right to publish. Here "Editors" becomes "Rédaction" and may also publish, lock
and unlock pages; "Moderators" becomes "Modération", the participation officers, with no
rights on pages, images, documents or translations: Wagtail's default workflow, whose
approval task was theirs, becomes the editors' proofreading. What each role may do with the
portal's own models is granted after every migrate (see portal/core/roles.py). A missing
group is created.
"""

from django.db import migrations

GROUPS = {"editors": ("Editors", "Rédaction"), "moderators": ("Moderators", "Modération")}
EDITOR_PAGE_RIGHTS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
NOT_FOR_MODERATORS = ("wagtailimages", "wagtaildocs", "wagtail_localize")
WAGTAIL_WORKFLOW, PROOFREADING = "Moderators approval", "Relecture par la rédaction"


def install_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Role = apps.get_model("core", "Role")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")

    groups = {}
    for key, (wagtail_name, french_name) in GROUPS.items():
        group = (
            Group.objects.filter(name=french_name).first()
            or Group.objects.filter(name=wagtail_name).first()
            or Group(name=french_name)
        )
        group.name = french_name
        group.save()
        Role.objects.update_or_create(key=key, defaults={"group": group})
        groups[key] = group

    moderators = groups["moderators"]
    GroupPagePermission.objects.filter(group=moderators).delete()
    GroupCollectionPermission.objects.filter(group=moderators).delete()
    moderators.permissions.remove(
        *Permission.objects.filter(content_type__app_label__in=NOT_FOR_MODERATORS)
    )

    for task in GroupApprovalTask.objects.filter(groups=moderators):
        task.groups.remove(moderators)
        task.groups.add(groups["editors"])
    GroupApprovalTask.objects.filter(name=WAGTAIL_WORKFLOW).update(name=PROOFREADING)
    Workflow.objects.filter(name=WAGTAIL_WORKFLOW).update(name=PROOFREADING)

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=EDITOR_PAGE_RIGHTS
        ):
            GroupPagePermission.objects.get_or_create(
                group=groups["editors"], page=root, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_roles"),
        # Every migration that gives rights to Wagtail's groups by their English names.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(install_roles, migrations.RunPython.noop)]
