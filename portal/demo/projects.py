"""Demo consultations and agenda of Bellecombe-sur-Lauze, in French with English translations.

Dates are day offsets from the day the demo is loaded (negative: in the past), so that the
open consultation is open and the next events are to come whenever the demo is loaded.
Times are Paris wall-clock times ("18:30"). Themes, districts, organisers and consultations
are referred to by slug or name. Stream values use the block formats of portal/blocks.

A spec's "en" dict holds its English text: the loader builds the English pages from those of
pages, and keeps those of surveys, idea boxes, the petition, organisers and phases as data
until the participation items are translatable (phase titles are set on the English pages).
"""

CITY = "00000 Bellecombe-sur-Lauze"

# (slug, French name, English name): the slug is the same in both languages, so that a
# filter address means the same thing on either side of the language switcher.
THEMES = [
    ("mobilite", "Mobilité", "Getting around"),
    ("espaces-verts", "Espaces verts", "Parks and green spaces"),
    ("jeunesse", "Jeunesse", "Young people"),
    ("commerce-centre-ville", "Commerce et centre-ville", "Shops and town centre"),
    ("cadre-de-vie", "Cadre de vie", "Quality of life"),
    ("solidarites", "Solidarités", "Community support"),
    ("vie-associative", "Vie associative", "Voluntary groups"),
]

# The districts' names are proper names, but for the town centre's.
DISTRICTS = [
    ("centre-ville", "Centre-ville", "Town centre"),
    ("la-gare", "La Gare", "La Gare"),
    ("les-tilleuls", "Les Tilleuls", "Les Tilleuls"),
    ("le-port", "Le Port", "Le Port"),
    ("saint-aubin", "Saint-Aubin", "Saint-Aubin"),
]


def _box(west, south, east, north):
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


# Their boundaries (GeoJSON, longitude first): ideas and projects placed on the map without a
# district chosen are given the one holding them.
DISTRICT_BOUNDARIES = {
    "la-gare": {"type": "Polygon", "coordinates": [_box(0.675, 47.388, 0.687, 47.400)]},
    "centre-ville": {"type": "Polygon", "coordinates": [_box(0.687, 47.386, 0.695, 47.394)]},
    "saint-aubin": {"type": "Polygon", "coordinates": [_box(0.687, 47.394, 0.705, 47.400)]},
    "le-port": {"type": "Polygon", "coordinates": [_box(0.695, 47.380, 0.705, 47.394)]},
    "les-tilleuls": {
        "type": "Polygon",
        "coordinates": [
            [
                [0.675, 47.380],
                [0.695, 47.380],
                [0.695, 47.386],
                [0.687, 47.386],
                [0.687, 47.388],
                [0.675, 47.388],
                [0.675, 47.380],
            ]
        ],
    },
}

PARTICIPATION = "Mission participation citoyenne"
GREEN_SPACES = "Service des espaces verts"
MOBILITY = "Service mobilité et voirie"
BIKE_CLUB = "Association Vélo Lauze"
TILLEULS_COMMITTEE = "Comité de quartier des Tilleuls"
PORT_FRIENDS = "Les Amis du Port"

ORGANISERS = [
    {
        "name": PARTICIPATION,
        "kind": "service",
        "description": (
            "Le service de la Ville qui organise les concertations, accompagne les habitantes "
            "et les habitants qui veulent participer et veille au respect de la charte de la "
            "participation."
        ),
        "website": "https://bellecombe.example.org/participation",
        "en": {
            "name": "Citizen Participation Team",
            "description": (
                "The town council team that runs consultations, helps residents who want to "
                "take part and makes sure the participation charter is respected."
            ),
        },
    },
    {
        "name": GREEN_SPACES,
        "kind": "service",
        "description": (
            "Entretient les parcs, les jardins et les 4 800 arbres de la ville, et accompagne "
            "les projets de végétalisation portés par les habitants."
        ),
        "website": "https://bellecombe.example.org/espaces-verts",
        "en": {
            "name": "Parks and Green Spaces Department",
            "description": (
                "Looks after the town’s parks, gardens and 4,800 trees, and supports residents’ "
                "greening projects."
            ),
        },
    },
    {
        "name": MOBILITY,
        "kind": "service",
        "description": (
            "Conçoit et entretient les rues, les trottoirs et les aménagements cyclables ; "
            "prépare le plan vélo de la Ville."
        ),
        "website": "https://bellecombe.example.org/mobilite",
        "en": {
            "name": "Transport and Highways Department",
            "description": (
                "Designs and maintains streets, pavements and cycle routes; is drawing up the "
                "town’s cycling plan."
            ),
        },
    },
    {
        "name": BIKE_CLUB,
        "kind": "association",
        "description": (
            "Association d’usagers du vélo : ateliers d’autoréparation, balades, vélo-école "
            "pour adultes. Elle siège au comité des déplacements de la Ville."
        ),
        "website": "https://velo-lauze.example.org",
        "en": {
            "name": "Vélo Lauze (cycling association)",
            "description": (
                "An association of cyclists: do-it-yourself repair workshops, bike rides and "
                "cycling lessons for adults. It sits on the town’s transport committee."
            ),
        },
    },
    {
        "name": TILLEULS_COMMITTEE,
        "kind": "association",
        "description": (
            "Association des habitantes et des habitants du quartier des Tilleuls : fête de "
            "quartier, jardin partagé, et relais des questions du quartier auprès de la Ville."
        ),
        "website": "https://tilleuls.example.org",
        "en": {
            "name": "Les Tilleuls Residents’ Committee",
            "description": (
                "The residents’ association of the Les Tilleuls district: a neighbourhood fête, "
                "a community garden, and a voice for the district’s concerns with the town "
                "council."
            ),
        },
    },
    {
        "name": PORT_FRIENDS,
        "kind": "association",
        "description": (
            "Fait connaître l’histoire du port fluvial et des berges de la Lauze : visites, "
            "expositions, nettoyage des berges chaque printemps."
        ),
        "website": "https://amis-du-port.example.org",
        "en": {
            "name": "Friends of the Port",
            "description": (
                "Shares the history of the river port and the banks of the Lauze: guided "
                "visits, exhibitions and a clean-up of the riverbanks every spring."
            ),
        },
    },
]

PARTICIPATION_CONTACT = {
    "name": PARTICIPATION,
    "role": "Hôtel de ville",
    "email": "participation@bellecombe.example.org",
    "phone": "01 23 45 67 89",
    "address": f"Hôtel de ville\n1 place de la Mairie\n{CITY}",
    "hours": "Du lundi au vendredi, de 9 h à 17 h",
}
# What the English contact cards say instead (the e-mail and phone stay).
PARTICIPATION_CONTACT_EN = {
    "name": "Citizen Participation Team",
    "role": "Town hall",
    "address": f"Hôtel de ville (town hall)\n1 place de la Mairie\n{CITY}",
    "hours": "Monday to Friday, 9 a.m. to 5 p.m.",
}

RULES = (
    "<p>Toute personne qui vit, travaille ou étudie à Bellecombe-sur-Lauze peut participer, "
    "quel que soit son âge. Les contributions en ligne, sur papier ou à l’oral ont le même "
    "poids.</p><p>Les contributions sont publiées après modération, selon la charte de la "
    "participation citoyenne : pas de propos injurieux ni de données personnelles sur des "
    "tiers. Une contribution refusée reçoit un message qui explique pourquoi.</p>"
)
RULES_EN = (
    "<p>Anyone who lives, works or studies in Bellecombe-sur-Lauze can take part, whatever "
    "their age. Contributions made online, on paper or in person carry the same weight.</p>"
    "<p>Contributions are published after moderation, in line with the citizen participation "
    "charter: no abusive language and no personal information about other people. If a "
    "contribution is turned down, its author receives a message explaining why.</p>"
)

CONSULTATION_INDEX = {
    "slug": "concertations",
    "title": "Concertations",
    "summary": (
        "Les projets sur lesquels la Ville vous demande votre avis : ceux qui sont ouverts, "
        "ceux qui arrivent, et ce qui a été décidé à l’issue des démarches terminées."
    ),
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>Chaque concertation indique son degré de participation, ce qui est déjà "
                "décidé et ce qui reste ouvert, son calendrier et ce que deviendront vos "
                "contributions. À la fin de chaque démarche, la Ville publie un bilan : ce "
                "qu’elle a entendu, ce qu’elle décide et pourquoi.</p>"
            ),
        }
    ],
    "en": {
        "slug": "consultations",
        "title": "Consultations",
        "summary": (
            "The projects on which the town is asking for your views: those open now, those "
            "coming up, and what was decided once a consultation ended."
        ),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Each consultation sets out how much say you have, what has already "
                    "been decided and what is still open, its timetable and what will happen "
                    "to your contributions. When a consultation ends, the town publishes a "
                    "report: what it heard, what it has decided and why.</p>"
                ),
            }
        ],
    },
}

SQUARE = "reamenagement-place-du-marche"
BIKE_PLAN = "plan-velo"
PARK = "parc-des-tilleuls"
SCHOOL_STREETS = "rues-aux-ecoles"

