"""Example requests and answers for the OpenAPI document (``/docs``, ``/openapi.json``).

Taken from real answers of the API on the bundled catalogue (date 2025-06-01), with long
lists cut to one or two items. ``tests/api/test_openapi_voorbeelden.py`` checks that every
example fits its schema, and that the stable ones still equal what the API answers.
"""

from __future__ import annotations

from typing import Any

PROFIEL: dict[str, Any] = {
    "gemeente": "Gent",
    "leeftijd": 34,
    "samenwonend_met_partner": False,
    "aantal_kinderen": 2,
    "leeftijd_jongste_kind": 4,
    "woonsituatie": "huurder_privaat",
    "netto_maandinkomen_gezin": 1450,
    "werksituatie": "werknemer",
    "verblijfsstatus": "belg",
    "verhoogde_tegemoetkoming": True,
}
"""A single parent in Gent with two children: the profile of the evaluation example."""

ATTRIBUTEN: list[dict[str, Any]] = [
    {
        "sleutel": "leeftijd",
        "type": "int",
        "vraag": "Hoe oud bent u?",
        "waarom": "Veel rechten hebben een minimum- of maximumleeftijd.",
        "opties": None,
        "min": 0.0,
        "max": 120.0,
        "eenheid": "jaar",
        "gevoelig": False,
        "gevraagd_door": ["chat", "begeleider"],
        "rubriek": {"sleutel": "woonplaats_gezin", "titel": "Woonplaats en gezin", "volgorde": 0},
    },
    {
        "sleutel": "woonsituatie",
        "type": "enum",
        "vraag": "Hoe woont u?",
        "waarom": "Voor huur- en woonpremies is het belangrijk of u huurt, "
        "een eigen woning hebt of bij iemand inwoont.",
        "opties": [
            {"waarde": "huurder_privaat", "label": "Ik huur van een private verhuurder"},
            {"waarde": "huurder_sociaal", "label": "Ik huur een sociale woning"},
            {"waarde": "huurder_svk", "label": "Ik huur via een sociaal verhuurkantoor"},
            {"waarde": "eigenaar", "label": "Ik ben eigenaar van mijn woning"},
            {"waarde": "inwonend", "label": "Ik woon in bij iemand anders"},
            {"waarde": "dakloos", "label": "Ik heb geen vaste woning"},
        ],
        "min": None,
        "max": None,
        "eenheid": None,
        "gevoelig": False,
        "gevraagd_door": ["chat", "begeleider"],
        "rubriek": {"sleutel": "wonen", "titel": "Wonen", "volgorde": 1},
    },
]

GEMEENTEN: list[dict[str, Any]] = [
    {
        "nis": "44021",
        "naam": "Gent",
        "provincie": "Oost-Vlaanderen",
        "gewest": "Vlaanderen",
        "gevonden_als": "Sint-Amandsberg",
    },
    {
        "nis": "12041",
        "naam": "Puurs-Sint-Amands",
        "provincie": "Antwerpen",
        "gewest": "Vlaanderen",
        "gevonden_als": "Sint-Amands",
    },
]

CONTACTPUNT: dict[str, Any] = {
    "nis": "71072",
    "gemeente": "Hasselt",
    "contactpunt": {
        "naam": "OCMW Hasselt, Sociale Dienst",
        "omschrijving": None,
        "telefoon": None,
        "adres": None,
        "openingsuren": "In de voormiddag, of op afspraak",
        "website": "https://www.hasselt.be",
        "bron_url": "https://www.hasselt.be/nl/tussenkomst-verwarmingsfonds",
    },
    "algemene_lijn": {
        "naam": "1700",
        "omschrijving": "het gratis informatienummer van de Vlaamse overheid",
        "telefoon": "1700",
        "adres": None,
        "openingsuren": None,
        "website": None,
        "bron_url": "https://overheid.vlaanderen.be/personeel/integriteit/1700-meldpunt-burgers-verenigingen-en-bedrijven",
    },
}

