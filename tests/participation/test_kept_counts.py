"""A box's count of public ideas is kept by the services, so that no page counts thousands of
ideas to say how many there are; it stays what a recount says through every write."""

import pytest

from portal.budgets import services as budgets
from portal.participation import services
from portal.participation.models import IdeaBox, IdeaStatus
from tests import factories
from tests.budgets.factories import EnvelopeFactory
from tests.factories import IdeaBoxFactory, confirmed

pytestmark = pytest.mark.django_db


@pytest.fixture
def box(home):
    consultation = factories.consultation(factories.consultation_index(home), "Le parc")
    return IdeaBoxFactory(consultation=consultation)


def kept(box):
    """The kept count, and what counting the ideas says."""
    return (
        IdeaBox.objects.get(pk=box.pk).public_idea_count,
        box.ideas.public().count(),
    )


def propose(box, participant, title):
    return services.submit_idea(
        box=box, participant=participant, title=title, description="À l’ombre."
    )


def test_the_count_follows_submission_moderation_merging_and_erasure(box, django_user_model):
    officer = django_user_model.objects.create_user("agent", "agent@example.org", "secret")
    nadia, karim = confirmed("nadia@example.org"), confirmed("karim@example.org")
    benches = propose(box, nadia, "Des bancs")
    assert kept(box) == (0, 0)  # awaiting moderation
    services.change_status(idea=benches, to_status=IdeaStatus.PUBLISHED, user=officer)
    paper = services.enter_paper_idea(
        box=box, user=officer, collected_at=None, title="Une fontaine", description="…"
    )
    assert kept(box) == (2, 2)
    services.change_status(idea=benches, to_status=IdeaStatus.UNDER_STUDY, user=officer)
    services.change_status(idea=benches, to_status=IdeaStatus.RETAINED, user=officer)
    off_topic = propose(box, karim, "Hors sujet")
    services.change_status(
        idea=off_topic, to_status=IdeaStatus.REJECTED, user=officer, note="Hors sujet."
    )
    assert kept(box) == (2, 2)
    services.change_status(idea=off_topic, to_status=IdeaStatus.PUBLISHED, user=officer)
    assert kept(box) == (3, 3)

    envelope = EnvelopeFactory(consultation=box.consultation)
    budgets.merge_ideas(envelope=envelope, ideas=[benches, paper], user=officer, title="Le parc")
    assert kept(box) == (3, 3)

    # Her published idea stays, anonymous; the one awaiting moderation goes.
    propose(box, nadia, "Encore des bancs")
    services.erase(participant=nadia)
    assert kept(box) == (3, 3)
    services.delete_idea(off_topic)
    assert kept(box) == (2, 2)


def test_saving_the_box_in_the_admin_keeps_the_count_the_services_kept(box):
    edited = IdeaBox.objects.get(pk=box.pk)  # loaded by the editor's form
    idea = propose(box, confirmed("nadia@example.org"), "Des bancs")
    services.change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=None)
    edited.title = "Vos idées pour le parc"
    edited.save()
    assert edited.public_idea_count == 1
    assert kept(box) == (1, 1)


def test_two_moderators_publishing_one_idea_count_it_once(box):
    idea = propose(box, confirmed("nadia@example.org"), "Des bancs")
    seen_by_the_other = IdeaBox.objects.get(pk=box.pk).ideas.get(pk=idea.pk)
    services.change_status(idea=idea, to_status=IdeaStatus.PUBLISHED, user=None)
    services.change_status(idea=seen_by_the_other, to_status=IdeaStatus.PUBLISHED, user=None)
    assert kept(box) == (1, 1)
