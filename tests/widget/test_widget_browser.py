"""The widget in a real headless Chromium, against the real stack (API + Rasa + actions).

One conversation is played once per module (launcher, buttons, typing, a reload half-way, a
result); the tests then check what it left. Screenshots go to var/screenshots/.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from inhoudsbeleid import volg_inhoudsbeleid

from bot.vocabulary import laad_vocabulaire

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "overzicht"))
from pdf_lezen import controleer_toegankelijk, lees_pdf  # noqa: E402

pytestmark = pytest.mark.widget

SCHERMAFDRUKKEN = REPO / "var" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
TELEFOON = {"width": 360, "height": 740}
WIDGET = "document.querySelector('rechten-chat').shadowRoot"
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

VOCABULAIRE = laad_vocabulaire()
VRAAG_VAN = {a.vraag: sleutel for sleutel, a in VOCABULAIRE.attributen.items()}
VRAAG_VAN |= {g.vraag: sleutel for sleutel, g in VOCABULAIRE.vraaggroepen.items()}
GETYPT = {
    "over_u": "40",  # the municipality is known from the widget's attribute
    "leeftijd": "40",
    "aantal_kinderen": "geen",
    "leeftijd_jongste_kind": "5",
    "netto_maandinkomen_gezin": "1200 euro",
    "jaren_op_wachtlijst_sociale_woning": "0",
    # the groups without buttons, and the numbers asked since issue 10
    "inkomen": "1200 euro, werkloosheidsuitkering",
    "wonen": "ik huur van een private verhuurder, met aardgas",
    "zorg": "80, niet bij mij",
    "zorgbehoevende_leeftijd": "80",
    "belastbaar_inkomen_gezin_jaar": "15000 euro",
}
OVERZICHT = "Dit heb ik genoteerd:"
GEKLIKT = {
    "gezin": "Alleen",
    "situaties": "Geen van deze",
    "erkende_handicap": "Nee",
    "samenwonend_met_partner": "Nee, zonder partner",
    "woonsituatie": "Ik huur van een private verhuurder",
    "werksituatie": "Ik zoek werk",
    "verblijfsstatus": "Ik ben Belg",
    "soort_inkomen": "Uitkering (werkloosheid, ziekte of invaliditeit)",
    "verwarming": "Met aardgas van het net",
    "mantelzorger": "Nee",
    "verhoogde_tegemoetkoming": "Nee",
    "verhuisd_uit_slechte_woning": "Nee",
    "huurwoning": "Nee, geen van beide",
    "kind_hoger_onderwijs": "Nee",
}


def schermafdruk(pagina: Any, naam: str) -> None:
    """Desktop and phone (360 px) of the same moment."""
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    grootte = pagina.viewport_size
    for soort, maat in (("desktop", DESKTOP), ("360px", TELEFOON)):
        pagina.set_viewport_size(maat)
        pagina.wait_for_timeout(100)
        pagina.screenshot(path=str(SCHERMAFDRUKKEN / f"widget-{naam}-{soort}.png"))
    pagina.set_viewport_size(grootte)


def schaduw(pagina: Any, js: str) -> Any:
    """Evaluate ``js`` with ``r`` = the widget's shadow root."""
    return pagina.evaluate(f"() => {{ const r = {WIDGET}; {js} }}")


def aantal_bot(pagina: Any) -> int:
    return schaduw(pagina, "return r.querySelectorAll('.bericht.bot').length;")


def wacht_op_antwoord(pagina: Any, voor: int) -> None:
    pagina.wait_for_function(
        f"""(n) => {{ const r = {WIDGET};
             return r.querySelectorAll('.bericht.bot').length > n
                    && r.querySelector('.typen').hidden; }}""",
        arg=voor,
        timeout=60_000,
    )


def laatste_vraag(pagina: Any) -> str:
    """The text of the last bot message, without the screen-reader prefix and the buttons."""
    return schaduw(
        pagina,
        """const b = [...r.querySelectorAll('.bericht.bot')].pop();
           return [...b.childNodes].filter(n => n.nodeType === 3)
                                   .map(n => n.textContent).join('');""",
    )


def logtekst(pagina: Any) -> list[str]:
    return schaduw(pagina, "return [...r.querySelectorAll('.bericht')].map(b => b.textContent);")


def heeft_resultaat(pagina: Any) -> bool:
    return schaduw(pagina, "return !!r.querySelector('.resultaat');")