CONSULTATIONS = [
    {
        "slug": SQUARE,
        "title": "Réaménagement de la place du Marché",
        "en": {
            "slug": "redesigning-the-place-du-marche",
            "title": "Redesigning the place du Marché",
            "summary": (
                "Worn paving, no shade in summer, cars everywhere: the place du Marché needs "
                "renovating. Before the design is drawn up, the town would like to know how "
                "you use the square and what you expect of it."
            ),
            "objectives": (
                "<p>The place du Marché hosts the market on Wednesday and Saturday mornings, "
                "the café terraces and most of the town’s festivities. Its paving dates from "
                "1987, it gets very hot in summer and cars take up more than half of it.</p>"
                "<p>The town wants to make it <b>more pleasant, shadier and accessible to "
                "everyone</b>, without getting in the way of the market or the shops around "
                "it.</p>"
            ),
            "contribution_use": (
                "<p><b>Already decided:</b> the square will be renovated, the market will stay "
                "there, and the budget is set at €2.4 million.</p><p><b>Still open:</b> trees "
                "and shade, parking, what the square is used for (play, benches, a fountain, "
                "terraces) and how market days are organised.</p><p>Every contribution will "
                "be sorted by topic, then analysed with the design consultants, under the eye "
                "of the guarantor. The town will publish a summary and answer each proposal, "
                "explaining what it takes up and why.</p>"
            ),
            "rules": RULES_EN,
            "guarantor": "Claire Vasseur, independent guarantor of the consultation",
            "guarantor_contact": (
                "garante.place-du-marche@bellecombe.example.org\nDrop-in sessions at the "
                "médiathèque de la Lauze (library) on the first Saturday of the month, 10 a.m. "
                "to noon."
            ),
            "contact": {
                **PARTICIPATION_CONTACT_EN,
                "role": "Sophie Marchand, consultation officer",
            },
            "phases": [
                {
                    "title": "Consultation",
                    "description": (
                        "Give your views online, at the neighbourhood workshops, on the walk "
                        "with councillors or at the Travelling Agora. Extended by a fortnight "
                        "at the request of the market traders."
                    ),
                },
                {
                    "title": "Sorting the contributions",
                    "description": (
                        "Contributions are grouped by topic and published, with a first "
                        "technical opinion from the council’s departments."
                    ),
                },
                {
                    "title": "Summary",
                    "description": (
                        "The guarantor and the design consultants write the summary, presented "
                        "at a public meeting."
                    ),
                },
                {
                    "title": "The town’s answers",
                    "description": (
                        "The town answers each proposal and presents the chosen programme to "
                        "the town council."
                    ),
                },
            ],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "The square today", "level": "h2", "anchor": "today"},
                },
                {
                    "type": "key_figures",
                    "value": {
                        "title": "",
                        "figures": [
                            {"value": "6,200 m²", "label": "of open space", "detail": ""},
                            {
                                "value": "118",
                                "label": "parking spaces",
                                "detail": "including 3 for disabled drivers",
                            },
                            {"value": "4", "label": "trees", "detail": "all planted before 1990"},
                            {
                                "value": "2",
                                "label": "markets a week",
                                "detail": "on Wednesday and Saturday mornings",
                            },
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "How to take part", "level": "h2", "anchor": "take-part"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li><b>Online</b>, on this page, by giving your views or putting "
                        "forward an idea.</li><li><b>At a workshop</b>: two neighbourhood "
                        "workshops and a walk with councillors are planned.</li><li><b>At the "
                        "Travelling Agora</b>, which sets up in a different square every "
                        "week.</li><li><b>On paper</b>, with the questionnaire available at "
                        "the town hall reception and at the library.</li></ul>"
                    ),
                },
                {
                    "type": "accordion",
                    "value": {
                        "title": "Frequently asked questions",
                        "items": [
                            {
                                "title": "Will the market move during the works?",
                                "content": (
                                    "<p>The works will be done one half of the square at a "
                                    "time: the market will stay on the square, in a smaller "
                                    "space. Its layout will be planned with the traders.</p>"
                                ),
                            },
                            {
                                "title": "Will all the parking spaces go?",
                                "content": (
                                    "<p>No. The number of spaces is one of the open "
                                    "questions; spaces for disabled drivers and for "
                                    "deliveries will be kept.</p>"
                                ),
                            },
                            {
                                "title": "I can’t come to the workshops: how can I take part?",
                                "content": (
                                    "<p>You can take part online, on paper, or by calling the "
                                    "Citizen Participation Team on 01 23 45 67 89: we will "
                                    "note your views over the phone.</p>"
                                ),
                            },
                        ],
                    },
                },
            ],
        },
        "image": "square",
        "summary": (
            "Revêtement usé, pas d’ombre l’été, voitures partout : la place du Marché doit "
            "être rénovée. Avant de dessiner le projet, la Ville vous demande comment vous "
            "vivez la place et ce que vous en attendez."
        ),
        "degree": "concertation",
        "objectives": (
            "<p>La place du Marché accueille le marché le mercredi et le samedi matin, les "
            "terrasses des cafés et la plupart des fêtes de la ville. Son revêtement date de "
            "1987, elle est très chaude l’été et les voitures occupent plus de la moitié de "
            "sa surface.</p><p>La Ville veut en faire une place <b>plus agréable, plus "
            "ombragée et accessible à toutes et à tous</b>, sans gêner le marché ni les "
            "commerces qui la bordent.</p>"
        ),
        "contribution_use": (
            "<p><b>Ce qui est décidé :</b> la place sera rénovée, le marché y restera, et le "
            "budget est fixé à 2,4 millions d’euros.</p><p><b>Ce qui est ouvert :</b> la "
            "place des arbres et de l’ombre, le stationnement, les usages (jeux, bancs, "
            "fontaine, terrasses) et l’organisation des jours de marché.</p><p>Toutes les "
            "contributions seront classées par thème, puis analysées avec le bureau "
            "d’études, sous le regard de la garante. La Ville publiera une synthèse et "
            "répondra à chaque proposition, en expliquant ce qu’elle retient et pourquoi.</p>"
        ),
        "rules": RULES,
        "guarantor": "Claire Vasseur, garante indépendante de la concertation",
        "guarantor_contact": (
            "garante.place-du-marche@bellecombe.example.org\nPermanence à la médiathèque de "
            "la Lauze le premier samedi du mois, de 10 h à 12 h."
        ),
        "themes": ["commerce-centre-ville", "cadre-de-vie", "espaces-verts"],
        "districts": ["centre-ville"],
        "contact": {**PARTICIPATION_CONTACT, "role": "Sophie Marchand, chargée de concertation"},
        "phases": [
            {
                "title": "Consultation",
                "description": (
                    "Donnez votre avis en ligne, lors des ateliers de quartier, de la "
                    "déambulation avec les élus ou à l’Agora itinérante. Prolongée de quinze "
                    "jours à la demande des commerçants du marché."
                ),
                "start": -20,
                "end": 25,
                "extended_end": 40,
                "supports": True,
            },
            {
                "title": "Classement des contributions",
                "description": (
                    "Les contributions sont regroupées par thème et publiées, avec un premier "
                    "avis technique des services."
                ),
                "start": 41,
                "end": 55,
                "supports": True,
            },
            {
                "title": "Synthèse",
                "description": (
                    "La garante et le bureau d’études rédigent la synthèse, présentée en "
                    "réunion publique."
                ),
                "start": 56,
                "end": 75,
            },
            {
                "title": "Réponses de la Ville",
                "description": (
                    "La Ville répond à chaque proposition et présente le programme retenu au "
                    "conseil municipal."
                ),
                "start": 76,
                "end": 90,
            },
        ],
        "body": [
            {
                "type": "heading",
                "value": {"text": "La place aujourd’hui", "level": "h2", "anchor": "aujourdhui"},
            },
            {
                "type": "key_figures",
                "value": {
                    "title": "",
                    "figures": [
                        {"value": "6 200 m²", "label": "de place", "detail": ""},
                        {
                            "value": "118",
                            "label": "places de stationnement",
                            "detail": "dont 3 réservées aux personnes handicapées",
                        },
                        {"value": "4", "label": "arbres", "detail": "tous plantés avant 1990"},
                        {
                            "value": "2",
                            "label": "marchés par semaine",
                            "detail": "le mercredi et le samedi matin",
                        },
                    ],
                },
            },
            {
                "type": "heading",
                "value": {"text": "Comment participer ?", "level": "h2", "anchor": "participer"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<ul><li><b>En ligne</b>, sur cette page, en donnant votre avis ou en "
                    "déposant une proposition.</li><li><b>En atelier</b> : deux ateliers de "
                    "quartier et une déambulation avec les élus sont au programme.</li>"
                    "<li><b>À l’Agora itinérante</b>, qui s’installe chaque semaine sur une "
                    "place différente.</li><li><b>Sur papier</b>, avec le questionnaire "
                    "disponible à l’accueil de l’hôtel de ville et à la médiathèque.</li></ul>"
                ),
            },
            {
                "type": "accordion",
                "value": {
                    "title": "Questions fréquentes",
                    "items": [
                        {
                            "title": "Le marché sera-t-il déplacé pendant les travaux ?",
                            "content": (
                                "<p>Les travaux seront faits par moitiés de place : le marché "
                                "restera sur la place, sur une surface réduite. Son "
                                "organisation sera préparée avec les commerçants.</p>"
                            ),
                        },
                        {
                            "title": "Toutes les places de stationnement vont-elles disparaître ?",
                            "content": (
                                "<p>Non. Le nombre de places fait partie des questions "
                                "ouvertes ; les places réservées aux personnes handicapées "
                                "et aux livraisons seront maintenues.</p>"
                            ),
                        },
                        {
                            "title": "Je ne peux pas venir aux ateliers : comment participer ?",
                            "content": (
                                "<p>Vous pouvez participer en ligne, sur papier, ou appeler la "
                                "Mission participation citoyenne au 01 23 45 67 89 : nous "
                                "notons votre avis au téléphone.</p>"
                            ),
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": BIKE_PLAN,
        "title": "Un plan vélo pour Bellecombe",
        "en": {
            "slug": "a-cycling-plan-for-bellecombe",
            "title": "A cycling plan for Bellecombe",
            "summary": (
                "Where is a cycle lane, a bike rack or a safe route to school missing? Before "
                "voting on its cycling plan, the town is gathering your journeys and your "
                "ideas, district by district."
            ),
            "objectives": (
                "<p>One journey in two in Bellecombe-sur-Lauze is under three kilometres, yet "
                "very few are made by bike: routes are patchy and the Lauze bridge is "
                "dangerous at rush hour.</p><p>The cycling plan will set out what is to be "
                "built by 2032: cycle tracks and lanes, bike parking, calmer streets outside "
                "schools.</p>"
            ),
            "contribution_use": (
                "<p>Your journeys and proposals, plotted on a map, will help choose the "
                "priority routes. The transport department will look at every proposal, and "
                "the draft plan will show what was taken up, what was not, and why.</p><p>The "
                "town council will then vote on the plan and its budget.</p>"
            ),
            "rules": RULES_EN,
            "contact": {
                **PARTICIPATION_CONTACT_EN,
                "name": "Transport and Highways Department",
                "role": "Karim Benali, cycling plan project manager",
            },
            "phases": [
                {
                    "title": "Questionnaire and journey map",
                    "description": (
                        "Tell us about your journeys, the dangerous spots and the cycling "
                        "facilities you miss, online or on paper."
                    ),
                },
                {
                    "title": "District workshops",
                    "description": "A workshop in each district to draw the routes.",
                },
                {
                    "title": "Presentation of the draft plan",
                    "description": "A public meeting and answers to the proposals.",
                },
            ],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Cycling in Bellecombe", "level": "h2", "anchor": "cycling"},
                },
                {
                    "type": "key_figures",
                    "value": {
                        "title": "",
                        "figures": [
                            {"value": "14 km", "label": "of cycle routes", "detail": ""},
                            {
                                "value": "3%",
                                "label": "of commutes by bike",
                                "detail": "population census",
                            },
                            {"value": "1 in 2", "label": "journeys under 3 km", "detail": ""},
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The consultation starts with an online questionnaire and a map on "
                        "which everyone can trace their journeys. An introductory webinar opens "
                        "the process; the Vélo Lauze association is also organising rides to "
                        "try out the routes.</p>"
                    ),
                },
            ],
        },
        "image": "centre",
        "summary": (
            "Où manque-t-il une piste cyclable, un arceau, un itinéraire sûr vers l’école ? "
            "Avant de voter son plan vélo, la Ville recueille vos trajets et vos idées, "
            "quartier par quartier."
        ),
        "degree": "consultation",
        "objectives": (
            "<p>Un déplacement sur deux fait moins de trois kilomètres à Bellecombe-sur-Lauze, "
            "mais très peu se font à vélo : les itinéraires sont discontinus et le pont de la "
            "Lauze est dangereux aux heures de pointe.</p><p>Le plan vélo fixera les "
            "aménagements à réaliser d’ici 2032 : pistes et bandes cyclables, "
            "stationnement, zones apaisées devant les écoles.</p>"
        ),
        "contribution_use": (
            "<p>Vos trajets et vos propositions, reportés sur une carte, serviront à choisir "
            "les itinéraires prioritaires. Le service mobilité étudiera chaque proposition et "
            "le projet de plan présentera ce qui a été retenu, ce qui ne l’a pas été, et "
            "pourquoi.</p><p>Le conseil municipal votera ensuite le plan et son budget.</p>"
        ),
        "rules": RULES,
        "guarantor": "",
        "guarantor_contact": "",
        "themes": ["mobilite", "cadre-de-vie"],
        "districts": ["centre-ville", "la-gare", "saint-aubin", "le-port"],
        "contact": {
            **PARTICIPATION_CONTACT,
            "name": MOBILITY,
            "role": "Karim Benali, chef de projet plan vélo",
            "email": "mobilite@bellecombe.example.org",
        },
        "phases": [
            {
                "title": "Questionnaire et carte des trajets",
                "description": (
                    "Indiquez vos trajets, les points dangereux et les aménagements qui vous "
                    "manquent, en ligne ou sur papier."
                ),
                "start": 15,
                "end": 60,
            },
            {
                "title": "Ateliers par quartier",
                "description": "Un atelier dans chaque quartier pour tracer les itinéraires.",
                "start": 61,
                "end": 90,
            },
            {
                "title": "Présentation du projet de plan",
                "description": "Réunion publique et réponses aux propositions.",
                "start": 91,
                "end": 110,
            },
        ],
        "body": [
            {
                "type": "heading",
                "value": {"text": "Le vélo à Bellecombe", "level": "h2", "anchor": "velo"},
            },
            {
                "type": "key_figures",
                "value": {
                    "title": "",
                    "figures": [
                        {"value": "14 km", "label": "d’aménagements cyclables", "detail": ""},
                        {
                            "value": "3 %",
                            "label": "des trajets domicile-travail à vélo",
                            "detail": "recensement de la population",
                        },
                        {"value": "1 sur 2", "label": "trajets de moins de 3 km", "detail": ""},
                    ],
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>La consultation commence par un questionnaire en ligne et une carte où "
                    "chacune et chacun peut tracer ses trajets. Un webinaire de présentation "
                    "ouvre la démarche ; l’association Vélo Lauze propose aussi des balades "
                    "pour tester les itinéraires.</p>"
                ),
            },
        ],
    },
    {
        "slug": PARK,
        "title": "Le parc des Tilleuls de demain",
        "en": {
            "slug": "tomorrows-parc-des-tilleuls",
            "title": "Tomorrow’s parc des Tilleuls",
            "summary": (
                "Paths, playground, lighting, community garden: residents designed the future "
                "of the parc des Tilleuls, then chose it by a vote. Find out what was decided."
            ),
            "objectives": (
                "<p>The parc des Tilleuls, the district’s main green space, had grown tired: "
                "muddy paths, a closed playground, poor lighting. The town invited residents "
                "to design its renovation together, then to choose between three options by "
                "a vote.</p>"
            ),
            "contribution_use": (
                "<p>The option that came top of the vote is being carried out, within the "
                "budget of €850,000. The proposals made at the workshops were used to build "
                "the three options put to the vote.</p>"
            ),
            "rules": RULES_EN,
            "guarantor": "Jean-Paul Ferrand, independent guarantor",
            "contact": {
                **PARTICIPATION_CONTACT_EN,
                "name": "Parks and Green Spaces Department",
                "role": "Municipal technical centre",
                "address": f"Municipal technical centre\n40 route de Saint-Aubin\n{CITY}",
            },
            "phases": [
                {
                    "title": "Walkabout assessment",
                    "description": "Walks through the park to note what works and what does not.",
                },
                {
                    "title": "Design workshops",
                    "description": (
                        "Residents, gardeners and a landscape architect draw three options."
                    ),
                },
                {
                    "title": "Vote on the options",
                    "description": (
                        "Every resident of the district votes for their favourite option."
                    ),
                },
            ],
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "A process in three stages", "level": "h2", "anchor": ""},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>A walkabout assessment, design workshops with the town’s gardeners "
                        "and a landscape architect, then a vote: over eight months, residents "
                        "shaped the plans for their park. The outcome of the consultation and "
                        "the town’s decisions are published in the report on what we heard.</p>"
                    ),
                },
            ],
        },
        "image": "park",
        "summary": (
            "Allées, aire de jeux, éclairage, jardin partagé : les habitants ont dessiné puis "
            "choisi par un vote l’avenir du parc des Tilleuls. Découvrez ce qui a été décidé."
        ),
        "degree": "codecision",
        "objectives": (
            "<p>Le parc des Tilleuls, principal espace vert du quartier, a vieilli : allées "
            "boueuses, aire de jeux fermée, éclairage insuffisant. La Ville a proposé aux "
            "habitants de concevoir ensemble sa rénovation, puis de choisir entre trois "
            "scénarios par un vote.</p>"
        ),
        "contribution_use": (
            "<p>Le scénario arrivé en tête du vote est réalisé, dans la limite du budget de "
            "850 000 euros. Les propositions faites en atelier ont servi à construire les "
            "trois scénarios soumis au vote.</p>"
        ),
        "rules": RULES,
        "guarantor": "Jean-Paul Ferrand, garant indépendant",
        "guarantor_contact": "garant.parc-des-tilleuls@bellecombe.example.org",
        "themes": ["espaces-verts", "cadre-de-vie", "jeunesse"],
        "districts": ["les-tilleuls"],
        "contact": {
            **PARTICIPATION_CONTACT,
            "name": GREEN_SPACES,
            "role": "Centre technique municipal",
            "email": "espaces-verts@bellecombe.example.org",
            "address": f"Centre technique municipal\n40 route de Saint-Aubin\n{CITY}",
        },
        "phases": [
            {
                "title": "Diagnostic en marchant",
                "description": "Balades dans le parc pour relever ce qui va et ce qui ne va pas.",
                "start": -240,
                "end": -181,
            },
            {
                "title": "Ateliers de conception",
                "description": "Habitants, jardiniers et paysagiste dessinent trois scénarios.",
                "start": -180,
                "end": -121,
                "supports": True,
            },
            {
                "title": "Vote sur les scénarios",
                "description": "Chaque habitant du quartier vote pour le scénario qu’il préfère.",
                "start": -120,
                "end": -60,
            },
        ],
        "body": [
            {
                "type": "heading",
                "value": {"text": "Une démarche en trois temps", "level": "h2", "anchor": ""},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Diagnostic en marchant, ateliers de conception avec les jardiniers de "
                    "la Ville et un paysagiste, puis vote : pendant huit mois, les habitants "
                    "ont construit le projet de leur parc. Le bilan de la démarche et les "
                    "décisions de la Ville sont publiés dans la restitution.</p>"
                ),
            },
        ],
        "restitution": {
            "slug": "restitution",
            "title": "Ce que nous avons entendu, ce que nous décidons",
            "en": {
                "slug": "what-we-heard",
                "title": "What we heard, what we decided",
                "summary": (
                    "The outcome of the consultation on the parc des Tilleuls: who took part, "
                    "the town’s decision on each topic, and the timetable for the works."
                ),
                "body": [
                    {
                        "type": "heading",
                        "value": {"text": "What we asked you", "level": "h2", "anchor": "question"},
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "<p>We asked you how to renovate the parc des Tilleuls: which "
                            "paths, which play equipment, what lighting, how much room for "
                            "nature and for meeting people. Your ideas led to three options, "
                            "and the “Garden park” option came top of the vote.</p>"
                        ),
                    },
                    {
                        "type": "participation_figures",
                        "value": {"heading": "Who took part", "show_breakdown": True},
                    },
                    {
                        "type": "survey_results",
                        "value": {
                            "survey": "Le parc des Tilleuls et vous",
                            "heading": "The vote on the three options",
                            "questions": [],
                        },
                    },
                    {
                        "type": "heading",
                        "value": {"text": "Our decisions", "level": "h2", "anchor": "decisions"},
                    },
                    {
                        "type": "decision",
                        "value": {
                            "topic": "The paths",
                            "heard": (
                                "<p>The paths are muddy in winter and hard going with a "
                                "pushchair or a wheelchair. Many of you asked for a direct "
                                "path between the school and the rue des Tilleuls.</p>"
                            ),
                            "decided": (
                                "<p>All the main paths will be resurfaced in stabilised sand, "
                                "and the direct path to the school will be created, along the "
                                "line drawn at the workshop.</p>"
                            ),
                            "why": (
                                "<p>It is the most widely shared request, and stabilised sand "
                                "lets rainwater soak in, unlike tarmac.</p>"
                            ),
                        },
                    },
                    {
                        "type": "decision",
                        "value": {
                            "topic": "The playground",
                            "heard": (
                                "<p>Families want the playground reopened, with equipment for "
                                "older children and shaded benches for parents.</p>"
                            ),
                            "decided": (
                                "<p>A new playground in two parts (under-6s and 6 to 12) will "
                                "be installed near the big lime trees, with equipment that "
                                "disabled children can use.</p>"
                            ),
                            "why": (
                                "<p>The shaded spot under the lime trees was chosen by the "
                                "vote; the accessible equipment meets the town’s charter.</p>"
                            ),
                        },
                    },
                    {
                        "type": "decision",
                        "value": {
                            "topic": "Lighting",
                            "heard": (
                                "<p>Some people no longer cross the park after dark. Others "
                                "worry about lighting that disturbs neighbours and "
                                "wildlife.</p>"
                            ),
                            "decided": (
                                "<p>The path to the school and the central path will be lit by "
                                "low bollards that come on as people pass, until 11 p.m.</p>"
                            ),
                            "why": (
                                "<p>It is the compromise reached at the workshops between "
                                "safety, peace and quiet for neighbours and protecting the "
                                "bats.</p>"
                            ),
                        },
                    },
                    {
                        "type": "decision",
                        "value": {
                            "topic": "A car park next to the park",
                            "heard": (
                                "<p>About thirty contributions asked for the north lawn to be "
                                "turned into a car park for visitors.</p>"
                            ),
                            "decided": (
                                "<p>This proposal has not been taken up. Instead, ten parking "
                                "spaces will be created in the rue du Docteur-Morin, two of "
                                "them for disabled drivers.</p>"
                            ),
                            "why": (
                                "<p>All three options put to the vote kept the lawn, and the "
                                "station car park is a five-minute walk away.</p>"
                            ),
                        },
                    },
                    {
                        "type": "retained_ideas",
                        "value": {"heading": "The ideas we are taking up"},
                    },
                    {
                        "type": "ideas_answers",
                        "value": {"heading": "All your ideas and our answers", "statuses": []},
                    },
                ],
                "timeline": {
                    "title": "What happens next?",
                    "steps": [
                        {"title": "Vote on the options"},
                        {
                            "title": "Public meeting on the outcome",
                            "description": "At the Tilleuls school, with the guarantor.",
                        },
                        {"title": "Budget approved by the town council"},
                        {
                            "title": "Detailed plans and choice of contractors",
                            "description": (
                                "The plans will be presented to the residents’ committee."
                            ),
                        },
                        {
                            "title": "Works: paths and playground",
                            "description": (
                                "The park stays open; only the areas being worked on are closed."
                            ),
                        },
                        {"title": "Opening of the renovated park"},
                    ],
                },
            },
            "summary": (
                "Le bilan de la concertation sur le parc des Tilleuls : la participation, les "
                "décisions de la Ville sur chaque sujet, et le calendrier des travaux."
            ),
            "body": [
                {
                    "type": "heading",
                    "value": {
                        "text": "Ce que nous vous avons demandé",
                        "level": "h2",
                        "anchor": "question",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Nous vous avons demandé comment rénover le parc des Tilleuls : "
                        "quelles allées, quels jeux, quel éclairage, quelle place pour la "
                        "nature et pour les rencontres. Vos idées ont donné trois scénarios, "
                        "et le scénario « Un parc jardin » est arrivé en tête du vote.</p>"
                    ),
                },
                # Figures, the vote and the ideas come from the participation data, frozen
                # when the restitution is published (portal/blocks/restitution_data.py).
                {
                    "type": "participation_figures",
                    "value": {"heading": "Qui a participé", "show_breakdown": True},
                },
                {
                    "type": "survey_results",
                    "value": {
                        "survey": "Le parc des Tilleuls et vous",
                        "heading": "Le vote sur les trois scénarios",
                        "questions": [],
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Nos décisions", "level": "h2", "anchor": "decisions"},
                },
                {
                    "type": "decision",
                    "value": {
                        "topic": "Les allées",
                        "heard": (
                            "<p>Les allées sont boueuses l’hiver et difficiles pour les "
                            "poussettes et les fauteuils roulants. Beaucoup demandent une "
                            "allée directe entre l’école et la rue des Tilleuls.</p>"
                        ),
                        "decided": (
                            "<p>Toutes les allées principales seront refaites en sable "
                            "stabilisé, et l’allée directe vers l’école sera créée, selon le "
                            "tracé dessiné en atelier.</p>"
                        ),
                        "why": (
                            "<p>C’est la demande la plus partagée, et le sable stabilisé "
                            "laisse l’eau s’infiltrer, contrairement à l’enrobé.</p>"
                        ),
                    },
                },
                {
                    "type": "decision",
                    "value": {
                        "topic": "L’aire de jeux",
                        "heard": (
                            "<p>Les familles veulent rouvrir l’aire de jeux, avec des jeux "
                            "pour les plus grands et des bancs à l’ombre pour les parents.</p>"
                        ),
                        "decided": (
                            "<p>Une nouvelle aire de jeux en deux parties (moins de 6 ans, "
                            "6 à 12 ans) sera installée près des grands tilleuls, avec des "
                            "jeux accessibles aux enfants handicapés.</p>"
                        ),
                        "why": (
                            "<p>L’emplacement à l’ombre des tilleuls a été choisi par le "
                            "vote ; les jeux accessibles répondent à la charte de la Ville.</p>"
                        ),
                    },
                },
                {
                    "type": "decision",
                    "value": {
                        "topic": "L’éclairage",
                        "heard": (
                            "<p>Certains ne traversent plus le parc le soir. D’autres "
                            "craignent un éclairage qui gêne les riverains et la faune.</p>"
                        ),
                        "decided": (
                            "<p>L’allée vers l’école et l’allée centrale seront éclairées "
                            "par des bornes basses, qui s’allument au passage jusqu’à "
                            "23 h.</p>"
                        ),
                        "why": (
                            "<p>C’est le compromis trouvé en atelier entre sécurité, "
                            "tranquillité des riverains et protection des chauves-souris.</p>"
                        ),
                    },
                },
                {
                    "type": "decision",
                    "value": {
                        "topic": "Un parking au bord du parc",
                        "heard": (
                            "<p>Une trentaine de contributions demandent de transformer la "
                            "pelouse nord en parking pour les visiteurs.</p>"
                        ),
                        "decided": (
                            "<p>Cette proposition n’est pas retenue. Dix places de "
                            "stationnement seront en revanche créées rue du Docteur-Morin, "
                            "dont deux réservées aux personnes handicapées.</p>"
                        ),
                        "why": (
                            "<p>Les trois scénarios soumis au vote conservaient la pelouse, "
                            "et le parking de la gare est à cinq minutes à pied.</p>"
                        ),
                    },
                },
                {
                    "type": "retained_ideas",
                    "value": {"heading": "Les idées que nous retenons"},
                },
                {
                    "type": "ideas_answers",
                    "value": {"heading": "Toutes vos idées et nos réponses", "statuses": []},
                },
            ],
            "timeline": {
                "title": "Et maintenant ?",
                "steps": [
                    {"days": -60, "title": "Vote sur les scénarios", "done": True},
                    {
                        "days": -40,
                        "title": "Réunion publique de restitution",
                        "description": "À l’école des Tilleuls, avec le garant.",
                        "done": True,
                    },
                    {
                        "days": -20,
                        "title": "Vote du budget par le conseil municipal",
                        "done": True,
                    },
                    {
                        "days": 60,
                        "title": "Plans détaillés et choix des entreprises",
                        "description": "Les plans seront présentés au comité de quartier.",
                    },
                    {
                        "days": 180,
                        "title": "Travaux : allées et aire de jeux",
                        "description": "Le parc reste ouvert, seules les zones en travaux "
                        "sont fermées.",
                    },
                    {"days": 300, "title": "Inauguration du parc rénové"},
                ],
            },
        },
    },
    {
        "slug": SCHOOL_STREETS,
        "title": "Des rues apaisées devant les écoles",
        "en": {
            "slug": "safer-streets-outside-schools",
            "title": "Safer streets outside schools",
            "summary": (
                "Closing the streets outside schools to traffic at drop-off and pick-up times: "
                "the town tried the idea outside two schools and asked families and "
                "neighbours what they thought. The summary is being prepared."
            ),
            "objectives": (
                "<p>Every morning, the streets around the Jean-Zay and Port schools are "
                "clogged with cars. During the trial, the town closed these streets to cars "
                "for a quarter of an hour before and after school, and asked families, "
                "teachers and neighbours for their views.</p>"
            ),
            "contribution_use": (
                "<p>The views gathered, together with traffic counts, will help decide whether "
                "the scheme is kept, changed or extended to other schools.</p>"
            ),
            "rules": RULES_EN,
            "contact": {
                **PARTICIPATION_CONTACT_EN,
                "name": "Transport and Highways Department",
                "role": "",
            },
            "phases": [
                {"title": "Questionnaire for families and neighbours", "description": ""},
                {
                    "title": "Trial outside two schools",
                    "description": "Streets closed at drop-off and pick-up times.",
                },
            ],
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The trial is over. The council’s departments are analysing the "
                        "answers to the questionnaire and the traffic counts; the summary and "
                        "the town’s decisions will be published here.</p>"
                    ),
                }
            ],
        },
        "image": "workshop",
        "summary": (
            "Fermer à la circulation, aux heures d’entrée et de sortie, les rues devant les "
            "écoles : la Ville a testé l’idée devant deux écoles et recueilli l’avis des "
            "familles et des riverains. La synthèse est en préparation."
        ),
        "degree": "consultation",
        "objectives": (
            "<p>Chaque matin, les abords des écoles Jean-Zay et du Port sont encombrés de "
            "voitures. La Ville a fermé ces rues aux voitures un quart d’heure avant et après "
            "la classe pendant l’expérimentation, et a demandé leur avis aux familles, aux "
            "enseignants et aux riverains.</p>"
        ),
        "contribution_use": (
            "<p>Les avis recueillis, avec les comptages de circulation, permettront de décider "
            "si le dispositif est maintenu, modifié ou étendu à d’autres écoles.</p>"
        ),
        "rules": RULES,
        "guarantor": "",
        "guarantor_contact": "",
        "themes": ["mobilite", "jeunesse"],
        "districts": ["le-port", "centre-ville"],
        "contact": {
            **PARTICIPATION_CONTACT,
            "name": MOBILITY,
            "role": "",
            "email": "mobilite@bellecombe.example.org",
        },
        "phases": [
            {
                "title": "Questionnaire aux familles et aux riverains",
                "description": "",
                "start": -130,
                "end": -90,
            },
            {
                "title": "Expérimentation devant deux écoles",
                "description": "Fermeture des rues aux heures d’entrée et de sortie.",
                "start": -89,
                "end": -30,
            },
        ],
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>L’expérimentation est terminée. Les services analysent les réponses au "
                    "questionnaire et les comptages ; la synthèse et les décisions de la "
                    "Ville seront publiées ici.</p>"
                ),
            }
        ],
    },
]

