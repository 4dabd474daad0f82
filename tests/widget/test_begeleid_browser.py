"""The social worker's guided form (/begeleid) in a real headless Chromium, against the real API.

No Rasa needed: the page only uses the API (``api_zonder_bot``). Three clients are filled in
field by field; after each change the page must show what ``POST /api/v1/evaluatie`` says for
the same profile (asked here over real HTTP): the three groups and the highlighted field.
Screenshots go to var/screenshots/begeleid-*.png.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from inhoudsbeleid import volg_inhoudsbeleid

from bot.vocabulary import AttribuutType, laad_vocabulaire

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "overzicht"))
from pdf_lezen import lees_pdf  # noqa: E402

pytestmark = pytest.mark.widget

REPO = Path(__file__).resolve().parents[2]
SCHERMAFDRUKKEN = REPO / "var" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
TABLET = {"width": 768, "height": 1024}
TELEFOON = {"width": 360, "height": 740}
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BESLIST = "deze vraag beslist het meest"
GROEPEN = ("waarschijnlijk", "mogelijk", "niet")

VOCABULAIRE = laad_vocabulaire()

# Three clients, in the order a social worker fills in the fields.
GEPENSIONEERDE_BRUGGE = [
    ("gemeente", "Brugge"),
    ("leeftijd", 72),
    ("samenwonend_met_partner", False),
    ("aantal_kinderen", 0),
    ("woonsituatie", "huurder_privaat"),
    ("netto_maandinkomen_gezin", 1250),
    ("werksituatie", "gepensioneerd"),
    ("soort_inkomen", "pensioen"),
    ("verblijfsstatus", "belg"),
]
MOEDER_GENT = [
    ("gemeente", "Gent"),
    ("leeftijd", 31),
    ("samenwonend_met_partner", False),
    ("aantal_kinderen", 2),
    ("leeftijd_jongste_kind", 4),
    ("woonsituatie", "huurder_privaat"),
    ("netto_maandinkomen_gezin", 1300),
    ("werksituatie", "werknemer"),
    ("soort_inkomen", "loon"),
    ("verblijfsstatus", "belg"),
]
KOPPEL_BRUSSEL = [
    ("gemeente", "Brussel"),
    ("leeftijd", 45),
    ("samenwonend_met_partner", True),
    ("aantal_kinderen", 0),
    ("woonsituatie", "huurder_privaat"),
    ("netto_maandinkomen_gezin", 2100),
    ("werksituatie", "werkzoekend"),
]


# --- helpers ------------------------------------------------------------------------------


@pytest.fixture()
def context(browser: Any) -> Iterator[Any]:
    c = browser.new_context(viewport=DESKTOP, locale="nl-BE")
    yield c
    c.close()


@pytest.fixture()
def api(api_zonder_bot: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_zonder_bot, timeout=30) as client:
        yield client


def open_pagina(context: Any, url: str) -> Any:
    pagina = context.new_page()
    pagina.fouten = []
    pagina.on("pageerror", lambda e: pagina.fouten.append(str(e)))
    volg_inhoudsbeleid(pagina, pagina.fouten)  # the CSP must not block the page
    pagina.goto(url + "/begeleid")
    wacht_op_resultaat(pagina, 0)
    return pagina


def evaluaties(pagina: Any) -> int:
    return int(pagina.evaluate("() => Number(document.body.dataset.evaluaties || 0)"))


def wacht_op_resultaat(pagina: Any, voor: int) -> None:
    """Until the page has shown the answer of an evaluation asked after ``voor``."""
    pagina.wait_for_function(
        """(n) => Number(document.body.dataset.evaluaties || 0) > n
                  && document.getElementById('resultaat').getAttribute('aria-busy') === 'false'""",
        arg=voor,
        timeout=15_000,
    )


def vul_in(pagina: Any, sleutel: str, waarde: Any) -> None:
    """Fill one field like a person does, and wait for the new result."""
    voor = evaluaties(pagina)
    soort = VOCABULAIRE.attributen[sleutel].type
    if soort is AttribuutType.BOOL:
        pagina.check(f"#{sleutel}-{'true' if waarde else 'false'}")
    elif soort is AttribuutType.ENUM:
        pagina.select_option(f"#{sleutel}", str(waarde))
    else:
        pagina.fill(f"#{sleutel}", str(waarde))
    wacht_op_resultaat(pagina, voor)


def op_de_pagina(pagina: Any) -> dict[str, list[str]]:
    """The rights per group, as the page shows them."""
    return pagina.evaluate(
        """(groepen) => Object.fromEntries(groepen.map(g => [g,
             [...document.querySelectorAll(`#groep-${g} details.recht`)]
               .map(d => d.dataset.id)]))""",
        list(GROEPEN),
    )


def gemarkeerd(pagina: Any) -> list[str]:
    """The fields marked as deciding most (with the visible text)."""
    return pagina.evaluate(
        """(tekst) => [...document.querySelectorAll('.veld.beslist')]
             .filter(v => [...v.querySelectorAll('.beslist-tekst')]
                            .some(p => !p.hidden && p.textContent === tekst))
             .map(v => v.dataset.attribuut)""",
        BESLIST,
    )


def volgens_api(api: httpx.Client, profiel: dict[str, Any]) -> tuple[dict[str, list[str]], Any]:
    data = api.post("/api/v1/evaluatie", json={"profiel": profiel}).json()
    groepen = {g: [r["id"] for r in data["rechten"] if r["status"] == g] for g in GROEPEN}
    volgende = data["volgende_vraag"]["attribuut"] if data["volgende_vraag"] else None
    return groepen, volgende


def vul_client_in(pagina: Any, api: httpx.Client, client: list[tuple[str, Any]]) -> list[Any]:
    """Fill the client's fields one by one; after each, the page must match the API.

    Returns the highlighted field after each step (the first: before any field)."""
    profiel: dict[str, Any] = {}
    gezien: list[Any] = [*gemarkeerd(pagina)] or [None]
    for sleutel, waarde in client:
        vul_in(pagina, sleutel, waarde)
        profiel[sleutel] = waarde
        groepen, volgende = volgens_api(api, profiel)
        assert op_de_pagina(pagina) == groepen, sleutel
        assert gemarkeerd(pagina) == ([volgende] if volgende else []), sleutel
        samenvatting = pagina.text_content("#samenvatting")
        assert samenvatting.startswith(
            f"{len(groepen['waarschijnlijk'])} waarschijnlijk, {len(groepen['mogelijk'])} "
            f"mogelijk, {len(groepen['niet'])} niet."
        )
        gezien.append(volgende)
    return gezien


STATUS_LABEL = {"voldaan": "Voldaan", "niet_voldaan": "Niet voldaan", "onbekend": "Na te gaan"}


def volgens_api_voorwaarden(
    api: httpx.Client, profiel: dict[str, Any], recht: str
) -> list[tuple[str, str]]:
    """The conditions of one right as the API explains them, flattened like the page."""
    data = api.post("/api/v1/evaluatie", json={"profiel": profiel}).json()
    (uitkomst,) = [r for r in data["rechten"] if r["id"] == recht]
    regels: list[tuple[str, str]] = []

    def voeg_toe(uitleg: list[dict[str, Any]]) -> None:
        for v in uitleg:
            label = STATUS_LABEL[v["status"]]
            if v["status"] == "onbekend" and v["na_te_gaan"]:
                label = "Na te gaan door de dienst"
            regels.append([label, v["tekst"]])
            voeg_toe(v["onderdelen"])

    voeg_toe(uitkomst["uitleg"])
    return regels


def open_recht(pagina: Any, recht: str) -> Any:
    details = pagina.locator(f"details.recht[data-id='{recht}']")
    details.locator("summary").click()
    assert details.get_attribute("open") is not None
    return details


def voorwaarden(details: Any) -> list[tuple[str, str]]:
    """(status label, text) of every condition shown, nested ones too."""
    return details.evaluate(
        """d => [...d.querySelectorAll('li.voorwaarde')].map(li => [
             li.querySelector(':scope > .vw-status').textContent,
             li.querySelector(':scope > .vw-tekst').textContent])"""
    )


def rij(details: Any, titel: str) -> str:
    """The text under a heading ("Bedrag", "Aanvragen", …) in an opened right."""
    return details.evaluate(
        """(d, titel) => { const dt = [...d.querySelectorAll('dt')]
             .find(x => x.textContent === titel);
           return dt ? dt.nextElementSibling.innerText : null; }""",
        titel,
    )


def schermafdruk(pagina: Any, naam: str) -> None:
    """The top of the page at desktop, tablet (768 px) and phone (360 px) width; on the
    narrow ones (one column) also the opened right in the result."""
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    grootte = pagina.viewport_size
    for soort, maat in (("desktop", DESKTOP), ("768px", TABLET), ("360px", TELEFOON)):
        pagina.set_viewport_size(maat)
        pagina.evaluate("() => window.scrollTo(0, 0)")
        pagina.wait_for_timeout(150)
        pagina.screenshot(path=str(SCHERMAFDRUKKEN / f"begeleid-{naam}-{soort}.png"))
        if maat is not DESKTOP:
            pagina.locator("details.recht[open]").first.scroll_into_view_if_needed()
            pagina.wait_for_timeout(150)
            pad = SCHERMAFDRUKKEN / f"begeleid-{naam}-{soort}-resultaat.png"
            pagina.screenshot(path=str(pad))
    pagina.set_viewport_size(grootte)


def axe_schendingen(pagina: Any) -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(pagina, options={"runOnly": {"type": "tag", "values": WCAG_A_AA}})


# --- the page comes from the vocabulary ---------------------------------------------------


def test_elk_gevraagd_attribuut_is_een_veld_in_zijn_rubriek(context: Any, api_zonder_bot: str):
    pagina = open_pagina(context, api_zonder_bot)
    legenden = pagina.eval_on_selector_all(
        "#rubrieken > fieldset.rubriek > legend", "els => els.map(e => e.textContent)"
    )
    assert legenden == [r.titel for r in VOCABULAIRE.rubrieken.values()]
    for sleutel, a in VOCABULAIRE.attributen.items():
        rubriek = pagina.locator(f"#rubriek-{a.rubriek}")
        velden = rubriek.locator(f"[name='{sleutel}']")
        if a.type is AttribuutType.BOOL:
            # a radio per option, plus "Onbekend" (left out of the profile), in a fieldset
            groep = rubriek.locator(f"fieldset#veld-{sleutel}")
            assert groep.locator("legend").text_content() == a.vraag
            labels = [pagina.text_content(f"label[for='{sleutel}-{w}']") for w in ("true", "false")]
            assert labels == [a.opties["true"], a.opties["false"]]
            assert velden.count() == 3
            assert pagina.is_checked(f"#{sleutel}-onbekend")
        else:
            assert velden.count() == 1, sleutel
            assert pagina.text_content(f"label[for='{sleutel}']") == a.vraag
            veld = velden.first
            if a.type is AttribuutType.ENUM:
                opties = veld.locator("option")
                assert opties.evaluate_all("os => os.map(o => o.value)") == ["", *a.opties]
                assert opties.evaluate_all("os => os.map(o => o.textContent)")[1:] == list(
                    a.opties.values()
                )
            elif a.type in (AttribuutType.INT, AttribuutType.EURO):
                assert veld.get_attribute("type") == "number"
                assert float(veld.get_attribute("min")) == a.min
                assert float(veld.get_attribute("max")) == a.max
            else:
                assert veld.get_attribute("list") == "gemeenten-lijst"
        # the why-text is shown and read with the field
        beschreven = pagina.locator(f"fieldset#veld-{sleutel}, #{sleutel}").first
        assert f"{sleutel}-waarom" in beschreven.get_attribute("aria-describedby")
        assert pagina.text_content(f"#{sleutel}-waarom") == a.waarom
    # derived attributes are computed, not asked
    for naam in VOCABULAIRE.afgeleid:
        assert pagina.locator(f"[name='{naam}']").count() == 0
    assert pagina.locator("#gemeenten-lijst option[value='Brugge']").count() == 1
    assert pagina.locator("#gemeenten-lijst option").count() > 300
    assert not pagina.fouten


def test_de_pagina_laadt_niets_van_een_andere_site(context: Any, api_zonder_bot: str) -> None:
    pagina = context.new_page()
    adressen: list[str] = []
    pagina.on("request", lambda r: adressen.append(r.url))
    pagina.goto(api_zonder_bot + "/begeleid")
    wacht_op_resultaat(pagina, 0)
    assert adressen
    assert all(a.startswith(api_zonder_bot + "/") or a.startswith("data:") for a in adressen)


# --- three clients --------------------------------------------------------------------------


def test_alleenstaande_gepensioneerde_in_brugge(
    context: Any, api_zonder_bot: str, api: httpx.Client
) -> None:
    pagina = open_pagina(context, api_zonder_bot)
    # nothing filled in: who and where decide most (the opening question of the bot)
    assert gemarkeerd(pagina) == ["leeftijd"]
    assert op_de_pagina(pagina)["waarschijnlijk"] == []
    gezien = vul_client_in(pagina, api, GEPENSIONEERDE_BRUGGE)
    assert len({g for g in gezien if g}) >= 3  # the highlight moved as fields were filled
    resultaat = op_de_pagina(pagina)
    assert "inkomensgarantie-ouderen" in resultaat["waarschijnlijk"]
    assert "groeipakket-basisbedrag" in resultaat["niet"]  # no children

    igo = open_recht(pagina, "inkomensgarantie-ouderen")
    regels = voorwaarden(igo)
    assert regels == volgens_api_voorwaarden(
        api, dict(GEPENSIONEERDE_BRUGGE), "inkomensgarantie-ouderen"
    )
    assert ["Voldaan", "U hebt de wettelijke pensioenleeftijd bereikt."] in regels
    assert rij(igo, "Bedrag").startswith("tot €")
    assert "Pensioendienst" in rij(igo, "Aanvragen")
    assert rij(igo, "Wat meebrengen")
    assert rij(igo, "Contact").startswith("OCMW Brugge\nHoogstraat 9, Brugge")
    bron = igo.locator("dd a").last
    recht = api.get("/api/v1/rechten/inkomensgarantie-ouderen").json()
    assert bron.get_attribute("href") == recht["bron_url"]
    schermafdruk(pagina, "brugge")
    assert not pagina.fouten


def test_alleenstaande_moeder_die_privaat_huurt_in_gent(
    context: Any, api_zonder_bot: str, api: httpx.Client
) -> None:
    pagina = open_pagina(context, api_zonder_bot)
    vul_client_in(pagina, api, MOEDER_GENT)
    resultaat = op_de_pagina(pagina)
    for recht in ("groeipakket-sociale-toeslag", "uitpas-kansentarief-gent", "leefloon"):
        assert recht in resultaat["waarschijnlijk"], recht
    # an open right stays open while the result changes
    toeslag = open_recht(pagina, "groeipakket-sociale-toeslag")
    assert voorwaarden(toeslag) == volgens_api_voorwaarden(
        api, dict(MOEDER_GENT), "groeipakket-sociale-toeslag"
    )
    labels = {*STATUS_LABEL.values(), "Na te gaan door de dienst"}
    assert {s for s, _ in voorwaarden(toeslag)} <= labels
    assert rij(toeslag, "Contact").startswith("OCMW Gent")
    schermafdruk(pagina, "gent")

    # a higher income: the results follow without reloading the page
    vul_in(pagina, "netto_maandinkomen_gezin", 4200)
    na = op_de_pagina(pagina)
    assert "leefloon" not in na["waarschijnlijk"]
    assert "uitpas-kansentarief-gent" not in na["waarschijnlijk"]
    assert "vlaamse-huurpremie" in na["niet"]
    assert na == volgens_api(api, {**dict(MOEDER_GENT), "netto_maandinkomen_gezin": 4200})[0]
    toeslag = pagina.locator("details.recht[data-id='groeipakket-sociale-toeslag']")
    assert toeslag.get_attribute("open") is not None
    huurpremie = open_recht(pagina, "vlaamse-huurpremie")
    assert "Niet voldaan" in [s for s, _ in voorwaarden(huurpremie)]
    assert pagina.text_content("details[data-id='vlaamse-huurpremie'] .reden")
    assert not pagina.fouten


def test_koppel_in_brussel(context: Any, api_zonder_bot: str, api: httpx.Client) -> None:
    pagina = open_pagina(context, api_zonder_bot)
    vul_client_in(pagina, api, KOPPEL_BRUSSEL)
    resultaat = op_de_pagina(pagina)
    # the Flemish rent allowances are not for Brussels; no children: no Groeipakket
    assert {"vlaamse-huurpremie", "groeipakket-basisbedrag"} <= set(resultaat["niet"])
    assert "leefloon" in resultaat["mogelijk"]

    # a right that may apply: what is still to check, and what the evaluation leaves out
    # (what to bring) comes from the right's own page
    leefloon = open_recht(pagina, "leefloon")
    assert "Na te gaan" in [s for s, _ in voorwaarden(leefloon)]
    recht = api.get("/api/v1/rechten/leefloon").json()
    pagina.wait_for_function(
        """() => !document
             .querySelector("details[data-id='leefloon'] [data-veld='bewijsstukken']")
             .classList.contains('leeg')"""
    )
    assert rij(leefloon, "Wat meebrengen").strip() == recht["bewijsstukken"].strip()
    contact = rij(leefloon, "Contact")
    assert contact.startswith("Het OCMW of Sociaal Huis van Brussel.")
    assert "1700" in contact
    assert not pagina.fouten


def test_contact_noemt_de_openingsuren_uit_de_bron(context: Any, api_zonder_bot: str) -> None:
    """Hasselt's source page gives opening hours (catalogus/contactpunten.yaml)."""
    pagina = open_pagina(context, api_zonder_bot)
    vul_in(pagina, "gemeente", "Hasselt")
    recht = open_recht(pagina, pagina.locator("details.recht").first.get_attribute("data-id"))
    recht.locator("dt", has_text="Contact").wait_for()
    pagina.wait_for_function(
        """() => [...document.querySelectorAll('details.recht[open] dd')]
             .some(dd => dd.innerText.startsWith('OCMW Hasselt'))"""
    )
    assert rij(recht, "Contact").startswith(
        "OCMW Hasselt, Sociale Dienst\nOpeningsuren: In de voormiddag, of op afspraak\n"
        "https://www.hasselt.be"
    )
    assert not pagina.fouten


