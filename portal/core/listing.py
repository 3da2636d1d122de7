"""Listings that forgive bad input: an unknown filter or page number gives a normal page with
a message saying what was ignored, never an error."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _

from . import page_cache

# What any page link needs: the card and menu querysets load these and their own fields only,
# because compiling selects of Wagtail's wide page rows costs more than running them.
LINK_FIELDS = ("id", "title", "path", "depth", "url_path", "locale_id", "content_type_id")


def paginate(request, items, per_page, messages):
    """The requested page of items; a message in `messages` when the number was unusable."""
    paginator = Paginator(items, per_page)
    number = request.GET.get("page", "1")
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
