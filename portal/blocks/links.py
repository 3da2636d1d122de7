"""Blocks that send the reader somewhere: call-to-action buttons and contact cards."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class CallToActionBlock(blocks.StructBlock):
    """A prominent link to a page of the site or to another site."""

    label = blocks.CharBlock(
        label=_("Button text"),
        max_length=80,
        help_text=_("Say where it leads, e.g. “Give your opinion”, not “Click here”."),
    )
    page = blocks.PageChooserBlock(label=_("Page of the site"), required=False)
    url = blocks.URLBlock(label=_("Or an external address"), required=False)
    style = blocks.ChoiceBlock(
        label=_("Style"),
        choices=[("primary", _("Main action")), ("secondary", _("Secondary action"))],
        default="primary",
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page of the site or give an external address, not both.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Call-to-action button")
        template = "blocks/call_to_action.html"
        description = _("A button that leads to the next step.")
        preview_value = {
            "label": "Donner mon avis",
            "url": "https://example.org",
            "style": "primary",
        }


class ContactCardBlock(blocks.StructBlock):
    """Who to contact about this subject, and how."""

    name = blocks.CharBlock(label=_("Name or service"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=160)
    email = blocks.EmailBlock(label=_("E-mail address"), required=False)
    phone = blocks.CharBlock(label=_("Telephone"), required=False, max_length=30)
    address = blocks.TextBlock(label=_("Postal address"), required=False, max_length=300)
    hours = blocks.CharBlock(label=_("Opening hours"), required=False, max_length=200)

    class Meta:
        icon = "user"
        label = _("Contact card")
        template = "blocks/contact_card.html"
        description = _("A service or person to contact, with the ways to reach them.")
        preview_value = {
            "name": "Mission participation citoyenne",
            "role": "Hôtel de ville",
            "email": "participation@example.org",
            "phone": "01 23 45 67 89",
            "hours": "Du lundi au vendredi, de 9 h à 17 h",
        }