# --- errors, keyboard, overview, accessibility ------------------------------------------------


def test_een_foute_waarde_staat_bij_het_veld_en_telt_niet_mee(
    context: Any, api_zonder_bot: str, api: httpx.Client
) -> None:
    pagina = open_pagina(context, api_zonder_bot)
    vul_in(pagina, "gemeente", "Gent")
    vul_in(pagina, "leeftijd", 130)
    assert pagina.text_content("#leeftijd-fout") == "De waarde mag hoogstens 120 jaar zijn."
    assert pagina.get_attribute("#leeftijd", "aria-invalid") == "true"
    assert "leeftijd-fout" in pagina.get_attribute("#leeftijd", "aria-describedby")
    # the result is that of the profile without the wrong field
    groepen, volgende = volgens_api(api, {"gemeente": "Gent"})
    assert op_de_pagina(pagina) == groepen
    assert gemarkeerd(pagina) == [volgende]

    vul_in(pagina, "leeftijd", 40)
    assert pagina.is_hidden("#leeftijd-fout")
    assert pagina.get_attribute("#leeftijd", "aria-invalid") is None

    # an unknown municipality is looked up when the field is left
    voor = evaluaties(pagina)
    pagina.fill("#gemeente", "Atlantis")
    pagina.locator("#gemeente").blur()
    wacht_op_resultaat(pagina, voor)
    fout = api.post("/api/v1/evaluatie", json={"profiel": {"gemeente": "Atlantis"}}).json()
    assert pagina.text_content("#gemeente-fout") == fout["fouten"][0]["bericht"]
    assert "Atlantis" in fout["fouten"][0]["bericht"]
    assert op_de_pagina(pagina) == volgens_api(api, {"leeftijd": 40})[0]
    assert not pagina.fouten


