"""Every write of participation data goes through here: views, blocks, admin and commands.

Counting is left to the database: a unique constraint makes a second support from the same
participant impossible, and threshold crossings are claimed with a conditional UPDATE, so
that concurrent supports neither double-count nor double-notify.

One module per family, as in `models/`; callers use the names gathered here
(`services.confirm(...)`).
"""

from ..errors import (
    AlreadyAnswered,
    InvalidLink,
    InvalidRegister,
    InvalidTransition,
    LinkUsed,
    NotEligible,
    ParticipationClosed,
    ParticipationError,
    RateLimited,
)
from ..identity import data_token
from .eligibility import Imported, import_register, parse_register
from .ideas import (
    answer_idea,
    assign_idea,
    box_accepts_supports,
    change_status,
    correct_idea,
    count_public,
    delete_idea,
    enter_paper_idea,
    idea_accepts_supports,
    in_language,
    note_idea,
    notify_author,
    submit_idea,
    support_idea,
    tell_author,
    withdraw_idea_support,
)
from .people import Confirmed, confirm, erase, purge_expired, purge_unconfirmed
from .petitions import (
    moderator_emails,
    notify_moderators,
    record_crossed_thresholds,
    support,
    support_count,
    withdraw,
)
from .surveys import Other, answer_survey, check_answerable
from .translations import machine_translation, translate_idea

__all__ = [
    "AlreadyAnswered",
    "Confirmed",
    "Imported",
    "InvalidLink",
    "InvalidRegister",
    "InvalidTransition",
    "LinkUsed",
    "NotEligible",
    "Other",
    "ParticipationClosed",
    "ParticipationError",
    "RateLimited",
    "answer_idea",
    "answer_survey",
    "assign_idea",
    "change_status",
    "check_answerable",
    "confirm",
    "correct_idea",
    "count_public",
    "data_token",
    "delete_idea",
    "enter_paper_idea",
    "erase",
    "box_accepts_supports",
    "idea_accepts_supports",
    "import_register",
    "in_language",
    "machine_translation",
    "moderator_emails",
    "note_idea",
    "notify_author",
    "notify_moderators",
    "parse_register",
    "purge_expired",
    "purge_unconfirmed",
    "record_crossed_thresholds",
    "submit_idea",
    "support",
    "support_count",
    "support_idea",
    "tell_author",
    "translate_idea",
    "withdraw",
    "withdraw_idea_support",
]
