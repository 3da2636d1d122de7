"""The agenda and its events: workshops, public meetings, walks and tour stops."""

from datetime import datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import JsonResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.core import page_cache
from portal.core.listing import LINK_FIELDS, paginate, valid_filters
from portal.core.templatetags.dates import event_when

from .base import BasePage
from .consultation import ConsultationPage
from .schema import event_json_ld
from .taxonomy import District, Organiser, Theme


class EventState(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


def organiser_here(field):
    """An expression: the `field` of an event's organiser in the event's own language.

    wagtail-localize points a translated event to the organiser's translation; a page copied
    without it (or translated before the organiser was) points to the original: then the
    translation in the page's language is read, else the original's. A subquery in the
    listing's own query, so a card costs nothing more.
    """
    translated = Organiser.objects.filter(
        translation_key=OuterRef("organiser__translation_key"), locale_id=OuterRef("locale_id")
    )
    return Coalesce(Subquery(translated.values(field)[:1]), F(f"organiser__{field}"))


class EventQuerySet(PageQuerySet):
    """Named filters over events; "now" is the current instant, events end in the future or past."""

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def placed(self):
        """Events with a point on the map (clean() keeps latitude and longitude together)."""
        return self.filter(latitude__isnull=False, longitude__isnull=False)

    def with_local_organiser(self, *fields):
        """`local_organiser_<field>` on each event: its organiser's, in its language."""
        return self.annotate(
            **{f"local_organiser_{field}": organiser_here(field) for field in fields}
        )

    def of_organiser(self, organiser_id):
        """The events of an organiser in any of its languages (given the id of any)."""
        group = Organiser.objects.filter(pk=organiser_id).values("translation_key")
        return self.filter(organiser__translation_key__in=group)

    def for_cards(self):
        """What a card shows, and nothing more, in a constant number of queries; the
        organiser's name is `local_organiser_name`."""
        return self.only(
            *LINK_FIELDS,
            "start",
            "end",
            "all_day",
            "state",
            "place_name",
            "online_url",
            "step_free_access",
            "sign_language",
            "induction_loop",
        ).with_local_organiser("name")


EventManager = PageManager.from_queryset(EventQuerySet)

# The accessibility an event offers, as its ticked boxes and the words that say so.
ACCESSIBILITY_FLAGS = (
    ("step_free_access", _("Step-free access")),
    ("sign_language", _("French sign language interpreting")),
    ("induction_loop", _("Induction loop")),
)

# What a calendar app must be told about again when it changes (RFC 5545 SEQUENCE).
CALENDAR_FIELDS = (
    "start",
    "end",
    "all_day",
    "state",
    "place_name",
    "address",
    "latitude",
    "longitude",
    "online_url",
)


class EventPage(BasePage):
    """One event: when, where, how accessible, who organises it, how to come."""

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the dates are shown, not the times.")
    )
    state = models.CharField(
        _("state"), max_length=20, choices=EventState.choices, default=EventState.SCHEDULED
    )
    state_note = models.CharField(
        _("note on the state"),
        max_length=200,
        blank=True,
        help_text=_("Why it is cancelled or postponed, and the new date if known."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Empty if decorative."),
    )
    # Calendar apps replace their copy of an event when its SEQUENCE grows: it goes up by one
    # each time a published version changes the date, the place or the state (see save()).
    ical_sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)
    place_name = models.CharField(_("place"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    online_url = models.URLField(
        _("online link"), blank=True, help_text=_("For an event that takes place online.")
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    sign_language = models.BooleanField(_("French sign language interpreting"), default=False)
    induction_loop = models.BooleanField(_("induction loop"), default=False)
    accessibility_notes = models.TextField(
        _("more on accessibility"),
        blank=True,
        max_length=600,
        help_text=_("Nearest accessible transport, seating, large-print documents, contact…"),
    )
    organiser = models.ForeignKey(
        Organiser,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    free_entry = models.BooleanField(
        _("free entry"), default=True, help_text=_("Free and open to all, no registration.")
    )
    consultation = models.ForeignKey(
        "pages.ConsultationPage",
        verbose_name=_("consultation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    districts = ParentalManyToManyField(District, verbose_name=_("districts"), blank=True)

    objects = EventManager()
    cache_for_anonymous = True
    template = "pages/event_page.html"
    parent_page_types = ["pages.AgendaPage", "pages.EventTourPage"]
    subpage_types = []

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("place_name"),
        index.SearchField("address"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("state"), FieldPanel("state_note")], heading=_("Cancelled or postponed")
        ),
        FieldPanel("image"),
        FieldPanel("image_alt"),
        FieldPanel("body"),
    ]
    place_panels = [
        FieldPanel("place_name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("online_url"),
        MultiFieldPanel(
            [
                FieldPanel("step_free_access"),
                FieldPanel("sign_language"),
                FieldPanel("induction_loop"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
        ),
    ]
    organisation_panels = [
        FieldPanel("organiser"),
        FieldPanel("free_entry"),
        FieldPanel("registration_url"),
        FieldPanel("consultation"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(place_panels, heading=_("Place and accessibility")),
            ObjectList(organisation_panels, heading=_("Organisation")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end:
            if self.all_day:
                # All-day events span whole Paris days, from midnight to the last second.
                zone = timezone.get_current_timezone()
                first = timezone.localtime(self.start, zone).date()
                last = timezone.localtime(self.end, zone).date()
                self.start = timezone.make_aware(datetime.combine(first, time.min), zone)
                self.end = timezone.make_aware(datetime.combine(last, time(23, 59, 59)), zone)
            if self.end <= self.start:
                errors["end"] = _("The event must end after it starts.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both the latitude and the longitude, or neither.")
        if not self.free_entry and not self.registration_url:
            errors["registration_url"] = _(
                "Give the registration link, or tick “free entry” if no registration is needed."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Publishing a new date, place or state raises the calendar revision (SEQUENCE).

        The page row holds the live version (drafts only touch bookkeeping fields), so the
        comparison is with what calendars were last given.
        """
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or set(update_fields) & set(CALENDAR_FIELDS)):
            stored = (
                EventPage.objects.filter(pk=self.pk)
                .values(*CALENDAR_FIELDS, "ical_sequence")
                .first()
            )
            if stored is not None:
                changed = any(stored[name] != getattr(self, name) for name in CALENDAR_FIELDS)
                self.ical_sequence = max(stored["ical_sequence"], self.ical_sequence) + changed
                if update_fields is not None:
                    kwargs["update_fields"] = {*update_fields, "ical_sequence"}
        return super().save(*args, **kwargs)

    @property
    def is_cancelled(self):
        return self.state == EventState.CANCELLED

    @property
    def is_postponed(self):
        return self.state == EventState.POSTPONED

    def is_past(self, now=None):
        return self.end < (now or timezone.now())

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def accessibility_features(self):
        return [label for name, label in ACCESSIBILITY_FLAGS if getattr(self, name)]

    @cached_property
    def local_organiser(self):
        """The organiser as this page's language names it (see `organiser_here`)."""
        return self.organiser.in_locale(self.locale_id) if self.organiser_id else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["json_ld"] = event_json_ld(self)
        return context


def event_points(events, request):
    """The points of the map next to the agenda's list: [{title, lat, lng, url, status, when,
    place}] of `events` (the list's, filtered and ordered) that have coordinates, in one query
    whatever their number; `status` is empty for a scheduled event, else its state in words."""
    labels = dict(EventState.choices)
    placed = events.placed().only(
        *LINK_FIELDS, "start", "end", "all_day", "state", "place_name", "latitude", "longitude"
    )
    return [
        {
            "title": event.title,
            "lat": float(event.latitude),
            "lng": float(event.longitude),
            "url": event.get_url(request),
            "status": "" if event.state == EventState.SCHEDULED else str(labels[event.state]),
            "when": event_when(event),
            "place": event.place_name,
        }
        for event in placed
    ]


def organiser_choices(events, locale_id):
    """(id, name) of the organisers of some events, once each, in a language: the
    translation there, else the row events point to; sorted by name. One query."""
    keys = events.values("organiser__translation_key")
    rows = Organiser.objects.filter(translation_key__in=keys).values_list(
        "pk", "name", "translation_key", "locale_id"
    )
    chosen = {}
    for pk, name, key, locale in rows.order_by("pk"):
        if key not in chosen or locale == locale_id:
            chosen[key] = (pk, name)
    return sorted(chosen.values(), key=lambda choice: choice[1].casefold())


class EventFilterForm(forms.Form):
    """The agenda filters: a GET form that works without JavaScript."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    organiser = forms.ChoiceField(label=_("Organiser"), required=False)
    consultation = forms.ChoiceField(label=_("Consultation"), required=False)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, themes=(), districts=(), organisers=(), consultations=(), **kw):
        super().__init__(*args, **kw)
        self.fields["theme"].choices = [("", _("All themes"))] + [(t.slug, t.name) for t in themes]
        self.fields["district"].choices = [("", _("All districts"))] + [
            (d.slug, d.name) for d in districts
        ]
        self.fields["organiser"].choices = [("", _("All organisers"))] + [
            (str(pk), name) for pk, name in organisers
        ]
        self.fields["consultation"].choices = [("", _("All consultations"))] + [
            (str(c.pk), c.title) for c in consultations
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end of the period must not be before its start."))
        return cleaned


class AgendaPage(RoutablePageMixin, BasePage):
    """Upcoming events grouped by month, with filters, and an archive of past events."""

    per_page = 20
    cache_for_anonymous = True
    # Filters with a few values each; a period ("start", "end") is chosen by each visitor, so
    # a listing for one is served fresh, not stored.
    query_parameters = ("theme", "district", "organiser", "consultation", "page")
    template = "pages/agenda_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["pages.EventPage", "pages.EventTourPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def events(self):
        return EventPage.objects.descendant_of(self).live().public()

    def filter_form(self, request):
        events = self.events()
        return EventFilterForm(
            request.GET or None,
            themes=Theme.objects.in_locale(self.locale),
            # Their names only: a boundary may weigh a megabyte.
            districts=District.objects.in_locale(self.locale).defer("boundary"),
            organisers=organiser_choices(events, self.locale_id),
            consultations=ConsultationPage.objects.live()
            .filter(locale=self.locale)
            .only("id", "title"),
        )

    def filtered(self, events, data):
        if data.get("theme"):
            events = events.filter(themes__slug=data["theme"])
        if data.get("district"):
            events = events.filter(districts__slug=data["district"])
        if data.get("organiser"):
            events = events.of_organiser(data["organiser"])
        if data.get("consultation"):
            events = events.filter(consultation_id=data["consultation"])
        zone = timezone.get_current_timezone()
        if data.get("start"):
            events = events.filter(
                end__gte=timezone.make_aware(datetime.combine(data["start"], time.min), zone)
            )
        if data.get("end"):
            after = data["end"] + timedelta(days=1)
            events = events.filter(
                start__lt=timezone.make_aware(datetime.combine(after, time.min), zone)
            )
        return events.distinct()

    def shown(self, request, past):
        """The filter form, the valid filters' values, the events the list shows (upcoming or
        past) and the messages of the values ignored."""
        form = self.filter_form(request)
        messages = []
        data = valid_filters(form, messages)
        events = self.filtered(self.events(), data)
        return form, data, events.past() if past else events.upcoming(), messages

    def map_url(self, request, form, data, past):
        """Where the map next to the list reads its points: the list's valid filters, in its
        address."""
        url = self.reverse_subpage("past_points" if past else "points")
        query = urlencode({name: form.data[name] for name, value in data.items() if value})
        return f"{self.get_url(request)}{url}" + (f"?{query}" if query else "")

    def listing(self, request, past):
        form, data, events, messages = self.shown(request, past)
        page_obj = paginate(request, events.for_cards(), self.per_page, messages)
        if messages:  # something in the address was ignored
            page_cache.never_store(request)
        placed = events.placed().exists()
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "filters_active": any(data.values()),
                "page_obj": page_obj,
                "events": page_obj.object_list,
                "listing_messages": messages,
                "archive": past,
                "map_url": self.map_url(request, form, data, past) if placed else None,
            },
        )

    def points(self, request, past):
        """The points of the events the list shows, as JSON, for the map next to it."""
        _form, _data, events, messages = self.shown(request, past)
        if messages:
            page_cache.never_store(request)
        return JsonResponse({"points": event_points(events, request)})

    @path("")
    def upcoming_events(self, request):
        return self.listing(request, past=False)

    @path("archives/", name="archives")
    def past_events(self, request):
        return self.listing(request, past=True)

    @path("map/", name="points")
    def upcoming_points(self, request):
        return self.points(request, past=False)

    @path("archives/map/", name="past_points")
    def past_points(self, request):
        return self.points(request, past=True)