AGENDA = {
    "slug": "agenda",
    "title": "Agenda",
    "summary": (
        "Ateliers, réunions publiques, balades urbaines, permanences : tous les rendez-vous "
        "pour participer à la vie de Bellecombe-sur-Lauze, en personne ou en ligne."
    ),
    "en": {
        "slug": "whats-on",
        "title": "What’s on",
        "summary": (
            "Workshops, public meetings, town walks, drop-in sessions: every event where you "
            "can play a part in the life of Bellecombe-sur-Lauze, in person or online."
        ),
    },
}

# Places, a few hundred metres apart around the place du Marché: (name, address, lat, lng).
TOWN_HALL = (
    "Hôtel de ville, salle du conseil",
    f"1 place de la Mairie, {CITY}",
    "47.390900",
    "0.687300",
)
ASSOCIATIONS_HOUSE = (
    "Maison des associations",
    f"12 rue des Tanneurs, {CITY}",
    "47.389300",
    "0.686100",
)
LIBRARY = ("Médiathèque de la Lauze", f"3 quai de la Lauze, {CITY}", "47.391800", "0.689600")
# The places' names on the English pages (addresses stay as they are).
TOWN_HALL_EN = "Town hall, council chamber"
ASSOCIATIONS_HOUSE_EN = "Maison des associations (community centre)"
LIBRARY_EN = "Médiathèque de la Lauze (library)"
TILLEULS_SCHOOL_EN = "Tilleuls school, covered playground"

