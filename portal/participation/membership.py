"""What belongs to a consultation: the surveys, petitions and idea boxes its page embeds.

A survey or a petition embedded in a consultation page belongs to that consultation: its
answers or supports count in the consultation's figures and restitution. The link stays the
item's `consultation` field (a survey held for a consultation may also be embedded on another
page, or nowhere), and it is derived: publishing a consultation page ties to it what its body
embeds and belongs to no consultation yet. Editors cannot get it wrong: the page refuses an
item that belongs to another consultation, and an item keeps the consultation whose live page
embeds it. An idea box always names its consultation; its form is refused on another's page.

A consultation is one in every language: its translations share what belongs to it, whether
they embed the same survey or a translated one, and each answer counts once.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

# The blocks that embed a participation item, with the field that names it and its model.
# Models by label: the models call `check_consultation` from their `clean()`.
EMBEDDING_BLOCKS = {
    "survey": ("survey", "participation.Survey"),
    "support": ("petition", "participation.Petition"),
    "idea_form": ("idea_box", "participation.IdeaBox"),
}

# What the page editor says of an item that belongs to another consultation.
REFUSALS = {
    "survey": gettext_lazy(
        "The survey “%(item)s” belongs to the consultation “%(consultation)s”, where its "
        "answers count. Choose another survey, or move it here first: remove it from "
        "that consultation's page, then change its consultation in Participation → Surveys."
    ),
    "support": gettext_lazy(
        "The petition “%(item)s” belongs to the consultation “%(consultation)s”, where its "
        "supports count. Choose another petition, or move it here first: remove it from "
        "that consultation's page, then change its consultation in Participation → "
        "Petitions."
    ),
    "idea_form": gettext_lazy(
        "The idea box “%(item)s” belongs to the consultation “%(consultation)s”: ideas "
        "proposed here would count there. Choose an idea box of this consultation, or "
        "change its consultation in Participation → Idea boxes."
    ),
}


def consultation_pages():
    """The consultation pages, named by label: participation sits below the page types
    (docs/architecture.md, "Layers")."""
    return apps.get_model("pages", "ConsultationPage").objects


def language_versions(consultation):
    """The ids of a consultation's pages in every language, as a subquery (read in SQL, so
    that a page loaded with few fields costs no query more)."""
    key = Page.objects.filter(pk=consultation.pk).values("translation_key")
    return Page.objects.filter(translation_key__in=key).values("pk")


def embedded(body):
    """{block type: set of ids} of the items a page's body embeds, read from its raw data."""
    found = {kind: set() for kind in EMBEDDING_BLOCKS}
    for block in body.raw_data:
        if block["type"] in EMBEDDING_BLOCKS:
            field, _model = EMBEDDING_BLOCKS[block["type"]]
            item = (block.get("value") or {}).get(field)
            if item:
                found[block["type"]].add(item)
    return found


def belongs_to(item, consultation):
    """Whether `item` is tied to `consultation` or to one of its translations."""
    return (
        item.consultation_id is not None
        and language_versions(consultation).filter(pk=item.consultation_id).exists()
    )


def other_consultation(item, consultation):
    """The consultation `item` belongs to when it is not `consultation` (in any language)."""
    if item.consultation_id is None or belongs_to(item, consultation):
        return None
    return item.consultation


def refusals(consultation, body):
    """{block index: (field, message)} for the items of `body` that belong elsewhere."""
    found = {}
    for index, child in enumerate(body):
        if child.block_type not in EMBEDDING_BLOCKS:
            continue
        field, _model = EMBEDDING_BLOCKS[child.block_type]
        item = child.value.get(field)
        owner = item and other_consultation(item, consultation)
        if owner:
            message = REFUSALS[child.block_type] % {"item": item, "consultation": owner.title}
            found[index] = (field, message)
    return found


@transaction.atomic
def attach(*, consultation):
    """Tie to `consultation` the surveys and petitions its published body embeds that belong
    to no consultation yet; returns how many were tied."""
    found = embedded(consultation.body)
    return sum(
        apps.get_model(label)
        .objects.filter(pk__in=found[kind], consultation__isnull=True)
        .update(consultation=consultation)
        for kind, (_field, label) in EMBEDDING_BLOCKS.items()
        if kind != "idea_form"  # an idea box always names its consultation
    )


def attach_on_publish(sender, instance, **kwargs):
    """`page_published` receiver for consultation pages (drafts tie nothing)."""
    attach(consultation=instance)


def check_consultation(item):
    """Refuse to move `item` away from the consultation whose live page embeds it.

    Called from the item's `clean()`; costs a scan of the live consultation pages only when
    the consultation changes.
    """
    if item.pk is None:
        return
    before = type(item).objects.filter(pk=item.pk).values_list("consultation_id", flat=True)
    if item.consultation_id == before.first():
        return
    kind = next(kind for kind, (_f, label) in EMBEDDING_BLOCKS.items() if label == item._meta.label)
    pages = consultation_pages().live().only("id", "title", "translation_key", "body")
    for page in pages.order_by("pk"):
        if item.pk in embedded(page.body)[kind] and not belongs_to(item, page):
            raise ValidationError(
                {
                    "consultation": _(
                        "Embedded in the page of the consultation “%(consultation)s”, it belongs "
                        "to that consultation while it is there: remove it from that page first."
                    )
                    % {"consultation": page.title}
                }
            )