def beantwoord(pagina: Any, beurten: int, gedaan: dict[str, str]) -> None:
    """Answer at most ``beurten`` questions: by button when the bot offers one, else by typing."""
    for _ in range(beurten):
        if heeft_resultaat(pagina):
            return
        vraag = laatste_vraag(pagina)
        if vraag.startswith(OVERZICHT):
            # before the result: what the bot noted, "Klopt dit?"; change the age once
            gedaan.setdefault("overzicht", "")
            gedaan["overzicht"] += "|" + vraag
            voor = aantal_bot(pagina)
            knoppen = pagina.locator(".bericht.bot").last.locator("button.keuze")
            titel = "Ja, dat klopt" if "41 jaar" in vraag else "Wijzig: 40 jaar"
            knoppen.filter(has_text=titel).first.click()
            wacht_op_antwoord(pagina, voor)
            continue
        attribuut = VRAAG_VAN.get(vraag)
        assert attribuut is not None, f"geen vraag: {vraag!r}"
        voor = aantal_bot(pagina)
        if attribuut in GETYPT:
            invoer = pagina.get_by_role("textbox", name="Uw antwoord of vraag")
            getypt = GETYPT[attribuut]
            if attribuut == "leeftijd" and "overzicht" in gedaan:
                getypt = "41"  # the new answer after "Wijzig: 40 jaar"
            invoer.fill(getypt)
            invoer.press("Enter")
            gedaan[attribuut] = "getypt"
        else:
            knoppen = pagina.locator(".bericht.bot").last.locator("button.keuze")
            titel = GEKLIKT.get(attribuut) or knoppen.first.text_content()
            knoppen.filter(has_text=titel).first.click()
            gedaan[attribuut] = "knop"
            # after a choice the focus is back in the input field, ready to type
            assert schaduw(pagina, "return r.activeElement && r.activeElement.id") == "rc-invoer"
        wacht_op_antwoord(pagina, voor)


@dataclass
class Verloop:
    pagina: Any
    voor_herladen: list[str] = field(default_factory=list)
    na_herladen: list[str] = field(default_factory=list)
    gedaan: dict[str, str] = field(default_factory=dict)
    focus_na_openen: str | None = None


@pytest.fixture(scope="module")
def verloop(browser: Any, api_met_bot: str) -> Iterator[Verloop]:
    context = browser.new_context(viewport=DESKTOP, locale="nl-BE")
    pagina = context.new_page()
    fouten: list[str] = []
    pagina.on("pageerror", lambda e: fouten.append(str(e)))
    volg_inhoudsbeleid(pagina, fouten)  # the CSP of our pages must not block the widget
    pagina.goto(api_met_bot + "/")
    v = Verloop(pagina)
    schermafdruk(pagina, "gesloten")

    pagina.get_by_role("button", name="Open de chat: ontdek op welke sociale rechten").click()
    wacht_op_antwoord(pagina, 1)  # the greeting is local; the first question comes from the bot
    v.focus_na_openen = schaduw(pagina, "return r.activeElement && r.activeElement.id;")
    beantwoord(pagina, 3, v.gedaan)
    schermafdruk(pagina, "gesprek")

    v.voor_herladen = logtekst(pagina)
    pagina.reload()
    pagina.wait_for_function(
        "(n) => document.querySelector('rechten-chat').shadowRoot"
        ".querySelectorAll('.bericht').length >= n",
        arg=len(v.voor_herladen),
        timeout=30_000,
    )
    v.na_herladen = logtekst(pagina)

    beantwoord(pagina, 20, v.gedaan)
    assert heeft_resultaat(pagina), logtekst(pagina)[-3:]
    pagina.locator(".resultaat details").first.locator("summary").click()
    schermafdruk(pagina, "resultaat")
    assert not fouten, fouten
    yield v
    context.close()


@pytest.mark.bot
def test_overzicht_voor_het_resultaat_en_een_regel_wijzigen(verloop: Verloop) -> None:
    """Before the result the bot shows what it noted with "Klopt dit?"; the button
    "Wijzig: 40 jaar" asks the age again, and the new overview shows the new answer."""
    overzichten = verloop.gedaan["overzicht"].strip("|").split("|")
    assert len(overzichten) == 2, overzichten
    eerste, tweede = overzichten
    assert "40 jaar" in eerste and "Klopt dit?" in eerste
    assert "41 jaar" in tweede and "40 jaar" not in tweede
    log = " ".join(logtekst(verloop.pagina))
    assert "Genoteerd: 41 jaar." in log


