"""Who may take part in a consultation, checked on every write (docs/architecture.md,
"Eligibility").

A consultation's `EligibilityRule` asks for some of: the district or commune the person lives
in (from the authority's list), a postal code, a declared minimum age, a reference on the
register officers uploaded. `check` reads what the form received and either returns the
`Declaration` the contribution keeps or raises `NotEligible` with the reason per field; the
public forms ask for it (forms/eligibility.py), `Contribution.handle` refuses what it refuses,
and `describe` says the rule in plain words on the page and the poster. The register is
imported from a CSV file by `services.import_register`, whole or not at all.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Locale, Page

from portal.core import page_cache
from portal.pages.taxonomy import District

from .errors import NotEligible
from .models import EligibilityRule, RegisterEntry
from .names import localized_choices

# The form fields a rule adds, named so that they meet no field of any form.
RESIDENCE, POSTCODE, AGE, REGISTER = "residence", "postcode", "age_declared", "register_reference"
FIELDS = (RESIDENCE, POSTCODE, AGE, REGISTER)
# The residence chosen by someone who lives in none of the districts and communes listed.
ELSEWHERE = "elsewhere"
# Said by the ballots' service when the reference's one ballot is someone else's.
ALREADY_VOTED = gettext_lazy("This reference has already been used to vote.")


@dataclass(frozen=True)
class Declaration:
    """What a contribution keeps of its eligibility (`DeclaredEligibility`), and the register
    entry it matched, which ballots keep (one ballot per entry)."""

    district: District | None = None
    age_declared: bool = False
    register_entry: RegisterEntry | None = None

    def fields(self):
        """The columns of `DeclaredEligibility` as the services store them."""
        return {"resident_district": self.district, "age_declared": self.age_declared}


NOTHING = Declaration()


def rule_for(consultation):
    """The eligibility rule of a consultation (a page or its id, in any language), or None;
    kept until the next change to a rule (`page_cache.decisive`): every contribution reads it."""
    if consultation is None:
        return None
    pk = getattr(consultation, "pk", consultation)
    return page_cache.decisive(f"eligibility-rule:{pk}", lambda: (_read_rule(pk),))[0]


def _read_rule(pk):
    key = Page.objects.filter(pk=pk).values("translation_key")
    return (
        EligibilityRule.objects.filter(consultation__translation_key__in=key)
        .prefetch_related("districts")
        .first()
    )


def authority_districts():
    """The authority's list of districts and communes: those of the site's main language."""
    return District.objects.filter(locale=Locale.get_default())


def residence_choices():
    """(value, name) of every district and commune of the list, in the visitor's language,
    then "Elsewhere": residents who live outside the accepted ones can say so, and be told."""
    return [*localized_choices(authority_districts()), (ELSEWHERE, _("Elsewhere"))]


def accepted_names(rule):
    """The names of the districts and communes the rule accepts, in the visitor's language."""
    return [name for _pk, name in localized_choices(rule.districts.all())]


def joined(names):
    """“A, B and C” in the visitor's language."""
    if len(names) < 2:
        return "".join(names)
    return _("%(list)s and %(last)s") % {"list": ", ".join(names[:-1]), "last": names[-1]}


def normalise_reference(value):
    """A register reference as stored and compared: no spaces, upper case."""
    return re.sub(r"\s+", "", value or "").upper()


def normalise_postcode(value):
    return re.sub(r"\s+", "", value or "").upper()


def check(rule, data):
    """The `Declaration` of someone the rule lets in, read from a form's cleaned `data`;
    `NotEligible` with the reason for each field otherwise. No rule lets everyone in."""
    if rule is None:
        return NOTHING
    errors = {}
    district = None
    if rule.residence_required:
        district, error = _residence(rule, data.get(RESIDENCE))
        if error:
            errors[RESIDENCE] = error
    postcodes = rule.accepted_postcodes()
    if postcodes:
        postcode = normalise_postcode(data.get(POSTCODE))
        if not postcode:
            errors[POSTCODE] = _("Enter the postal code of your address.")
        elif postcode not in postcodes:
            errors[POSTCODE] = ngettext(
                "Only residents of postal code %(codes)s may take part.",
                "Only residents of postal codes %(codes)s may take part.",
                len(postcodes),
            ) % {"codes": joined(postcodes)}
    if rule.minimum_age and not data.get(AGE):
        errors[AGE] = _("You must be %(age)s or older to take part.") % {"age": rule.minimum_age}
    entry = None
    if rule.register_required:
        reference = normalise_reference(data.get(REGISTER))
        if not reference:
            errors[REGISTER] = _("Enter the reference the authority gave you.")
        else:
            entry = rule.register.filter(reference=reference).first()
            if entry is None:
                errors[REGISTER] = _(
                    "This reference is not on the register: check it against your letter."
                )
    if errors:
        raise NotEligible(errors)
    return Declaration(district=district, age_declared=bool(rule.minimum_age), register_entry=entry)


def _residence(rule, value):
    """(district, None) for an accepted residence, else (None, the reason)."""
    if not value:
        return None, _("Choose the district or commune where you live.")
    district = None
    if value != ELSEWHERE and str(value).isdigit():
        district = authority_districts().filter(pk=int(value)).first()
    accepted = list(rule.districts.all())
    if district is not None and (not accepted or district in accepted):
        return district, None
    if not accepted:
        return None, _("Only residents of the districts and communes listed may take part.")
    return None, _("Only residents of %(names)s may take part.") % {
        "names": joined(accepted_names(rule))
    }


def residence_sentence(rule):
    """Who the rule's residence condition lets in, in a sentence."""
    names = accepted_names(rule)
    if names:
        return _("Open to residents of %(names)s.") % {"names": joined(names)}
    return _("Open to residents of the authority's districts and communes.")


def describe(rule):
    """The rule in plain words, one sentence per condition, in the active language; [] when
    there is no rule."""
    if rule is None:
        return []
    sentences = []
    if rule.residence_required:
        sentences.append(residence_sentence(rule))
    postcodes = rule.accepted_postcodes()
    if postcodes:
        sentences.append(_("Postal codes accepted: %(codes)s.") % {"codes": ", ".join(postcodes)})
    if rule.minimum_age:
        sentences.append(
            _("You must be %(age)s or older: you declare it, no proof is asked.")
            % {"age": rule.minimum_age}
        )
    if rule.register_required:
        sentences.append(
            _(
                "You need the reference the authority gave you (it is on the register of "
                "participants); each reference votes once."
            )
        )
    return sentences
