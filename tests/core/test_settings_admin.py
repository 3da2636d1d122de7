"""The authority's settings, as an administrator edits them."""

from wagtail.models import Site

from portal.core.models import AccessibilityStatus, PortalSettings


def settings_url():
    site = Site.objects.get(is_default_site=True)
    return f"/admin/settings/core/portalsettings/{site.pk}/"


def form_data(**overrides):
    data = {
        "authority_name": "Ville de Test",
        "tagline": "",
        "primary_colour": "#1d5b79",
        "contact_address": "",
        "contact_phone": "",
        "contact_email": "",
        "social_links-count": "0",
        "accessibility_status": "non",
        "dpo_name": "",
        "dpo_email": "",
        "dpo_address": "",
    }
    data.update(overrides)
    return data


def test_accessibility_status_defaults_to_not_compliant(home):
    identity = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    assert identity.accessibility_status == AccessibilityStatus.NOT_COMPLIANT


def test_administrator_saves_the_settings(admin_client, home):
    response = admin_client.post(settings_url(), form_data(primary_colour="#a23c12"))
    assert response.status_code == 302
    identity = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    assert identity.authority_name == "Ville de Test"
    assert identity.primary_colour == "#a23c12"


def test_a_light_primary_colour_is_refused_with_a_clear_message(admin_client, home):
    response = admin_client.post(settings_url(), form_data(primary_colour="#ffdd00"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "primary_colour" in errors
    assert "1,34:1" in errors["primary_colour"][0]  # the measured ratio, in French
    assert 'value="#ffdd00"' in response.content.decode()
    assert PortalSettings.for_site(Site.objects.get(is_default_site=True)).primary_colour != (
        "#ffdd00"
    )