def test_met_het_toetsenbord(context: Any, api_zonder_bot: str) -> None:
    pagina = open_pagina(context, api_zonder_bot)
    pagina.keyboard.press("Tab")  # the skip link
    assert pagina.evaluate("() => document.activeElement.className") == "naar-inhoud"
    pagina.keyboard.press("Tab")  # the code from a chat, above the form, and its button
    assert pagina.evaluate("() => document.activeElement.id") == "code"
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("() => document.activeElement.id") == "code-openen"
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("() => document.activeElement.id") == "gemeente"
    voor = evaluaties(pagina)
    pagina.keyboard.type("Brugge")
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("() => document.activeElement.id") == "leeftijd"
    pagina.keyboard.type("70")
    wacht_op_resultaat(pagina, voor)
    voor = evaluaties(pagina)
    pagina.keyboard.press("Tab")  # the radio group of the partner question
    pagina.keyboard.press("ArrowLeft")  # from "Onbekend" to "Nee, zonder partner"
    assert pagina.is_checked("#samenwonend_met_partner-false")
    wacht_op_resultaat(pagina, voor)

    # "Ga naar deze vraag" brings the focus to the field that decides most
    (gemarkeerd_veld,) = gemarkeerd(pagina)
    knop = pagina.get_by_role("button", name="Ga naar deze vraag")
    knop.focus()
    pagina.keyboard.press("Enter")
    focus = pagina.evaluate("() => document.activeElement.name")
    assert focus == gemarkeerd_veld
    # and the field says so to a screen reader
    beschreven = pagina.locator(f"fieldset#veld-{focus}, #{focus}").first
    assert f"{focus}-beslist" in beschreven.get_attribute("aria-describedby")

    # a right opens with Enter on its summary
    eerste = pagina.locator("#groep-mogelijk details.recht").first
    eerste.locator("summary").focus()
    pagina.keyboard.press("Enter")
    assert eerste.get_attribute("open") is not None
    # the focus is drawn: a visible outline
    stijl = pagina.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert stijl == "solid"
    assert not pagina.fouten


