"""Demo participatory budgets of Bellecombe-sur-Lauze, in French with English pages.

Two editions: 2027, whose vote is open on the day the demo is loaded (ideas proposed, studied,
put on the ballot, ballots cast online, on paper and in person), and 2026, closed last year
with its results declared and a restitution. Dates are day offsets from the day of loading,
as in projects.py; projects, ideas and districts are referred to by key, title or slug.
Costs are the officers' estimates, in whole euros.
"""

from .projects import (
    GREEN_SPACES,
    MOBILITY,
    PARTICIPATION_CONTACT,
    PARTICIPATION_CONTACT_EN,
    RULES,
    RULES_EN,
)

BUDGET_2027 = "budget-participatif-2027"
BUDGET_2026 = "budget-participatif-2026"

SPORTS = "Service des sports"
BUILDINGS = "Direction des bâtiments"
SOCIAL = "Centre communal d’action sociale"
TOWN_HALL = "Hôtel de ville"
ANNEX = "Mairie annexe des Tilleuls"
LIBRARY = "Médiathèque de la Lauze"

# The 2027 vote: from 15 days before the day of loading to 14 days after it (included).
VOTE_2027 = (-15, 14)
# The 2026 vote, closed a year ago; its results were declared two days after it closed.
VOTE_2026 = (-400, -371)

BUDGET_CONTACT = {
    **PARTICIPATION_CONTACT,
    "role": "Budget participatif",
    "email": "budget-participatif@bellecombe.example.org",
}
BUDGET_CONTACT_EN = {
    **BUDGET_CONTACT,
    **PARTICIPATION_CONTACT_EN,
    "role": "Participatory budget",
}

