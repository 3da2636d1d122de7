"""Listings that forgive bad input: an unknown filter or page number gives a normal page with
a message saying what was ignored, never an error."""

import secrets

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import BigIntegerField, Value
from django.db.models.functions import Cast, Mod
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import page_cache

# What any page link needs: the card and menu querysets load these and their own fields only,
# because compiling selects of Wagtail's wide page rows costs more than running them.
LINK_FIELDS = ("id", "title", "path", "depth", "url_path", "locale_id", "content_type_id")


def paginate(request, items, per_page, messages, parameter="page", count=None):
    """The requested page of items; a message in `messages` when the number was unusable.

    `parameter`: the query parameter holding the number, for a list that shares its page
    with another (the templates' `page_query` takes the same name as `page_parameter`).
    `count`: how many items there are, when it is kept elsewhere, so that nobody counts them.
    """
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count
    number = request.GET.get(parameter, "1")
    try:
        page = paginator.page(number)
    except PageNotAnInteger:
        messages.append(_("That page number is not valid; here is the first page."))
        page = paginator.page(1)
    except EmptyPage:
        messages.append(_("There are fewer pages; here is the last one."))
        page = paginator.page(paginator.num_pages)
    if number != str(page.number):
        # "01" or "+1" show page 1 too: only the plain number is kept by the page cache.
        page_cache.never_store(request)
    return page


def valid_filters(form, messages):
    """The cleaned values of the filters that are valid; a message for each ignored one."""
    if not form.is_bound:
        return {}
    form.is_valid()
    for name in form.errors:
        field = form.fields.get(name)
        if field is None:
            continue
        value = form.data.get(name, "")
        messages.append(
            _("“%(value)s” is not a valid value for “%(filter)s”: this filter was ignored.")
            % {"value": str(value)[:60], "filter": field.label}
        )
    return {name: value for name, value in form.cleaned_data.items() if name not in form.errors}


# A prime above any id we expect: (id × seed) mod PRIME shuffles the rows the same way for the
# same seed, so that a random order is stable from one page of a list to the next.
RANDOM_PRIME = 2_147_483_647


def seed_field():
    """The form field of a random order's seed, which travels in the list's links."""
    return forms.IntegerField(
        label=gettext_lazy("Random order"),
        required=False,
        min_value=2,
        max_value=RANDOM_PRIME - 1,
        widget=forms.HiddenInput,
    )


def shuffle(request, items, form, seed, context, field="seed"):
    """The items in the random order `seed` draws (a new seed if None), the same from page to
    page: the seed goes into the form (`field`) and the pages' links (`page_query_base` in
    `context`). The order is the visitor's own, so the page is never stored by the page cache
    and the seed is no parameter a page declares."""
    seed = seed or secrets.randbelow(RANDOM_PRIME - 2) + 2
    page_cache.never_store(request)
    query = request.GET.copy()
    query[field] = seed
    form.data = query
    context["page_query_base"] = query
    return items.annotate(
        shuffle=Mod(Cast("id", BigIntegerField()) * Value(seed), Value(RANDOM_PRIME))
    ).order_by("shuffle", "pk")
