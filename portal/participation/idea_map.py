"""The points of a box's public ideas for the map next to their list: the list's filters
(theme, district, status; bad values ignored, as the list does), one query whatever their
number, and nothing about their authors."""

from django.urls import reverse

from .models import Idea, IdeaStatus
from .models.ideas import PUBLIC_STATUSES

FILTERS = ("theme", "district")


def idea_points(box_id, query):
    """[{title, lat, lng, status, url}] of the public ideas of the box (an original) that have
    a point, filtered as `query` (the list's address) says."""
    ideas = Idea.objects.filter(box_id=box_id, latitude__isnull=False).public()
    for name in FILTERS:
        value = query.get(name, "")
        if value.isdigit() and len(value) < 12:
            ideas = ideas.filter(**{f"{name}_id": int(value)})
    if query.get("status") in PUBLIC_STATUSES:
        ideas = ideas.filter(status=query["status"])
    labels = dict(IdeaStatus.choices)
    # One address reversed, then filled: reversing 10,000 would cost more than the query.
    pattern = reverse("participation:idea", args=[1234567890, "slug"])
    rows = ideas.order_by("pk").values_list("pk", "title", "latitude", "longitude", "status")
    return [
        {
            "title": title,
            "lat": float(latitude),
            "lng": float(longitude),
            "status": str(labels[status]),
            "url": pattern.replace("1234567890", str(pk)).replace("/slug/", f"/{slug(title)}/"),
        }
        for pk, title, latitude, longitude, status in rows
    ]


def slug(title):
    return Idea(title=title).slug
