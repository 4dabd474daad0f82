"""Language choice, safe HTML for display and plain text for the bot."""

from __future__ import annotations

from bot.catalogue.tekst import kies_taal, platte_tekst, veilige_html, zoeksleutel


def test_taalvoorkeur() -> None:
    assert kies_taal({"en": "E", "nl-BE-x-generated-informal": "I", "nl": "N"}) == "N"
    assert kies_taal({"nl-BE-x-informal": "I", "nl-BE-x-formal": "F"}) == "F"
    assert kies_taal({"nl-BE-x-generated-informal": "GI", "nl-BE-x-informal": "I"}) == "I"
    assert kies_taal({"nl-BE-x-generated-formal": "GF", "nl-BE-x-informal": "I"}) == "GF"
    assert kies_taal({"en": "E"}) == "E"
    assert kies_taal({"nl": "  ", "en": "E"}) == "E"
    assert kies_taal({}) is None and kies_taal(None) is None
    assert kies_taal("tekst") == "tekst"


def test_veilige_html() -> None:
    ruw = (
        '<div data-table><table><tr><td onclick="x()">a<sup>2</sup></td></tr></table></div>'
        '<script>alert(1)</script><p style="color:red">Zie <a href="javascript:alert(1)">dit</a>'
        ' en <a href="https://www.vlaanderen.be" target="_blank">dat</a> of '
        '<a href="mailto:info@gent.be">mail</a>.<img src="x.png"></p>'
    )
    schoon = veilige_html(ruw)
    assert "<script" not in schoon and "alert" not in schoon
    assert "onclick" not in schoon and "style=" not in schoon and "<img" not in schoon
    assert "data-table" not in schoon and "<div" not in schoon
    assert "<table>" in schoon and "<td>a2</td>" in schoon
    assert '<a href="https://www.vlaanderen.be" rel="noopener noreferrer">dat</a>' in schoon
    assert 'href="mailto:info@gent.be"' in schoon
    assert "javascript" not in schoon
    assert veilige_html(None) == ""


def test_platte_tekst() -> None:
    html = (
        "<p>Eerste alinea met <strong>vet</strong>.</p>"
        "<ul><li>een</li><li>twee <a href='https://x.be/a'>link</a></li></ul>"
        "<ol><li>stap</li><li>stap</li></ol>"
        "<p>regel<br>nieuwe regel &amp; meer</p>"
        "<table><tr><td>jaar</td><td>bedrag</td></tr></table>"
    )
    assert platte_tekst(html) == (
        "Eerste alinea met vet.\n\n"
        "- een\n- twee link (https://x.be/a)\n\n"
        "1. stap\n2. stap\n\n"
        "regel\nnieuwe regel & meer\n\n"
        "jaar | bedrag"
    )
    assert platte_tekst("Geen &amp; html") == "Geen & html"
    assert platte_tekst("<a href='https://x.be'>https://x.be</a>") == "https://x.be"
    assert platte_tekst(None) == ""


def test_zoeksleutel() -> None:
    assert zoeksleutel("Financiële  Tussenkomst!") == "financiele tussenkomst"
    assert zoeksleutel("Sint-Amandsberg") == "sint amandsberg"