CONSULTATIONS = [
    {
        "slug": BUDGET_2027,
        "title": "Budget participatif 2027",
        "en": {
            "slug": "participatory-budget-2027",
            "title": "Participatory budget 2027",
            "summary": (
                "€680,000 for projects put forward by residents: voting is open. Choose the "
                "projects for the whole town and those for the Les Tilleuls district, online or "
                "at the town hall."
            ),
            "objectives": (
                "<p>Every year, the town sets aside part of its capital budget for projects "
                "dreamt up by its residents. For 2027, €600,000 is available for projects "
                "across the whole town, and €80,000 for projects in the Les Tilleuls district, "
                "which this year is the first to have a budget of its own.</p>"
            ),
            "contribution_use": (
                "<p>The projects that come top of the vote are carried out, up to the amount "
                "of each budget: the town council committed to this when it voted the budget. "
                "Ideas that could not become projects receive an answer explaining why.</p>"
            ),
            "rules": RULES_EN
            + (
                "<p>To vote, you must live in Bellecombe-sur-Lauze and be aged 11 or over. "
                "Everyone votes once per budget; you can change your vote online until voting "
                "closes. Paper ballots and votes cast at the town hall count just like votes "
                "cast online.</p>"
            ),
            "contact": BUDGET_CONTACT_EN,
            "phases": [
                {
                    "title": "Ideas submitted",
                    "description": (
                        "Everyone puts forward their ideas online, on paper or at a workshop."
                    ),
                },
                {
                    "title": "Feasibility study",
                    "description": (
                        "The council’s departments cost each project and check that it falls "
                        "within the town’s remit."
                    ),
                },
                {
                    "title": "Vote",
                    "description": "Residents choose the projects to be carried out.",
                },
                {
                    "title": "Results",
                    "description": "The winning projects are announced, with a timetable.",
                },
            ],
            "figures": {
                "title": "The 2027 participatory budget in figures",
                "labels": (
                    "for residents’ projects",
                    "ideas put forward",
                    "projects on the ballot",
                ),
                # The envelopes' names, in the order of ENVELOPES[BUDGET_2027].
                "envelopes": ("Whole town", "Les Tilleuls district"),
                "detail": "%(envelope)s: %(amount)s",
            },
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Voting is open", "level": "h2", "anchor": "vote"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Your ideas have been studied by the town’s departments: twelve "
                        "projects are on the ballot. You vote once for the projects for the "
                        "whole town, by filling a basket worth no more than €600,000, and, if "
                        "you live in Les Tilleuls, once for your two favourite projects in the "
                        "district.</p><p>You can vote here, online, or at the reception desk "
                        "of the town hall or of the Les Tilleuls town hall annexe, on a paper "
                        "ballot or on the staff’s tablet.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "The ideas behind the projects",
                        "level": "h2",
                        "anchor": "ideas",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Several similar ideas have been combined into a single project: "
                        "their authors are credited on the project’s page. Every idea has "
                        "received an answer from the town.</p>"
                    ),
                },
            ],
        },
        "image": "centre",
        "summary": (
            "680 000 euros pour des projets proposés par les habitants : le vote est ouvert. "
            "Choisissez les projets de toute la ville et ceux du quartier des Tilleuls, en "
            "ligne ou à l’hôtel de ville."
        ),
        "degree": "codecision",
        "objectives": (
            "<p>Chaque année, la Ville consacre une part de son budget d’investissement à des "
            "projets imaginés par les habitantes et les habitants. Pour 2027, 600 000 euros "
            "sont ouverts à des projets pour toute la ville, et 80 000 euros à des projets du "
            "quartier des Tilleuls, qui inaugure cette année une enveloppe de quartier.</p>"
        ),
        "contribution_use": (
            "<p>Les projets qui arrivent en tête du vote sont réalisés, dans la limite de "
            "chaque enveloppe : le conseil municipal s’y est engagé en votant le budget. Les "
            "idées qui n’ont pas pu devenir des projets reçoivent une réponse qui explique "
            "pourquoi.</p>"
        ),
        "rules": RULES
        + (
            "<p>Pour voter, il faut habiter Bellecombe-sur-Lauze et avoir 11 ans ou plus. "
            "Chacun vote une fois par enveloppe ; on peut changer son vote en ligne jusqu’à "
            "la clôture. Les bulletins papier et les votes à l’hôtel de ville comptent comme "
            "les votes en ligne.</p>"
        ),
        "guarantor": "",
        "guarantor_contact": "",
        "themes": ["cadre-de-vie", "espaces-verts", "mobilite", "jeunesse", "solidarites"],
        "districts": ["centre-ville", "la-gare", "les-tilleuls", "le-port", "saint-aubin"],
        "contact": BUDGET_CONTACT,
        "phases": [
            {
                "title": "Dépôt des idées",
                "description": "Chacun propose ses idées en ligne, sur papier ou en atelier.",
                "start": -120,
                "end": -76,
                "supports": True,
            },
            {
                "title": "Étude de faisabilité",
                "description": (
                    "Les services chiffrent chaque projet et vérifient qu’il relève de la Ville."
                ),
                "start": -75,
                "end": -16,
            },
            {
                "title": "Vote",
                "description": "Les habitants choisissent les projets à réaliser.",
                "start": VOTE_2027[0],
                "end": VOTE_2027[1],
            },
            {
                "title": "Résultats",
                "description": "Annonce des projets lauréats et calendrier des réalisations.",
                "start": VOTE_2027[1] + 1,
                "end": VOTE_2027[1] + 30,
            },
        ],
        "body": [
            {
                "type": "heading",
                "value": {"text": "Le vote est ouvert", "level": "h2", "anchor": "vote"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Vos idées ont été étudiées par les services de la Ville : douze projets "
                    "sont soumis au vote. Vous votez une fois pour les projets de toute la "
                    "ville, en composant un panier qui ne dépasse pas 600 000 euros, et, si "
                    "vous habitez le quartier des Tilleuls, une fois pour vos deux projets "
                    "préférés du quartier.</p><p>Vous pouvez voter ici, en ligne, ou à "
                    "l’accueil de l’hôtel de ville et de la mairie annexe des Tilleuls, sur un "
                    "bulletin papier ou sur la tablette des agents.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Les idées à l’origine des projets",
                    "level": "h2",
                    "anchor": "idees",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Plusieurs idées proches ont été réunies en un seul projet : leurs "
                    "autrices et leurs auteurs sont cités sur la page du projet. Chaque idée a "
                    "reçu une réponse de la Ville.</p>"
                ),
            },
        ],
    },
    {
        "slug": BUDGET_2026,
        "title": "Budget participatif 2026",
        "en": {
            "slug": "participatory-budget-2026",
            "title": "Participatory budget 2026",
            "summary": (
                "Bellecombe’s first participatory budget: €500,000, seven projects on the "
                "ballot, five winners. See the results and how the projects are coming along."
            ),
            "objectives": (
                "<p>For its first participatory budget, the town set aside €500,000 of its "
                "capital budget for projects put forward and chosen by residents.</p>"
            ),
            "contribution_use": (
                "<p>The projects that came top of the vote are being carried out, up to the "
                "budget of €500,000.</p>"
            ),
            "rules": RULES_EN,
            "contact": BUDGET_CONTACT_EN,
            "phases": [
                {
                    "title": "Ideas submitted",
                    "description": (
                        "Everyone puts forward their ideas online, on paper or at a workshop."
                    ),
                },
                {
                    "title": "Feasibility study",
                    "description": "The council’s departments cost each project.",
                },
                {
                    "title": "Vote",
                    "description": "Residents choose the projects to be carried out.",
                },
            ],
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Voting has closed. €500,000 is funding five projects chosen by "
                        "residents; the results and the progress of the works are published "
                        "in the report on the results.</p>"
                    ),
                }
            ],
        },
        "image": "park",
        "summary": (
            "Le premier budget participatif de Bellecombe : 500 000 euros, sept projets soumis "
            "au vote, cinq lauréats. Découvrez les résultats et l’avancement des réalisations."
        ),
        "degree": "codecision",
        "objectives": (
            "<p>Pour son premier budget participatif, la Ville a consacré 500 000 euros de son "
            "budget d’investissement à des projets proposés et choisis par les habitants.</p>"
        ),
        "contribution_use": (
            "<p>Les projets arrivés en tête du vote sont réalisés, dans la limite de "
            "l’enveloppe de 500 000 euros.</p>"
        ),
        "rules": RULES,
        "guarantor": "",
        "guarantor_contact": "",
        "themes": ["cadre-de-vie", "espaces-verts", "mobilite"],
        "districts": ["centre-ville", "la-gare", "les-tilleuls", "le-port", "saint-aubin"],
        "contact": BUDGET_CONTACT,
        "phases": [
            {
                "title": "Dépôt des idées",
                "description": "Chacun propose ses idées en ligne, sur papier ou en atelier.",
                "start": -520,
                "end": -471,
            },
            {
                "title": "Étude de faisabilité",
                "description": "Les services chiffrent chaque projet.",
                "start": -470,
                "end": -401,
            },
            {
                "title": "Vote",
                "description": "Les habitants choisissent les projets à réaliser.",
                "start": VOTE_2026[0],
                "end": VOTE_2026[1],
            },
        ],
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Le vote est clos. 500 000 euros financent cinq projets choisis par les "
                    "habitants ; les résultats et l’avancement des travaux sont publiés dans "
                    "la restitution.</p>"
                ),
            }
        ],
        "restitution": {
            "slug": "resultats",
            "title": "Les résultats du budget participatif 2026",
            "en": {
                "slug": "results",
                "title": "The results of the 2026 participatory budget",
                "summary": (
                    "The five winning projects, the votes cast online, on paper and at the town "
                    "hall, and how each project is coming along."
                ),
                "body": [
                    {
                        "type": "heading",
                        "value": {"text": "Five winning projects", "level": "h2", "anchor": ""},
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>72 of you voted, online, on paper or at the town hall. "
                            "Projects were chosen in order of votes, as long as they fitted "
                            "within the €500,000 budget: the greener playground at the "
                            "Jean-Zay school, benches and shade along the quays, the "
                            "community bike workshop at the station, the outdoor fitness area "
                            "in Saint-Aubin and the neighbourhood compost bins.</p><p>The "
                            "renovation of the bandstand came fourth but, at €240,000, it no "
                            "longer fitted in what was left of the budget: as the rules "
                            "provide, the next project that did fit was chosen instead.</p>"
                        ),
                    },
                    {
                        "type": "key_figures",
                        "value": {
                            "title": "The vote in figures",
                            "figures": [
                                {"value": "72", "label": "voters"},
                                {
                                    "value": "50",
                                    "label": "paper ballots",
                                    "detail": "and 10 votes at the town hall",
                                },
                                {"value": "5", "label": "winning projects"},
                                {
                                    "value": "€405,000",
                                    "label": "committed",
                                    "detail": "out of a budget of €500,000",
                                },
                            ],
                        },
                    },
                    {
                        "type": "budget_results",
                        "value": {
                            "heading": "The results of the vote",
                            "envelopes": [],
                            "show_districts": True,
                        },
                    },
                    {
                        "type": "realisations",
                        "value": {"heading": "How are the winning projects coming along?"},
                    },
                    {
                        "type": "decision",
                        "value": {
                            "topic": "The bandstand in the park",
                            "heard": (
                                "<p>Many of you, especially in Les Tilleuls, care about the "
                                "bandstand: it came fourth in the vote.</p>"
                            ),
                            "decided": (
                                "<p>The town is including the work to make the bandstand safe "
                                "(€40,000) in its 2027 maintenance budget, and its supporters "
                                "can put forward its full renovation for the 2027 "
                                "participatory budget.</p>"
                            ),
                            "why": (
                                "<p>The rules do not allow the budget voted to be exceeded; "
                                "making the bandstand safe, on the other hand, is routine "
                                "maintenance.</p>"
                            ),
                        },
                    },
                ],
                "timeline": {
                    "title": "What happens next?",
                    "steps": [
                        {"title": "Voting closes"},
                        {
                            "title": "Results announced",
                            "description": "At the town council, with the projects’ authors.",
                        },
                        {
                            "title": "Greener playground at the Jean-Zay school",
                            "description": "Part of the tarmac has made way for soil and trees.",
                        },
                        {"title": "Compost bins installed in all five districts"},
                        {
                            "title": "The community bike workshop opens",
                            "description": "In the station’s former left-luggage office.",
                        },
                        {"title": "Benches on the quays and the fitness area"},
                    ],
                },
            },
            "summary": (
                "Les cinq projets lauréats, les votes en ligne, sur papier et à l’hôtel de "
                "ville, et l’avancement de chaque réalisation."
            ),
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Cinq projets lauréats", "level": "h2", "anchor": ""},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Vous avez été 72 à voter, en ligne, sur papier ou à l’hôtel de "
                        "ville. Les projets ont été retenus dans l’ordre des votes, tant "
                        "qu’ils tenaient dans l’enveloppe de 500 000 euros : la cour "
                        "végétalisée de l’école Jean-Zay, les bancs et l’ombre le long des "
                        "quais, l’atelier vélo solidaire de la gare, l’aire de fitness de "
                        "Saint-Aubin et les composteurs de quartier.</p><p>La rénovation du "
                        "kiosque à musique est arrivée quatrième, mais, à 240 000 euros, elle "
                        "ne tenait plus dans ce qui restait de l’enveloppe : comme le prévoit "
                        "le règlement, le projet suivant qui tenait a été retenu à sa "
                        "place.</p>"
                    ),
                },
                # The budget's results block goes here once it exists, naming its envelope
                # as survey_results names its survey (DemoLoader.restitution_page swaps the
                # name for the id); realisation stages go in BudgetLoader.realise.
                {
                    "type": "key_figures",
                    "value": {
                        "title": "Le vote en chiffres",
                        "figures": [
                            {"value": "72", "label": "votantes et votants"},
                            {
                                "value": "50",
                                "label": "bulletins papier",
                                "detail": "et 10 votes à l’hôtel de ville",
                            },
                            {"value": "5", "label": "projets lauréats"},
                            {
                                "value": "405 000 €",
                                "label": "engagés",
                                "detail": "sur une enveloppe de 500 000 €",
                            },
                        ],
                    },
                },
                {
                    "type": "budget_results",
                    "value": {
                        "heading": "Les résultats du vote",
                        "envelopes": [],
                        "show_districts": True,
                    },
                },
                {
                    "type": "realisations",
                    "value": {"heading": "Où en sont les projets lauréats ?"},
                },
                {
                    "type": "decision",
                    "value": {
                        "topic": "Le kiosque à musique du parc",
                        "heard": (
                            "<p>Beaucoup d’entre vous, surtout aux Tilleuls, tiennent au "
                            "kiosque : il est arrivé quatrième du vote.</p>"
                        ),
                        "decided": (
                            "<p>La Ville inscrit la mise en sécurité du kiosque (40 000 "
                            "euros) à son budget d’entretien 2027, et ses porteurs peuvent "
                            "proposer sa rénovation complète au budget participatif 2027.</p>"
                        ),
                        "why": (
                            "<p>Le règlement ne permet pas de dépasser l’enveloppe votée ; "
                            "la mise en sécurité, elle, relève de l’entretien courant.</p>"
                        ),
                    },
                },
            ],
            "timeline": {
                "title": "Et maintenant ?",
                "steps": [
                    {"days": VOTE_2026[1], "title": "Clôture du vote", "done": True},
                    {
                        "days": VOTE_2026[1] + 2,
                        "title": "Annonce des résultats",
                        "description": "En conseil municipal, avec les porteurs de projets.",
                        "done": True,
                    },
                    {
                        "days": -200,
                        "title": "Cour de l’école Jean-Zay végétalisée",
                        "description": (
                            "Une partie du bitume a laissé place à de la terre et à des arbres."
                        ),
                        "done": True,
                    },
                    {
                        "days": -60,
                        "title": "Composteurs installés dans les cinq quartiers",
                        "done": True,
                    },
                    {
                        "days": 45,
                        "title": "Ouverture de l’atelier vélo solidaire",
                        "description": "Dans l’ancienne consigne de la gare.",
                    },
                    {"days": 120, "title": "Bancs des quais et aire de fitness"},
                ],
            },
        },
    },
]

