"""The demo's participatory budgets (budgets.py), written through the budget services as
officers and residents would: ideas, projects through their feasibility study, ballots
online, on paper and in person, and last year's declared results.

A mixin of DemoLoader: it uses its pages, residents, districts and dates. Each envelope is
created whole, with its projects and ballots, or left as it is: loading again changes nothing.
"""

from datetime import time

from django.utils import translation

from portal.budgets import services
from portal.budgets.models import BudgetProject, Envelope, ProjectStatus, euros
from portal.participation.models import Idea

from . import budgets

# The steps of the feasibility study that lead to each status, from "proposed".
STUDY_PATHS = {
    ProjectStatus.PROPOSED: [],
    ProjectStatus.UNDER_STUDY: ["study"],
    ProjectStatus.FEASIBLE: ["study", "feasible"],
    ProjectStatus.NOT_FEASIBLE: ["study", "not_feasible"],
    ProjectStatus.ON_BALLOT: ["study", "feasible", "on_ballot"],
    ProjectStatus.WINNER: ["study", "feasible", "on_ballot"],
    ProjectStatus.NOT_SELECTED: ["study", "feasible", "on_ballot"],
}
# The French words of the 2027 key figures (the English ones are in its spec's "en" dict).
FIGURES_2027 = {
    "title": "Le budget participatif 2027 en chiffres",
    "labels": ("pour des projets d’habitants", "idées proposées", "projets soumis au vote"),
    "detail": "%(envelope)s : %(amount)s",
}
# Days before the vote opens on which projects are entered, studied, decided, put on the ballot.
ENTERED, STUDIED, DECIDED, ON_BALLOT = -59, -55, -15, -2


