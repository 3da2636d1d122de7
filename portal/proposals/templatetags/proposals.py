"""What other templates show of proposals: the agenda's invitation to propose an event."""

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("proposals/includes/propose_link.html")
def propose_event_link():
    """A link to the proposal form, the same for every visitor (the agenda is cached whole)."""
    return {"url": reverse("proposals:propose")}
