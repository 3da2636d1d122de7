"""Blocks that carry words: headings, rich text, quotes."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

# Editors get structure and links, not layout: no raw HTML, no headings inside rich text
# (headings are their own block so that the outline stays coherent).
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading with an explicit level and an optional anchor for in-page links."""

    text = blocks.CharBlock(label=_("Text"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[
            ("h2", _("Level 2 (section)")),
            ("h3", _("Level 3 (sub-section)")),
            ("h4", _("Level 4")),
        ],
        default="h2",
        help_text=_("The page title is level 1. Do not skip levels."),
    )
    anchor = blocks.CharBlock(
        label=_("Anchor"),
        required=False,
        max_length=60,
        help_text=_("Optional identifier for links to this heading, e.g. calendar → #calendar."),
    )

    def clean(self, value):
        value = super().clean(value)
        anchor = value.get("anchor")
        if anchor and slugify(anchor) != anchor:
            raise StructBlockValidationError(
                block_errors={
                    "anchor": ValidationError(
                        _("Use lower-case letters, digits and hyphens only, e.g. “%(suggestion)s”.")
                        % {"suggestion": slugify(anchor) or "section"}
                    )
                }
            )
        return value

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"
        description = _("A section title that structures the page.")
        preview_value = {"text": "Le calendrier de la concertation", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Rich text limited to emphasis, links and lists."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        kwargs.setdefault("label", _("Text"))
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        description = _("Paragraphs with bold, italic, links and lists.")
        preview_value = (
            "<p>La Ville engage une <b>concertation</b> sur l’avenir de la place du Marché. "
            "Chacune et chacun peut donner son avis jusqu’au 30 juin.</p>"
        )


class QuoteBlock(blocks.StructBlock):
    """A quotation or a resident's testimony, attributed."""

    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    author = blocks.CharBlock(label=_("Author"), required=False, max_length=120)
    role = blocks.CharBlock(
        label=_("Role or context"),
        required=False,
        max_length=160,
        help_text=_("e.g. “resident of the Gare district” or “deputy mayor for urban planning”."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote or testimony")
        template = "blocks/quote.html"
        description = _("Words of a resident, an elected official or a partner.")
        preview_value = {
            "quote": "On a enfin pu dire ce qu’on attendait de la place, et on a été écoutés.",
            "author": "Nadia",
            "role": "habitante du quartier de la Gare",
        }
