from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "pages"
urlpatterns = [
    path(_("take-part/<int:pk>/"), views.take_part, name="take_part"),
]