class BudgetLoader:
    """Loads the participatory budgets of the demo town (DemoLoader's budget part)."""

    def participatory_budgets(self):
        """Both editions, after the consultations and residents exist and before the
        restitutions are published (publishing one freezes its consultation's data)."""
        page = self.consultations[budgets.BUDGET_2027]
        box = self.idea_box(page, budgets.IDEA_BOX)
        if not box.ideas.exists():
            during = self.moment(self.day(budgets.IDEA_BOX["opens"] + 10), time(18))
            for number, spec in enumerate(budgets.IDEAS):
                author = self.residents[number % len(self.residents)]
                self.idea(box, spec, None, author, now=during)
        envelopes = {
            slug: [self.envelope(self.consultations[slug], spec) for spec in specs]
            for slug, specs in budgets.ENVELOPES.items()
        }
        spec = next(spec for spec in budgets.CONSULTATIONS if spec["slug"] == budgets.BUDGET_2027)
        self.update_body(page, self.budget_2027_body(spec, box, envelopes[budgets.BUDGET_2027]))

    def budget_2027_body(self, spec, box, envelopes, language="fr"):
        """The open budget's page: its text, key figures read from the data, the ideas (no
        idea form: the box closed before the study, and the poster would invite proposals).

        The budget's own blocks (the ballot, the list of projects, the results) go in this
        list, one line each, with `envelopes[0]` (the town's) and `envelopes[1]` (the
        district's). In English, `spec` is the "en" dict, which names the figures and the
        envelopes.
        """
        on_ballot = BudgetProject.objects.filter(
            envelope__in=envelopes, status=ProjectStatus.ON_BALLOT
        ).count()
        words = spec.get("figures") or FIGURES_2027
        names = words.get("envelopes") or [envelope.title for envelope in envelopes]
        with translation.override(language):
            amount = euros(sum(envelope.amount for envelope in envelopes))
            detail = ", ".join(
                words["detail"] % {"envelope": name, "amount": euros(envelope.amount)}
                for name, envelope in zip(names, envelopes, strict=True)
            )
        money, ideas, ballot = words["labels"]
        figures = {
            "type": "key_figures",
            "value": {
                "title": words["title"],
                "figures": [
                    {"value": amount, "label": money, "detail": detail},
                    {"value": str(box.ideas.count()), "label": ideas},
                    {"value": str(on_ballot), "label": ballot},
                ],
            },
        }
        return [
            *spec["body"][:2],
            figures,
            *spec["body"][2:],
            {"type": "ballot", "value": {"heading": "", "envelope": ""}},
            {"type": "budget_projects", "value": {"heading": "", "statuses": [], "per_page": 6}},
            {"type": "idea_list", "value": {"idea_box": box.pk, "heading": "", "per_page": 6}},
        ]

    def update_body(self, page, body):
        """Publish `body` on the page unless it already has these blocks in this order."""
        if [block["type"] for block in page.body.raw_data] == [block["type"] for block in body]:
            return
        page.body = body
        page.save_revision().publish()
        self.note(f"body of {page.title}")

    def envelope(self, consultation, spec):
        """An envelope with its projects and ballots, and its results once declared."""
        envelope = Envelope.objects.filter(consultation=consultation, title=spec["title"]).first()
        if envelope is not None:
            return envelope
        opens, closes = spec["vote"]
        envelope = Envelope(
            consultation=consultation,
            title=spec["title"],
            amount=spec["amount"],
            method=spec["method"],
            max_choices=spec.get("max_choices"),
            district=self.districts.get(spec["district"]),
            opens_at=self.moment(self.day(opens), time(0)),
            closes_at=self.moment(self.day(closes + 1), time(0)),
        )
        envelope.full_clean()
        envelope.save()
        self.note(f"envelope {consultation.title} — {envelope.title}")
        projects = {
            project["key"]: self.budget_project(envelope, project, opens)
            for project in spec["projects"]
        }
        self.ballots(envelope, spec["ballots"], projects, opens, closes)
        if self.day(closes) < self.today:
            self.declare(envelope, spec, closes)
        return envelope

    def budget_project(self, envelope, spec, opens):
        """A project, merged from its ideas or entered by officers, studied up to its status
        (the vote moves it further: see `declare`)."""

        def on(offset, hour):
            return self.moment(self.day(opens + offset), time(hour))

        fields = {
            "title": spec["title"],
            "summary": spec["summary"],
            "theme": self.themes[spec["theme"]],
            "district": self.districts.get(spec["district"]),
            "now": on(ENTERED, 10),
        }
        if spec.get("ideas"):
            ideas = Idea.objects.filter(box__consultation=envelope.consultation_id)
            project = services.merge_ideas(
                envelope=envelope,
                ideas=[ideas.get(title=title) for title in spec["ideas"]],
                user=None,
                **fields,
            )
        else:
            project = services.create_project(envelope=envelope, user=None, **fields)
        for step in STUDY_PATHS[ProjectStatus(spec["status"])]:
            if step == "study":
                services.study_project(
                    project=project,
                    user=None,
                    department=spec["department"],
                    note=spec.get("note", ""),
                    now=on(STUDIED, 9),
                )
            elif step == "feasible":
                services.mark_feasible(
                    project=project, user=None, cost=spec["cost"], now=on(DECIDED, 15)
                )
            elif step == "not_feasible":
                services.mark_not_feasible(
                    project=project, user=None, reason=spec["reason"], now=on(DECIDED, 15)
                )
            else:
                services.put_on_ballot(project=project, user=None, now=on(ON_BALLOT, 11))
        self.note(f"project {project.title}")
        return project

    def ballots(self, envelope, groups, projects, opens, closes):
        """The ballots of the spec, cast one a day in turn over the vote's days up to
        yesterday: online by demo residents (each once), the others entered by officers."""
        residents = iter(self.residents)
        days = range(opens, min(closes, -1) + 1)
        number = 0
        for count, channel, collected_at, district, keys in groups:
            choices = [projects[key] for key in keys]
            for _ in range(count):
                now = self.moment(self.day(days[number % len(days)]), time(9 + number % 9))
                number += 1
                if channel == "online":
                    services.cast_ballot(
                        envelope=envelope,
                        participant=next(residents),
                        choices=choices,
                        district=self.districts[district],
                        now=now,
                    )
                else:
                    services.enter_paper_ballot(
                        envelope=envelope,
                        user=None,
                        choices=choices,
                        collected_at=collected_at,
                        district=self.districts[district],
                        channel=channel,
                        now=now,
                    )
        self.note(f"{number} ballots in {envelope.title}")

    def declare(self, envelope, spec, closes):
        """Results declared two days after the vote closed (the last paper ballots in), then
        the winners already built marked realised."""
        services.declare_results(
            envelope=envelope, user=None, now=self.moment(self.day(closes + 2), time(10))
        )
        projects = {project.title: project for project in envelope.projects.all()}
        for project in spec["projects"]:
            if "stages" in project:
                self.realise(projects[project["title"]], project)
        self.note(f"results of {envelope.title}")

    def realise(self, project, spec):
        """A winner's realisation stages, dated by offsets (future ones are planned); the one
        on the day `realised` finishes it. The photo, if any, goes with the last stage done."""
        done = [stage for stage in spec["stages"] if stage[0] <= 0]
        for days, title, description in spec["stages"]:
            photo = {}
            if spec.get("photo") and done and days == done[-1][0]:
                photo = {"image": self.image(*spec["photo"][:2]), "image_alt": spec["photo"][2]}
            services.add_realisation_stage(
                project=project,
                user=None,
                title=title,
                date=self.day(days),
                description=description,
                realised=days == spec.get("realised"),
                now=self.moment(self.day(min(days, 0)), time(12)),
                **photo,
            )
