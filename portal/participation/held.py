"""What apps above participation hold about a participant (the ballots of participatory
budgets), for the page that shows a participant everything the site holds about them.

Participation imports none of them: each registers, from its `ready()`, a function that lists
its own, as `waiting` lists what waits on a confirmation link.
"""

_listers = []


def lists_held(label, lister):
    """Register `lister(participant)`: what an app holds about a participant, as (when,
    sentence) pairs, shown under `label` ("Your votes")."""
    if all(registered != lister for _label, registered in _listers):
        _listers.append((label, lister))
    return lister


def held(participant):
    """[(label, items)] for every registered app, items possibly empty."""
    return [(label, lister(participant)) for label, lister in _listers]
