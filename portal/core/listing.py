"""Listings that forgive bad input: an unknown filter or page number gives a normal page with
a message saying what was ignored, never an error."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext as _


def paginate(request, items, per_page, messages):
    """The requested page of items; a message in `messages` when the number was unusable."""
    paginator = Paginator(items, per_page)
    number = request.GET.get("page", 1)
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        messages.append(_("That page number is not valid; here is the first page."))
        return paginator.page(1)
    except EmptyPage:
        messages.append(_("There are fewer pages; here is the last one."))
        return paginator.page(paginator.num_pages)


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
