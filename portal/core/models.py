"""The authority's identity and obligations, edited once in Settings → Portal settings."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from .colours import HEX_COLOUR, darken, validate_primary_colour
from .roles import StaffRole

DEFAULT_PRIMARY_COLOUR = "#1d5b79"


class SocialLinkValue(blocks.StructValue):
    def network_label(self):
        return dict(SocialLinkBlock.NETWORKS).get(self.get("network"), self.get("network"))


class SocialLinkBlock(blocks.StructBlock):
    NETWORKS = [
        ("facebook", "Facebook"),
        ("instagram", "Instagram"),
        ("linkedin", "LinkedIn"),
        ("mastodon", "Mastodon"),
        ("youtube", "YouTube"),
        ("bluesky", "Bluesky"),
        ("newsletter", _("Newsletter")),
    ]

    network = blocks.ChoiceBlock(label=_("Network"), choices=NETWORKS)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link-external"
        label = _("Social network")
        value_class = SocialLinkValue


class AccessibilityStatus(models.TextChoices):
    """The three statuses of the French accessibility law (RGAA), shown on every page."""

    NOT_COMPLIANT = "non", _("not compliant")
    PARTIALLY_COMPLIANT = "partial", _("partially compliant")
    FULLY_COMPLIANT = "full", _("fully compliant")


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Who publishes the portal, how it looks, and the legal information every page links to."""

    authority_name = models.CharField(
        _("authority name"),
        max_length=120,
        blank=True,
        help_text=_("As residents know it, e.g. “Ville de Montreuil” or “Métropole de Lyon”."),
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=160,
        blank=True,
        help_text=_("A short line under the name, e.g. “Participez à la vie de votre ville”."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the header next to the name; the name remains the link text."),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default=DEFAULT_PRIMARY_COLOUR,
        validators=[validate_primary_colour],
        help_text=_(
            "Buttons, links and the header use it with white text, so it must be "
            "dark enough: a contrast of at least 4.5:1 with white."
        ),
    )
    contact_address = models.TextField(_("postal address"), blank=True)
    contact_phone = models.CharField(_("telephone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social networks"), blank=True
    )
    accessibility_status = models.CharField(
        _("accessibility status"),
        max_length=10,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.NOT_COMPLIANT,
        help_text=_("The law requires “not compliant” until an RGAA audit has been carried out."),
    )
    dpo_name = models.CharField(_("data protection officer"), max_length=120, blank=True)
    dpo_email = models.EmailField(_("data protection officer's e-mail"), blank=True)
    dpo_address = models.TextField(_("data protection officer's postal address"), blank=True)
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("legal notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    personal_data_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("personal data page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    select_related = ["logo", "legal_notice_page", "personal_data_page", "accessibility_page"]

    @classmethod
    def for_request(cls, request):
        """Wagtail's, kept in the cache (core.lookups) since every page reads them; the admin's
        form and the reports still read the row itself (`for_site`)."""
        from . import lookups  # imports Wagtail's views, which need the models loaded

        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = lookups.site_for(request)
            if site is None:
                raise cls.DoesNotExist(f"{cls} does not exist for site None.")
            site_settings = lookups.portal_settings(cls, site)
            site_settings._request = request  # as Wagtail does: shorter page URLs
            setattr(request, attr_name, site_settings)
        return getattr(request, attr_name)

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("authority_name"),
                    FieldPanel("tagline"),
                    FieldPanel("logo"),
                    FieldPanel("primary_colour"),
                ],
                heading=_("Identity"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("contact_address"),
                            FieldPanel("contact_phone"),
                            FieldPanel("contact_email"),
                        ],
                        heading=_("Contact"),
                    ),
                    FieldPanel("social_links"),
                ],
                heading=_("Contact"),
            ),
            ObjectList(
                [
                    FieldPanel("accessibility_status"),
                    MultiFieldPanel(
                        [
                            FieldPanel("dpo_name"),
                            FieldPanel("dpo_email"),
                            FieldPanel("dpo_address"),
                        ],
                        heading=_("Data protection officer"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("legal_notice_page"),
                            FieldPanel("personal_data_page"),
                            FieldPanel("accessibility_page"),
                        ],
                        heading=_("Legal pages"),
                    ),
                ],
                heading=_("Legal obligations"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("portal settings")

    @property
    def display_name(self):
        """The authority's name, or the site name until an administrator sets it."""
        return self.authority_name or settings.WAGTAIL_SITE_NAME

    @property
    def primary_colour_dark(self):
        return darken(self.primary_colour)

    @property
    def theme_stylesheet_url(self):
        """The stylesheet that gives pages this colour (portal/core/views.py); the default
        colour if one was saved around validation."""
        colour = self.primary_colour if HEX_COLOUR.match(self.primary_colour or "") else None
        return reverse(
            "theme_stylesheet", kwargs={"colour": (colour or DEFAULT_PRIMARY_COLOUR)[1:].lower()}
        )


class Role(models.Model):
    """Which group holds a role: administrators may rename the group, the rights follow it."""

    key = models.CharField(_("role"), max_length=20, choices=StaffRole.choices, unique=True)
    group = models.OneToOneField(
        "auth.Group", verbose_name=_("group"), on_delete=models.CASCADE, related_name="role"
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return self.get_key_display()