def test_knop_overzicht_stuurt_het_profiel_naar_de_pdf(context: Any, api_zonder_bot: str) -> None:
    pagina = open_pagina(context, api_zonder_bot)
    for sleutel, waarde in MOEDER_GENT[:4]:
        vul_in(pagina, sleutel, waarde)
    vul_in(pagina, "woonsituatie", "huurder_privaat")
    pagina.select_option("#woonsituatie", "")  # back to "Onbekend": left out
    pagina.fill("#referentie", "dossier 2026/118")
    pagina.check("#met-leefloonadvies")
    knop = pagina.get_by_role("button", name="Overzicht afdrukken / PDF")
    with pagina.expect_request("**/api/v1/overzicht.pdf") as verzoek:
        knop.click()
    vraag = verzoek.value
    assert vraag.method == "POST"
    assert vraag.headers["content-type"] == "application/json"
    assert vraag.post_data_json == {
        "profiel": {
            "gemeente": "Gent",
            "leeftijd": 31,
            "samenwonend_met_partner": False,
            "aantal_kinderen": 2,
        },
        "referentie": "dossier 2026/118",
        "met_leefloonadvies": True,
    }
    # without a reference and without the advice: no reference in the body
    pagina.fill("#referentie", "")
    pagina.uncheck("#met-leefloonadvies")
    with pagina.expect_request("**/api/v1/overzicht.pdf") as verzoek:
        knop.click()
    assert set(verzoek.value.post_data_json) == {"profiel", "met_leefloonadvies"}
    assert verzoek.value.post_data_json["met_leefloonadvies"] is False


