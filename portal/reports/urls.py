from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "reports"
urlpatterns = [
    path(_("posters/<int:page_id>.pdf"), views.poster, name="poster"),
    path(_("paper-ballots/<int:envelope_id>.pdf"), views.paper_ballot, name="paper_ballot"),
]
