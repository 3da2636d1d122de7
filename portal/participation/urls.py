from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "participation"
urlpatterns = [
    path(_("participation/confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("participation/new-link/"), views.new_link, name="new_link"),
    path(_("participation/sign-out/"), views.sign_out, name="sign_out"),
    path(_("participation/my-data/<str:token>/"), views.my_data, name="my_data"),
    path(_("participation/my-data/<str:token>/erase/"), views.erase_my_data, name="erase_my_data"),
    path(
        _("participation/my-data/<str:token>/download/"),
        views.download_my_data,
        name="download_my_data",
    ),
    path(_("participation/ideas/<int:pk>/<slug:slug>/"), views.idea_detail, name="idea"),
    path(_("participation/ideas/map/<int:box_id>.json"), views.idea_map, name="idea_map"),
]
