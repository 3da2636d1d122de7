"""Each language shows its own pages only: English visitors never get French text.

wagtail-localize creates a page's translation as a draft until a translator publishes it
(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off). Two other paths would still put French
on the English site, and are closed here:

- Wagtail copies the untranslated parents of a page submitted for translation as *aliases*:
  pages of the English tree that mirror the French ones, live (so are the pages of a locale
  synchronised from another). An alias of a page in another language is kept in draft.
- With no live English home page, Wagtail routes `/en/…` through the French tree. A page is
  served only under its own language's prefix.
"""

from django.http import Http404
from wagtail.models import Page

from portal.core.templatetags.portal import active_locale


def keep_foreign_aliases_draft(sender, instance, **kwargs):
    """`pre_save` receiver: an alias of a page in another language is never live.

    Wagtail makes aliases live whenever their source is published; this undoes it before the
    row is written. Translating the alias (which turns it into an ordinary page) and
    publishing that translation is what makes it live.
    """
    if not isinstance(instance, Page) or not (instance.alias_of_id and instance.live):
        return
    source_locale = (
        Page.objects.filter(pk=instance.alias_of_id).values_list("locale_id", flat=True).first()
    )
    if source_locale is not None and source_locale != instance.locale_id:
        instance.live = False


def serve_in_own_language_only(page, request, serve_args, serve_kwargs):
    """`before_serve_page` hook: a page reached under another language's prefix is not found."""
    if page.locale_id != active_locale(request).pk:
        raise Http404
