"""The points of a consultation's budget projects for the map next to their list: the list's
envelopes, statuses and filters, one query whatever their number. Every project is public."""

from django.urls import reverse

from .models import BudgetProject, ProjectStatus


def number(value):
    """A whole number from an address, or None: bad values are ignored, as the list does."""
    return int(value) if value.isdigit() and len(value) < 12 else None


def project_points(envelope_ids, query):
    """[{title, lat, lng, status, url}] of the placed projects of the envelopes, filtered as
    `query` says (status several times, district, theme, cost_min, cost_max)."""
    projects = BudgetProject.objects.filter(envelope_id__in=envelope_ids, latitude__isnull=False)
    statuses = [status for status in query.getlist("status") if status in ProjectStatus.values]
    if statuses:
        projects = projects.filter(status__in=statuses)
    for name in ("district", "theme"):
        if (value := number(query.get(name, ""))) is not None:
            projects = projects.filter(**{f"{name}_id": value})
    if (value := number(query.get("cost_min", ""))) is not None:
        projects = projects.filter(cost__gte=value)
    if (value := number(query.get("cost_max", ""))) is not None:
        projects = projects.filter(cost__lte=value)
    labels = dict(ProjectStatus.choices)
    rows = projects.order_by("pk").values_list("pk", "title", "latitude", "longitude", "status")
    points = []
    for pk, title, latitude, longitude, status in rows:
        project = BudgetProject(pk=pk, title=title)
        points.append(
            {
                "title": title,
                "lat": float(latitude),
                "lng": float(longitude),
                "status": str(labels[status]),
                "url": reverse("budgets:project", args=[pk, project.slug]),
            }
        )
    return points
