from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "follows"
urlpatterns = [
    path(_("follow/<str:topic>/<uuid:key>/"), views.follow, name="follow"),
    path(_("follow/unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
    path(_("follow/unsubscribed/"), views.unsubscribed, name="unsubscribed"),
]