EVENTS = [
    {
        "slug": "reunion-publique-place-du-marche",
        "en": {
            "slug": "public-meeting-place-du-marche",
            "title": "Public meeting: launch of the consultation on the place du Marché",
            "summary": (
                "The mayor and the project team present the process, what has been decided "
                "and what is still open, then answer your questions."
            ),
            "place_name": TOWN_HALL_EN,
            "accessibility_notes": (
                "French Sign Language interpreting. The room is on the ground floor."
            ),
        },
        "title": "Réunion publique : lancement de la concertation sur la place du Marché",
        "summary": (
            "Le maire et l’équipe du projet présentent la démarche, ce qui est décidé et ce "
            "qui reste ouvert, puis répondent à vos questions."
        ),
        "day": -18,
        "start": "18:30",
        "end": "20:30",
        "place": TOWN_HALL,
        "access": ["step_free_access", "sign_language", "induction_loop"],
        "accessibility_notes": (
            "Interprétation en langue des signes française. Salle au rez-de-chaussée."
        ),
        "organiser": PARTICIPATION,
        "consultation": SQUARE,
        "themes": ["commerce-centre-ville", "cadre-de-vie"],
        "districts": ["centre-ville"],
        "image": "square",
    },
    {
        "slug": "permanence-participation-mediatheque",
        "en": {
            "slug": "participation-drop-in-library",
            "title": "Citizen Participation Team drop-in at the library",
            "summary": (
                "A question about a consultation, or need help taking part online? The "
                "Citizen Participation Team is there for you, no appointment needed."
            ),
            "place_name": LIBRARY_EN,
            "accessibility_notes": "Computers with screen magnifier and screen reader available.",
        },
        "title": "Permanence de la Mission participation à la médiathèque",
        "summary": (
            "Une question sur une concertation, besoin d’aide pour participer en ligne ? "
            "L’équipe de la Mission participation vous accueille, sans rendez-vous."
        ),
        "day": 3,
        "start": "14:00",
        "end": "17:00",
        "place": LIBRARY,
        "access": ["step_free_access", "induction_loop"],
        "accessibility_notes": "Ordinateurs avec loupe et synthèse vocale à disposition.",
        "organiser": PARTICIPATION,
        "themes": ["solidarites"],
        "districts": ["centre-ville"],
    },
    {
        "slug": "balade-berges-du-port",
        "en": {
            "slug": "walk-port-riverbanks",
            "title": "Town walk: the riverbanks at Le Port",
            "summary": (
                "From the harbour office to the old lock, a guided walk with local residents "
                "to imagine the future of the banks of the Lauze."
            ),
            "place_name": "Harbour office, Le Port",
            "state_note": (
                "Cancelled: the Lauze is in flood and the riverbanks are closed. The walk will "
                "be rescheduled as soon as they reopen."
            ),
        },
        "title": "Balade urbaine : les berges du Port",
        "summary": (
            "De la capitainerie à l’ancienne écluse, une balade commentée pour imaginer "
            "l’avenir des berges de la Lauze avec les habitants du quartier."
        ),
        "day": 4,
        "start": "17:30",
        "end": "19:30",
        "place": ("Capitainerie du Port", f"quai du Port, {CITY}", "47.388700", "0.696100"),
        "organiser": PORT_FRIENDS,
        "themes": ["cadre-de-vie", "espaces-verts"],
        "districts": ["le-port"],
        "state": "cancelled",
        "state_note": (
            "Annulée : la crue de la Lauze rend les berges inaccessibles. La balade sera "
            "reprogrammée dès leur réouverture."
        ),
    },
    {
        "slug": "atelier-dessinons-la-place-du-marche",
        "en": {
            "slug": "workshop-design-the-place-du-marche",
            "title": "Neighbourhood workshop: let’s design the place du Marché",
            "summary": (
                "Around a large plan of the square, let’s work out together where the shade, "
                "benches, play areas, market and parking should go."
            ),
            "place_name": ASSOCIATIONS_HOUSE_EN,
            "accessibility_notes": (
                "Ground-floor room. Free childcare on site: let us know on 01 23 45 67 89."
            ),
        },
        "title": "Atelier de quartier : dessinons la place du Marché",
        "summary": (
            "Autour d’un grand plan de la place, imaginons ensemble où mettre l’ombre, les "
            "bancs, les jeux, le marché et le stationnement."
        ),
        "day": 6,
        "start": "18:30",
        "end": "21:00",
        "place": ASSOCIATIONS_HOUSE,
        "access": ["step_free_access"],
        "accessibility_notes": (
            "Salle au rez-de-chaussée. Garde d’enfants gratuite sur place : signalez-le au "
            "01 23 45 67 89."
        ),
        "organiser": PARTICIPATION,
        "consultation": SQUARE,
        "themes": ["commerce-centre-ville", "cadre-de-vie"],
        "districts": ["centre-ville"],
        "image": "workshop",
    },
    {
        "slug": "atelier-autoreparation-velo",
        "en": {
            "slug": "bike-repair-workshop",
            "title": "Do-it-yourself bike repair workshop",
            "summary": (
                "Punctures, brakes, gears: volunteers show you how to look after your own "
                "bike. Booking required, eight people per session."
            ),
            "place_name": "Vélo Lauze workshop",
        },
        "title": "Atelier d’autoréparation de vélos",
        "summary": (
            "Crevaison, freins, dérailleur : des bénévoles vous apprennent à entretenir vous-"
            "même votre vélo. Sur inscription, huit personnes par séance."
        ),
        "day": 11,
        "start": "14:00",
        "end": "17:00",
        "place": ("Atelier Vélo Lauze", f"27 avenue de la Gare, {CITY}", "47.392900", "0.685000"),
        "access": ["step_free_access"],
        "organiser": BIKE_CLUB,
        "free_entry": False,
        "registration_url": "https://velo-lauze.example.org/inscription-atelier",
        "themes": ["mobilite"],
        "districts": ["la-gare"],
    },
    {
        "slug": "deambulation-place-du-marche",
        "en": {
            "slug": "walk-with-councillors-place-du-marche",
            "title": "A walk with councillors around the place du Marché",
            "summary": (
                "An hour and a half’s walk with the deputy mayor for planning and the "
                "project’s landscape architect, to look at the square and its surroundings "
                "and share your comments."
            ),
            "place_name": "Fountain on the place du Marché",
            "accessibility_notes": (
                "A route of about 1.5 km on pavements, with no steps and with seated breaks."
            ),
        },
        "title": "Déambulation avec les élus autour de la place du Marché",
        "summary": (
            "Une balade d’une heure et demie avec l’adjointe à l’urbanisme et le paysagiste "
            "du projet, pour observer la place et ses abords et partager vos remarques."
        ),
        "day": 13,
        "start": "10:00",
        "end": "12:00",
        "place": (
            "Fontaine de la place du Marché",
            f"place du Marché, {CITY}",
            "47.390120",
            "0.688450",
        ),
        "access": ["step_free_access"],
        "accessibility_notes": (
            "Parcours d’environ 1,5 km sur trottoirs, sans escalier, avec des pauses assises."
        ),
        "organiser": PARTICIPATION,
        "consultation": SQUARE,
        "themes": ["commerce-centre-ville", "cadre-de-vie"],
        "districts": ["centre-ville"],
    },
    {
        "slug": "webinaire-plan-velo",
        "en": {
            "slug": "cycling-plan-webinar",
            "title": "Webinar: introducing the cycling plan",
            "summary": (
                "One hour, online: why a cycling plan, how to take part, and your questions "
                "answered live by the project team."
            ),
            "accessibility_notes": "Live captions and French Sign Language interpreting.",
        },
        "title": "Webinaire : présentation du plan vélo",
        "summary": (
            "En une heure, en ligne : pourquoi un plan vélo, comment participer, et vos "
            "questions en direct à l’équipe du projet."
        ),
        "day": 16,
        "start": "18:30",
        "end": "19:30",
        "online_url": "https://visio.bellecombe.example.org/plan-velo",
        "access": ["sign_language"],
        "accessibility_notes": "Sous-titrage en direct et interprétation en langue des signes.",
        "organiser": MOBILITY,
        "consultation": BIKE_PLAN,
        "themes": ["mobilite"],
        "districts": [],
    },
    {
        "slug": "chantier-haie-parc-des-tilleuls",
        "en": {
            "slug": "hedge-planting-parc-des-tilleuls",
            "title": "Community planting day: the parc des Tilleuls hedge",
            "summary": (
                "With the town’s gardeners, let’s plant the 300 shrubs of the park’s new "
                "hedge together, as decided at the end of the consultation."
            ),
            "place_name": "Parc des Tilleuls, main entrance",
            "accessibility_notes": "Gloves and tools provided. Please wear closed shoes.",
            "state_note": (
                "Postponed: the nursery has not yet delivered the shrubs. The new date will be "
                "announced on this page."
            ),
        },
        "title": "Chantier participatif : plantons la haie du parc des Tilleuls",
        "summary": (
            "Avec les jardiniers de la Ville, plantons ensemble les 300 arbustes de la "
            "nouvelle haie du parc, comme décidé à l’issue de la concertation."
        ),
        "day": 24,
        "start": "09:30",
        "end": "12:30",
        "place": (
            "Parc des Tilleuls, entrée principale",
            f"rue du Docteur-Morin, {CITY}",
            "47.386200",
            "0.693500",
        ),
        "accessibility_notes": "Gants et outils fournis. Prévoir des chaussures fermées.",
        "organiser": TILLEULS_COMMITTEE,
        "consultation": PARK,
        "themes": ["espaces-verts"],
        "districts": ["les-tilleuls"],
        "state": "postponed",
        "state_note": (
            "Reporté : la pépinière n’a pas encore livré les arbustes. La nouvelle date sera "
            "annoncée sur cette page."
        ),
        "image": "park",
    },
    {
        "slug": "forum-des-associations",
        "en": {
            "slug": "voluntary-groups-fair",
            "title": "Voluntary groups fair",
            "summary": (
                "Sport, culture, community support, the environment: more than eighty of "
                "Bellecombe’s associations present their activities all day long."
            ),
            "place_name": "Halle Saint-Aubin (market hall)",
            "accessibility_notes": "A quiet area and seating at the entrance of the hall.",
        },
        "title": "Forum des associations",
        "summary": (
            "Sport, culture, solidarité, environnement : plus de quatre-vingts associations "
            "de Bellecombe présentent leurs activités toute la journée."
        ),
        "day": 27,
        "all_day": True,
        "place": ("Halle Saint-Aubin", f"5 rue Saint-Aubin, {CITY}", "47.395300", "0.691200"),
        "access": ["step_free_access", "induction_loop"],
        "accessibility_notes": "Espace calme et sièges à l’entrée de la halle.",
        "organiser": PARTICIPATION,
        "themes": ["vie-associative", "solidarites", "jeunesse"],
        "districts": ["saint-aubin"],
    },
    {
        "slug": "conseil-municipal-des-jeunes",
        "en": {
            "slug": "youth-council-public-meeting",
            "title": "Public meeting of the youth council",
            "summary": (
                "The twenty-four young councillors present this year’s projects: a skate "
                "park, a music festival by secondary-school pupils and book-swap boxes."
            ),
            "place_name": TOWN_HALL_EN,
        },
        "title": "Séance publique du conseil municipal des jeunes",
        "summary": (
            "Les vingt-quatre jeunes élus présentent leurs projets de l’année : un skatepark, "
            "une fête de la musique des collégiens et des boîtes à livres."
        ),
        "day": 34,
        "start": "17:30",
        "end": "19:00",
        "place": TOWN_HALL,
        "access": ["step_free_access", "induction_loop"],
        "organiser": PARTICIPATION,
        "themes": ["jeunesse"],
        "districts": ["centre-ville"],
    },
    {
        "slug": "petit-dejeuner-commercants",
        "en": {
            "slug": "town-centre-traders-breakfast",
            "title": "Town centre traders’ breakfast",
            "summary": (
                "A chance for shopkeepers, the town centre manager and councillors to talk "
                "about events in the town centre and how to draw people in."
            ),
            "place_name": "Café de la Halle",
        },
        "title": "Petit-déjeuner des commerçants du centre-ville",
        "summary": (
            "Un moment d’échange entre les commerçants, le manager de centre-ville et les "
            "élus sur l’animation et l’attractivité du centre."
        ),
        "day": 41,
        "start": "08:00",
        "end": "09:30",
        "place": ("Café de la Halle", f"2 place du Marché, {CITY}", "47.390300", "0.688900"),
        "organiser": PARTICIPATION,
        "themes": ["commerce-centre-ville"],
        "districts": ["centre-ville"],
    },
    {
        "slug": "restitution-parc-des-tilleuls",
        "en": {
            "slug": "public-meeting-future-of-the-parc-des-tilleuls",
            "title": "Public meeting: the future of the parc des Tilleuls",
            "summary": (
                "The result of the vote, the town’s decisions and the timetable for the works, "
                "presented with the consultation’s guarantor."
            ),
            "place_name": TILLEULS_SCHOOL_EN,
        },
        "title": "Réunion publique : ce que devient le parc des Tilleuls",
        "summary": (
            "Le résultat du vote, les décisions de la Ville et le calendrier des travaux, "
            "présentés avec le garant de la concertation."
        ),
        "day": -40,
        "start": "18:30",
        "end": "20:30",
        "place": (
            "École des Tilleuls, préau",
            f"8 allée des Tilleuls, {CITY}",
            "47.386500",
            "0.691900",
        ),
        "access": ["step_free_access", "sign_language"],
        "organiser": GREEN_SPACES,
        "consultation": PARK,
        "themes": ["espaces-verts"],
        "districts": ["les-tilleuls"],
    },
    {
        "slug": "atelier-conception-parc-des-tilleuls",
        "en": {
            "slug": "design-workshop-parc-des-tilleuls",
            "title": "Design workshop for the parc des Tilleuls",
            "summary": (
                "With the town’s gardeners and a landscape architect, let’s draw the paths, "
                "the playground and the community garden of the future park."
            ),
            "place_name": TILLEULS_SCHOOL_EN,
        },
        "title": "Atelier de conception du parc des Tilleuls",
        "summary": (
            "Avec les jardiniers de la Ville et une paysagiste, dessinons les allées, l’aire "
            "de jeux et le jardin partagé du futur parc."
        ),
        "day": -150,
        "start": "14:00",
        "end": "17:00",
        "place": (
            "École des Tilleuls, préau",
            f"8 allée des Tilleuls, {CITY}",
            "47.386500",
            "0.691900",
        ),
        "access": ["step_free_access"],
        "organiser": GREEN_SPACES,
        "consultation": PARK,
        "themes": ["espaces-verts"],
        "districts": ["les-tilleuls"],
    },
    {
        "slug": "reunion-rues-aux-ecoles",
        "en": {
            "slug": "public-meeting-safer-streets-outside-schools",
            "title": "Public meeting: safer streets outside schools",
            "summary": (
                "A presentation of the trial outside the Jean-Zay and Port schools, and a "
                "discussion with families and neighbours."
            ),
            "place_name": "Jean-Zay school, dining hall",
        },
        "title": "Réunion publique : des rues apaisées devant les écoles",
        "summary": (
            "Présentation de l’expérimentation devant les écoles Jean-Zay et du Port, et "
            "échanges avec les familles et les riverains."
        ),
        "day": -120,
        "start": "18:30",
        "end": "20:00",
        "place": (
            "Groupe scolaire Jean-Zay, réfectoire",
            f"4 rue des Écoles, {CITY}",
            "47.392300",
            "0.690800",
        ),
        "access": ["step_free_access"],
        "organiser": MOBILITY,
        "consultation": SCHOOL_STREETS,
        "themes": ["mobilite", "jeunesse"],
        "districts": ["centre-ville"],
    },
]

