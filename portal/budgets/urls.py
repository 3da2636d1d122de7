from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "budgets"
urlpatterns = [
    path(_("budgets/projects/<int:pk>/<slug:slug>/"), views.project_detail, name="project"),
    path(_("budgets/projects/map.json"), views.project_map, name="project_map"),
]
