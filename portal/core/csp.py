"""The Content-Security-Policy header: django-csp's middleware, with the admin's own policy
and reCAPTCHA's sources while the captcha is on (settings: CONTENT_SECURITY_POLICY,
ADMIN_CONTENT_SECURITY_POLICY, CAPTCHA_CONTENT_SECURITY_POLICY).

The header depends on the settings and the address only, never on the response's content:
a page served from the page cache carries the same one as when it was rendered. No nonce
for the same reason (a cached page would replay it).
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import reverse


def is_admin(request):
    """The admin's pages, and the previews it shows in a frame: Wagtail renders a preview
    through the middlewares with a stand-in request at the page's own address."""
    return getattr(request, "is_dummy", False) or request.path_info.startswith(
        reverse("wagtailadmin_home")
    )


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None and is_admin(request):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        if settings.PARTICIPATION_CAPTCHA != "off":
            update = dict(parts.update or {})
            for directive, sources in settings.CAPTCHA_CONTENT_SECURITY_POLICY.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
        return parts