@pytest.mark.bot
def test_launcher_opent_en_focus_in_invoer(verloop: Verloop) -> None:
    assert verloop.focus_na_openen == "rc-invoer"
    log = verloop.pagina.locator("[role=log]")
    assert log.get_attribute("aria-live") == "polite"
    assert verloop.voor_herladen[0].startswith("Assistent: Hallo!")
    assert "in Gent" in verloop.voor_herladen[0]  # gemeente="44021" names the city
    assert verloop.voor_herladen[1] == "U: Ik woon in Gent"


@pytest.mark.bot
def test_antwoorden_met_knoppen_en_typen(verloop: Verloop) -> None:
    assert "knop" in verloop.gedaan.values()
    assert "getypt" in verloop.gedaan.values()
    assert len(verloop.gedaan) >= 4
    assert "gemeente" not in verloop.gedaan  # known from the attribute


@pytest.mark.bot
def test_herladen_toont_het_gesprek_opnieuw(verloop: Verloop) -> None:
    assert verloop.na_herladen == verloop.voor_herladen
    assert len(verloop.na_herladen) >= 6


@pytest.mark.bot
def test_resultaat_als_lijst_met_status_en_meer_uitleg(verloop: Verloop) -> None:
    rechten = schaduw(
        verloop.pagina,
        """return [...r.querySelectorAll('.resultaat li')].map(li => ({
             status: li.querySelector('.status').textContent,
             naam: li.querySelector('.naam').textContent,
             uitleg: !!li.querySelector('details > summary')}));""",
    )
    assert rechten
    assert {r["status"] for r in rechten} <= {"Waarschijnlijk", "Mogelijk", "Geen recht"}
    assert all(r["naam"] for r in rechten)
    assert any(r["uitleg"] for r in rechten)
    assert verloop.pagina.locator(".resultaat details").first.get_attribute("open") is not None
    # the follow-up choices are real buttons
    assert verloop.pagina.locator(".bericht.bot").last.locator("button.keuze").count() >= 1


@pytest.mark.bot
def test_geen_axe_schendingen_a_aa_met_resultaat(verloop: Verloop) -> None:
    from axe_playwright_python.sync_playwright import Axe

    resultaat = Axe().run(verloop.pagina, options={"runOnly": {"type": "tag", "values": WCAG_A_AA}})
    assert resultaat.violations_count == 0, resultaat.generate_report()
    # axe looked inside the widget's shadow root too
    gecontroleerd = str(resultaat.response["passes"])
    assert "rechten-chat" in gecontroleerd


@pytest.mark.bot
def test_afdrukoverzicht_bevat_alleen_het_resultaat(verloop: Verloop) -> None:
    p = verloop.pagina
    p.evaluate("() => { window.__geprint = 0; window.print = () => { window.__geprint++; }; }")
    p.get_by_role("button", name="Bewaar of print dit overzicht").click()
    assert p.evaluate("() => window.__geprint") == 1
    blad = p.locator("#rechten-chat-afdruk")
    assert blad.locator("h1").text_content() == "Mijn overzicht van sociale rechten"
    namen = schaduw(p, "return [...r.querySelectorAll('.resultaat .naam')].map(n => n.innerText);")
    assert namen and all(n in blad.text_content() for n in namen)
    p.emulate_media(media="print")
    try:
        assert blad.is_visible()
        assert not p.locator("main").is_visible()
        assert not p.locator("rechten-chat .venster").is_visible()
        p.screenshot(path=str(SCHERMAFDRUKKEN / "widget-afdruk.png"))
        pdf = p.pdf(format="A4")  # what "bewaar als PDF" gives: one page
        (SCHERMAFDRUKKEN / "widget-afdruk.pdf").write_bytes(pdf)
        assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    finally:
        p.emulate_media(media="screen")
        p.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert p.locator("#rechten-chat-afdruk").count() == 0


