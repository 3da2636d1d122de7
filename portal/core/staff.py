"""Staff accounts in the admin: what each role allows, written out; signing in, throttled.

Wagtail's user and group views, through the `wagtailusers` app (`apps.StaffUsersConfig`):
the group list and the group form describe the group's role, and the form that gives people
their groups says what each one allows, so that nobody grants a role without reading it.
Failed sign-ins are counted by django-axes (settings: AXES_*), which answers with
`lockout_response` once an account or an address has failed too often.
"""

from math import ceil

from django.conf import settings
from django.contrib.auth.models import Group
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.account import get_user_login_form, password_reset_enabled
from wagtail.users.forms import GroupForm, UserCreationForm, UserEditForm
from wagtail.users.views import groups, users

from . import roles


def labelled_by_role(group):
    """A group's name followed by what its role allows."""
    description = roles.description(group)
    return f"{group.name} — {description}" if description else group.name


class RoleGroupsMixin:
    """The groups to tick, each named with what its role allows."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["groups"]
        field.queryset = Group.objects.select_related("role").order_by("name")
        field.label_from_instance = labelled_by_role


class StaffCreationForm(RoleGroupsMixin, UserCreationForm):
    pass


class StaffEditForm(RoleGroupsMixin, UserEditForm):
    pass


class RoleGroupForm(GroupForm):
    """A group's form, its role's description under its name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if description := roles.description(self.instance):
            self.fields["name"].help_text = description


class GroupIndexView(groups.IndexView):
    columns = [
        *groups.IndexView.columns,
        Column("role", label=_("What the role allows"), accessor=roles.description, width="75%"),
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("role")


class GroupViewSet(groups.GroupViewSet):
    index_view_class = GroupIndexView

    def get_form_class(self, for_update=False):
        return RoleGroupForm


class UserViewSet(users.UserViewSet):
    def get_form_class(self, for_update=False):
        return StaffEditForm if for_update else StaffCreationForm


def lockout_response(request, original_response=None, credentials=None):
    """Wagtail's sign-in page again, saying that sign-in is blocked and for how long.

    django-axes calls this (AXES_LOCKOUT_CALLABLE) instead of answering the sign-in, whether
    the password was right or not: nothing tells an attacker they found it. The form comes
    back empty of errors, with the name typed kept.
    """
    context = dict(getattr(original_response, "context_data", None) or {})
    username = (credentials or {}).get("username", "")
    context["form"] = get_user_login_form()(request, initial={"username": username})
    context.setdefault("show_password_reset", password_reset_enabled())
    minutes = max(1, ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context["lockout_message"] = ngettext(
        "Too many failed sign-in attempts for this account or from this address: signing in "
        "is blocked for %(minutes)d minute. An administrator can lift the block sooner.",
        "Too many failed sign-in attempts for this account or from this address: signing in "
        "is blocked for %(minutes)d minutes. An administrator can lift the block sooner.",
        minutes,
    ) % {"minutes": minutes}
    return render(request, "core/sign_in_locked.html", context, status=429)