RECHTEN: list[dict[str, Any]] = [
    {
        "id": "vlaamse-huurpremie",
        "naam": "Vlaamse huurpremie",
        "niveau": "vlaams",
        "gemeenten": None,
        "bron_url": "https://www.vlaanderen.be/vlaamse-huurpremie-voor-kandidaat-huurders-van-een-sociale-woning/voor-wie-is-de-vlaamse-huurpremie",
        "thema": ["wonen", "BouwenWonen"],
        "samenvatting": "Een premie per maand als u al lang wacht op een sociale woning "
        "en intussen privé huurt in Vlaanderen. U krijgt ze niet samen met de Vlaamse "
        "huursubsidie: wie voor beide in aanmerking komt, krijgt de huurpremie.",
        "automatisch": None,
        "machineleesbare_regels": True,
    }
]

RECHT: dict[str, Any] = {
    "id": "vlaamse-huurpremie",
    "naam": "Vlaamse huurpremie",
    "niveau": "vlaams",
    "gemeenten": None,
    "bron_url": "https://www.vlaanderen.be/vlaamse-huurpremie-voor-kandidaat-huurders-van-een-sociale-woning/voor-wie-is-de-vlaamse-huurpremie",
    "thema": ["wonen", "BouwenWonen"],
    "samenvatting": "Een premie per maand als u al lang wacht op een sociale woning en intussen "
    "privé huurt in Vlaanderen. U krijgt ze niet samen met de Vlaamse "
    "huursubsidie: wie voor beide in aanmerking komt, krijgt de huurpremie.",
    "automatisch": None,
    "machineleesbare_regels": True,
    "beschrijving": "<p>Staat u al lang op de wachtlijst voor een sociale woning en huurt u "
    "intussen op de private markt? Dan kunt u een huurpremie krijgen.</p><p>De "
    "premie wordt elke maand betaald.</p><p>Wonen in Vlaanderen stuurt u zelf "
    "een aanvraagformulier als u aan de wachttijd voldoet.</p>",
    "beschrijving_tekst": "Staat u al lang op de wachtlijst voor een sociale woning en huurt u "
    "intussen op de private markt? Dan kunt u een huurpremie krijgen.\n"
    "\n"
    "De premie wordt elke maand betaald.\n"
    "\n"
    "Wonen in Vlaanderen stuurt u zelf een aanvraagformulier als u aan de "
    "wachttijd voldoet.",
    "voorwaarden_tekst": "- U staat minstens 4 jaar zonder onderbreking ingeschreven als "
    "kandidaat-huurder bij de woonmaatschappij van de gemeente waar u "
    "woont. Verhuist u, schrijf u dan binnen 9 maanden in bij de "
    "woonmaatschappij van uw nieuwe gemeente.\n"
    "- U huurt een woning of een kamer op de private huurmarkt in het "
    "Vlaamse Gewest (niet in Brussel). Het huurcontract staat op uw naam en "
    "u hebt er uw domicilie.",
    "voorwaarden": [
        {
            "id": "vlaams_gewest",
            "tekst": "U huurt een woning in het Vlaamse Gewest.",
            "bron": "https://www.wonenvlaanderen.be/premies/voor-wie-de-vlaamse-huurpremie",
        },
        {
            "id": "private_huurder",
            "tekst": "U huurt een woning of kamer van een private verhuurder.",
            "bron": "https://www.vlaanderen.be/vlaamse-huurpremie-voor-kandidaat-huurders-van-een-sociale-woning/voor-wie-is-de-vlaamse-huurpremie",
        },
    ],
    "aanvragen": "Wonen in Vlaanderen stuurt u een aanvraagformulier als u 4 jaar op de "
    "wachtlijst staat. Stuur het terug met een kopie van uw huurcontract. Kreeg u "
    "geen formulier, neem dan contact op met Wonen in Vlaanderen.",
    "bewijsstukken": "- het aanvraagformulier dat u van Wonen in Vlaanderen kreeg\n"
    "- een kopie van uw huurcontract\n"
    "- als een meerderjarig kind bij u woont: een attest dat u er nog "
    "Groeipakket voor krijgt\n"
    "- bij co-ouderschap: een bewijs van de verblijfsregeling\n"
    "- een attest van een erkende handicap, als dat voor u geldt",
    "kosten": "De aanvraag is gratis.",
    "financiele_voordelen": "De premie is het verschil tussen een referentiehuurprijs en een "
    "eigen bijdrage (1/55 van uw jaarinkomen). Er is een maximum "
    "(bedragen van 2024):\n"
    "\n"
    "- € 177,76 per maand, plus € 29,63 per persoon ten laste (tot de "
    "vierde)\n"
    "- in gemeenten met een verhoging (onder meer de centrumsteden): € "
    "195,54 per maand, plus € 32,59 per persoon ten laste\n"
    "\n"
    "Een erkende handicap telt mee als persoon ten laste, ook bij uzelf.",
    "links": [
        "https://www.vlaanderen.be/bouwen-wonen-en-energie/huren-en-verhuren/vlaamse-huurpremie-voor-kandidaat-huurders-van-een-sociale-woning/hoeveel-bedraagt-de-vlaamse-huurpremie",
        "https://www.zwevegem.be/huurpremie",
    ],
    "zoektermen": ["huurpremie", "huur", "wachtlijst", "huur te duur", "huurprijs"],
    "voor_wie": ["Huurders met een laag inkomen", "Op de wachtlijst voor een sociale woning"],
    "productnummer": "vlaamse-huurpremie",
    "laatst_gewijzigd": "2026-11-01T00:00:00+00:00",
    "contactgegevens": [],
}