TOUR = {
    "slug": "agora-itinerante",
    "title": "L’Agora itinérante",
    "en": {
        "slug": "travelling-agora",
        "title": "The Travelling Agora",
        "summary": (
            "A wooden agora sets up in a different square every week. Come and give your views "
            "on the place du Marché, put your questions to councillors or simply chat with your "
            "neighbours."
        ),
        "body": [
            {
                "type": "heading",
                "value": {"text": "An agora near you", "level": "h2", "anchor": ""},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Wooden benches, a big map of the town, coffee and members of the "
                    "Citizen Participation Team: while the consultation on the place du Marché "
                    "is open, the Travelling Agora goes out to meet people who do not come to "
                    "meetings. Every view gathered there counts as much as one given "
                    "online.</p>"
                ),
            },
        ],
        # The stops, in the order of "stops".
        "stops": [
            {
                "slug": "place-saint-aubin",
                "title": "The Travelling Agora on the place Saint-Aubin",
                "summary": "The Agora’s first stop, outside the Saint-Aubin market hall.",
                "place_name": "Place Saint-Aubin, outside the market hall",
            },
            {
                "slug": "place-de-la-gare",
                "title": "The Travelling Agora on the place de la Gare",
                "summary": "In the late afternoon, on the station forecourt.",
                "place_name": "Station forecourt",
            },
            {
                "slug": "square-des-tilleuls",
                "title": "The Travelling Agora in the square des Tilleuls",
                "summary": "In the heart of Les Tilleuls, with the residents’ committee.",
                "place_name": "Square des Tilleuls",
            },
            {
                "slug": "quai-du-port",
                "title": "The Travelling Agora on the quai du Port",
                "summary": "On the banks of the Lauze, next to the harbour office.",
                "place_name": "Banks of the Lauze, near the harbour office",
            },
            {
                "slug": "place-du-marche",
                "title": "The Travelling Agora on the place du Marché",
                "summary": "The last stop, on the place du Marché itself.",
                "place_name": "Corn exchange (Halle aux grains)",
            },
        ],
        "stop_defaults": {
            "accessibility_notes": "Benches with backrests and spaces for wheelchairs.",
        },
    },
    "image": "workshop",
    "summary": (
        "Une agora en bois s’installe chaque semaine sur une place différente. Venez y donner "
        "votre avis sur la place du Marché, interroger les élus ou simplement discuter avec "
        "vos voisins."
    ),
    "body": [
        {
            "type": "heading",
            "value": {"text": "Une agora près de chez vous", "level": "h2", "anchor": ""},
        },
        {
            "type": "paragraph",
            "value": (
                "<p>Des gradins en bois, un grand plan de la ville, du café et une équipe de "
                "la Mission participation : pendant la consultation sur la place du Marché, "
                "l’Agora itinérante va à la rencontre de celles et ceux qui ne viennent pas "
                "aux réunions. Chaque avis recueilli compte autant qu’une contribution en "
                "ligne.</p>"
            ),
        },
    ],
    "stops": [
        {
            "slug": "place-saint-aubin",
            "title": "L’Agora itinérante place Saint-Aubin",
            "summary": "Première étape de l’Agora, devant la halle Saint-Aubin.",
            "day": -6,
            "start": "10:00",
            "end": "13:00",
            "place": (
                "Place Saint-Aubin, devant la halle",
                f"rue Saint-Aubin, {CITY}",
                "47.394870",
                "0.691960",
            ),
            "districts": ["saint-aubin"],
        },
        {
            "slug": "place-de-la-gare",
            "title": "L’Agora itinérante place de la Gare",
            "summary": "En fin d’après-midi, sur le parvis de la gare.",
            "day": 1,
            "start": "16:30",
            "end": "19:30",
            "place": ("Parvis de la gare", f"avenue de la Gare, {CITY}", "47.393560", "0.684210"),
            "districts": ["la-gare"],
        },
        {
            "slug": "square-des-tilleuls",
            "title": "L’Agora itinérante au square des Tilleuls",
            "summary": "Au cœur du quartier des Tilleuls, avec le comité de quartier.",
            "day": 8,
            "start": "10:00",
            "end": "13:00",
            "place": (
                "Square des Tilleuls",
                f"allée des Tilleuls, {CITY}",
                "47.386840",
                "0.692730",
            ),
            "districts": ["les-tilleuls"],
        },
        {
            "slug": "quai-du-port",
            "title": "L’Agora itinérante sur le quai du Port",
            "summary": "Au bord de la Lauze, à côté de la capitainerie.",
            "day": 15,
            "start": "16:30",
            "end": "19:30",
            "place": (
                "Bord de la Lauze, près de la capitainerie",
                f"quai du Port, {CITY}",
                "47.388950",
                "0.695480",
            ),
            "districts": ["le-port"],
        },
        {
            "slug": "place-du-marche",
            "title": "L’Agora itinérante place du Marché",
            "summary": "Dernière étape, sur la place du Marché elle-même.",
            "day": 22,
            "start": "09:00",
            "end": "13:00",
            "place": (
                "Halle aux grains",
                f"place du Marché, {CITY}",
                "47.390120",
                "0.688450",
            ),
            "districts": ["centre-ville"],
        },
    ],
    # What every stop shares.
    "stop_defaults": {
        "access": ["step_free_access"],
        "accessibility_notes": "Gradins avec dossiers et places pour fauteuils roulants.",
        "organiser": PARTICIPATION,
        "consultation": SQUARE,
        "themes": ["commerce-centre-ville", "cadre-de-vie"],
    },
}

