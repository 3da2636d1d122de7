"""Blocks residents take part through; they present, `participation.services` writes.

Protocol (docs/architecture.md, "Embedded forms"): the block renders its form with the CSRF
token and its own id; the page's `serve()` hands a POST to the block with that id; on success
the block answers a 303 redirect to its anchor with a message, on failure the page is rendered
again with the person's input and an error summary.
"""

from django.conf import settings
from django.contrib import messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from portal.participation import services
from portal.participation.forms import ParticipantForm
from portal.participation.views import see_other


class ParticipationBlock(blocks.StructBlock):
    """Base for blocks that take a POST: `handle_post` returns a response or a bound form."""

    def handle_post(self, request, page, value, block_id):
        raise NotImplementedError


class SupportBlock(ParticipationBlock):
    """A petition (interpellation) residents support, with its thresholds and progress."""

    petition = SnippetChooserBlock("participation.Petition", label=_("Petition"))
    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=160,
        help_text=_("Leave empty to use the petition's title."),
    )

    class Meta:
        icon = "pick"
        label = _("Petition with supports")
        template = "participation/blocks/support.html"
        description = _("A petition residents support, with thresholds and a progress bar.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = context.get("request")
        petition = value["petition"]
        block_id = context.get("block_id", "")
        participant = services.participant_in_session(request) if request else None
        count = services.support_count(petition) if petition else 0
        thresholds = list(petition.thresholds.order_by("count")) if petition else []
        next_threshold = next((t for t in thresholds if t.count > count), None)
        supported = (
            participant is not None
            and petition is not None
            and petition.supports.filter(participant=participant).first()
        )
        context.update(
            petition=petition,
            block_id=block_id,
            anchor=f"block-{block_id}",
            count=count,
            thresholds=thresholds,
            next_threshold=next_threshold,
            participant=participant,
            supported=supported,
            is_open=petition.is_open() if petition else False,
            retention_months=settings.PARTICIPATION_RETENTION_MONTHS,
            form=(context.get("block_forms") or {}).get(block_id)
            or ParticipantForm(prefix=block_id),
        )
        return context

    def handle_post(self, request, page, value, block_id):
        petition = value["petition"]
        anchor = f"{page.url}#block-{block_id}"
        participant = services.participant_in_session(request)
        try:
            if request.POST.get("action") == "withdraw" and participant:
                services.withdraw(participant=participant, petition=petition)
                messages.success(request, gettext("Your support has been withdrawn."))
                return see_other(anchor)
            if participant is None:
                form = ParticipantForm(request.POST, prefix=block_id)
                if not form.is_valid():
                    return form
                participant = self.identify(request, form, page)
                if participant is None:
                    return form
            services.support(participant=participant, petition=petition)
        except services.ParticipationError as error:
            messages.error(request, str(error))
            return see_other(anchor)
        if participant.is_confirmed:
            messages.success(request, gettext("Thank you: your support is counted."))
        else:
            messages.success(
                request,
                gettext("Almost done: open the link we sent to %(email)s to confirm your support.")
                % {"email": participant.email},
            )
        return see_other(anchor)

    def identify(self, request, form, page):
        """Register the person and send the confirmation link; None if rate-limited."""
        email = services.normalise_email(form.cleaned_data["email"])
        try:
            services.limit_rate(
                action="participate", ip=request.META.get("REMOTE_ADDR", ""), email=email
            )
        except services.RateLimited as error:
            form.add_error(None, str(error))
            return None
        participant = services.register(
            email=email,
            display_name=form.cleaned_data["display_name"],
            wants_results=form.cleaned_data["wants_results"],
        )
        if not participant.is_confirmed:
            services.send_confirmation(participant=participant, next_url=page.url, request=request)
        services.remember(request, participant)
        return participant