IDEA_BOX = {
    "consultation": BUDGET_2027,
    "title": "Vos idées pour le budget participatif 2027",
    "introduction": (
        "Un aménagement, un équipement, une plantation : proposez un projet d’intérêt général "
        "qui relève de la Ville et coûte moins de 250 000 euros. Les services étudient chaque "
        "idée publiée ; les plus proches sont réunies en un seul projet."
    ),
    "themes": ["cadre-de-vie", "espaces-verts", "mobilite", "jeunesse", "solidarites"],
    "districts": ["centre-ville", "la-gare", "les-tilleuls", "le-port", "saint-aubin"],
    "opens": -120,
    "closes": -76,
    "extra_fields": [],
    "en": {
        "title": "Your ideas for the 2027 participatory budget",
        "introduction": (
            "A facility, some equipment, some planting: suggest a project in the public "
            "interest that falls within the town’s remit and costs less than €250,000. The "
            "council’s departments study every published idea; the most similar ones are "
            "combined into a single project."
        ),
        "extra_fields": [],
    },
}

# Ideas of 2027; "status" is the idea's, the projects (below) say which ideas they merge.
IDEAS = [
    {
        "title": "Des arbres fruitiers dans les cours d’école",
        "description": (
            "Des pommiers et des poiriers dans les cours : de l’ombre en été, et les enfants "
            "apprendraient à s’en occuper avec leurs maîtresses."
        ),
        "theme": "espaces-verts",
        "district": "le-port",
        "author": "Nadia B.",
        "status": "retained",
        "answer": "Réunie avec une idée proche dans le projet « Des vergers dans les cours "
        "d’école », soumis au vote.",
        "supports": 7,
    },
    {
        "title": "Un potager à l’école du Port",
        "description": (
            "Quelques bacs de légumes dans la cour de l’école du Port, entretenus par les "
            "classes et le centre de loisirs pendant l’été."
        ),
        "theme": "espaces-verts",
        "district": "le-port",
        "author": "Olivier M.",
        "status": "retained",
        "answer": "Réunie avec une idée proche dans le projet « Des vergers dans les cours "
        "d’école », soumis au vote.",
        "supports": 4,
    },
    {
        "title": "Une vraie piste cyclable avenue de la Gare",
        "description": (
            "Entre la gare et le collège, on roule entre les voitures garées et les bus. Une "
            "piste séparée permettrait aux collégiens de venir à vélo."
        ),
        "theme": "mobilite",
        "district": "la-gare",
        "author": "Thomas R.",
        "status": "retained",
        "answer": "Devenue le projet « Une piste cyclable protégée avenue de la Gare », "
        "soumis au vote.",
        "supports": 10,
    },
    {
        "title": "Un skatepark pour les ados",
        "description": (
            "Les jeunes font du skate sur le parking du supermarché faute de mieux. Un "
            "skatepark leur donnerait un lieu à eux."
        ),
        "theme": "jeunesse",
        "district": "le-port",
        "author": "Inès K.",
        "status": "retained",
        "answer": "Réunie avec une idée proche dans le projet « Un skatepark sur les quais du "
        "Port », soumis au vote.",
        "supports": 9,
    },
    {
        "title": "Un endroit pour les jeunes sur les quais",
        "description": (
            "Les 12-17 ans n’ont nulle part où se retrouver dehors. Les quais du Port sont "
            "grands et loin des habitations."
        ),
        "theme": "jeunesse",
        "district": "le-port",
        "author": "Lucas D.",
        "status": "retained",
        "answer": "Réunie avec une idée proche dans le projet « Un skatepark sur les quais du "
        "Port », soumis au vote.",
        "supports": 5,
    },
    {
        "title": "Des fontaines à eau potable",
        "description": (
            "Pendant les canicules, impossible de remplir sa gourde dans les parcs ou sur la "
            "place du Marché. Quelques fontaines suffiraient."
        ),
        "theme": "cadre-de-vie",
        "district": "centre-ville",
        "author": "Claire V.",
        "status": "retained",
        "answer": "Devenue le projet « Des fontaines à eau dans les parcs et sur les places », "
        "soumis au vote.",
        "supports": 8,
    },
    {
        "title": "Des toilettes publiques propres au centre",
        "description": (
            "Les seules toilettes publiques du centre, rue de la Halle, sont souvent fermées. "
            "Pour les personnes âgées et les familles, c’est un vrai frein pour sortir."
        ),
        "theme": "cadre-de-vie",
        "district": "centre-ville",
        "author": "Monique F.",
        "status": "retained",
        "answer": "Devenue le projet « Rénover les toilettes publiques du centre-ville », "
        "soumis au vote.",
        "supports": 6,
    },
    {
        "title": "Une piscine en plein air au bord de la Lauze",
        "description": (
            "Il n’y a pas de piscine à moins de vingt kilomètres. Un bassin d’été au bord de la "
            "rivière ferait le bonheur des familles."
        ),
        "theme": "jeunesse",
        "district": "le-port",
        "author": "Karim H.",
        "status": "not_retained",
        "reason": (
            "Étudiée par le service des sports : un bassin d’été coûterait plus de deux "
            "millions d’euros, bien au-delà du budget participatif."
        ),
        "answer": "",
        "supports": 11,
    },
    {
        "title": "Un jardin partagé aux Tilleuls",
        "description": (
            "Le terrain en friche derrière l’école des Tilleuls pourrait devenir un jardin "
            "partagé, avec des parcelles pour les familles de l’immeuble d’en face."
        ),
        "theme": "espaces-verts",
        "district": "les-tilleuls",
        "author": "Martine L.",
        "status": "retained",
        "answer": "Devenue le projet « Un jardin partagé derrière l’école des Tilleuls », "
        "soumis au vote du quartier.",
        "supports": 6,
    },
    {
        "title": "Des jeux d’eau au square des Tilleuls",
        "description": (
            "L’été, le square est écrasé de chaleur. Des jets d’eau au sol, comme à la ville "
            "voisine, rafraîchiraient les enfants."
        ),
        "theme": "jeunesse",
        "district": "les-tilleuls",
        "author": "Sofiane A.",
        "status": "retained",
        "answer": "Devenue le projet « Des jeux d’eau au square des Tilleuls », soumis au vote "
        "du quartier.",
        "supports": 7,
    },
    {
        "title": "Interdire les trottinettes sur les trottoirs",
        "description": (
            "Les trottinettes roulent vite sur les trottoirs de la Grand-Rue. Il faudrait les "
            "interdire et verbaliser."
        ),
        "theme": "mobilite",
        "district": "centre-ville",
        "author": "Gérard P.",
        "status": "not_retained",
        "reason": (
            "Le budget participatif finance des investissements. La circulation sur les "
            "trottoirs relève du code de la route : votre idée est transmise à la police "
            "municipale."
        ),
        "answer": "",
        "supports": 3,
    },
    {
        "title": "Un marché de producteurs le soir en été",
        "description": (
            "Un marché le jeudi soir, de juin à septembre, sur la place du Marché, avec des "
            "producteurs de la vallée et de la musique."
        ),
        "theme": "commerce-centre-ville",
        "district": "centre-ville",
        "author": "Hélène G.",
        "status": "published",
        "answer": "",
        "supports": 5,
    },
]

