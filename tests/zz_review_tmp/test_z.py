from django.utils import translation
from wagtail.models import PageViewRestriction

from portal.participation.models import IdeaStatus, IdeaSupport
from tests.factories import IdeaBoxFactory, IdeaFactory
from tests.zz_review_tmp.test_x import page  # noqa: F401


def test_private_support(client, page):
    idea = IdeaFactory(box=IdeaBoxFactory(consultation=page), status=IdeaStatus.PUBLISHED, title="Idée X")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="s")
    with translation.override("fr"):
        url = idea.get_absolute_url()
    print("GET", client.get(url).status_code)
    r = client.post(url, {"email": "x@example.org", "display_name": ""})
    print("POST", r.status_code, r.get("Location"), "supports stored:", IdeaSupport.objects.count())


def test_private_support_mail(client, page, mailoutbox, django_capture_on_commit_callbacks):
    idea = IdeaFactory(box=IdeaBoxFactory(consultation=page), status=IdeaStatus.PUBLISHED, title="Idée confidentielle X")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="s")
    with translation.override("fr"):
        url = idea.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": "eve@example.org", "display_name": ""})
    print("MAIL:", [(m.to, m.subject) for m in mailoutbox])
