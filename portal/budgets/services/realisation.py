"""Realisation: the dated stages of a winning project, followed in public until it is done."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core import page_cache

from ..errors import InvalidProjectStep
from ..models import PROJECT_WORKFLOW, BudgetProject, ProjectStatus, RealisationStage


@transaction.atomic
def add_realisation_stage(
    *,
    project,
    user,
    title,
    date,
    description="",
    image=None,
    image_alt="",
    image_decorative=False,
    realised=False,
    now=None,
):
    """A stage of a winner's realisation, after the ones already dated so (`order`).

    `realised`: this stage finishes the project, which goes from winner to realised through
    the workflow (the step's note names the stage). A realised project may still get stages
    (an inauguration, a photo a year on). Other projects have no realisation to follow.
    """
    now = now or timezone.now()
    project = BudgetProject.objects.select_for_update().get(pk=project.pk)
    if not project.is_realisation_followed:
        raise InvalidProjectStep(
            _("Only winning projects have a realisation to follow; “%(title)s” is “%(status)s”.")
            % {"title": project.title, "status": project.get_status_display()}
        )
    title = title.strip()
    if not title:
        raise InvalidProjectStep(_("Give the stage a title."))
    last = project.stages.filter(date=date).aggregate(last=Max("order"))["last"]
    stage = RealisationStage(
        project=project,
        title=title,
        date=date,
        description=description.strip(),
        image=image,
        image_alt=image_alt.strip(),
        image_decorative=image_decorative,
        order=0 if last is None else last + 1,
    )
    if problem := stage.image_problem():
        raise InvalidProjectStep(problem)
    stage.save()
    if realised and project.status != ProjectStatus.REALISED:
        PROJECT_WORKFLOW.move(project, ProjectStatus.REALISED, user=user, at=now, note=title)
    else:  # the workflow refreshes the cached pages when it moves; a stage alone must too
        transaction.on_commit(page_cache.invalidate)
    return stage
