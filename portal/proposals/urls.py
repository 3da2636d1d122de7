from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "proposals"
urlpatterns = [
    path(_("community-agenda/propose/"), views.propose, name="propose"),
    path(_("community-agenda/follow/<str:token>/"), views.follow, name="follow"),
]