def test_de_pdf_van_het_formulier_heeft_de_rechten_en_het_leefloonadvies(
    context: Any, api_zonder_bot: str, api: httpx.Client
) -> None:
    """The button downloads a real PDF: the rights the page shows as waarschijnlijk, the
    reference and, when asked, the leefloon advice the API gives for the same profile."""
    pagina = open_pagina(context, api_zonder_bot)
    for sleutel, waarde in MOEDER_GENT:
        vul_in(pagina, sleutel, waarde)
    namen = [
        " ".join(n.split())
        for n in pagina.locator("#groep-waarschijnlijk details.recht summary").all_inner_texts()
    ]
    assert namen
    pagina.fill("#referentie", "dossier 2026/118")
    pagina.check("#met-leefloonadvies")
    with pagina.expect_download() as download:
        pagina.get_by_role("button", name="Overzicht afdrukken / PDF").click()
    pdf = lees_pdf(Path(download.value.path()).read_bytes())
    tekst = " ".join(pdf.tekst.split())
    assert "dossier 2026/118" in tekst
    advies = api.post("/api/v1/advies/leefloon", json={"profiel": dict(MOEDER_GENT)}).json()
    assert "Advies over het leefloon" in tekst, tekst[:500]
    for punt in advies["te_onderzoeken"][:2]:
        assert " ".join(punt["punt"].split())[:40] in tekst
    ontbreekt = [n for n in namen if n[:30] not in tekst]
    assert not ontbreekt, (ontbreekt, tekst[:800])


