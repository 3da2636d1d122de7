"""A consultation page read in sections: what a resident jumps between from the page's menu,
and the calls to action that take them to each open way to take part.

On a phone, a body stacking every form was 17,000 px tall with the phases at the bottom: the
body is cut into sections instead (at each level-2 heading, and around each participation
block and list, which carry their own title), and forms wait folded behind their button.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from portal.blocks.participation import ParticipationBlock

# Blocks that are a section of their own, with the menu's label when the editor gave no
# heading (block type names are a stored API: see blocks/streams.py).
OWN_SECTION = {
    "support": _("Petition"),
    "survey": _("Survey"),
    "idea_form": _("Propose an idea"),
    "idea_list": _("Ideas"),
    "ballot": _("Vote"),
    "budget_projects": _("Projects"),
    "realisations": _("Realisations"),
}


@dataclass
class Section:
    """Blocks of the body shown together; listed in the page's menu when they have a label."""

    anchor: str
    label: str = ""
    blocks: list = field(default_factory=list)


@dataclass(frozen=True)
class Invitation:
    """A call to action: what to do (e.g. "Answer the survey"), what about, and the block."""

    action: str
    subject: str
    block_id: str


def body_sections(body):
    """(the blocks before the first section, the sections), in the editor's order. The first
    ones go with the page's introduction; blocks after a participation block or a list, until
    the next heading, make a section without a label."""
    intro, sections = [], []
    current = intro
    for child in body:
        if child.block_type in OWN_SECTION:
            label = child.value.get("heading") or OWN_SECTION[child.block_type]
            sections.append(Section(f"section-{child.id}", str(label), [child]))
            current = None
        elif child.block_type == "heading" and child.value["level"] == "h2":
            sections.append(Section(f"section-{child.id}", child.value["text"], [child]))
            current = sections[-1].blocks
        else:
            if current is None:
                sections.append(Section(f"section-{child.id}"))
                current = sections[-1].blocks
            current.append(child)
    return intro, sections


def invitations(body, page):
    """One call to action per way to take part that is open now, in the body's order."""
    found = []
    for child in body:
        if isinstance(child.block, ParticipationBlock):
            invitation = child.block.invitation(child.value, page)
            if invitation:
                found.append(Invitation(*invitation, block_id=child.id))
    return found
