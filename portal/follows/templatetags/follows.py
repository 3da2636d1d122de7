"""The "Follow" box of a consultation (and of an idea's page): the consultation, its themes
and its districts, each followed in one click by a participant this browser proved to be,
or from its follow page by anyone else."""

from django import template
from django.db.models import Model

from portal.participation import identity

from ..models import Follow, Topic

register = template.Library()


def _listed(value):
    """Themes or districts as a template has them: several, one, or none."""
    if value is None or value == "":
        return []
    if isinstance(value, Model):
        return [value]
    return list(value)


@register.inclusion_tag("follows/follow_box.html", takes_context=True)
def follow_box(context, consultation, themes=(), districts=()):
    request = context.get("request")
    participant = identity.participant_in_session(request) if request is not None else None
    known = participant is not None and participant.counts_now
    themes, districts = _listed(themes), _listed(districts)
    items = [(Topic.CONSULTATION, consultation, consultation.title)]
    items += [(Topic.THEME, theme, theme.name) for theme in themes]
    items += [(Topic.DISTRICT, district, district.name) for district in districts]
    followed = set()
    if known:
        followed = {
            (topic, str(key))
            for topic, key in Follow.objects.filter(
                follower__participant=participant, confirmed=True
            ).values_list("topic", "key")
        }
    return {
        "request": request,
        "known": known,
        "next": request.get_full_path() if request is not None else "",
        "items": [
            {
                "topic": topic,
                "key": target.translation_key,
                "name": name,
                "followed": (topic, str(target.translation_key)) in followed,
            }
            for topic, target, name in items
        ],
    }