@pytest.mark.bot
def test_pdf_van_het_gesprek_met_de_rechten_van_het_resultaat(verloop: Verloop) -> None:
    """Next to the print view: the server's tagged PDF for the answers of this conversation."""
    p = verloop.pagina
    voor = aantal_bot(p)
    with p.expect_download(timeout=60_000) as wachten:
        p.get_by_role("button", name="Download als PDF").click()
    download = wachten.value
    assert download.suggested_filename == "overzicht-sociale-rechten.pdf"
    inhoud = Path(download.path()).read_bytes()
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    (SCHERMAFDRUKKEN / "widget-overzicht.pdf").write_bytes(inhoud)
    pdf = lees_pdf(inhoud)
    controleer_toegankelijk(pdf)
    namen = schaduw(
        p,
        """return [...r.querySelectorAll('.resultaat')]
             .filter(d => ['waarschijnlijk', 'mogelijk'].includes(d.dataset.status))
             .flatMap(d => [...d.querySelectorAll('.naam')].map(n => n.innerText));""",
    )
    assert namen and all(" ".join(n.split()) in pdf.tekst for n in namen), namen
    assert "Dit is een inschatting, geen beslissing." in pdf.tekst
    wacht_op_antwoord(p, voor)
    assert logtekst(p)[-1] == "Assistent: Het overzicht staat in uw downloads."


@pytest.fixture()
def pagina(browser: Any, api_met_bot: str) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP, locale="nl-BE")
    p = context.new_page()
    p.goto(api_met_bot + "/")
    yield p
    context.close()


def open_chat(p: Any) -> None:
    p.get_by_role("button", name="Open de chat: ontdek op welke sociale rechten").click()
    wacht_op_antwoord(p, 1)


@pytest.mark.bot
def test_html_in_teksten_blijft_tekst(pagina: Any) -> None:
    open_chat(pagina)
    kwaad = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
    voor = aantal_bot(pagina)
    invoer = pagina.get_by_role("textbox", name="Uw antwoord of vraag")
    invoer.fill(kwaad)
    invoer.press("Enter")
    wacht_op_antwoord(pagina, voor)
    pagina.reload()  # the typed text comes back from the server's history
    pagina.wait_for_function(
        "() => [...document.querySelector('rechten-chat').shadowRoot.querySelectorAll"
        "('.bericht.gebruiker')].some(b => b.textContent.includes('<img'))",
        timeout=30_000,
    )
    # a catalogue text with markup, rendered the way the bot's result is rendered
    schaduw(
        pagina,
        """document.querySelector('rechten-chat').toonBot({knoppen: [], tekst:
             'Waarschijnlijk hebt u recht op:\\n• <img src=x onerror="window.__xss=3">Premie: '
             + '<script>window.__xss=4</script> zie javascript:alert(1) of https://www.vlaanderen.be/x'});
           return null;""",
    )
    pagina.wait_for_timeout(300)
    assert pagina.evaluate("() => window.__xss") is None
    assert schaduw(pagina, "return r.querySelectorAll('.log img, .log script, .log b').length") == 0
    assert kwaad in "".join(logtekst(pagina))
    naam = schaduw(pagina, "return [...r.querySelectorAll('.resultaat .naam')].pop().textContent;")
    assert naam == '<img src=x onerror="window.__xss=3">Premie'
    links = schaduw(
        pagina, "return [...r.querySelectorAll('.log a')].map(a => [a.href, a.rel, a.target]);"
    )
    assert links == [["https://www.vlaanderen.be/x", "noopener noreferrer", "_blank"]]


@pytest.mark.bot
def test_typindicator_terwijl_de_bot_antwoordt(pagina: Any) -> None:
    open_chat(pagina)
    gehouden: list[Any] = []  # the request waits here until we let it through
    pagina.route("**/api/v1/chat", lambda route: gehouden.append(route))
    voor = aantal_bot(pagina)
    invoer = pagina.get_by_role("textbox", name="Uw antwoord of vraag")
    invoer.fill("40")
    invoer.press("Enter")
    typen = pagina.locator("rechten-chat .typen")
    typen.wait_for(state="visible")
    assert typen.get_attribute("role") == "status"
    assert "De assistent typt" in typen.text_content()
    pagina.wait_for_function("() => true")  # one round trip: the held request is dispatched
    assert gehouden
    gehouden[0].continue_()
    wacht_op_antwoord(pagina, voor)
    assert not typen.is_visible()
    assert schaduw(pagina, "return r.activeElement && r.activeElement.id") == "rc-invoer"


