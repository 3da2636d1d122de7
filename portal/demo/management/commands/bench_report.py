"""Report load for `make bench`: a restitution with N answered ideas, and its PDF's render time.

Run on a database where the demo town is loaded. Adds a closed consultation under the French
consultation index with N public ideas (every status, an official answer each, a reason for
those not retained, supports from 200 residents) and a survey those residents answered, then
publishes its restitution with every data block, decisions and next steps. The report is then
rendered in this process, as the background task does, `--runs` times; the command prints as
JSON the restitution's URL, each rendering's time in milliseconds, its pages and its size.
"""

import json
import time
from datetime import timedelta
from itertools import cycle

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from portal.pages.models import (
    ConsultationIndexPage,
    ConsultationPage,
    District,
    Phase,
    RestitutionPage,
    Theme,
)
from portal.participation import services
from portal.participation.models import (
    Answer,
    Idea,
    IdeaBox,
    IdeaStatus,
    IdeaSupport,
    Participant,
    Question,
    QuestionKind,
    Survey,
    SurveyResponse,
)
from portal.participation.models.ideas import PUBLIC_STATUSES
from portal.reports.restitution import render_report

RESIDENTS = 200
ANSWERS = [
    "Retenu : les travaux commenceront à l’automne, après l’étude des réseaux d’eau et "
    "d’électricité. Le comité de quartier sera associé au choix des matériaux.",
    "Réalisé en partie : la première tranche est terminée ; la seconde dépend du budget voté "
    "en décembre par le conseil municipal.",
    "À l’étude avec les services techniques : nous vérifions le coût d’entretien, l’accès des "
    "véhicules de secours et l’avis des riverains avant de décider.",
]
REASON = (
    "Le terrain appartient au département et doit rester libre pour l’accès des pompiers ; "
    "une solution voisine est proposée dans la décision sur les allées."
)
CHOICES = ["De l’ombre et de la fraîcheur", "Des jeux pour les enfants", "Des allées praticables"]


class Command(BaseCommand):
    help = "Publish a restitution with N answered ideas and time rendering its PDF report."

    def add_arguments(self, parser):
        parser.add_argument("--ideas", type=int, default=300)
        parser.add_argument("--runs", type=int, default=3)

    def handle(self, *args, ideas, runs, **options):
        page_id = self.publish_restitution(ideas)
        page = RestitutionPage.objects.live().get(pk=page_id)
        timings, report = [], None
        for _run in range(runs):
            started = time.perf_counter()
            report = render_report(page)
            timings.append(round((time.perf_counter() - started) * 1000, 1))
        self.stdout.write(
            json.dumps(
                {
                    "url": page.url,
                    "ideas": len(page.results["ideas"]),
                    "render_ms": timings,
                    "pages": report.pages,
                    "bytes": len(report.pdf),
                }
            )
        )

    @transaction.atomic
    def publish_restitution(self, number):
        index = ConsultationIndexPage.objects.get(locale__language_code="fr")
        today = timezone.localdate()
        consultation = ConsultationPage(
            title=f"Le quartier de demain ({number} idées)",
            slug=f"banc-d-essai-bilan-{ConsultationPage.objects.count()}",
            summary="Une concertation close, pour mesurer le rapport de restitution.",
            contribution_use="<p>Chaque idée reçoit une réponse publique de la Ville.</p>",
        )
        consultation.phases = [
            Phase(title="Vos idées", start=today - timedelta(days=120), end=today - timedelta(30))
        ]
        index.add_child(instance=consultation)
        consultation.save_revision().publish()
        residents = Participant.objects.bulk_create(
            Participant(email=f"bilan{number}-{n}@example.org", confirmed_at=timezone.now())
            for n in range(RESIDENTS)
        )
        self.add_ideas(consultation, number, residents)
        survey = self.add_survey(consultation, residents)
        restitution = RestitutionPage(
            title="Ce que nous avons entendu, ce que nous décidons",
            slug="restitution",
            summary="Le bilan de la concertation : la participation, nos décisions, la suite.",
            body=body(survey),
        )
        consultation.add_child(instance=restitution)
        restitution.save_revision().publish()  # freezes the participation data
        return restitution.pk

    def add_ideas(self, consultation, number, residents):
        fr = consultation.locale
        themes = cycle(Theme.objects.filter(locale=fr) or [None])
        districts = cycle(District.objects.filter(locale=fr) or [None])
        box = IdeaBox.objects.create(
            title=f"Idées : {consultation.title}", consultation=consultation
        )
        made = Idea.objects.bulk_create(
            idea(box, n, next(themes), next(districts)) for n in range(number)
        )
        IdeaSupport.objects.bulk_create(
            IdeaSupport(idea=idea, participant=residents[(n * 7 + k) % RESIDENTS], confirmed=True)
            for n, idea in enumerate(made)
            for k in range(n % 12)
        )
        services.count_public(box.pk, number)  # every idea is public, written in bulk

    def add_survey(self, consultation, residents):
        survey = Survey(title=f"Sondage : {consultation.title}", consultation=consultation)
        survey.questions = [
            Question(
                sort_order=0,
                kind=QuestionKind.SINGLE_CHOICE,
                label="Que faut-il faire d’abord ?",
                choices="\n".join(CHOICES),
            ),
            Question(
                sort_order=1, kind=QuestionKind.SCALE, label="Comment jugez-vous le quartier ?"
            ),
        ]
        survey.save()
        choice, scale = survey.questions.order_by("sort_order")
        responses = SurveyResponse.objects.bulk_create(
            SurveyResponse(
                survey=survey, participant=resident, once_key=resident.pk, confirmed=True
            )
            for resident in residents
        )
        Answer.objects.bulk_create(
            answer
            for n, response in enumerate(responses)
            for answer in (
                Answer(response=response, question=choice, value=CHOICES[n % 3 if n % 5 else 0]),
                Answer(response=response, question=scale, value=str(1 + n % 5), number=1 + n % 5),
            )
        )
        return survey


