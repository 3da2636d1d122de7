"""The datasets, for the pages that link to a consultation's files (its restitution)."""

from django import template

from ..datasets import DATASETS

register = template.Library()


@register.simple_tag
def open_datasets():
    return list(DATASETS.values())