# An interpellation on the open consultation, with Grenoble's thresholds.
PETITION = {
    "consultation": "reamenagement-place-du-marche",
    "title": "Des fontaines à eau potable sur la place du Marché",
    "text": (
        "Nous demandons l’installation de deux fontaines à eau potable sur la place du Marché, "
        "accessibles aux personnes en fauteuil roulant, avant l’été prochain. Les jours de "
        "marché et pendant les fortes chaleurs, il n’y a aujourd’hui aucun point d’eau gratuit "
        "dans le centre-ville."
    ),
    "thresholds": [
        (50, "Médiation", "Les élus reçoivent les signataires pour une médiation publique."),
        (
            1000,
            "Atelier citoyen",
            "Un atelier de citoyens tirés au sort étudie la demande et rend un avis public.",
        ),
        (8000, "Votation", "La question est soumise au vote des habitantes et des habitants."),
    ],
    # Thresholds as (label, consequence), in the order of "thresholds".
    "en": {
        "title": "Drinking-water fountains on the place du Marché",
        "text": (
            "We ask for two drinking-water fountains to be installed on the place du Marché, "
            "usable by wheelchair users, before next summer. On market days and in hot weather, "
            "there is currently no free water point anywhere in the town centre."
        ),
        "thresholds": [
            ("Mediation", "Councillors meet the signatories for a public mediation."),
            (
                "Citizens’ workshop",
                "A workshop of residents chosen by lot examines the request and gives a public "
                "opinion.",
            ),
            ("Local vote", "The question is put to a vote of the town’s residents."),
        ],
    },
}