EVALUATIE: dict[str, Any] = {
    "datum": "2025-06-01",
    "rechten": [
        {
            "id": "sociaal-tarief-energie",
            "naam": "Sociaal tarief voor elektriciteit en aardgas",
            "niveau": "federaal",
            "status": "waarschijnlijk",
            "uitleg": [
                {
                    "tekst": "U of iemand op uw adres behoort tot een groep die recht "
                    "heeft op het sociaal tarief.",
                    "status": "voldaan",
                    "onderdelen": [
                        {
                            "tekst": "U of iemand op uw adres krijgt een leefloon van het OCMW.",
                            "status": "voldaan",
                            "onderdelen": [],
                            "opmerkingen": [],
                            "na_te_gaan": False,
                        },
                        {
                            "tekst": "U of uw partner krijgt een inkomensgarantie voor ouderen.",
                            "status": "onbekend",
                            "onderdelen": [],
                            "opmerkingen": [],
                            "na_te_gaan": False,
                        },
                    ],
                    "opmerkingen": [],
                    "na_te_gaan": False,
                }
            ],
            "benaderingen": [],
            "reden": "U of iemand op uw adres krijgt een leefloon van het OCMW.",
            "opmerkingen": [],
            "via": ["leefloon"],
            "verouderd": [],
            "bedrag": None,
            "bedrag_tekst": None,
            "aanvragen": "U hoeft niets te doen: uw leverancier krijgt het automatisch "
            "door. Gebeurt dat niet? Geef dan een attest aan uw leverancier. "
            "Dat krijgt u bij het OCMW, de Pensioendienst, uw zorgkas of de "
            "FOD Sociale Zekerheid (federale overheidsdienst).",
            "bewijsstukken": "Normaal niets. Past uw leverancier het sociaal tarief niet "
            "automatisch toe, geef dan een attest van de instelling die u "
            "de uitkering betaalt.",
            "bron_url": "https://economie.fgov.be/nl/themas/energie/energieprijzen/sociaal-tarief-voor-energie",
        },
        {
            "id": "vlaamse-huurpremie",
            "naam": "Vlaamse huurpremie",
            "niveau": "vlaams",
            "status": "mogelijk",
            "uitleg": [
                {
                    "tekst": "U staat minstens 4 jaar zonder onderbreking op de "
                    "wachtlijst voor een sociale woning.",
                    "status": "onbekend",
                    "onderdelen": [],
                    "opmerkingen": [],
                    "na_te_gaan": False,
                },
                {
                    "tekst": "Het inkomen van uw gezin is niet hoger dan de grens voor "
                    "een sociale woning.",
                    "status": "voldaan",
                    "onderdelen": [],
                    "opmerkingen": ["Bedrag van 1 januari 2023; het kan intussen hoger zijn."],
                    "na_te_gaan": False,
                },
            ],
            "benaderingen": [
                "Dit recht kijkt naar het belastbaar inkomen op uw "
                "aanslagbiljet. Dat is hier geschat uit uw netto maandinkomen. "
                "Het echte bedrag kan anders zijn."
            ],
            "reden": "U staat minstens 4 jaar zonder onderbreking op de wachtlijst voor een "
            "sociale woning.",
            "opmerkingen": ["Bedrag van 1 januari 2023; het kan intussen hoger zijn."],
            "via": [],
            "verouderd": [
                {
                    "parameter": "grens_alleenstaande",
                    "sinds": "2023-01-01",
                    "tekst": "Bedrag van 1 januari 2023; het kan intussen hoger zijn.",
                }
            ],
            "bedrag": 260.72,
            "bedrag_tekst": "tot € 260,72 per maand (het echte bedrag hangt af van uw "
            "huurprijs en uw inkomen) (bedrag van 1 januari 2024; het kan "
            "intussen hoger zijn)",
            "aanvragen": "Wonen in Vlaanderen stuurt u een aanvraagformulier als u 4 jaar "
            "op de wachtlijst staat. Stuur het terug met een kopie van uw "
            "huurcontract. Kreeg u geen formulier, neem dan contact op met "
            "Wonen in Vlaanderen.",
            "bewijsstukken": None,
            "bron_url": "https://www.vlaanderen.be/vlaamse-huurpremie-voor-kandidaat-huurders-van-een-sociale-woning/voor-wie-is-de-vlaamse-huurpremie",
        },
    ],
    "volgende_vraag": {
        "attribuut": "erkende_handicap",
        "vraag": "Hebt u of iemand in uw gezin een erkende handicap?",
        "waarom": "Voor mensen met een handicap gelden soms andere grenzen of extra voordelen.",
        "opties": [{"waarde": True, "label": "Ja"}, {"waarde": False, "label": "Nee"}],
        "groep": {
            "sleutel": "situaties",
            "soort": "aankruisen",
            "vraag": "Past een van deze situaties bij u? Passen er meer, typ ze dan samen, "
            'bijvoorbeeld "leefloon en mantelzorg".',
            "waarom": "Een leefloon of een verhoogde tegemoetkoming geeft vaak automatisch "
            "recht op andere voordelen. Voor mensen met een handicap en voor mantelzorgers "
            "bestaan er extra premies.",
            "leden": [
                "erkende_handicap",
                "ontvangt_tegemoetkoming_handicap",
                "ontvangt_igo",
                "ontvangt_zorgbudget_ouderen",
                "zelf_zorgbehoevend",
                "mantelzorger",
                "ontvangt_leefloon",
            ],
            "labels": {
                "ontvangt_leefloon": "Ik krijg een leefloon van het OCMW",
                "ontvangt_igo": "Ik of mijn partner krijgt een inkomensgarantie voor ouderen (IGO)",
                "ontvangt_tegemoetkoming_handicap": "Iemand in mijn gezin krijgt een "
                "tegemoetkoming voor een handicap",
                "ontvangt_zorgbudget_ouderen": "Iemand in mijn gezin krijgt een zorgbudget "
                "voor ouderen",
                "zelf_zorgbehoevend": "Ik heb door mijn gezondheid elke dag veel hulp nodig",
                "erkende_handicap": "Ik of iemand in mijn gezin heeft een erkende handicap",
                "mantelzorger": "Ik zorg thuis lang voor iemand die zorg nodig heeft (mantelzorg)",
            },
            "knoppen": [],
            "geen": "Geen van deze",
        },
    },
    "open_rechten": ["inkomensgarantie-ouderen", "zorgbudget-handicap"],
}