@pytest.mark.parametrize("maat", [DESKTOP, TABLET, TELEFOON], ids=["desktop", "768px", "360px"])
def test_geen_axe_schendingen_a_aa(context: Any, api_zonder_bot: str, maat: dict) -> None:
    pagina = open_pagina(context, api_zonder_bot)
    pagina.set_viewport_size(maat)
    for sleutel, waarde in MOEDER_GENT[:3]:
        vul_in(pagina, sleutel, waarde)
    vul_in(pagina, "aantal_kinderen", 25)  # an error message at a field
    open_recht(
        pagina, pagina.locator("#groep-mogelijk details.recht").first.get_attribute("data-id")
    )
    open_recht(pagina, pagina.locator("#groep-niet details.recht").first.get_attribute("data-id"))
    resultaat = axe_schendingen(pagina)
    assert resultaat.violations_count == 0, resultaat.generate_report()
    # axe did check the form and the result
    gecontroleerd = str(resultaat.response["passes"])
    assert "label" in gecontroleerd and "#groep-mogelijk" in gecontroleerd


def test_alles_wissen_begint_opnieuw(context: Any, api_zonder_bot: str, api: httpx.Client) -> None:
    pagina = open_pagina(context, api_zonder_bot)
    leeg, eerste = volgens_api(api, {})
    for sleutel, waarde in KOPPEL_BRUSSEL[:4]:
        vul_in(pagina, sleutel, waarde)
    assert op_de_pagina(pagina) != leeg
    voor = evaluaties(pagina)
    pagina.get_by_role("button", name="Alles wissen").click()
    wacht_op_resultaat(pagina, voor)
    assert pagina.input_value("#gemeente") == ""
    assert pagina.is_checked("#samenwonend_met_partner-onbekend")
    assert op_de_pagina(pagina) == leeg
    assert gemarkeerd(pagina) == [eerste]
