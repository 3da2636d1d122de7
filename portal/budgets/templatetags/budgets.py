"""Money as residents read it, in templates: `{{ project.cost|euros }}`."""

from django import template

from portal.budgets import models

register = template.Library()


@register.filter
def euros(amount):
    return models.euros(amount)