# The idea box of the open consultation, and ideas at every step of the workflow. "status" is
# where the demo leaves each idea; "supports" how many demo residents support it.
IDEA_BOX = {
    "consultation": SQUARE,
    "title": "Vos idées pour la place du Marché",
    "introduction": (
        "Ombre, jeux, bancs, stationnement, jours de marché : proposez ce qui rendrait la place "
        "plus agréable. Chaque idée est lue par l’équipe participation avant d’être publiée, "
        "puis étudiée avec le bureau d’études. La Ville répond à chacune."
    ),
    "themes": ["commerce-centre-ville", "cadre-de-vie", "espaces-verts"],
    "districts": ["centre-ville", "le-port"],
    "extra_fields": [
        {
            "kind": "choice",
            "label": "Pour quels moments ?",
            "choices": "Les jours de marché\nTous les jours\nLes soirs et les week-ends",
            "required": False,
        },
    ],
    # Extra fields in the order of "extra_fields", their choices in the same order.
    "en": {
        "title": "Your ideas for the place du Marché",
        "introduction": (
            "Shade, play, benches, parking, market days: suggest what would make the square "
            "more pleasant. Every idea is read by the participation team before it is "
            "published, then studied with the design consultants. The town answers each one."
        ),
        "extra_fields": [
            {
                "label": "For which times?",
                "help_text": "",
                "choices": "Market days\nEvery day\nEvenings and weekends",
            },
        ],
    },
}

# Every idea of the box, on a page of its own.
IDEA_LIST_PAGE = {
    "slug": "idees-place-du-marche",
    "title": "Les idées pour la place du Marché",
    "summary": (
        "Toutes les idées publiées pour la place du Marché, avec la réponse de la Ville "
        "quand elle est donnée. Filtrez par thème, quartier ou état."
    ),
    "en": {
        "slug": "ideas-place-du-marche",
        "title": "Ideas for the place du Marché",
        "summary": (
            "Every idea published for the place du Marché, with the town’s answer once it has "
            "been given. Filter by topic, district or status."
        ),
    },
}

IDEAS = [
    {
        "title": "Planter des arbres à grand développement côté mairie",
        "point": ("47.390600", "0.689300"),
        "place": "Place du Marché, côté mairie",
        "description": (
            "Le côté mairie est en plein soleil tout l’après-midi. Des platanes ou des tilleuls "
            "en pleine terre donneraient de l’ombre aux terrasses et aux stands du marché."
        ),
        "theme": "espaces-verts",
        "district": "centre-ville",
        "author": "Jeanne D.",
        "status": "retained",
        "answer": (
            "Retenu : le projet prévoit douze arbres en pleine terre le long de la mairie. Le "
            "bureau d’études vérifie les réseaux souterrains avant de fixer les emplacements."
        ),
        "supports": 9,
    },
    {
        "title": "Une fontaine à eau potable près des jeux",
        "point": ("47.389900", "0.690100"),
        "place": "Place du Marché, près de l’aire de jeux",
        "description": (
            "Les jours de chaleur, les familles n’ont aucun point d’eau. Une fontaine accessible "
            "en fauteuil roulant, près des jeux, serait utile à tout le monde."
        ),
        "theme": "cadre-de-vie",
        "district": "centre-ville",
        "author": "",
        "status": "under_study",
        "answer": "",
        "supports": 7,
    },
    {
        "title": "Garder le parking du samedi matin",
        "point": ("47.390200", "0.688700"),
        "description": (
            "Les clients du marché qui viennent des villages ont besoin de se garer près des "
            "stands, au moins le samedi matin."
        ),
        "theme": "commerce-centre-ville",
        "district": "centre-ville",
        "author": "Marc",
        "status": "not_retained",
        "reason": (
            "Le parking relais de la gare, à quatre minutes à pied, sera gratuit le samedi "
            "matin avec une navette ; la place est rendue aux piétons pendant le marché."
        ),
        "answer": "",
        "supports": 4,
    },
    {
        "title": "Des bancs avec dossier et accoudoirs",
        "point": ("47.390400", "0.689600"),
        "description": (
            "Pour les personnes âgées, un banc sans dossier ne sert à rien. Il en faudrait tous "
            "les trente mètres, à l’ombre."
        ),
        "theme": "cadre-de-vie",
        "district": "centre-ville",
        "author": "Association Bien vieillir à Bellecombe",
        "status": "published",
        "answer": "",
        "supports": 6,
    },
    {
        "title": "Un abri pour les vélos cargo",
        "point": ("47.388600", "0.696500"),
        "description": (
            "Les parents qui viennent au marché en vélo cargo ne trouvent aucun arceau assez "
            "grand. Un abri couvert près de la rue du Port suffirait."
        ),
        "theme": "commerce-centre-ville",
        "district": "le-port",
        "author": "Léa",
        "status": "published",
        "answer": "",
        "supports": 3,
    },
    {
        "title": "Un grand tableau pour les petites annonces du quartier",
        "description": "Un panneau en bois où chacun pourrait afficher fêtes, trocs et services.",
        "theme": "cadre-de-vie",
        "district": "centre-ville",
        "author": "",
        "status": "published",
        "paper": "atelier-dessinons-la-place-du-marche",
        "answer": "",
        "supports": 0,
    },
    {
        "title": "Des jeux d’eau au sol pour l’été",
        "description": (
            "Des jets d’eau qui sortent du sol, éteints les jours de marché, pour rafraîchir la "
            "place et amuser les enfants."
        ),
        "theme": "espaces-verts",
        "district": "centre-ville",
        "author": "Samir",
        "status": "submitted",
        "answer": "",
        "supports": 0,
    },
    {
        "title": "Fermer la place aux voitures le dimanche",
        "description": "Une place piétonne chaque dimanche, avec des animations.",
        "theme": "cadre-de-vie",
        "district": "centre-ville",
        "author": "",
        "status": "submitted",
        "answer": "",
        "supports": 0,
    },
]

