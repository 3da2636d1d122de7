from django.urls import path, register_converter
from django.utils.translation import gettext_lazy as _

from . import views
from .datasets import DATASETS


class DatasetConverter:
    """A dataset by its file name in the address's language ("idees", "ideas"): its key in
    Python, its translated name in links."""

    regex = "[a-z-]+"

    def to_python(self, value):
        for key, dataset in DATASETS.items():
            if str(dataset.file_name) == value:
                return key
        raise ValueError(value)

    def to_url(self, value):
        return str(DATASETS[value].file_name)


class FormatConverter:
    regex = "csv|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(DatasetConverter, "dataset")
register_converter(FormatConverter, "format")

app_name = "opendata"
urlpatterns = [
    path(_("open-data/"), views.index, name="index"),
    path(_("open-data/<dataset:dataset>.<format:format>"), views.site_file, name="site"),
    path(
        _("open-data/consultations/<int:page_id>/<dataset:dataset>.<format:format>"),
        views.consultation_file,
        name="consultation",
    ),
    path(_("open-data/schemas/<dataset:dataset>.schema.json"), views.schema, name="schema"),
]
