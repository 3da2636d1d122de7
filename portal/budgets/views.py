"""A budget project's own page: what it is, where its study stands, its votes and, for a
winner, its realisation."""

from django.db.models import F
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from portal.core.http import absolute_url
from portal.core.restrictions import view_restrictions

from . import services
from .models import BALLOT_STATUSES, BudgetProject, Envelope, VotingMethod
from .project_map import number, project_points


def vote_result(project, envelope, now):
    """The project's votes, its rank and the ballots counted, once anyone may read them: None
    before the vote opens, while its results are hidden, or for a project not on the ballot."""
    if project.status not in BALLOT_STATUSES or now < envelope.opens_at:
        return None
    if not envelope.results_public(now):
        return None
    counted = services.results(envelope)
    for rank, result in enumerate(counted.projects, start=1):
        if result.project.pk == project.pk:
            return {
                "votes": result.votes,
                "ballots": result.ballots,
                "share": round(100 * result.ballots / counted.ballots) if counted.ballots else 0,
                "rank": rank,
                "ranked": len(counted.projects),
                "total_ballots": counted.ballots,
                "points": envelope.method == VotingMethod.POINTS,
                "provisional": now < envelope.closes_at,
            }
    return None


@require_safe
def project_detail(request, pk, slug):
    """Anyone may read and share a project's page, whatever its status: its study, the reason
    it is not feasible, its votes once public and its realisation are all public."""
    project = get_object_or_404(
        BudgetProject.objects.select_related(
            "envelope__consultation", "envelope__district", "theme", "district", "image"
        ),
        pk=pk,
    )
    envelope = project.envelope
    consultation = envelope.consultation.localized
    if not consultation.live or consultation.get_view_restrictions().exists():
        raise Http404
    if slug != project.slug:
        return HttpResponsePermanentRedirect(project.get_absolute_url())
    ideas = project.source_ideas.public().select_related("collected_at").order_by("published_at")
    return render(
        request,
        "budgets/project_detail.html",
        {
            "project": project,
            "envelope": envelope,
            "consultation": consultation,
            "ancestors": [*consultation.get_ancestors().filter(depth__gte=2), consultation],
            "canonical_url": absolute_url(project.get_absolute_url()),
            "theme": project.theme.localized if project.theme else None,
            "district": project.district.localized if project.district else None,
            "ideas": ideas,
            "authors": get_text_list(project.credited_authors(), _("and")),
            "result": vote_result(project, envelope, timezone.now()),
            "stages": project.stages.select_related("image"),
            "history": project.steps.exclude(from_status=F("to_status")),
        },
    )


@require_safe
def project_map(request):
    """The points of the projects of the envelopes named (`envelope`, the list's), as JSON, for
    the map next to their list; envelopes of a consultation the public does not see count for
    nothing. A query per consultation (a page holds one), then one for the projects."""
    ids = [pk for pk in map(number, request.GET.getlist("envelope")[:20]) if pk is not None]
    envelopes = Envelope.objects.filter(pk__in=ids).select_related("consultation")
    envelopes = envelopes.only("consultation__live", "consultation__path")
    shown, seen = [], {}
    for envelope in envelopes:
        consultation = envelope.consultation
        if consultation.pk not in seen:
            seen[consultation.pk] = (
                consultation.live and not view_restrictions(consultation).exists()
            )
        if seen[consultation.pk]:
            shown.append(envelope.pk)
    return JsonResponse({"points": project_points(shown, request.GET) if shown else []})