# A survey of the open consultation, answered by the demo residents.
SURVEY = {
    "consultation": SQUARE,
    "title": "Comment vivez-vous la place du Marché ?",
    "introduction": "Cinq questions, trois minutes. Vos réponses guident le bureau d’études.",
    "thank_you": "Merci ! Vos réponses seront publiées, sans votre nom, dans la synthèse.",
    "questions": [
        {
            "kind": "single_choice",
            "label": "À quelle fréquence venez-vous sur la place ?",
            "choices": "Tous les jours\nChaque semaine\nQuelques fois par mois\nRarement",
        },
        {
            "kind": "multiple_choice",
            "label": "Qu’y faites-vous ?",
            "choices": "Le marché\nLes terrasses\nJe la traverse\nJe m’y promène avec des enfants",
            "allow_other": True,
        },
        {
            "kind": "scale",
            "label": "Êtes-vous satisfait de la place aujourd’hui ?",
            "help_text": "1 : pas du tout, 5 : tout à fait.",
        },
        {"kind": "district", "label": "Dans quel quartier habitez-vous ?", "required": False},
        {
            "kind": "long_text",
            "label": "Que changeriez-vous en premier ?",
            "required": False,
        },
    ],
    # Questions in the order of "questions", their choices in the same order.
    "en": {
        "title": "How do you use the place du Marché?",
        "introduction": "Five questions, three minutes. Your answers guide the design consultants.",
        "thank_you": (
            "Thank you! Your answers will be published, without your name, in the summary."
        ),
        "questions": [
            {
                "label": "How often do you come to the square?",
                "help_text": "",
                "choices": "Every day\nEvery week\nA few times a month\nRarely",
            },
            {
                "label": "What do you do there?",
                "help_text": "",
                "choices": (
                    "The market\nThe café terraces\nI walk across it\nI go there with children"
                ),
            },
            {
                "label": "How satisfied are you with the square today?",
                "help_text": "1: not at all, 5: completely.",
                "choices": "",
            },
            {"label": "Which district do you live in?", "help_text": "", "choices": ""},
            {"label": "What would you change first?", "help_text": "", "choices": ""},
        ],
    },
}


# The park's closed consultation: its ideas, answered, and the vote, for its restitution.
PARK_IDEA_BOX = {
    "consultation": PARK,
    "title": "Vos idées pour le parc des Tilleuls",
    "introduction": (
        "Allées, jeux, éclairage, nature : proposez ce qui ferait du parc des Tilleuls le parc "
        "de tout le quartier. Vos idées nourrissent les ateliers de conception."
    ),
    "themes": ["espaces-verts", "cadre-de-vie", "jeunesse"],
    "districts": ["les-tilleuls"],
    "opens": -180,
    "closes": -121,
    "extra_fields": [],
    "en": {
        "title": "Your ideas for the parc des Tilleuls",
        "introduction": (
            "Paths, play, lighting, nature: suggest what would make the parc des Tilleuls a "
            "park for the whole district. Your ideas feed into the design workshops."
        ),
        "extra_fields": [],
    },
}

PARK_IDEAS = [
    {
        "title": "Des allées praticables en fauteuil et en poussette",
        "description": (
            "L’hiver, les allées sont des flaques de boue. Avec un fauteuil ou une poussette, "
            "on fait le tour par la rue."
        ),
        "theme": "cadre-de-vie",
        "district": "les-tilleuls",
        "author": "Martine L.",
        "status": "retained",
        "answer": (
            "Retenu : toutes les allées principales seront refaites en sable stabilisé, sans "
            "marche ni ressaut, et l’allée directe entre l’école et la rue des Tilleuls sera "
            "créée."
        ),
        "supports": 11,
    },
    {
        "title": "Rouvrir l’aire de jeux, avec des jeux pour les 8-12 ans",
        "description": (
            "L’aire de jeux est fermée depuis deux ans. Les grands n’ont rien : une tyrolienne "
            "ou un mur d’escalade leur donnerait une raison de venir."
        ),
        "theme": "jeunesse",
        "district": "les-tilleuls",
        "author": "Yanis B.",
        "status": "realised",
        "answer": (
            "Réalisé : une aire de jeux provisoire a rouvert en juin avec une tyrolienne. "
            "La nouvelle aire, en deux parties, sera installée pendant les travaux."
        ),
        "supports": 12,
    },
    {
        "title": "Un jardin partagé près de l’école",
        "description": (
            "Un coin de potager que les classes et les habitants cultiveraient ensemble, avec "
            "un récupérateur d’eau de pluie."
        ),
        "theme": "espaces-verts",
        "district": "les-tilleuls",
        "author": "Sophie R.",
        "status": "retained",
        "answer": (
            "Retenu : 400 m² de jardin partagé le long de l’école, confiés au comité de "
            "quartier, avec deux récupérateurs d’eau."
        ),
        "supports": 8,
    },
    {
        "title": "Éclairer l’allée centrale le soir",
        "description": "Le soir, on évite de traverser le parc : il y fait complètement noir.",
        "theme": "cadre-de-vie",
        "district": "les-tilleuls",
        "author": "",
        "status": "retained",
        "answer": (
            "Retenu en partie : des bornes basses s’allumeront au passage jusqu’à 23 h sur "
            "l’allée centrale et l’allée de l’école, pour ne pas gêner les chauves-souris."
        ),
        "supports": 6,
    },
    {
        "title": "Laisser une prairie fauchée tard, pour les insectes",
        "description": (
            "Une partie de la pelouse pourrait rester haute jusqu’en juillet, avec un chemin "
            "tondu pour la traverser."
        ),
        "theme": "espaces-verts",
        "district": "les-tilleuls",
        "paper": "atelier-conception-parc-des-tilleuls",
        "status": "retained",
        "answer": (
            "Retenu : la pelouse nord deviendra une prairie fauchée une fois par an, fin "
            "juillet, traversée par un chemin tondu."
        ),
        "supports": 4,
    },
    {
        "title": "Un terrain de basket dans le parc",
        "description": "Les jeunes du quartier n’ont pas de terrain à moins de deux kilomètres.",
        "theme": "jeunesse",
        "district": "les-tilleuls",
        "author": "Karim T.",
        "status": "not_retained",
        "reason": (
            "Un terrain prendrait la place de la prairie, que les trois scénarios gardaient. "
            "Un terrain de basket est étudié au complexe sportif des Tilleuls, à 300 mètres."
        ),
        "answer": "",
        "supports": 5,
    },
    {
        "title": "Des toilettes publiques ouvertes toute l’année",
        "description": "Avec des enfants, une après-midi au parc sans toilettes est impossible.",
        "theme": "cadre-de-vie",
        "district": "les-tilleuls",
        "author": "Hélène P.",
        "status": "under_study",
        "answer": "",
        "supports": 7,
    },
    {
        "title": "Un parking à l’entrée du parc",
        "description": "Pour venir en voiture avec les enfants le week-end.",
        "theme": "cadre-de-vie",
        "district": "les-tilleuls",
        "author": "",
        "status": "not_retained",
        "reason": (
            "Le parc reste sans voitures. Dix places seront créées rue du Docteur-Morin, dont "
            "deux réservées aux personnes handicapées."
        ),
        "answer": "",
        "supports": 1,
    },
]

PARK_SURVEY = {
    "consultation": PARK,
    "title": "Le parc des Tilleuls et vous",
    "introduction": "Le vote sur les trois scénarios, et deux questions sur le parc.",
    "thank_you": "Merci ! Le résultat du vote sera publié dans la restitution.",
    "opens": -120,
    "closes": -60,
    "questions": [
        {
            "kind": "single_choice",
            "label": "Quel scénario préférez-vous ?",
            "choices": "Un parc jardin\nUn parc des sports\nUn parc des familles",
        },
        {
            "kind": "multiple_choice",
            "label": "Qu’attendez-vous d’abord du parc rénové ?",
            "choices": (
                "De l’ombre et de la fraîcheur\nDes jeux pour les enfants\n"
                "Des allées praticables\nDe la tranquillité le soir"
            ),
        },
        {
            "kind": "scale",
            "label": "Comment jugez-vous le parc aujourd’hui ?",
            "help_text": "1 : très mal, 5 : très bien.",
        },
        {"kind": "long_text", "label": "Un dernier mot ?", "required": False},
    ],
    "en": {
        "title": "The parc des Tilleuls and you",
        "introduction": "The vote on the three options, and two questions about the park.",
        "thank_you": "Thank you! The result of the vote will be published in the report.",
        "questions": [
            {
                "label": "Which option do you prefer?",
                "help_text": "",
                "choices": "A garden park\nA sports park\nA family park",
            },
            {
                "label": "What do you want first from the renovated park?",
                "help_text": "",
                "choices": (
                    "Shade and coolness\nPlay areas for children\nPaths that are easy to "
                    "use\nPeace and quiet in the evening"
                ),
            },
            {
                "label": "How would you rate the park today?",
                "help_text": "1: very poor, 5: very good.",
                "choices": "",
            },
            {"label": "Anything else?", "help_text": "", "choices": ""},
        ],
    },
}

# An association's event waiting in the moderation queue (portal/proposals).
EVENT_PROPOSAL = {
    "organiser_name": "Les Jardins partagés des Tilleuls",
    "title": "Troc de graines et de boutures",
    "summary": (
        "Apportez vos graines, vos boutures et vos plants en trop, repartez avec ceux des "
        "voisins. Conseils de jardinage au naturel pour les débutants."
    ),
    "day": 16,
    "start": "10:00",
    "end": "13:00",
    "place_name": "Jardin partagé des Tilleuls",
    "address": "12 allée des Tilleuls, Bellecombe-sur-Lauze",
    "step_free_access": True,
    "accessibility_notes": "Allées stabilisées, bancs à l’ombre.",
}