# Projects by envelope. "status" is where the feasibility study, then the vote, left it;
# "ideas" names the ideas merged into it (their authors are credited); "key" names it in the
# ballots below. Projects are studied by "department"; a project not feasible gives its
# public "reason"; a winner has its realisation "stages" (day offset, title, description),
# the day it was "realised" if it is built, and the "photo" of its last stage done.
ENVELOPES = {
    BUDGET_2027: [
        {
            "title": "Toute la ville",
            "amount": 600_000,
            "method": "basket",
            "district": None,
            "vote": VOTE_2027,
            "projects": [
                {
                    "key": "vergers",
                    "title": "Des vergers dans les cours d’école",
                    "summary": (
                        "Planter des arbres fruitiers et installer des bacs potagers dans les "
                        "cours des quatre écoles élémentaires, avec les enseignants et le "
                        "centre de loisirs qui les entretiendront."
                    ),
                    "cost": 45_000,
                    "theme": "espaces-verts",
                    "district": None,
                    "department": GREEN_SPACES,
                    "status": "on_ballot",
                    "ideas": [
                        "Des arbres fruitiers dans les cours d’école",
                        "Un potager à l’école du Port",
                    ],
                },
                {
                    "key": "piste",
                    "title": "Une piste cyclable protégée avenue de la Gare",
                    "summary": (
                        "Une piste cyclable séparée de la chaussée sur les 900 mètres entre "
                        "la gare et le collège, avec des traversées sécurisées aux deux "
                        "carrefours."
                    ),
                    "cost": 250_000,
                    "theme": "mobilite",
                    "district": "la-gare",
                    "department": MOBILITY,
                    "status": "on_ballot",
                    "ideas": ["Une vraie piste cyclable avenue de la Gare"],
                },
                {
                    "key": "fontaines",
                    "title": "Des fontaines à eau dans les parcs et sur les places",
                    "summary": (
                        "Six fontaines d’eau potable, accessibles en fauteuil, au parc des "
                        "Tilleuls, sur la place du Marché, au Port, à la gare et à "
                        "Saint-Aubin."
                    ),
                    "cost": 60_000,
                    "theme": "cadre-de-vie",
                    "district": None,
                    "department": "Service de l’eau",
                    "status": "on_ballot",
                    "ideas": ["Des fontaines à eau potable"],
                },
                {
                    "key": "skatepark",
                    "title": "Un skatepark sur les quais du Port",
                    "summary": (
                        "Un skatepark en béton de 600 m² sur les quais, dessiné avec les "
                        "jeunes lors de deux ateliers, avec des bancs et un point d’eau."
                    ),
                    "cost": 180_000,
                    "theme": "jeunesse",
                    "district": "le-port",
                    "department": SPORTS,
                    "status": "on_ballot",
                    "ideas": [
                        "Un skatepark pour les ados",
                        "Un endroit pour les jeunes sur les quais",
                    ],
                },
                {
                    "key": "boites",
                    "title": "Une boîte à livres et un banc dans chaque quartier",
                    "summary": (
                        "Cinq boîtes à livres fabriquées par le chantier d’insertion de la "
                        "Ville, chacune avec un banc, une par quartier."
                    ),
                    "cost": 15_000,
                    "theme": "vie-associative",
                    "district": None,
                    "department": BUILDINGS,
                    "status": "on_ballot",
                },
                {
                    "key": "toilettes",
                    "title": "Rénover les toilettes publiques du centre-ville",
                    "summary": (
                        "Des toilettes publiques gratuites, accessibles et nettoyées chaque "
                        "jour, rue de la Halle, ouvertes de 7 h à 21 h."
                    ),
                    "cost": 120_000,
                    "theme": "cadre-de-vie",
                    "district": "centre-ville",
                    "department": BUILDINGS,
                    "status": "on_ballot",
                    "ideas": ["Des toilettes publiques propres au centre"],
                },
                {
                    "key": "abris",
                    "title": "Des abris à vélos couverts près des écoles",
                    "summary": (
                        "Des abris couverts de dix places devant les quatre écoles "
                        "élémentaires et le collège, pour les élèves et les parents."
                    ),
                    "cost": 75_000,
                    "theme": "mobilite",
                    "district": None,
                    "department": MOBILITY,
                    "status": "on_ballot",
                },
                {
                    "key": "epicerie",
                    "title": "Une épicerie solidaire itinérante",
                    "summary": (
                        "Un camion aménagé qui passe chaque semaine dans les quartiers "
                        "éloignés des commerces, tenu par le centre communal d’action sociale "
                        "et des bénévoles."
                    ),
                    "cost": 95_000,
                    "theme": "solidarites",
                    "district": None,
                    "department": SOCIAL,
                    "status": "on_ballot",
                },
                {
                    "key": "baignade",
                    "title": "Une baignade aménagée dans la Lauze",
                    "summary": "Un bassin d’été ou une plage aménagée au bord de la rivière.",
                    "cost": 0,
                    "theme": "jeunesse",
                    "district": "le-port",
                    "department": SPORTS,
                    "status": "not_feasible",
                    "reason": (
                        "La baignade dans la Lauze est interdite par arrêté préfectoral "
                        "(courant et qualité de l’eau), et un bassin d’été coûterait plus de "
                        "deux millions d’euros, bien au-delà de l’enveloppe."
                    ),
                    "ideas": ["Une piscine en plein air au bord de la Lauze"],
                },
                {
                    "key": "parking",
                    "title": "Un parking souterrain sous la place du Marché",
                    "summary": "Deux niveaux de stationnement sous la place.",
                    "cost": 0,
                    "theme": "commerce-centre-ville",
                    "district": "centre-ville",
                    "department": MOBILITY,
                    "status": "not_feasible",
                    "reason": (
                        "La nappe de la Lauze affleure à deux mètres sous la place : un "
                        "parking souterrain y coûterait plus de huit millions d’euros. La "
                        "place est par ailleurs en cours de concertation."
                    ),
                },
                {
                    "key": "eclairage",
                    "title": "Éclairer le chemin de halage",
                    "summary": (
                        "Un éclairage à détection de présence sur le chemin de halage entre "
                        "le Port et Saint-Aubin, emprunté à pied et à vélo en hiver."
                    ),
                    "cost": 0,
                    "theme": "mobilite",
                    "district": "saint-aubin",
                    "department": MOBILITY,
                    "status": "under_study",
                    "note": (
                        "L’étude attend l’avis de l’Office français de la biodiversité sur "
                        "les chauves-souris des berges : le projet sera proposé au vote 2028 "
                        "s’il est faisable."
                    ),
                },
                {
                    "key": "toilettes-seches",
                    "title": "Des toilettes sèches au jardin partagé de Saint-Aubin",
                    "summary": (
                        "Faisable pour 8 000 euros : le service des espaces verts l’installe "
                        "dès cet automne sur son budget d’entretien, sans attendre le vote."
                    ),
                    "cost": 8_000,
                    "theme": "espaces-verts",
                    "district": "saint-aubin",
                    "department": GREEN_SPACES,
                    "status": "feasible",
                },
                {
                    "key": "marche",
                    "title": "Un marché de producteurs le soir en été",
                    "summary": (
                        "Un marché le jeudi soir, de juin à septembre, sur la place du "
                        "Marché. Il relève du règlement des marchés plus que d’un "
                        "investissement : il sera étudié avec les commerçants pour "
                        "l’édition 2028."
                    ),
                    "cost": 0,
                    "theme": "commerce-centre-ville",
                    "district": "centre-ville",
                    "status": "proposed",
                    "ideas": ["Un marché de producteurs le soir en été"],
                },
            ],
            # (how many, channel, where collected, voter's district, projects chosen)
            "ballots": [
                (3, "online", "", "le-port", ["vergers", "skatepark", "fontaines", "boites"]),
                (3, "online", "", "la-gare", ["piste", "abris", "vergers", "boites"]),
                (2, "online", "", "centre-ville", ["toilettes", "epicerie", "fontaines"]),
                (6, "paper", ANNEX, "les-tilleuls", ["epicerie", "fontaines", "vergers"]),
                (4, "paper", TOWN_HALL, "centre-ville", ["toilettes", "boites", "abris"]),
                (2, "in_person", TOWN_HALL, "saint-aubin", ["piste", "epicerie", "boites"]),
            ],
        },
        {
            "title": "Quartier des Tilleuls",
            "amount": 80_000,
            "method": "choices",
            "max_choices": 2,
            "district": "les-tilleuls",
            "vote": VOTE_2027,
            "projects": [
                {
                    "key": "jardin",
                    "title": "Un jardin partagé derrière l’école des Tilleuls",
                    "summary": (
                        "Vingt parcelles, un récupérateur d’eau et un abri à outils sur la "
                        "friche derrière l’école, confiés au comité de quartier."
                    ),
                    "cost": 25_000,
                    "theme": "espaces-verts",
                    "district": "les-tilleuls",
                    "department": GREEN_SPACES,
                    "status": "on_ballot",
                    "ideas": ["Un jardin partagé aux Tilleuls"],
                },
                {
                    "key": "jeux-eau",
                    "title": "Des jeux d’eau au square des Tilleuls",
                    "summary": (
                        "Une aire de jets d’eau au sol, en circuit fermé, ouverte de juin à "
                        "septembre."
                    ),
                    "cost": 40_000,
                    "theme": "jeunesse",
                    "district": "les-tilleuls",
                    "department": GREEN_SPACES,
                    "status": "on_ballot",
                    "ideas": ["Des jeux d’eau au square des Tilleuls"],
                },
                {
                    "key": "passage",
                    "title": "Éclairer et peindre le passage sous la voie ferrée",
                    "summary": (
                        "Un nouvel éclairage et une fresque peinte avec les jeunes du quartier "
                        "dans le passage piéton qui relie les Tilleuls à la gare."
                    ),
                    "cost": 30_000,
                    "theme": "cadre-de-vie",
                    "district": "les-tilleuls",
                    "department": MOBILITY,
                    "status": "on_ballot",
                },
                {
                    "key": "pique-nique",
                    "title": "Des tables de pique-nique au parc des Tilleuls",
                    "summary": (
                        "Six tables de pique-nique, dont deux accessibles en fauteuil, à "
                        "l’ombre des tilleuls."
                    ),
                    "cost": 12_000,
                    "theme": "cadre-de-vie",
                    "district": "les-tilleuls",
                    "department": GREEN_SPACES,
                    "status": "on_ballot",
                },
                {
                    "key": "foot",
                    "title": "Un terrain de football synthétique",
                    "summary": (
                        "Remplacer la pelouse du stade des Tilleuls par un gazon synthétique."
                    ),
                    "cost": 0,
                    "theme": "jeunesse",
                    "district": "les-tilleuls",
                    "department": SPORTS,
                    "status": "not_feasible",
                    "reason": (
                        "Un terrain synthétique coûte environ 700 000 euros, près de neuf fois "
                        "l’enveloppe du quartier ; le stade sera rénové dans le plan "
                        "pluriannuel des équipements sportifs."
                    ),
                },
            ],
            "ballots": [
                (3, "online", "", "les-tilleuls", ["jardin", "jeux-eau"]),
                (2, "online", "", "les-tilleuls", ["jeux-eau", "passage"]),
                (5, "paper", ANNEX, "les-tilleuls", ["jeux-eau", "pique-nique"]),
                (1, "in_person", ANNEX, "les-tilleuls", ["passage"]),
            ],
        },
    ],
    BUDGET_2026: [
        {
            "title": "Toute la ville",
            "amount": 500_000,
            "method": "basket",
            "district": None,
            "vote": VOTE_2026,
            "projects": [
                {
                    "key": "cour",
                    "title": "Végétaliser la cour de l’école Jean-Zay",
                    "summary": (
                        "Remplacer une partie du bitume de la cour par de la terre, des arbres "
                        "et un petit bois, pour une cour plus fraîche en été."
                    ),
                    "cost": 140_000,
                    "theme": "espaces-verts",
                    "district": "centre-ville",
                    "department": GREEN_SPACES,
                    "status": "winner",
                    "realised": -200,  # built last summer
                    "stages": [
                        (-300, "Plans dessinés avec les élèves et les enseignants", ""),
                        (-230, "Début des travaux", "Le bitume est retiré pendant l’été."),
                        (-200, "Cour ouverte aux élèves", "Quinze arbres et un petit bois."),
                    ],
                    "photo": (
                        "Cour de l’école Jean-Zay",
                        "parc-des-tilleuls.jpg",
                        "Des arbres et des massifs plantés là où était le bitume",
                    ),
                },
                {
                    "key": "quais",
                    "title": "Des bancs et de l’ombre le long des quais",
                    "summary": "Vingt bancs et des pergolas plantées le long des quais du Port.",
                    "cost": 60_000,
                    "theme": "cadre-de-vie",
                    "district": "le-port",
                    "department": GREEN_SPACES,
                    "status": "winner",
                    "stages": [
                        (-90, "Emplacements choisis lors d’une balade sur les quais", ""),
                        (120, "Pose des bancs et des pergolas", ""),
                    ],
                },
                {
                    "key": "velo",
                    "title": "Un atelier vélo solidaire à la gare",
                    "summary": (
                        "Un local à la gare où réparer son vélo avec l’association Vélo Lauze, "
                        "et des vélos d’occasion remis en état pour les personnes sans voiture."
                    ),
                    "cost": 80_000,
                    "theme": "mobilite",
                    "district": "la-gare",
                    "department": MOBILITY,
                    "status": "winner",
                    "stages": [
                        (-120, "Local trouvé : l’ancienne consigne de la gare", ""),
                        (45, "Ouverture de l’atelier", "Avec l’association Vélo Lauze."),
                    ],
                },
                {
                    "key": "kiosque",
                    "title": "Rénover le kiosque à musique du parc",
                    "summary": (
                        "Restaurer la charpente et le toit du kiosque de 1905, et l’équiper "
                        "pour des concerts."
                    ),
                    "cost": 240_000,
                    "theme": "vie-associative",
                    "district": "les-tilleuls",
                    "department": BUILDINGS,
                    "status": "not_selected",
                },
                {
                    "key": "compost",
                    "title": "Un composteur collectif par quartier",
                    "summary": "Cinq composteurs partagés, avec un guide composteur formé.",
                    "cost": 35_000,
                    "theme": "espaces-verts",
                    "district": None,
                    "department": GREEN_SPACES,
                    "status": "winner",
                    "stages": [
                        (-60, "Composteurs installés dans les cinq quartiers", ""),
                        (30, "Guide composteur formé", "Avec le syndicat des déchets."),
                    ],
                },
                {
                    "key": "fitness",
                    "title": "Une aire de fitness en plein air à Saint-Aubin",
                    "summary": "Huit agrès de musculation et d’étirement près du city-stade.",
                    "cost": 90_000,
                    "theme": "jeunesse",
                    "district": "saint-aubin",
                    "department": SPORTS,
                    "status": "winner",
                },
                {
                    "key": "navette",
                    "title": "Une navette électrique le samedi vers le marché",
                    "summary": (
                        "Un minibus électrique gratuit qui relie Saint-Aubin et les Tilleuls "
                        "au marché chaque samedi matin, pendant trois ans."
                    ),
                    "cost": 180_000,
                    "theme": "mobilite",
                    "district": None,
                    "department": MOBILITY,
                    "status": "not_selected",
                },
            ],
            "ballots": [
                (4, "online", "", "centre-ville", ["cour", "quais", "velo", "compost"]),
                (4, "online", "", "le-port", ["quais", "kiosque", "cour"]),
                (4, "online", "", "la-gare", ["velo", "fitness", "cour", "compost"]),
                (14, "paper", ANNEX, "les-tilleuls", ["kiosque", "cour", "quais"]),
                (12, "paper", TOWN_HALL, "centre-ville", ["cour", "quais", "velo"]),
                (10, "paper", LIBRARY, "le-port", ["quais", "velo", "fitness"]),
                (8, "paper", TOWN_HALL, "saint-aubin", ["fitness", "navette", "compost"]),
                (6, "paper", TOWN_HALL, "la-gare", ["velo", "kiosque", "compost"]),
                (5, "in_person", TOWN_HALL, "saint-aubin", ["fitness", "cour", "velo"]),
                (5, "in_person", TOWN_HALL, "centre-ville", ["cour", "kiosque"]),
            ],
        },
    ],
}
