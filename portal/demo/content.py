"""Demo content of the fictional town of Bellecombe-sur-Lauze, in French with English translations.

Stream values use the block formats of portal/blocks (raw StreamField data).
"""

PAGES = [
    {
        "key": "participation",
        "slug": "la-participation",
        "show_in_menus": True,
        "fr": {
            "title": "La participation à Bellecombe",
            "summary": (
                "Pourquoi et comment la Ville associe les habitantes et les habitants à ses "
                "décisions : notre charte, les degrés de participation et ce que deviennent "
                "vos contributions."
            ),
            "body": [
                {
                    "type": "heading",
                    "value": {
                        "text": "Une ville qui se construit avec vous",
                        "level": "h2",
                        "anchor": "demarche",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Depuis 2021, la Ville de Bellecombe-sur-Lauze associe les "
                        "habitantes et les habitants aux projets qui changent leur "
                        "quotidien : aménagement des places et des rues, équipements de "
                        "quartier, environnement, budget participatif. Vous connaissez votre "
                        "ville mieux que personne : votre expérience aide les élus et les "
                        "services municipaux à prendre de meilleures décisions.</p><p>La "
                        "participation ne remplace pas le conseil municipal, qui reste seul à "
                        "décider au nom de la commune. Elle permet d’éclairer ses choix, de "
                        "les expliquer et, parfois, de les prendre ensemble.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Notre charte de la participation",
                        "level": "h2",
                        "anchor": "charte",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Adoptée par le conseil municipal en mars 2026, la charte de la "
                        "participation citoyenne fixe cinq engagements que la Ville respecte "
                        "pour chaque démarche :</p><ol><li><b>Dire à quoi sert votre "
                        "contribution.</b> Avant chaque démarche, nous précisons ce qui est "
                        "déjà décidé, ce qui reste ouvert et comment vos avis seront pris en "
                        "compte.</li><li><b>Répondre à chaque contribution.</b> Chaque avis, "
                        "chaque idée reçoit une réponse de la Ville, y compris lorsqu’une "
                        "proposition n’est pas retenue : nous expliquons alors "
                        "pourquoi.</li><li><b>Publier la synthèse.</b> À la fin de chaque "
                        "démarche, nous publions un bilan : ce qui a été dit, ce qui a été "
                        "retenu et ce qui sera fait, avec un calendrier.</li><li><b>Permettre "
                        "à chacune et à chacun de participer.</b> En ligne ou en personne, en "
                        "journée ou en soirée, avec une aide si vous en avez "
                        "besoin.</li><li><b>Respecter les personnes.</b> Les échanges sont "
                        "modérés selon des règles connues de toutes et de tous, et vos "
                        "données personnelles sont protégées.</li></ol>"
                    ),
                },
                {
                    "type": "quote",
                    "value": {
                        "quote": (
                            "Au début, je pensais que tout était déjà décidé. Pendant "
                            "l’atelier sur le parc des Tilleuls, nous avons redessiné les "
                            "allées avec les jardiniers de la Ville. Quand les travaux se "
                            "sont terminés, j’ai retrouvé notre tracé. Depuis, j’en parle à "
                            "mes voisins et je viens à chaque atelier."
                        ),
                        "author": "Mireille",
                        "role": "habitante du quartier des Tilleuls",
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Quatre degrés de participation",
                        "level": "h2",
                        "anchor": "degres-de-participation",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Toutes les démarches n’offrent pas le même pouvoir de décision. "
                        "Pour que chacune et chacun sache à quoi s’attendre, chaque projet "
                        "indique clairement son degré de "
                        "participation :</p><ul><li><b>Information</b> : la Ville vous "
                        "présente un projet ou une décision et répond à vos questions. Vous "
                        "ne donnez pas d’avis, mais vous savez ce qui se passe et "
                        "pourquoi.</li><li><b>Consultation</b> : la Ville vous demande votre "
                        "avis sur un projet, par exemple avec un questionnaire. Les élus "
                        "décident ensuite en tenant compte des avis "
                        "recueillis.</li><li><b>Concertation</b> : vous travaillez avec les "
                        "élus et les services tout au long du projet, en atelier ou en ligne, "
                        "pour construire ensemble les solutions. La décision finale revient "
                        "au conseil municipal.</li><li><b>Co-décision</b> : vous décidez "
                        "directement, par exemple en votant pour les projets du budget "
                        "participatif. La Ville s’engage à réaliser les projets "
                        "choisis.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "En ligne comme en personne",
                        "level": "h2",
                        "anchor": "en-ligne-et-en-personne",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Vous pouvez participer de la façon qui vous convient : les "
                        "contributions déposées en ligne, sur papier ou à l’oral ont toutes "
                        "le même poids.</p>"
                    ),
                },
                {
                    "type": "two_columns",
                    "value": {
                        "left": [
                            {
                                "type": "heading",
                                "value": {"text": "En ligne", "level": "h3", "anchor": ""},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Sur ce site, vous pouvez à tout moment découvrir les "
                                    "projets en cours, donner votre avis, proposer une idée, "
                                    "soutenir celles des autres et répondre aux "
                                    "questionnaires. Vous y suivez aussi les résultats de "
                                    "chaque démarche et les réponses de la Ville.</p>"
                                ),
                            },
                        ],
                        "right": [
                            {
                                "type": "heading",
                                "value": {"text": "En personne", "level": "h3", "anchor": ""},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Ateliers de quartier, balades urbaines, réunions "
                                    "publiques, permanences à l’hôtel de ville et à la "
                                    "médiathèque de la Lauze : chaque démarche propose aussi "
                                    "des rendez-vous en face à face, en journée comme en "
                                    "soirée.</p>"
                                ),
                            },
                        ],
                    },
                },
                {
                    "type": "key_figures",
                    "value": {
                        "title": "La participation en 2025",
                        "figures": [
                            {
                                "value": "1 240",
                                "label": "participantes et participants",
                                "detail": "en ligne et en personne",
                            },
                            {"value": "144", "label": "propositions déposées", "detail": ""},
                            {
                                "value": "103",
                                "label": "propositions retenues",
                                "detail": "en tout ou en partie",
                            },
                            {"value": "12", "label": "ateliers de quartier", "detail": ""},
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Le bilan complet de l’année 2025, avec la réponse apportée à "
                        "chacune des 144 propositions, est consultable à l’accueil de l’hôtel "
                        "de ville et dans la rubrique des projets terminés de ce site.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Qui fait vivre la participation ?",
                        "level": "h2",
                        "anchor": "mission-participation",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>La <b>mission participation citoyenne</b> de la Ville accompagne "
                        "chaque démarche : elle prépare les ateliers, modère les échanges en "
                        "ligne, veille à ce que chaque contribution reçoive une réponse et "
                        "rédige les synthèses. Elle travaille avec les conseils de quartier, "
                        "le conseil municipal des jeunes et les associations de "
                        "Bellecombe-sur-Lauze.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Pour aller plus loin",
                        "level": "h2",
                        "anchor": "pour-aller-plus-loin",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>La charte de la participation citoyenne est à télécharger "
                        "ci-dessous. Elle est aussi disponible en version papier à l’accueil "
                        "de l’hôtel de ville et à la médiathèque de la Lauze.</p>"
                    ),
                },
            ],
        },
        "en": {
            "title": "Taking part in Bellecombe",
            "slug": "participation",
            "summary": (
                "Why and how the town involves its residents in its decisions: our charter, "
                "the degrees of participation and what happens to your contributions."
            ),
            "body": [
                {
                    "type": "heading",
                    "value": {
                        "text": "A town we build together",
                        "level": "h2",
                        "anchor": "our-approach",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Since 2021, the town of Bellecombe-sur-Lauze has involved its "
                        "residents in the projects that change their daily lives: redesigning "
                        "squares and streets, neighbourhood facilities, the environment, the "
                        "participatory budget. You know your town better than anyone: your "
                        "experience helps elected officials and council staff make better "
                        "decisions.</p><p>Participation does not replace the town council, "
                        "which alone decides on behalf of the town. It helps inform the "
                        "council’s choices, explain them and, sometimes, make them "
                        "together.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Our participation charter",
                        "level": "h2",
                        "anchor": "charter",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Adopted by the town council in March 2026, the citizen "
                        "participation charter sets out five commitments that the town keeps "
                        "for every process:</p><ol><li><b>Saying what your contribution is "
                        "for.</b> Before each process, we explain what has already been "
                        "decided, what is still open and how your views will be taken into "
                        "account.</li><li><b>Answering every contribution.</b> Every opinion "
                        "and every idea receives an answer from the town, including when a "
                        "proposal is not taken up: we then explain why.</li><li><b>Publishing "
                        "the summary.</b> At the end of each process, we publish a report: "
                        "what was said, what was taken up and what will be done, with a "
                        "timetable.</li><li><b>Enabling everyone to take part.</b> Online or "
                        "in person, during the day or in the evening, with help if you need "
                        "it.</li><li><b>Respecting people.</b> Discussions are moderated "
                        "according to rules that everyone knows, and your personal data is "
                        "protected.</li></ol>"
                    ),
                },
                {
                    "type": "quote",
                    "value": {
                        "quote": (
                            "At first, I thought everything had already been decided. During "
                            "the workshop on the Tilleuls park, we redrew the paths with the "
                            "town’s gardeners. When the works were finished, I found our "
                            "layout there. Since then, I have been telling my neighbours "
                            "about it and I come to every workshop."
                        ),
                        "author": "Mireille",
                        "role": "resident of the Tilleuls district",
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Four degrees of participation",
                        "level": "h2",
                        "anchor": "degrees-of-participation",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Not every process gives the same power of decision. So that "
                        "everyone knows what to expect, each project clearly states its "
                        "degree of participation:</p><ul><li><b>Information</b>: the town "
                        "presents a project or a decision and answers your questions. You do "
                        "not give your opinion, but you know what is happening and "
                        "why.</li><li><b>Consultation</b>: the town asks for your opinion on "
                        "a project, for example with a questionnaire. Elected officials then "
                        "decide, taking the opinions gathered into "
                        "account.</li><li><b>Concertation</b>: you work with elected "
                        "officials and council staff throughout the project, in workshops or "
                        "online, to build solutions together. The final decision rests with "
                        "the town council.</li><li><b>Co-decision</b>: you decide directly, "
                        "for example by voting for participatory budget projects. The town "
                        "undertakes to carry out the projects chosen.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Online and in person",
                        "level": "h2",
                        "anchor": "online-and-in-person",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>You can take part in whichever way suits you: contributions made "
                        "online, on paper or in person all carry the same weight.</p>"
                    ),
                },
                {
                    "type": "two_columns",
                    "value": {
                        "left": [
                            {
                                "type": "heading",
                                "value": {"text": "Online", "level": "h3", "anchor": ""},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>On this site, you can at any time discover current "
                                    "projects, give your opinion, put forward an idea, "
                                    "support other people’s ideas and answer questionnaires. "
                                    "You can also follow the results of each process and the "
                                    "town’s answers.</p>"
                                ),
                            },
                        ],
                        "right": [
                            {
                                "type": "heading",
                                "value": {"text": "In person", "level": "h3", "anchor": ""},
                            },
                            {
                                "type": "paragraph",
                                "value": (
                                    "<p>Neighbourhood workshops, guided walks, public "
                                    "meetings, drop-in sessions at the town hall and at the "
                                    "Lauze media library: each process also offers "
                                    "face-to-face meetings, during the day as well as in the "
                                    "evening.</p>"
                                ),
                            },
                        ],
                    },
                },
                {
                    "type": "key_figures",
                    "value": {
                        "title": "Participation in 2025",
                        "figures": [
                            {
                                "value": "1 240",
                                "label": "participants",
                                "detail": "online and in person",
                            },
                            {"value": "144", "label": "proposals submitted", "detail": ""},
                            {
                                "value": "103",
                                "label": "proposals taken up",
                                "detail": "in full or in part",
                            },
                            {"value": "12", "label": "neighbourhood workshops", "detail": ""},
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The full report for 2025, with the answer given to each of the "
                        "144 proposals, is available at the town hall reception desk and in "
                        "the completed projects section of this site.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Who runs participation?",
                        "level": "h2",
                        "anchor": "participation-unit",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The town’s <b>Citizen Participation Unit</b> (Mission "
                        "participation citoyenne) supports every process: it prepares the "
                        "workshops, moderates online discussions, makes sure that every "
                        "contribution receives an answer and writes the summaries. It works "
                        "with the neighbourhood councils, the youth council and the "
                        "associations of Bellecombe-sur-Lauze.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Find out more", "level": "h2", "anchor": "find-out-more"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The citizen participation charter can be downloaded below (in "
                        "French). A paper copy is also available at the town hall reception "
                        "desk and at the Lauze media library.</p>"
                    ),
                },
            ],
        },
    },
    {
        "key": "how_to",
        "slug": "comment-participer",
        "show_in_menus": True,
        "fr": {
            "title": "Comment participer ?",
            "summary": (
                "En ligne, en atelier, à l’hôtel de ville ou sur papier : toutes les façons "
                "de donner votre avis, et l’aide proposée si vous n’êtes pas à l’aise avec "
                "internet."
            ),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Il existe plusieurs façons de participer. Choisissez celle qui "
                        "vous convient le mieux : toutes les contributions sont lues et "
                        "prises en compte de la même manière.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "En ligne, sur ce site", "level": "h2", "anchor": "en-ligne"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>La page de chaque projet explique ce qui est soumis à votre avis, "
                        "jusqu’à quelle date, et ce qui sera fait de vos contributions. Vous "
                        "pouvez :</p><ul><li>donner votre avis sur un "
                        "projet ;</li><li>proposer une idée et soutenir celles des "
                        "autres ;</li><li>répondre à un questionnaire ;</li><li>suivre les "
                        "résultats et les réponses de la Ville.</li></ul><p>Inutile de créer "
                        "un compte : une adresse e-mail suffit pour confirmer votre "
                        "contribution. Vous pouvez choisir un pseudonyme ; votre adresse "
                        "e-mail n’est jamais publiée.</p>"
                    ),
                },
                {
                    "type": "video",
                    "value": {
                        "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                        "title": "Participer en ligne en trois étapes",
                        "transcript": (
                            "<p>Bienvenue sur le portail de la participation de "
                            "Bellecombe-sur-Lauze. Sur la page d’accueil, choisissez un "
                            "projet en cours : sa page explique ce qui est soumis à votre "
                            "avis et jusqu’à quelle date. Cliquez sur « Donner mon avis », "
                            "écrivez votre contribution et indiquez votre adresse e-mail, qui "
                            "ne sera jamais publiée. Vous recevez alors un e-mail de "
                            "confirmation et, si vous le souhaitez, la Ville vous écrira dès "
                            "que la synthèse sera publiée.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "En personne, lors des ateliers",
                        "level": "h2",
                        "anchor": "ateliers",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Ateliers de quartier, balades urbaines, réunions publiques : les "
                        "dates sont annoncées sur la page de chaque projet, dans le magazine "
                        "municipal <i>Bellecombe &amp; vous</i> et sur les panneaux "
                        "d’information de la ville. L’entrée est libre ; une inscription est "
                        "parfois demandée pour préparer l’accueil.</p><p>Les lieux sont "
                        "accessibles aux personnes à mobilité réduite. Si vous avez besoin "
                        "d’un aménagement (interprète en langue des signes française, boucle "
                        "magnétique, documents en gros caractères), prévenez la mission "
                        "participation citoyenne au moins une semaine à l’avance.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "À l’hôtel de ville et sur papier",
                        "level": "h2",
                        "anchor": "sur-papier",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Pour chaque démarche, un formulaire papier est disponible à "
                        "l’accueil de l’hôtel de ville, à la mairie annexe des Tilleuls et à "
                        "la médiathèque de la Lauze. Une fois rempli, déposez-le dans l’urne "
                        "prévue à cet effet ou envoyez-le par courrier à : Mission "
                        "participation citoyenne, Hôtel de ville, 1 place de la Mairie, 00000 "
                        "Bellecombe-sur-Lauze.</p><p>Les agents de la mission saisissent les "
                        "formulaires papier sur le site, sans modifier vos propos, pour "
                        "qu’ils figurent dans la synthèse au même titre que les contributions "
                        "en ligne.</p><p>Vous préférez en parler de vive voix ? Une "
                        "permanence de la mission participation citoyenne a lieu chaque "
                        "mercredi, de 14 h à 17 h, à l’hôtel de ville.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Besoin d’aide avec internet ?",
                        "level": "h2",
                        "anchor": "aide-numerique",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Si vous n’êtes pas à l’aise avec internet ou si vous n’avez pas "
                        "d’ordinateur, vous pouvez vous faire accompagner "
                        "gratuitement :</p><ul><li><b>à la médiathèque de la Lauze</b>, 12 "
                        "rue des Tanneurs : des ordinateurs sont en libre accès et les "
                        "conseillères et conseillers numériques vous aident, sans "
                        "rendez-vous, le mardi de 14 h à 18 h et le samedi de 9 h 30 à 12 h "
                        "30 ;</li><li><b>au centre social des Tilleuls</b>, 4 allée des "
                        "Glycines : des ateliers d’initiation au numérique sont proposés "
                        "chaque semaine, sur inscription ;</li><li><b>par téléphone</b>, au "
                        "01 23 45 67 89 : la mission participation citoyenne peut recueillir "
                        "votre avis et l’enregistrer pour vous.</li></ul>"
                    ),
                },
                {
                    "type": "accordion",
                    "value": {
                        "title": "Questions fréquentes",
                        "items": [
                            {
                                "title": "Qui peut participer ?",
                                "content": (
                                    "<p>Toute personne qui vit, travaille ou étudie à "
                                    "Bellecombe-sur-Lauze, quels que soient son âge et sa "
                                    "nationalité. Certaines démarches, comme le vote du "
                                    "budget participatif, peuvent fixer des conditions "
                                    "particulières, par exemple un âge minimum : elles sont "
                                    "alors indiquées sur la page du projet.</p>"
                                ),
                            },
                            {
                                "title": "Faut-il créer un compte ?",
                                "content": (
                                    "<p>Non. Pour donner votre avis, proposer une idée ou "
                                    "répondre à un questionnaire, il suffit d’indiquer une "
                                    "adresse e-mail, à laquelle nous envoyons un lien de "
                                    "confirmation. Cela évite les contributions automatiques "
                                    "et nous permet de vous écrire si vous le souhaitez.</p>"
                                ),
                            },
                            {
                                "title": "Que deviennent mes données ?",
                                "content": (
                                    "<p>Votre adresse e-mail sert uniquement à confirmer "
                                    "votre contribution et, si vous le demandez, à vous "
                                    "informer des résultats. Elle n’est jamais publiée ni "
                                    "transmise à des tiers. Chaque e-mail que nous vous "
                                    "envoyons contient un lien pour télécharger ou supprimer "
                                    "vos données. Pour en savoir plus, consultez la page "
                                    "« Données personnelles », accessible en bas de chaque "
                                    "page du site.</p>"
                                ),
                            },
                            {
                                "title": "Comment savoir ce qui a été décidé ?",
                                "content": (
                                    "<p>À la fin de chaque démarche, la Ville publie une "
                                    "synthèse sur la page du projet : ce qui a été dit, ce "
                                    "qui a été retenu, ce qui ne l’a pas été et pourquoi, "
                                    "ainsi que le calendrier de la suite. Chaque contribution "
                                    "reçoit aussi une réponse. Si vous l’avez demandé, vous "
                                    "recevez un e-mail dès la publication de la synthèse. Les "
                                    "synthèses sont également consultables à l’accueil de "
                                    "l’hôtel de ville.</p>"
                                ),
                            },
                            {
                                "title": "Je ne suis pas à l’aise avec internet : comment faire ?",
                                "content": (
                                    "<p>Vous pouvez participer sans internet : lors des "
                                    "ateliers et des réunions publiques, avec le formulaire "
                                    "papier disponible à l’hôtel de ville et à la "
                                    "médiathèque, ou par téléphone au 01 23 45 67 89. Les "
                                    "conseillères et conseillers numériques de la médiathèque "
                                    "de la Lauze peuvent aussi vous accompagner pas à pas "
                                    "pour participer en ligne.</p>"
                                ),
                            },
                            {
                                "title": "Puis-je modifier ou retirer ma contribution ?",
                                "content": (
                                    "<p>Oui. Tant que la démarche est ouverte, écrivez à "
                                    "participation@bellecombe.example.org pour demander la "
                                    "modification ou le retrait de votre contribution. Vous "
                                    "pouvez aussi supprimer toutes vos données grâce au lien "
                                    "présent dans chaque e-mail que nous vous envoyons.</p>"
                                ),
                            },
                            {
                                "title": "Les contributions sont-elles modérées ?",
                                "content": (
                                    "<p>Oui. La mission participation citoyenne relit les "
                                    "contributions selon des règles publiques. Sont retirés "
                                    "les propos injurieux, diffamatoires ou discriminatoires, "
                                    "les informations personnelles sur d’autres personnes et "
                                    "la publicité. Une contribution n’est jamais retirée "
                                    "parce qu’elle critique un projet.</p>"
                                ),
                            },
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Nous contacter", "level": "h2", "anchor": "contact"},
                },
                {
                    "type": "contact_card",
                    "value": {
                        "name": "Mission participation citoyenne",
                        "role": "Ville de Bellecombe-sur-Lauze",
                        "email": "participation@bellecombe.example.org",
                        "phone": "01 23 45 67 89",
                        "address": (
                            "Hôtel de ville\n1 place de la Mairie\n00000 Bellecombe-sur-Lauze"
                        ),
                        "hours": (
                            "Du lundi au vendredi, de 9 h à 12 h 30 et de 13 h 30 à 17 h ; "
                            "permanence le mercredi de 14 h à 17 h"
                        ),
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Pour connaître vos droits et vos démarches administratives en "
                        "général, vous pouvez consulter le site officiel de l’administration "
                        "française.</p>"
                    ),
                },
                {
                    "type": "call_to_action",
                    "value": {
                        "label": "Vos droits sur service-public.fr",
                        "page": None,
                        "url": "https://www.service-public.fr/",
                        "style": "secondary",
                    },
                },
            ],
        },
        "en": {
            "title": "How to take part",
            "slug": "how-to-take-part",
            "summary": (
                "Online, at a workshop, at the town hall or on paper: all the ways to give "
                "your opinion, and the help available if you are not comfortable with the "
                "internet."
            ),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>There are several ways to take part. Choose the one that suits "
                        "you best: all contributions are read and taken into account in the "
                        "same way.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Online, on this site", "level": "h2", "anchor": "online"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Each project’s page explains what is open to your opinion, until "
                        "what date, and what will be done with your contributions. You "
                        "can:</p><ul><li>give your opinion on a project;</li><li>put forward "
                        "an idea and support other people’s ideas;</li><li>answer a "
                        "questionnaire;</li><li>follow the results and the town’s "
                        "answers.</li></ul><p>There is no need to create an account: an "
                        "e-mail address is enough to confirm your contribution. You can "
                        "choose a pseudonym; your e-mail address is never published.</p>"
                    ),
                },
                {
                    "type": "video",
                    "value": {
                        "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                        "title": "Taking part online in three steps",
                        "transcript": (
                            "<p>The video is in French; here is an English translation of "
                            "what is said.</p><p>Welcome to the participation portal of "
                            "Bellecombe-sur-Lauze. On the home page, choose a current "
                            "project: its page explains what is open to your opinion and "
                            "until what date. Click on “Give my opinion”, write your "
                            "contribution and enter your e-mail address, which will never be "
                            "published. You then receive a confirmation e-mail and, if you "
                            "wish, the town will write to you as soon as the summary is "
                            "published.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "In person, at workshops",
                        "level": "h2",
                        "anchor": "workshops",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Neighbourhood workshops, guided walks, public meetings: dates are "
                        "announced on each project’s page, in the town magazine <i>Bellecombe "
                        "&amp; vous</i> and on the town’s notice boards. Entry is free; you "
                        "are sometimes asked to register so that we can prepare for your "
                        "visit.</p><p>The venues are accessible to people with reduced "
                        "mobility. If you need any arrangements (French Sign Language "
                        "interpreter, hearing loop, large-print documents), please let the "
                        "Citizen Participation Unit know at least one week in advance.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "At the town hall and on paper",
                        "level": "h2",
                        "anchor": "on-paper",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>For each process, a paper form is available at the town hall "
                        "reception desk, at the Tilleuls district town hall office and at the "
                        "Lauze media library. Once you have filled it in, put it in the box "
                        "provided or send it by post to: Mission participation citoyenne, "
                        "Hôtel de ville, 1 place de la Mairie, 00000 "
                        "Bellecombe-sur-Lauze.</p><p>The unit’s staff enter paper forms on "
                        "the site, without changing your words, so that they are included in "
                        "the summary in the same way as online contributions.</p><p>Would you "
                        "rather talk in person? The Citizen Participation Unit holds a "
                        "drop-in session every Wednesday, from 2 pm to 5 pm, at the town "
                        "hall.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Need help with the internet?",
                        "level": "h2",
                        "anchor": "digital-help",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>If you are not comfortable with the internet or do not have a "
                        "computer, you can get free help:</p><ul><li><b>at the Lauze media "
                        "library</b>, 12 rue des Tanneurs: computers are available to "
                        "everyone, and digital advisers help you without an appointment on "
                        "Tuesdays from 2 pm to 6 pm and on Saturdays from 9.30 am to 12.30 "
                        "pm;</li><li><b>at the Tilleuls community centre</b>, 4 allée des "
                        "Glycines: introductory digital skills workshops take place every "
                        "week, on registration;</li><li><b>by telephone</b>, on 01 23 45 67 "
                        "89: the Citizen Participation Unit can take down your opinion and "
                        "record it for you.</li></ul>"
                    ),
                },
                {
                    "type": "accordion",
                    "value": {
                        "title": "Frequently asked questions",
                        "items": [
                            {
                                "title": "Who can take part?",
                                "content": (
                                    "<p>Anyone who lives, works or studies in "
                                    "Bellecombe-sur-Lauze, whatever their age or nationality. "
                                    "Some processes, such as the participatory budget vote, "
                                    "may set specific conditions, for example a minimum age: "
                                    "these are then stated on the project’s page.</p>"
                                ),
                            },
                            {
                                "title": "Do I need to create an account?",
                                "content": (
                                    "<p>No. To give your opinion, put forward an idea or "
                                    "answer a questionnaire, you just enter an e-mail "
                                    "address, to which we send a confirmation link. This "
                                    "prevents automated contributions and allows us to write "
                                    "to you if you wish.</p>"
                                ),
                            },
                            {
                                "title": "What happens to my data?",
                                "content": (
                                    "<p>Your e-mail address is used only to confirm your "
                                    "contribution and, if you ask us to, to inform you of the "
                                    "results. It is never published or passed on to third "
                                    "parties. Every e-mail we send you contains a link to "
                                    "download or delete your data. To find out more, see the "
                                    "“Personal data” page, linked at the bottom of every page "
                                    "of the site.</p>"
                                ),
                            },
                            {
                                "title": "How do I find out what was decided?",
                                "content": (
                                    "<p>At the end of each process, the town publishes a "
                                    "summary on the project’s page: what was said, what was "
                                    "taken up, what was not and why, and the timetable for "
                                    "what comes next. Every contribution also receives an "
                                    "answer. If you asked to be informed, you receive an "
                                    "e-mail as soon as the summary is published. Summaries "
                                    "can also be consulted at the town hall reception "
                                    "desk.</p>"
                                ),
                            },
                            {
                                "title": "I am not comfortable with the internet: what can I do?",
                                "content": (
                                    "<p>You can take part without the internet: at workshops "
                                    "and public meetings, with the paper form available at "
                                    "the town hall and at the media library, or by telephone "
                                    "on 01 23 45 67 89. The digital advisers at the Lauze "
                                    "media library can also guide you step by step to take "
                                    "part online.</p>"
                                ),
                            },
                            {
                                "title": "Can I change or withdraw my contribution?",
                                "content": (
                                    "<p>Yes. While the process is open, write to "
                                    "participation@bellecombe.example.org to ask for your "
                                    "contribution to be changed or withdrawn. You can also "
                                    "delete all your data with the link included in every "
                                    "e-mail we send you.</p>"
                                ),
                            },
                            {
                                "title": "Are contributions moderated?",
                                "content": (
                                    "<p>Yes. The Citizen Participation Unit reviews "
                                    "contributions according to public rules. Insulting, "
                                    "defamatory or discriminatory remarks, personal "
                                    "information about other people and advertising are "
                                    "removed. A contribution is never removed because it "
                                    "criticises a project.</p>"
                                ),
                            },
                        ],
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Contact us", "level": "h2", "anchor": "contact"},
                },
                {
                    "type": "contact_card",
                    "value": {
                        "name": "Citizen Participation Unit",
                        "role": "Town of Bellecombe-sur-Lauze",
                        "email": "participation@bellecombe.example.org",
                        "phone": "01 23 45 67 89",
                        "address": (
                            "Hôtel de ville\n1 place de la Mairie\n00000 Bellecombe-sur-Lauze"
                        ),
                        "hours": (
                            "Monday to Friday, 9 am to 12.30 pm and 1.30 pm to 5 pm; drop-in "
                            "session on Wednesdays from 2 pm to 5 pm"
                        ),
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>To find out about your rights and administrative procedures in "
                        "general, you can visit the official website of the French "
                        "administration (in French).</p>"
                    ),
                },
                {
                    "type": "call_to_action",
                    "value": {
                        "label": "Your rights on service-public.fr",
                        "page": None,
                        "url": "https://www.service-public.fr/",
                        "style": "secondary",
                    },
                },
            ],
        },
    },
    {
        "key": "legal_notice",
        "slug": "mentions-legales",
        "show_in_menus": False,
        "fr": {
            "title": "Mentions légales",
            "summary": (
                "Qui édite et héberge le portail de la participation de la Ville de "
                "Bellecombe-sur-Lauze, et comment réutiliser ses contenus."
            ),
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Éditeur du site", "level": "h2", "anchor": "editeur"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Le portail de la participation, accessible à l’adresse "
                        "https://participation.bellecombe.example.org, est édité par la "
                        "<b>Ville de Bellecombe-sur-Lauze</b>, collectivité "
                        "territoriale :</p><ul><li>Hôtel de ville, 1 place de la Mairie, "
                        "00000 Bellecombe-sur-Lauze ;</li><li>téléphone : 01 23 45 67 "
                        "89 ;</li><li>e-mail : "
                        "participation@bellecombe.example.org ;</li><li>numéro SIRET : 000 "
                        "000 000 00000.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Directrice de la publication",
                        "level": "h2",
                        "anchor": "directrice-de-la-publication",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Mme Claire Fontanel, maire de Bellecombe-sur-Lauze.</p><p>Les "
                        "contenus sont rédigés par la mission participation citoyenne et la "
                        "direction de la communication de la Ville.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Hébergeur", "level": "h2", "anchor": "hebergeur"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Le site est hébergé par <b>Hébergeur Exemple SAS</b>, 10 rue de "
                        "l’Exemple, 00000 Exempleville. Les serveurs sont situés en "
                        "France.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Conception et réalisation",
                        "level": "h2",
                        "anchor": "conception",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Le portail repose sur un logiciel libre de participation "
                        "citoyenne, construit avec le gestionnaire de contenus libre Wagtail. "
                        "Son code source est publié sous licence libre GNU AGPL : toute "
                        "collectivité peut l’utiliser, l’étudier, l’adapter et partager ses "
                        "améliorations.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Propriété intellectuelle",
                        "level": "h2",
                        "anchor": "propriete-intellectuelle",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Sauf mention contraire, les textes, données et documents publiés "
                        "sur ce site sont mis à disposition sous la <a "
                        'href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">Licence '
                        "Ouverte 2.0</a>. Vous pouvez les réutiliser librement, y compris à "
                        "des fins commerciales, à condition de mentionner leur source "
                        "(« Ville de Bellecombe-sur-Lauze ») et la date de leur dernière mise "
                        "à jour.</p><p>Les photographies et illustrations ne sont pas "
                        "concernées par cette licence. Sauf mention contraire, elles sont "
                        "réalisées par la direction de la communication de la Ville ; le nom "
                        "de leur auteur est indiqué sous chaque image. Leur réutilisation "
                        "nécessite l’accord préalable de la Ville.</p><p>Les contributions "
                        "des participantes et des participants restent la propriété de leurs "
                        "auteurs. En participant, vous autorisez la Ville à les citer dans "
                        "les synthèses et les bilans des démarches.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Liens vers d’autres sites",
                        "level": "h2",
                        "anchor": "liens",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Ce site contient des liens vers d’autres sites. La Ville de "
                        "Bellecombe-sur-Lauze n’est pas responsable de leur "
                        "contenu.</p><p>Tout site peut faire un lien vers les pages de ce "
                        "portail sans autorisation préalable, à condition de ne pas les "
                        "afficher à l’intérieur d’un autre site et de ne pas induire en "
                        "erreur sur leur origine.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Crédits", "level": "h2", "anchor": "credits"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        '<ul><li>Icônes : <a href="https://lucide.dev/">Lucide</a>, sous '
                        "licence ISC.</li><li>Police de caractères : <a "
                        'href="https://www.brailleinstitute.org/freefont/">Atkinson '
                        "Hyperlegible</a>, créée par le Braille Institute, sous licence SIL "
                        "Open Font License 1.1.</li><li>Photographies : direction de la "
                        "communication de la Ville de Bellecombe-sur-Lauze, sauf mention "
                        "contraire.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Signaler une erreur ou un contenu illicite",
                        "level": "h2",
                        "anchor": "signaler",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Si vous constatez une erreur ou un contenu qui vous semble "
                        "illicite, écrivez à participation@bellecombe.example.org en "
                        "indiquant l’adresse de la page concernée. Nous vous répondrons dans "
                        "les meilleurs délais.</p>"
                    ),
                },
            ],
        },
        "en": {
            "title": "Legal notice",
            "slug": "legal-notice",
            "summary": (
                "Who publishes and hosts the participation portal of the town of "
                "Bellecombe-sur-Lauze, and how to reuse its content."
            ),
            "body": [
                {
                    "type": "heading",
                    "value": {"text": "Publisher", "level": "h2", "anchor": "publisher"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The participation portal, available at "
                        "https://participation.bellecombe.example.org, is published by the "
                        "<b>town of Bellecombe-sur-Lauze</b> (Ville de Bellecombe-sur-Lauze), "
                        "a French local authority:</p><ul><li>Hôtel de ville, 1 place de la "
                        "Mairie, 00000 Bellecombe-sur-Lauze;</li><li>telephone: 01 23 45 67 "
                        "89;</li><li>e-mail: "
                        "participation@bellecombe.example.org;</li><li>SIRET number: 000 000 "
                        "000 00000.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Director of publication",
                        "level": "h2",
                        "anchor": "director-of-publication",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Ms Claire Fontanel, Mayor of Bellecombe-sur-Lauze.</p><p>The "
                        "content is written by the town’s Citizen Participation Unit and "
                        "Communications Department.</p>"
                    ),
                },
                {"type": "heading", "value": {"text": "Host", "level": "h2", "anchor": "host"}},
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The site is hosted by <b>Hébergeur Exemple SAS</b>, 10 rue de "
                        "l’Exemple, 00000 Exempleville. The servers are located in "
                        "France.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Design and development", "level": "h2", "anchor": "design"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The portal runs on free and open-source citizen participation "
                        "software, built with the open-source content management system "
                        "Wagtail. Its source code is published under the GNU AGPL free "
                        "licence: any local authority can use it, study it, adapt it and "
                        "share its improvements.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Intellectual property",
                        "level": "h2",
                        "anchor": "intellectual-property",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Unless stated otherwise, the texts, data and documents published "
                        "on this site are made available under the <a "
                        'href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">Licence '
                        "Ouverte 2.0</a> (Open Licence). You may reuse them freely, including "
                        "for commercial purposes, provided that you mention their source "
                        "(“Ville de Bellecombe-sur-Lauze”) and the date they were last "
                        "updated.</p><p>Photographs and illustrations are not covered by this "
                        "licence. Unless stated otherwise, they are produced by the town’s "
                        "Communications Department; the name of their author is given below "
                        "each image. Reusing them requires the town’s prior "
                        "consent.</p><p>Contributions remain the property of the participants "
                        "who wrote them. By taking part, you allow the town to quote them in "
                        "the summaries and reports of its processes.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Links to other sites", "level": "h2", "anchor": "links"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>This site contains links to other sites. The town of "
                        "Bellecombe-sur-Lauze is not responsible for their content.</p><p>Any "
                        "site may link to the pages of this portal without prior permission, "
                        "provided that it does not display them inside another site and does "
                        "not mislead people about where they come from.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Credits", "level": "h2", "anchor": "credits"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        '<ul><li>Icons: <a href="https://lucide.dev/">Lucide</a>, under the '
                        "ISC licence.</li><li>Typeface: <a "
                        'href="https://www.brailleinstitute.org/freefont/">Atkinson '
                        "Hyperlegible</a>, created by the Braille Institute, under the SIL "
                        "Open Font License 1.1.</li><li>Photographs: Communications "
                        "Department of the town of Bellecombe-sur-Lauze, unless stated "
                        "otherwise.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Reporting an error or unlawful content",
                        "level": "h2",
                        "anchor": "report",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>If you notice an error or content that seems unlawful to you, "
                        "write to participation@bellecombe.example.org, giving the address of "
                        "the page concerned. We will reply as soon as possible.</p>"
                    ),
                },
            ],
        },
    },
    {
        "key": "personal_data",
        "slug": "donnees-personnelles",
        "show_in_menus": False,
        "fr": {
            "title": "Données personnelles",
            "summary": (
                "Quelles données la Ville recueille sur le portail de la participation, "
                "pourquoi, combien de temps elle les conserve et comment exercer vos droits."
            ),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>La Ville de Bellecombe-sur-Lauze protège vos données "
                        "personnelles. Cette page explique comment elles sont utilisées sur "
                        "le portail de la participation, conformément au règlement général "
                        "sur la protection des données (RGPD) et à la loi Informatique et "
                        "Libertés.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Responsable du traitement",
                        "level": "h2",
                        "anchor": "responsable",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Le responsable du traitement est la <b>Ville de "
                        "Bellecombe-sur-Lauze</b>, représentée par sa maire, Mme Claire "
                        "Fontanel : Hôtel de ville, 1 place de la Mairie, 00000 "
                        "Bellecombe-sur-Lauze.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "À quoi servent vos données ?",
                        "level": "h2",
                        "anchor": "finalites",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Vos données sont utilisées pour :</p><ul><li><b>gérer la "
                        "participation</b> : recueillir, publier et traiter vos avis, vos "
                        "idées, vos soutiens et vos réponses aux questionnaires, et y "
                        "répondre ;</li><li><b>vous informer des résultats</b> d’une "
                        "démarche, si vous le demandez ;</li><li><b>modérer les échanges</b>, "
                        "pour que le site reste un lieu de dialogue "
                        "respectueux ;</li><li><b>établir des statistiques anonymes</b> sur "
                        "la participation, par exemple le nombre de contributions par "
                        "projet.</li></ul><p>Vos données ne sont jamais utilisées à des fins "
                        "commerciales ni à des fins de communication politique.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Sur quelle base légale ?",
                        "level": "h2",
                        "anchor": "base-legale",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>La gestion de la participation, la modération et les statistiques "
                        "reposent sur la <b>mission d’intérêt public</b> dont est investie la "
                        "Ville (article 6.1.e du RGPD).</p><p>L’information sur les résultats "
                        "repose sur votre <b>consentement</b> (article 6.1.a du RGPD). Vous "
                        "pouvez le retirer à tout moment grâce au lien présent dans chaque "
                        "e-mail.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Quelles données sont collectées ?",
                        "level": "h2",
                        "anchor": "donnees-collectees",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li>Votre <b>adresse e-mail</b>, pour confirmer votre "
                        "contribution et, si vous le souhaitez, vous informer des "
                        "résultats.</li><li>Un <b>pseudonyme</b>, facultatif, affiché avec "
                        "vos contributions.</li><li>Le <b>contenu de vos contributions</b> : "
                        "avis, idées, soutiens, réponses aux questionnaires.</li><li>Des "
                        "<b>données techniques</b> (adresse IP, date et heure de connexion), "
                        "enregistrées dans les journaux du serveur pour assurer la sécurité "
                        "du site.</li></ul><p><b>Votre adresse e-mail n’est jamais "
                        "publiée.</b> Seuls votre pseudonyme, si vous en avez choisi un, et "
                        "le contenu de vos contributions sont visibles sur le site. Évitez "
                        "d’y écrire des informations qui permettraient de vous identifier ou "
                        "d’identifier d’autres personnes.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Qui a accès à vos données ?",
                        "level": "h2",
                        "anchor": "destinataires",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li>Les <b>agents habilités de la mission participation "
                        "citoyenne</b> de la Ville, dans la limite de leurs "
                        "missions.</li><li>Notre <b>sous-traitant</b>, Hébergeur Exemple SAS, "
                        "10 rue de l’Exemple, 00000 Exempleville, qui héberge le site et ses "
                        "données. Il agit uniquement sur instruction de la Ville et ne peut "
                        "pas utiliser vos données pour son propre compte.</li></ul><p>Vos "
                        "données sont hébergées en France et ne sont pas transférées hors de "
                        "l’Union européenne.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Combien de temps sont-elles conservées ?",
                        "level": "h2",
                        "anchor": "durees-de-conservation",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li><b>Données d’identification</b> (adresse e-mail, "
                        "pseudonyme) : 3 ans après la fin de la concertation à laquelle vous "
                        "avez participé. Vos contributions sont ensuite anonymisées : elles "
                        "restent publiées, mais ne peuvent plus être rattachées à "
                        "vous.</li><li><b>Demande d’information sur les résultats</b> : "
                        "jusqu’au retrait de votre consentement, et au plus tard jusqu’à la "
                        "suppression de vos données d’identification.</li><li><b>Journaux "
                        "techniques</b> : 1 an.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Vos droits", "level": "h2", "anchor": "vos-droits"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Vous disposez d’un droit d’<b>accès</b>, de <b>rectification</b>, "
                        "d’<b>effacement</b> et de <b>limitation</b> du traitement de vos "
                        "données, ainsi que d’un droit d’<b>opposition</b>. Lorsque le "
                        "traitement repose sur votre consentement, vous pouvez le retirer à "
                        "tout moment.</p><p>Chaque e-mail envoyé par le portail contient un "
                        "lien personnel qui vous permet, sans autre démarche, de "
                        "<b>télécharger</b> toutes les données qui vous concernent ou de les "
                        "<b>supprimer</b>.</p><p>Pour toute autre demande, écrivez au délégué "
                        "à la protection des données. Nous vous répondrons dans un délai d’un "
                        "mois.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Délégué à la protection des données",
                        "level": "h2",
                        "anchor": "dpo",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Pour toute question sur vos données ou pour exercer vos droits, "
                        "vous pouvez contacter le délégué à la protection des données de la "
                        "Ville :</p>"
                    ),
                },
                {
                    "type": "contact_card",
                    "value": {
                        "name": "Délégué à la protection des données",
                        "role": "Ville de Bellecombe-sur-Lauze",
                        "email": "dpo@bellecombe.example.org",
                        "phone": "",
                        "address": (
                            "Délégué à la protection des données\n"
                            "Hôtel de ville\n1 place de la Mairie\n00000 Bellecombe-sur-Lauze"
                        ),
                        "hours": "",
                    },
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Réclamation auprès de la CNIL",
                        "level": "h2",
                        "anchor": "cnil",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Si, après nous avoir contactés, vous estimez que vos droits ne "
                        "sont pas respectés, vous pouvez adresser une réclamation à la "
                        "Commission nationale de l’informatique et des libertés "
                        "(CNIL) :</p><ul><li>en ligne, sur <a "
                        'href="https://www.cnil.fr/">www.cnil.fr</a> ;</li><li>par courrier : '
                        "CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex "
                        "07.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Cookies", "level": "h2", "anchor": "cookies"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Le portail utilise seulement deux cookies, strictement "
                        "nécessaires à son fonctionnement, qui ne demandent donc pas votre "
                        "consentement :</p><ul><li>un <b>cookie de session</b>, qui sécurise "
                        "l’envoi de vos contributions ;</li><li>un <b>cookie de langue</b>, "
                        "qui retient la langue que vous avez choisie.</li></ul><p>Aucun outil "
                        "de mesure d’audience ni aucun traceur publicitaire n’est "
                        "utilisé.</p><p>Les vidéos hébergées par des services tiers (YouTube, "
                        "Vimeo, Dailymotion) ne se chargent que si vous le demandez, en "
                        "cliquant sur le bouton de lecture. C’est seulement à ce moment-là "
                        "que ces services peuvent déposer leurs propres cookies.</p>"
                    ),
                },
            ],
        },
        "en": {
            "title": "Personal data",
            "slug": "personal-data",
            "summary": (
                "What data the town collects on the participation portal, why, how long it "
                "keeps it and how to exercise your rights."
            ),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The town of Bellecombe-sur-Lauze protects your personal data. "
                        "This page explains how it is used on the participation portal, in "
                        "accordance with the General Data Protection Regulation (GDPR) and "
                        "the French Data Protection Act (loi Informatique et Libertés).</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Data controller", "level": "h2", "anchor": "controller"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The data controller is the <b>town of Bellecombe-sur-Lauze</b>, "
                        "represented by its Mayor, Ms Claire Fontanel: Hôtel de ville, 1 "
                        "place de la Mairie, 00000 Bellecombe-sur-Lauze.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "What is your data used for?",
                        "level": "h2",
                        "anchor": "purposes",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Your data is used to:</p><ul><li><b>manage participation</b>: "
                        "collect, publish and process your opinions, ideas, support and "
                        "questionnaire answers, and reply to them;</li><li><b>inform you of "
                        "the results</b> of a process, if you ask us to;</li><li><b>moderate "
                        "discussions</b>, so that the site remains a place for respectful "
                        "dialogue;</li><li><b>produce anonymous statistics</b> on "
                        "participation, for example the number of contributions per "
                        "project.</li></ul><p>Your data is never used for commercial purposes "
                        "or for political communication.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "On what legal basis?",
                        "level": "h2",
                        "anchor": "legal-basis",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Managing participation, moderation and statistics are based on "
                        "the <b>task carried out in the public interest</b> entrusted to the "
                        "town (Article 6(1)(e) of the GDPR).</p><p>Informing you of the "
                        "results is based on your <b>consent</b> (Article 6(1)(a) of the "
                        "GDPR). You can withdraw it at any time with the link included in "
                        "every e-mail.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "What data is collected?",
                        "level": "h2",
                        "anchor": "data-collected",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li>Your <b>e-mail address</b>, to confirm your contribution "
                        "and, if you wish, to inform you of the results.</li><li>A "
                        "<b>pseudonym</b>, optional, shown with your "
                        "contributions.</li><li>The <b>content of your contributions</b>: "
                        "opinions, ideas, support, questionnaire "
                        "answers.</li><li><b>Technical data</b> (IP address, date and time of "
                        "connection), recorded in the server logs to keep the site "
                        "secure.</li></ul><p><b>Your e-mail address is never published.</b> "
                        "Only your pseudonym, if you chose one, and the content of your "
                        "contributions are visible on the site. Avoid writing anything in "
                        "them that could identify you or other people.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Who has access to your data?",
                        "level": "h2",
                        "anchor": "recipients",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li><b>Authorised staff of the town’s Citizen Participation "
                        "Unit</b>, within the limits of their duties.</li><li>Our "
                        "<b>processor</b>, Hébergeur Exemple SAS, 10 rue de l’Exemple, 00000 "
                        "Exempleville, which hosts the site and its data. It acts only on the "
                        "town’s instructions and cannot use your data for its own "
                        "purposes.</li></ul><p>Your data is hosted in France and is not "
                        "transferred outside the European Union.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "How long is it kept?", "level": "h2", "anchor": "retention"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li><b>Identification data</b> (e-mail address, pseudonym): 3 "
                        "years after the end of the consultation you took part in. Your "
                        "contributions are then anonymised: they remain published, but can no "
                        "longer be linked to you.</li><li><b>Request to be informed of the "
                        "results</b>: until you withdraw your consent, and at the latest "
                        "until your identification data is deleted.</li><li><b>Technical "
                        "logs</b>: 1 year.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Your rights", "level": "h2", "anchor": "your-rights"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>You have the right to <b>access</b>, <b>rectify</b> and "
                        "<b>erase</b> your data and to <b>restrict</b> its processing, as "
                        "well as the right to <b>object</b>. When processing is based on your "
                        "consent, you can withdraw it at any time.</p><p>Every e-mail sent by "
                        "the portal contains a personal link that lets you, with no further "
                        "steps, <b>download</b> all the data concerning you or <b>delete</b> "
                        "it.</p><p>For any other request, write to the data protection "
                        "officer. We will reply within one month.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Data protection officer", "level": "h2", "anchor": "dpo"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>For any question about your data or to exercise your rights, you "
                        "can contact the town’s data protection officer:</p>"
                    ),
                },
                {
                    "type": "contact_card",
                    "value": {
                        "name": "Data protection officer",
                        "role": "Town of Bellecombe-sur-Lauze",
                        "email": "dpo@bellecombe.example.org",
                        "phone": "",
                        "address": (
                            "Délégué à la protection des données\n"
                            "Hôtel de ville\n1 place de la Mairie\n00000 Bellecombe-sur-Lauze"
                        ),
                        "hours": "",
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Complaint to the CNIL", "level": "h2", "anchor": "cnil"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>If, after contacting us, you consider that your rights have not "
                        "been respected, you can lodge a complaint with the French data "
                        "protection authority, the Commission nationale de l’informatique et "
                        "des libertés (CNIL):</p><ul><li>online, at <a "
                        'href="https://www.cnil.fr/">www.cnil.fr</a>;</li><li>by post: CNIL, '
                        "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Cookies", "level": "h2", "anchor": "cookies"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The portal uses only two cookies, which are strictly necessary "
                        "for it to work and therefore do not require your "
                        "consent:</p><ul><li>a <b>session cookie</b>, which secures the "
                        "sending of your contributions;</li><li>a <b>language cookie</b>, "
                        "which remembers the language you chose.</li></ul><p>No audience "
                        "measurement tool and no advertising tracker is used.</p><p>Videos "
                        "hosted by third-party services (YouTube, Vimeo, Dailymotion) load "
                        "only when you ask for them, by clicking the play button. Only then "
                        "can these services set their own cookies.</p>"
                    ),
                },
            ],
        },
    },
    {
        "key": "accessibility",
        "slug": "declaration-accessibilite",
        "show_in_menus": False,
        "fr": {
            "title": "Déclaration d’accessibilité",
            "summary": (
                "Le niveau d’accessibilité du portail de la participation, les contenus qui "
                "ne sont pas encore accessibles, nos engagements et les moyens de nous "
                "signaler une difficulté."
            ),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>La Ville de Bellecombe-sur-Lauze s’engage à rendre ses sites "
                        "internet, intranet, extranet et ses progiciels accessibles "
                        "conformément à l’article 47 de la loi n° 2005-102 du 11 février "
                        "2005.</p><p>À cette fin, elle met en œuvre la stratégie et les "
                        "actions décrites dans son schéma pluriannuel de mise en "
                        "accessibilité 2026-2028, présenté en bas de cette page.</p><p>Cette "
                        "déclaration d’accessibilité s’applique à "
                        "https://participation.bellecombe.example.org.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "État de conformité",
                        "level": "h2",
                        "anchor": "etat-de-conformite",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Le site https://participation.bellecombe.example.org est <b>non "
                        "conforme</b> avec le RGAA 4.1 car il n’a pas encore fait l’objet "
                        "d’un audit.</p><p>Le logiciel sur lequel repose le portail a été "
                        "conçu en suivant les critères du RGAA, mais seul un audit complet "
                        "permet d’établir le niveau de conformité du site.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Résultats des tests",
                        "level": "h2",
                        "anchor": "resultats-des-tests",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Aucun audit n’a encore été réalisé. Un audit est prévu au premier "
                        "semestre 2027. Le taux de critères du RGAA respectés sera publié sur "
                        "cette page à l’issue de cet audit.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Contenus non accessibles",
                        "level": "h2",
                        "anchor": "contenus-non-accessibles",
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Non-conformités", "level": "h3", "anchor": ""},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Dans l’attente de l’audit, les contenus suivants sont déjà "
                        "identifiés comme non accessibles :</p><ul><li>certains documents PDF "
                        "publiés avant 2026, comme des comptes rendus de réunions publiques "
                        "ou des plans d’aménagement, ne sont pas structurés pour être lus par "
                        "un lecteur d’écran ;</li><li>certaines vidéos de services tiers "
                        "n’ont pas de sous-titres ;</li><li>certains plans et cartes de "
                        "projets n’ont pas encore d’équivalent textuel "
                        "complet.</li></ul><p>Sur simple demande, la Ville vous transmet ces "
                        "contenus sous une forme accessible (voir « Retour d’information et "
                        "contact »).</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Dérogations pour charge disproportionnée",
                        "level": "h3",
                        "anchor": "",
                    },
                },
                {"type": "paragraph", "value": "<p>Aucune.</p>"},
                {
                    "type": "heading",
                    "value": {
                        "text": "Contenus non soumis à l’obligation d’accessibilité",
                        "level": "h3",
                        "anchor": "",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li>Les fichiers bureautiques publiés avant le 23 septembre "
                        "2018.</li><li>Les contenus de tiers qui ne sont ni financés ni "
                        "développés par la Ville et qui ne sont pas sous son "
                        "contrôle.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Établissement de cette déclaration d’accessibilité",
                        "level": "h2",
                        "anchor": "etablissement",
                    },
                },
                {
                    "type": "paragraph",
                    "value": "<p>Cette déclaration a été établie le 22 novembre 2026.</p>",
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Technologies utilisées pour la réalisation du site",
                        "level": "h3",
                        "anchor": "",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li>HTML5</li><li>CSS</li><li>JavaScript, utilisé uniquement en "
                        "amélioration progressive : toutes les fonctions du site restent "
                        "utilisables sans JavaScript.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Environnement de test", "level": "h3", "anchor": ""},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Lors de l’audit, les vérifications de restitution des contenus "
                        "seront réalisées avec les combinaisons de la base de référence du "
                        "RGAA, dans leurs versions les plus récentes :</p><ul><li>NVDA avec "
                        "Firefox, sous Windows ;</li><li>JAWS avec Firefox, sous "
                        "Windows ;</li><li>VoiceOver avec Safari, sous macOS et "
                        "iOS ;</li><li>TalkBack avec Chrome, sous "
                        "Android.</li></ul><p>L’échantillon contrôlé comprendra notamment la "
                        "page d’accueil, la liste des projets, une page de projet, le "
                        "formulaire de contribution, un questionnaire, la page de contact, "
                        "les mentions légales et la présente déclaration.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Retour d’information et contact",
                        "level": "h2",
                        "anchor": "contact",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Si vous n’arrivez pas à accéder à un contenu ou à un service, "
                        "vous pouvez contacter la Ville de Bellecombe-sur-Lauze pour être "
                        "orienté vers une alternative accessible ou obtenir le contenu sous "
                        "une autre forme :</p><ul><li>par e-mail : "
                        "accessibilite@bellecombe.example.org ;</li><li>par téléphone : 01 23 "
                        "45 67 89 ;</li><li>par courrier : Ville de Bellecombe-sur-Lauze, "
                        "Mission participation citoyenne, Hôtel de ville, 1 place de la "
                        "Mairie, 00000 Bellecombe-sur-Lauze.</li></ul><p>Nous nous engageons "
                        "à vous répondre dans un délai de 15 jours ouvrés.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Voies de recours",
                        "level": "h2",
                        "anchor": "voies-de-recours",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Cette procédure est à utiliser dans le cas suivant : vous avez "
                        "signalé au responsable du site internet un défaut d’accessibilité "
                        "qui vous empêche d’accéder à un contenu ou à un des services du "
                        "portail et vous n’avez pas obtenu de réponse "
                        "satisfaisante.</p><p>Vous pouvez :</p><ul><li>écrire un message au "
                        "Défenseur des droits (<a "
                        'href="https://formulaire.defenseurdesdroits.fr/">formulaire en '
                        "ligne</a>) ;</li><li>contacter le délégué du Défenseur des droits "
                        "dans votre région (<a "
                        'href="https://www.defenseurdesdroits.fr/saisir/delegues">liste des '
                        "délégués territoriaux</a>) ;</li><li>appeler le 09 69 39 00 "
                        "00 ;</li><li>envoyer un courrier par la poste (gratuit, ne pas "
                        "mettre de timbre) : Défenseur des droits, Libre réponse 71120, 75342 "
                        "Paris CEDEX 07.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Schéma pluriannuel de mise en accessibilité 2026-2028",
                        "level": "h2",
                        "anchor": "schema-pluriannuel",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>La Ville de Bellecombe-sur-Lauze a adopté un schéma pluriannuel "
                        "de mise en accessibilité de ses services numériques pour la période "
                        "2026-2028. Pour le portail de la participation, il prévoit trois "
                        "actions :</p><ol><li>faire réaliser un audit complet de conformité "
                        "au RGAA 4.1 par un prestataire indépendant au premier semestre 2027, "
                        "puis corriger les non-conformités relevées ;</li><li>rendre "
                        "accessibles, ou remplacer par des pages web, les documents PDF "
                        "publiés avant 2026, et sous-titrer toutes les nouvelles vidéos "
                        "produites par la Ville ;</li><li>former à l’accessibilité numérique "
                        "tous les agents qui publient des contenus sur le portail, avec une "
                        "session de formation chaque année.</li></ol><p>Chaque année, un plan "
                        "d’action détaille les travaux prévus et le bilan de ceux réalisés "
                        "l’année précédente.</p>"
                    ),
                },
            ],
        },
        "en": {
            "title": "Accessibility statement",
            "slug": "accessibility-statement",
            "summary": (
                "How accessible the participation portal is, the content that is not yet "
                "accessible, our commitments and how to tell us about a difficulty."
            ),
            "body": [
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The town of Bellecombe-sur-Lauze is committed to making its "
                        "websites, intranets, extranets and software packages accessible in "
                        "accordance with Article 47 of French Law No. 2005-102 of 11 February "
                        "2005.</p><p>To this end, it is implementing the strategy and actions "
                        "described in its 2026-2028 multi-year accessibility plan, presented "
                        "at the bottom of this page.</p><p>This accessibility statement "
                        "applies to https://participation.bellecombe.example.org.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Compliance status",
                        "level": "h2",
                        "anchor": "compliance-status",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The site https://participation.bellecombe.example.org is <b>not "
                        "compliant</b> with the RGAA 4.1 (the French accessibility standard) "
                        "because it has not yet been audited.</p><p>The software on which the "
                        "portal runs was designed following the RGAA criteria, but only a "
                        "full audit can establish the site’s level of compliance.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Test results", "level": "h2", "anchor": "test-results"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>No audit has been carried out yet. An audit is planned for the "
                        "first half of 2027. The share of RGAA criteria met will be published "
                        "on this page once the audit is complete.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Non-accessible content",
                        "level": "h2",
                        "anchor": "non-accessible-content",
                    },
                },
                {
                    "type": "heading",
                    "value": {"text": "Non-compliance", "level": "h3", "anchor": ""},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Pending the audit, the following content has already been "
                        "identified as not accessible:</p><ul><li>some PDF documents "
                        "published before 2026, such as minutes of public meetings or "
                        "development plans, are not structured to be read by a screen "
                        "reader;</li><li>some videos from third-party services do not have "
                        "subtitles;</li><li>some project plans and maps do not yet have a "
                        "full text equivalent.</li></ul><p>On request, the town will send you "
                        "this content in an accessible form (see “Feedback and contact”).</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Exemptions for disproportionate burden",
                        "level": "h3",
                        "anchor": "",
                    },
                },
                {"type": "paragraph", "value": "<p>None.</p>"},
                {
                    "type": "heading",
                    "value": {
                        "text": "Content not subject to the accessibility requirement",
                        "level": "h3",
                        "anchor": "",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li>Office files published before 23 September "
                        "2018.</li><li>Third-party content that is neither funded nor "
                        "developed by the town and is not under its control.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Preparation of this accessibility statement",
                        "level": "h2",
                        "anchor": "preparation",
                    },
                },
                {
                    "type": "paragraph",
                    "value": "<p>This statement was prepared on 22 November 2026.</p>",
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Technologies used to build the site",
                        "level": "h3",
                        "anchor": "",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<ul><li>HTML5</li><li>CSS</li><li>JavaScript, used only as "
                        "progressive enhancement: all the site’s functions remain usable "
                        "without JavaScript.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Test environment", "level": "h3", "anchor": ""},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>During the audit, the rendering of content will be checked with "
                        "the combinations of the RGAA reference base, in their latest "
                        "versions:</p><ul><li>NVDA with Firefox, on Windows;</li><li>JAWS "
                        "with Firefox, on Windows;</li><li>VoiceOver with Safari, on macOS "
                        "and iOS;</li><li>TalkBack with Chrome, on Android.</li></ul><p>The "
                        "sample checked will include in particular the home page, the list of "
                        "projects, a project page, the contribution form, a questionnaire, "
                        "the contact page, the legal notice and this statement.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Feedback and contact", "level": "h2", "anchor": "contact"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>If you cannot access a piece of content or a service, you can "
                        "contact the town of Bellecombe-sur-Lauze to be directed to an "
                        "accessible alternative or to obtain the content in another "
                        "form:</p><ul><li>by e-mail: "
                        "accessibilite@bellecombe.example.org;</li><li>by telephone: 01 23 45 "
                        "67 89;</li><li>by post: Ville de Bellecombe-sur-Lauze, Mission "
                        "participation citoyenne, Hôtel de ville, 1 place de la Mairie, 00000 "
                        "Bellecombe-sur-Lauze.</li></ul><p>We undertake to reply within 15 "
                        "working days.</p>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {"text": "Means of redress", "level": "h2", "anchor": "redress"},
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>Use this procedure in the following case: you have reported to "
                        "the person responsible for the website an accessibility problem that "
                        "prevents you from accessing content or one of the portal’s services, "
                        "and you have not received a satisfactory answer.</p><p>You "
                        "can:</p><ul><li>write a message to the Défenseur des droits, the "
                        "French rights ombudsman (<a "
                        'href="https://formulaire.defenseurdesdroits.fr/">online form</a>, in '
                        "French);</li><li>contact the Défenseur des droits delegate in your "
                        "region (<a "
                        'href="https://www.defenseurdesdroits.fr/saisir/delegues">list of '
                        "local delegates</a>, in French);</li><li>call 09 69 39 00 "
                        "00;</li><li>send a letter by post (free of charge, no stamp needed): "
                        "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX "
                        "07.</li></ul>"
                    ),
                },
                {
                    "type": "heading",
                    "value": {
                        "text": "Multi-year accessibility plan 2026-2028",
                        "level": "h2",
                        "anchor": "multi-year-plan",
                    },
                },
                {
                    "type": "paragraph",
                    "value": (
                        "<p>The town of Bellecombe-sur-Lauze has adopted a multi-year plan to "
                        "make its digital services accessible over the period 2026-2028. For "
                        "the participation portal, it provides for three "
                        "actions:</p><ol><li>having a full RGAA 4.1 compliance audit carried "
                        "out by an independent provider in the first half of 2027, then "
                        "correcting the non-compliance found;</li><li>making the PDF "
                        "documents published before 2026 accessible, or replacing them with "
                        "web pages, and subtitling all new videos produced by the "
                        "town;</li><li>training all staff who publish content on the portal "
                        "in digital accessibility, with a training session every "
                        "year.</li></ol><p>Every year, an action plan sets out the work "
                        "planned and reviews the work carried out the previous year.</p>"
                    ),
                },
            ],
        },
    },
]