def idea(box, n, theme, district):
    """The n-th idea: statuses in turn, each answered but those just published."""
    status = PUBLIC_STATUSES[n % len(PUBLIC_STATUSES)]
    return Idea(
        box=box,
        title=f"Idée n° {n} : des bancs à l’ombre et un abri près de l’école",
        description="Un banc à l’ombre, avec dossier et accoudoirs. " * 3,
        theme=theme,
        district=district,
        status=status,
        official_answer="" if status == IdeaStatus.PUBLISHED else ANSWERS[n % len(ANSWERS)],
        public_reason=REASON if status == IdeaStatus.NOT_RETAINED else "",
        confirmed=True,
        support_count=n % 12,
        published_at=timezone.now(),
    )


def body(survey):
    """Every block a restitution may show, the data blocks included."""
    decision = {
        "topic": "Les allées",
        "heard": "<p>Les allées sont boueuses l’hiver et difficiles pour les poussettes.</p>",
        "decided": "<p>Les allées principales seront refaites en sable stabilisé.</p>",
        "why": "<p>C’est la demande la plus partagée, et l’eau s’infiltre.</p>",
    }
    return [
        {"type": "heading", "value": {"text": "Ce que nous vous avons demandé", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Comment rendre le quartier plus agréable ?</p>"},
        {"type": "participation_figures", "value": {"heading": "Qui a participé"}},
        {"type": "survey_results", "value": {"survey": survey.pk, "heading": "", "questions": []}},
        {"type": "heading", "value": {"text": "Nos décisions", "level": "h2"}},
        *[{"type": "decision", "value": decision} for _n in range(4)],
        {"type": "retained_ideas", "value": {"heading": "Les idées que nous retenons"}},
        {"type": "ideas_answers", "value": {"heading": "Vos idées et nos réponses"}},
        {
            "type": "timeline",
            "value": {
                "title": "Et maintenant ?",
                "steps": [
                    {"when": "Janvier", "title": "Vote du budget", "done": True},
                    {"when": "Printemps", "title": "Travaux", "description": "Par tranches."},
                ],
            },
        },
    ]