@pytest.mark.bot
def test_escape_sluit_en_launcher_krijgt_focus(pagina: Any) -> None:
    open_chat(pagina)
    pagina.keyboard.press("Escape")
    launcher = pagina.get_by_role("button", name="Open de chat: ontdek op welke sociale rechten")
    assert launcher.is_visible()
    assert launcher.get_attribute("aria-expanded") == "false"
    assert schaduw(pagina, "return r.activeElement && r.activeElement.className;") == "launcher"
    # visible focus
    rand = schaduw(pagina, "return getComputedStyle(r.activeElement).outlineStyle;")
    assert rand == "solid"
    assert not pagina.locator("rechten-chat .venster").is_visible()
    # the keyboard alone opens it again
    pagina.keyboard.press("Enter")
    assert pagina.locator("rechten-chat .venster").is_visible()


@pytest.mark.bot
def test_wis_mijn_gesprek_wist_ook_op_de_server(pagina: Any, api_met_bot: str) -> None:
    open_chat(pagina)
    sessie = pagina.evaluate("() => sessionStorage.getItem('rechten-chat-sessie')")
    geschiedenis = f"{api_met_bot}/api/v1/chat/{sessie}/geschiedenis"
    assert httpx.get(geschiedenis).json()["berichten"]
    pagina.get_by_role("button", name="Wis mijn gesprek").click()
    pagina.wait_for_function("() => !sessionStorage.getItem('rechten-chat-sessie')")
    assert httpx.get(geschiedenis).json() == {"berichten": []}
    assert logtekst(pagina) == ["Assistent: Uw gesprek is gewist, ook op onze server."]
    # "opnieuw beginnen" starts a fresh conversation with a new id
    pagina.get_by_role("button", name="Opnieuw beginnen").click()
    wacht_op_antwoord(pagina, 1)
    nieuw = pagina.evaluate("() => sessionStorage.getItem('rechten-chat-sessie')")
    assert nieuw and nieuw != sessie


@pytest.mark.bot
@pytest.mark.parametrize("maat", [{"width": 320, "height": 640}, {"width": 640, "height": 400}])
def test_smal_scherm_en_200_procent_zoom(browser: Any, api_met_bot: str, maat: dict) -> None:
    """320 px wide, and 1280x800 at 200% zoom (= 640x400 CSS pixels): nothing falls off.

    With ``prefers-reduced-motion: reduce`` set, as some people have it."""
    context = browser.new_context(viewport=maat, locale="nl-BE", reduced_motion="reduce")
    p = context.new_page()
    try:
        p.goto(api_met_bot + "/")
        open_chat(p)
        # prefers-reduced-motion: the typing dots do not blink
        animatie = "return getComputedStyle(r.querySelector('.typen span')).animationName;"
        assert schaduw(p, animatie) == "none"
        assert p.evaluate("() => document.documentElement.scrollWidth") <= maat["width"]
        for naam in ("Uw antwoord of vraag", "Verstuur", "Sluit de chat", "Wis mijn gesprek"):
            doos = p.get_by_role("textbox", name=naam) if naam.startswith("Uw") else None
            doos = doos or p.get_by_role("button", name=naam)
            vak = doos.bounding_box()
            assert vak is not None, naam
            assert vak["x"] >= 0 and vak["x"] + vak["width"] <= maat["width"], naam
            assert vak["height"] >= 24, naam
    finally:
        context.close()


def test_bot_onbereikbaar_zegt_het_in_het_nederlands(browser: Any, api_zonder_bot: str) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="nl-BE")
    p = context.new_page()
    try:
        p.goto(api_zonder_bot + "/")
        open_chat(p)
        assert logtekst(p)[-1] == (
            "Assistent: De assistent is even niet bereikbaar. "
            "Probeer het over enkele minuten opnieuw."
        )
    finally:
        context.close()


def test_pdf_zonder_bot_zegt_het_in_het_nederlands(browser: Any, api_zonder_bot: str) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="nl-BE")
    p = context.new_page()
    try:
        p.goto(api_zonder_bot + "/")
        open_chat(p)
        voor = aantal_bot(p)
        p.get_by_role("button", name="Download als PDF").click()
        wacht_op_antwoord(p, voor)
        assert logtekst(p)[-1] == (
            "Assistent: De assistent is even niet bereikbaar. "
            "Probeer het over enkele minuten opnieuw."
        )
    finally:
        context.close()