HOME = {
    "fr": {
        "title": "Accueil",
        "hero_title": "Faisons Bellecombe ensemble",
        "hero_text": (
            "Places, rues, parcs, équipements de quartier : donnez votre avis sur les projets "
            "de la Ville, proposez vos idées et suivez ce qu’elles deviennent. En ligne ou en "
            "atelier, chaque contribution reçoit une réponse."
        ),
        "hero_link_label": "Découvrir la démarche",
        "body": [],
    },
    "en": {
        "title": "Home",
        "slug": "home-en",
        "hero_title": "Let’s shape Bellecombe together",
        "hero_text": (
            "Squares, streets, parks, neighbourhood facilities: give your opinion on the "
            "town’s projects, put forward your ideas and follow what becomes of them. Online "
            "or at a workshop, every contribution receives an answer."
        ),
        "hero_link_label": "Discover our approach",
        "body": [],
    },
}

IDENTITY = {
    "authority_name": "Ville de Bellecombe-sur-Lauze",
    "tagline": "Participez à la vie de votre ville",
    "contact_address": "Hôtel de ville\n1 place de la Mairie\n00000 Bellecombe-sur-Lauze",
    "contact_phone": "01 23 45 67 89",
    "contact_email": "participation@bellecombe.example.org",
    "dpo_name": "Délégué à la protection des données",
    "dpo_email": "dpo@bellecombe.example.org",
    "dpo_address": (
        "Délégué à la protection des données\nHôtel de ville\n1 place de la Mairie\n00000 "
        "Bellecombe-sur-Lauze"
    ),
    "social_links": [
        {"network": "mastodon", "url": "https://social.example.org/@bellecombe"},
        {"network": "facebook", "url": "https://facebook.example.org/villedebellecombe"},
        {"network": "newsletter", "url": "https://bellecombe.example.org/lettre-d-information"},
    ],
}