GEZONDHEID: dict[str, str] = {"status": "ok"}

CHAT_VRAAG: dict[str, Any] = {"sessie": "k3Jx9QmZ2vLp", "bericht": "Hallo"}

BEGROETING: dict[str, Any] = {
    "van": "bot",
    "tekst": "Dag! Ik ben de Rechtenverkenner. Ik stel u een paar korte vragen. Dan zeg ik op "
    "welke sociale voordelen u waarschijnlijk recht hebt, en waar u ze aanvraagt. Ik vraag "
    "niet naar uw naam, en u kunt het gesprek altijd meteen wissen. Waarmee kan ik helpen?",
    "knoppen": [
        {"titel": "Ontdek waar ik recht op heb", "payload": "/ontdek_rechten"},
        {"titel": "Heb ik recht op een huurpremie?", "payload": "Heb ik recht op een huurpremie?"},
    ],
}
"""The bot's greeting (``utter_begroeting`` in domain.yml), with two of its three buttons."""

CHAT_ANTWOORD: dict[str, Any] = {"berichten": [BEGROETING]}

GESCHIEDENIS: dict[str, Any] = {
    "berichten": [{"van": "gebruiker", "tekst": "Hallo", "knoppen": []}, BEGROETING]
}

# Error bodies (model Foutmelding), as the API gives them.

