"""What apps above participation hold that waits on a confirmation link (ballots of
participatory budgets), listed by the link's e-mail and page.

Participation imports none of them: each registers, from its `ready()`, a function that lists
its own. Using the link releases them through `signals.contributions_confirmed`.
"""

_listers = []


def lists_waiting(lister):
    """Register `lister(confirmation)`: what of an app's waits on that link, as
    (when, sentence) pairs ("vote in “…” for …")."""
    if lister not in _listers:
        _listers.append(lister)
    return lister


def listed(confirmation):
    """Every registered app's items waiting on `confirmation`."""
    return [item for lister in _listers for item in lister(confirmation)]
