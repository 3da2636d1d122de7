"""What staff write in the site's main language only is marked as such on a page in another
language (WCAG 3.1.2, language of parts)."""

from django.template import Context, Template
from django.utils import translation

TEMPLATE = Template("{% load portal %}<span{% in_main_language %}>Participez</span>")


def test_the_main_language_is_said_on_a_page_in_another_only():
    with translation.override("en"):
        assert TEMPLATE.render(Context()) == '<span lang="fr">Participez</span>'
    with translation.override("fr"):
        assert TEMPLATE.render(Context()) == "<span>Participez</span>"