ONBEKENDE_GEMEENTE = (
    "We vinden geen gemeente in Vlaanderen of Brussel met de naam 'Atlantis'. "
    "Kijk de schrijfwijze na of geef uw postcode."
)
DUBBELZINNIGE_GEMEENTE = (
    "'Beveren' kan meer dan één gemeente zijn. Bedoelt u Beveren (Beveren-Kruibeke-Zwijndrecht), "
    "Beveren (Alveringem), Beveren (Roeselare) of Beveren (Waregem)?"
)
FOUT_ONGELDIGE_VRAAG: dict[str, Any] = {
    "detail": "De vraag klopt niet.",
    "fouten": [{"veld": "limiet", "bericht": "Deze waarde klopt niet."}],
}
FOUT_GEMEENTE_ONBEKEND: dict[str, Any] = {"detail": ONBEKENDE_GEMEENTE}
FOUT_GEMEENTE_DUBBELZINNIG: dict[str, Any] = {
    "detail": DUBBELZINNIGE_GEMEENTE,
    "fouten": [{"veld": "gemeente", "bericht": DUBBELZINNIGE_GEMEENTE}],
}
FOUT_GEMEENTE_FILTER: dict[str, Any] = {
    "detail": ONBEKENDE_GEMEENTE,
    "fouten": [{"veld": "gemeente", "bericht": ONBEKENDE_GEMEENTE}],
}
FOUT_RECHT_ONBEKEND: dict[str, Any] = {
    "detail": "Het recht 'bestaat-niet' staat niet in de catalogus."
}
FOUT_PROFIEL: dict[str, Any] = {
    "detail": "Het profiel klopt niet.",
    "fouten": [
        {"veld": "profiel.leeftijd", "bericht": "Geef een geheel getal."},
        {"veld": "profiel.gemeente", "bericht": ONBEKENDE_GEMEENTE},
    ],
}
FOUT_REFERENTIE: dict[str, Any] = {
    "detail": "De vraag klopt niet.",
    "fouten": [
        {
            "veld": "referentie",
            "bericht": "De referentie is te lang. Gebruik ten hoogste 60 tekens.",
        }
    ],
}
FOUT_GEEN_LEEFLOONADVIES: dict[str, Any] = {
    "detail": "Het leefloonadvies is niet beschikbaar: de catalogus heeft geen regels voor "
    "het leefloon."
}
FOUT_SESSIE: dict[str, Any] = {
    "detail": "De vraag klopt niet.",
    "fouten": [{"veld": "sessie", "bericht": "Deze waarde klopt niet."}],
}
FOUT_CHAT_BERICHT: dict[str, Any] = {
    "detail": "De vraag klopt niet.",
    "fouten": [
        {"veld": "bericht", "bericht": "Uw bericht is te lang. Gebruik ten hoogste 500 tekens."}
    ],
}
FOUT_ORIGIN: dict[str, Any] = {"detail": "Deze website mag de chat niet gebruiken.", "fouten": []}
FOUT_TE_SNEL: dict[str, Any] = {"detail": "U stuurt te veel berichten kort na elkaar. Wacht even."}
FOUT_NIET_BEREIKBAAR: dict[str, Any] = {
    "detail": "De assistent is even niet bereikbaar. Probeer het over enkele minuten opnieuw."
}
FOUT_NIET_GEWIST: dict[str, Any] = {"detail": "Het gesprek kan nu niet gewist worden."}
FOUT_GEEN_OVERZICHT: dict[str, Any] = {
    "detail": "Er is nog geen overzicht. Beantwoord eerst enkele vragen in het gesprek."
}
