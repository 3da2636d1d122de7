"""Ideas written on paper at an event, typed in by officers: entering one publishes it."""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.snippets.views import snippets

from .. import services
from ..forms import SingleLineTextField
from ..forms.places import PLACE_FIELDS, PlaceFields
from ..models import IdeaBox
from .ideas import IdeaTextForm


class PaperIdeaForm(PlaceFields, IdeaTextForm):
    """An idea written on paper at an event: its box and event, what the paper says, and
    where (a place looked up, or coordinates)."""

    author_name = SingleLineTextField(
        label=gettext_lazy("Public name of the author"),
        max_length=60,
        required=False,
        help_text=gettext_lazy("Only if the author wrote one to be shown; otherwise anonymous."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["box"].label = _("Idea box")
        # Ideas go to an original box (a translation only words it, models/translated.py).
        self.fields["box"].queryset = IdeaBox.objects.filter(translation_of__isnull=True).order_by(
            "-opens_at"
        )
        self.fields["collected_at"].required = True
        for name in ("theme", "district"):
            field = self.fields[name]
            field.queryset = field.queryset.filter(ideabox__isnull=False).distinct()

    def clean(self):
        cleaned = super().clean()
        box = cleaned.get("box")
        if box is None:
            return cleaned
        for name, offered in (("theme", box.themes.all()), ("district", box.districts.all())):
            value = cleaned.get(name)
            if value is not None and value not in offered:
                self.add_error(name, _("This idea box does not offer this choice."))
        if cleaned.get("theme") is None and box.themes.exists():
            self.add_error("theme", _("This idea box asks for a theme."))
        return cleaned


PAPER_FIELDS = (
    "box",
    "collected_at",
    "author_name",
    "title",
    "description",
    "theme",
    "district",
    *PLACE_FIELDS,
)

PAPER_PANELS = ObjectList(
    [
        FieldRowPanel([FieldPanel("box", widget=forms.Select), FieldPanel("collected_at")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel(
            [FieldPanel("theme", widget=forms.Select), FieldPanel("district", widget=forms.Select)]
        ),
        FieldPanel("place"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("author_name"),
    ],
    base_form_class=PaperIdeaForm,
)


# What stays chosen from one sheet of the pile to the next.
KEPT = ("box", "collected_at")


class PaperIdeaCreateView(snippets.CreateView):
    """Officers type in the ideas collected at an event; entering one publishes it.

    The form comes back after each one for the next sheet of the pile, empty but for the idea
    box and the event, which the address carries (`?box=…&collected_at=…`).
    """

    page_subtitle = gettext_lazy("Idea collected on paper")
    success_message = gettext_lazy("Idea “%(object)s” entered and published.")

    def save_instance(self):
        data = self.form.cleaned_data
        return services.enter_paper_idea(
            user=self.request.user, **{name: data[name] for name in PAPER_FIELDS}
        )

    def get_form_kwargs(self):
        """The box and event of the previous entry, chosen again: ids only, which the form's
        own choices then show (an id it does not offer selects nothing)."""
        kwargs = super().get_form_kwargs()
        kept = {name: self.request.GET.get(name, "") for name in KEPT}
        kwargs["initial"] = {
            **kwargs.get("initial", {}),
            **{name: int(value) for name, value in kept.items() if value.isdigit()},
        }
        return kwargs

    def get_success_url(self):
        idea = self.object
        return f"{self.add_url}?{urlencode({name: getattr(idea, f'{name}_id') for name in KEPT})}"
