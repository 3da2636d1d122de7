"""The block lists each page uses, assembled once.

Block type names are stored in the database: renaming one needs a data migration.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .ballot import BallotBlock
from .decisions import DecisionBlock, TimelineBlock
from .ideas import IdeaFormBlock, IdeaListBlock, IdeaPreviewBlock
from .layout import AccordionBlock, KeyFiguresBlock
from .links import CallToActionBlock, ContactCardBlock
from .media import DocumentBlock, ImageBlock, VideoBlock
from .participation import SupportBlock, SurveyBlock
from .projects import BudgetProjectListBlock, RealisationsBlock
from .restitution_data import (
    BudgetResultsBlock,
    IdeasBlock,
    ParticipationFiguresBlock,
    RetainedIdeasBlock,
    SurveyResultsBlock,
)
from .text import HeadingBlock, ParagraphBlock, QuoteBlock


class ContentStreamBlock(blocks.StreamBlock):
    """The editorial blocks, in the order editors see them; also what a column may hold."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    video = VideoBlock()
    accordion = AccordionBlock()
    key_figures = KeyFiguresBlock()
    contact_card = ContactCardBlock()


class TwoColumnsBlock(blocks.StructBlock):
    """Two columns side by side on wide screens, one after the other on phones."""

    left = ContentStreamBlock(label=_("First column"))
    right = ContentStreamBlock(label=_("Second column"))

    class Meta:
        icon = "grip"
        label = _("Two columns")
        template = "blocks/two_columns.html"
        description = _("Two columns side by side; on phones the first comes first.")
        preview_value = {
            "left": [("paragraph", "<p>Ce que la Ville propose.</p>")],
            "right": [("paragraph", "<p>Ce que les habitants en ont dit.</p>")],
        }


class BodyStreamBlock(ContentStreamBlock):
    """The body of editorial pages: the content blocks, two columns and participation."""

    two_columns = TwoColumnsBlock()
    support = SupportBlock()
    survey = SurveyBlock()
    idea_form = IdeaFormBlock()
    idea_list = IdeaListBlock()
    idea_preview = IdeaPreviewBlock()
    ballot = BallotBlock()
    budget_projects = BudgetProjectListBlock()
    realisations = RealisationsBlock()


class RestitutionStreamBlock(BodyStreamBlock):
    """The body of a restitution: the editorial blocks, the participation data frozen at
    publication (figures, survey results, ideas and answers, a participatory budget's
    results), decisions and next steps."""

    # The ballot lives on its consultation's page: a restitution comes once the vote is over.
    ballot = None
    participation_figures = ParticipationFiguresBlock()
    survey_results = SurveyResultsBlock()
    ideas_answers = IdeasBlock()
    retained_ideas = RetainedIdeasBlock()
    budget_results = BudgetResultsBlock()
    decision = DecisionBlock()
    timeline = TimelineBlock()
