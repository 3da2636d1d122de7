"""Blocks that show media: images, documents and videos."""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text it needs, or an explicit "decorative" choice."""

    image = ImageChooserBlock(label=_("Image"))
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_(
            "Tick only if the image adds no information; it will be hidden from screen readers."
        ),
    )
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Describe the image, or tick “Decorative image” if it adds nothing.")
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"
        description = _("A photo or illustration with its alternative text, caption and credit.")


class DocumentBlock(blocks.StructBlock):
    """A document to download, announced with its format and size."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=160,
        help_text=_("Leave empty to use the document's own title."),
    )
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=400)

    class Meta:
        icon = "doc-full"
        label = _("Document to download")
        template = "blocks/document.html"
        description = _("A file to download, shown with its format and size.")


VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{5,32}$")

# Host of the page address → (name shown to visitors, player address with {id}).
VIDEO_PLAYERS = {
    "youtube": ("YouTube", "https://www.youtube-nocookie.com/embed/{id}"),
    "vimeo": ("Vimeo", "https://player.vimeo.com/video/{id}?dnt=1"),
    "dailymotion": ("Dailymotion", "https://www.dailymotion.com/embed/video/{id}"),
}


def parse_video_url(url):
    """(host name, privacy-friendly player address) for a supported video, or None.

    Built here rather than fetched through oEmbed so that rendering a page never calls the host.
    """
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    segments = [segment for segment in parsed.path.split("/") if segment]
    video_id, player = "", None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        player = "youtube"
        if segments == ["watch"]:
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif len(segments) == 2 and segments[0] in {"embed", "shorts", "live"}:
            video_id = segments[1]
    elif host == "youtu.be" and len(segments) == 1:
        player, video_id = "youtube", segments[0]
    elif host in {"vimeo.com", "player.vimeo.com"} and segments and segments[-1].isdigit():
        player, video_id = "vimeo", segments[-1]
    elif host in {"dailymotion.com", "dai.ly"} and segments:
        player, video_id = "dailymotion", segments[-1].split("_")[0]
    if player is None or not VIDEO_ID.match(video_id):
        return None
    name, address = VIDEO_PLAYERS[player]
    return name, address.format(id=video_id)


class VideoBlock(blocks.StructBlock):
    """A video whose third-party player loads only when the visitor asks for it."""

    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("A YouTube, Vimeo or Dailymotion address."),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=160,
        help_text=_("Required: it names the player for screen reader users."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        required=False,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("The text of the video, for people who cannot hear or watch it."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not parse_video_url(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("This address is not a YouTube, Vimeo or Dailymotion video.")
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["host_name"], context["embed_url"] = parse_video_url(value.get("url")) or ("", "")
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"
        description = _("A video from YouTube, Vimeo or Dailymotion, loaded only on request.")
        preview_value = {
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "Présentation du projet de la place du Marché",
        }
