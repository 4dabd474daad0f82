"""Pydantic models of the public API (v1). Field names are the API's Dutch vocabulary."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.api import voorbeelden

StatusWaarde = Literal["waarschijnlijk", "mogelijk", "niet", "niet_gecontroleerd"]
VoorwaardeStatusWaarde = Literal["voldaan", "niet_voldaan", "onbekend"]


class Optie(BaseModel):
    waarde: str | bool
    label: str


class RubriekUit(BaseModel):
    """Het deel van het begeleide formulier (/begeleid) waar een vraag staat."""

    sleutel: str
    titel: str
    volgorde: int = Field(description="De plaats van dit deel op de pagina (0 eerst)")


class AttribuutUit(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [voorbeelden.ATTRIBUTEN[1]]})

    sleutel: str
    type: Literal["bool", "int", "euro", "enum", "gemeente"]
    vraag: str
    waarom: str
    opties: list[Optie] | None = None
    min: float | None = None
    max: float | None = None
    eenheid: str | None = None
    gevoelig: bool
    gevraagd_door: list[Literal["chat", "begeleider"]] = Field(
        default=["chat", "begeleider"],
        description="Wie de vraag mag stellen: de chat van de burger, een begeleider "
        "(maatschappelijk werker, helpdesk), of allebei",
    )
    rubriek: RubriekUit | None = Field(
        default=None, description="Het deel van het begeleide formulier, bv. 'Wonen'"
    )


class GemeenteUit(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [voorbeelden.GEMEENTEN[0]]})

    nis: str = Field(description="Huidige NIS-code (5 cijfers)")
    naam: str
    provincie: str | None = None
    gewest: str | None = None
    gevonden_als: str | None = Field(
        default=None, description="De naam waarop gezocht werd, bv. een deelgemeente"
    )


class RechtKort(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [voorbeelden.RECHTEN[0]]})

    id: str
    naam: str
    niveau: str
    gemeenten: list[str] | None = Field(description="NIS-codes; null als het recht niet lokaal is")
    bron_url: str
    thema: list[str] = []
    samenvatting: str | None = None
    automatisch: bool | None = None
    machineleesbare_regels: bool


class VoorwaardeUit(BaseModel):
    id: str
    tekst: str
    bron: str | None = None


class ContactgegevenUit(BaseModel):
    """Waar u terecht kunt voor dit product, zoals de dienst het in IPDC/LPDC zet."""

    adres: str | None = Field(default=None, description="Bv. 'Sportstraat 12 bus A, 3000 Leuven'")
    telefoon: str | None = None
    email: str | None = None
    website: str | None = None
    openingsuren: str | None = None


class RechtDetail(RechtKort):
    model_config = ConfigDict(json_schema_extra={"examples": [voorbeelden.RECHT]})

    beschrijving: str | None = Field(default=None, description="Veilige HTML")
    beschrijving_tekst: str | None = None
    voorwaarden_tekst: str | None = None
    voorwaarden: list[VoorwaardeUit] = []
    aanvragen: str | None = None
    bewijsstukken: str | None = None
    kosten: str | None = None
    financiele_voordelen: str | None = None
    links: list[str] = []
    zoektermen: list[str] = Field(
        default=[], description="Woorden waarmee mensen dit recht zoeken (IPDC en regelbestand)"
    )
    voor_wie: list[str] = Field(
        default=[], description="Situaties die mensen herkennen, bv. 'Laag inkomen'"
    )
    productnummer: str | None = Field(
        default=None,
        description="Het IPDC-productnummer, of de sleutel van een lokaal product zonder "
        "nummer (lpdc-<uuid>)",
    )
    laatst_gewijzigd: str | None = None
    contactgegevens: list[ContactgegevenUit] = Field(
        default=[], description="Contactpunten van het product (adres, telefoon, e-mail…)"
    )


class EvaluatieVraag(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "profiel": voorbeelden.PROFIEL,
                    "datum": "2025-06-01",
                }
            ]
        }
    )

    profiel: dict[str, Any] = Field(
        default_factory=dict,
        description=(
            "Attribuut -> waarde, met de sleutels van GET /api/v1/attributen. "
            "null betekent 'weet ik niet': die vraag komt niet meer terug."
        ),
    )
    datum: date | None = Field(default=None, description="Peildatum; standaard vandaag")
    rechten: list[str] | None = Field(
        default=None, description="Alleen deze rechten beoordelen (ids); standaard alle"
    )


class UitlegRegel(BaseModel):
    tekst: str
    status: VoorwaardeStatusWaarde
    onderdelen: list[UitlegRegel] = []
    opmerkingen: list[str] = Field(
        default=[],
        description="Bv. 'Uw inkomen ligt dicht bij de grens.' of dat een bedrag oud is",
    )
    na_te_gaan: bool = Field(
        default=False, description="Een voorwaarde die alleen de dienst kan nagaan"
    )


class Verouderd(BaseModel):
    parameter: str
    sinds: date = Field(description="Datum van de nieuwste waarde die we kennen")
    tekst: str


class RechtUitkomstUit(BaseModel):
    id: str
    naam: str
    niveau: str
    status: StatusWaarde
    uitleg: list[UitlegRegel]
    benaderingen: list[str] = Field(
        default=[], description="Waar we een inkomen schatten in plaats van het echte bedrag"
    )
    reden: str | None = Field(default=None, description="De voorwaarde die de status uitlegt")
    opmerkingen: list[str] = []
    via: list[str] = Field(
        default=[],
        description="Waarschijnlijk alleen als u ook deze rechten krijgt (ids): 'als u … krijgt'",
    )
    verouderd: list[Verouderd] = Field(
        default=[],
        description=(
            "Bedragen die ouder zijn dan een jaar: een geïndexeerd bedrag kan hoger zijn, "
            "een vast bedrag kan veranderd zijn"
        ),
    )
    bedrag: float | None = None
    bedrag_tekst: str | None = None
    aanvragen: str | None = None
    bewijsstukken: str | None = None
    bron_url: str


class GroepKnopUit(BaseModel):
    titel: str
    waarden: dict[str, Any] = Field(description="Attribuut -> waarde die de knop invult")


class VraaggroepUit(BaseModel):
    """Enkele attributen in één vraag (zie ``vraaggroepen`` in de woordenlijst)."""

    sleutel: str
    soort: Literal["samen", "aankruisen"] = Field(
        description="samen: één open vraag, wat ontbreekt volgt apart; "
        "aankruisen: wat de persoon kiest is ja, de rest nee"
    )
    vraag: str
    waarom: str
    leden: list[str] = Field(description="De attributen die deze vraag nu vraagt")
    labels: dict[str, str] = Field(default={}, description="aankruisen: attribuut -> knoptekst")
    knoppen: list[GroepKnopUit] = []
    geen: str | None = Field(default=None, description="aankruisen: tekst voor 'geen van deze'")


class VolgendeVraag(BaseModel):
    attribuut: str
    vraag: str
    waarom: str
    opties: list[Optie] | None = None
    groep: VraaggroepUit | None = Field(
        default=None,
        description="Als de volgende vraag enkele attributen samen vraagt; 'attribuut' is "
        "dan het eerste ervan",
    )


class EvaluatieAntwoord(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [voorbeelden.EVALUATIE]})

    datum: date
    rechten: list[RechtUitkomstUit]
    volgende_vraag: VolgendeVraag | None
    open_rechten: list[str]


class Veldfout(BaseModel):
    veld: str
    bericht: str


class Foutmelding(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [voorbeelden.FOUT_PROFIEL]})

    detail: str = Field(description="Wat er mis is, in het Nederlands")
    fouten: list[Veldfout] = Field(default=[], description="Per veld wat niet klopt")


def foutantwoord(beschrijving: str, voorbeeld: dict[str, Any]) -> dict[str, Any]:
    """An error answer for ``responses=``: the model ``Foutmelding`` with a real example."""
    return {
        "model": Foutmelding,
        "description": beschrijving,
        "content": {"application/json": {"example": voorbeeld}},
    }


def met_voorbeeld(voorbeeld: Any, beschrijving: str = "Gelukt") -> dict[str, Any]:
    """A JSON answer for ``responses=`` with an example on the media type (for lists and
    plain objects, whose schema has no model to hold the example)."""
    return {"description": beschrijving, "content": {"application/json": {"example": voorbeeld}}}


AdviesWaarde = Literal["toekenning", "verder_sociaal_onderzoek", "geen_recht"]
CategorieWaarde = Literal["samenwonend", "alleenstaand", "gezinslast"]


class AdviesVraag(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "profiel": {
                        "gemeente": "Gent",
                        "leeftijd": 34,
                        "samenwonend_met_partner": False,
                        "aantal_kinderen": 0,
                        "samenwonend_met_anderen": False,
                        "woonsituatie": "huurder_privaat",
                        "verblijfsstatus": "belg",
                        "werkelijk_verblijf": True,
                        "werksituatie": "werkzoekend",
                        "netto_maandinkomen_gezin": 400,
                        "soort_inkomen": "loon",
                        "ontvangt_leefloon": False,
                        "werkbereid": "ja",
                        "onroerend_goed_naast_woning": False,
                    },
                    "datum": "2025-06-01",
                }
            ]
        },
    )

    profiel: dict[str, Any] = Field(
        default_factory=dict,
        description=(
            "Attribuut -> waarde, met de sleutels van GET /api/v1/attributen (ook "
            "werkelijk_verblijf, werkbereid, onroerend_goed_naast_woning, "
            "samenwonend_met_anderen). null betekent 'weet ik niet'."
        ),
    )
    datum: date | None = Field(default=None, description="Peildatum; standaard vandaag")


class OnderzoekspuntUit(BaseModel):
    punt: str = Field(description="Wat het sociaal onderzoek nog moet nagaan")
    waarom: str


class AdviesAntwoord(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "advies": "toekenning",
                    "categorie": "alleenstaand",
                    "bedrag_maand": 1314.2,
                    "bedrag_na_middelen": 1174.68,
                    "te_onderzoeken": [],
                    "uitleg": [
                        "Alle voorwaarden voor een leefloon lijken vervuld.",
                        "Het leefloon is € 1.314,20 per maand (bedrag vanaf 1 februari 2025). "
                        "Bron: https://centenvoorstudenten.be/info/leefloon/bedrag-leefloon/",
                    ],
                },
                {
                    "advies": "verder_sociaal_onderzoek",
                    "categorie": None,
                    "bedrag_maand": None,
                    "bedrag_na_middelen": None,
                    "te_onderzoeken": [
                        {
                            "punt": "Studie",
                            "waarom": "U studeert. Het OCMW kijkt eerst of uw ouders "
                            "kunnen helpen.",
                        }
                    ],
                    "uitleg": [
                        "Een leefloon is mogelijk. Het OCMW moet eerst nog enkele dingen nagaan."
                    ],
                },
            ]
        }
    )

    advies: AdviesWaarde
    categorie: CategorieWaarde | None = Field(
        description="De categorie van het leefloon, als die duidelijk is"
    )
    bedrag_maand: float | None = Field(
        description="Het bedrag van de categorie per maand op de datum (een koppel zonder "
        "kinderen: twee keer het bedrag voor een samenwonende)"
    )
    bedrag_na_middelen: float | None = Field(
        description="Schatting na aftrek van de middelen die meetellen, min de vrijstellingen "
        "(alleen bij toekenning)"
    )
    te_onderzoeken: list[OnderzoekspuntUit]
    uitleg: list[str]
