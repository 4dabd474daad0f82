"""POST /api/v1/screening through FastAPI's TestClient: the real app, engine and catalogue."""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from huishoudens import ALLEEN_LAAG, KOLOMMEN, KRIJGT_LEEFLOON, PEILDATUM, SLECHTE_CEL
from pydantic import SecretStr

from bot.api.main import create_app
from bot.api.schemas_screening import ScreeningRij, ScreeningSlot
from bot.diensten import Diensten
from bot.settings import Settings

SLEUTEL = "test-sleutel-3f9a1c"
URL = f"/api/v1/screening?datum={PEILDATUM}"


def maak_client(diensten: Diensten, databank_url: str, **instellingen: Any) -> TestClient:
    settings = Settings(database_url=databank_url, **instellingen)
    return TestClient(create_app(settings, diensten))


@pytest.fixture()
def client(diensten: Diensten, databank_url: str) -> Iterator[TestClient]:
    with maak_client(
        diensten, databank_url, integratie_sleutel=SecretStr(SLEUTEL), screening_max_mb=1
    ) as c:
        yield c


def als_csv(rijen: list[list[str]], kolommen: tuple[str, ...] = KOLOMMEN) -> bytes:
    tekst = io.StringIO()
    schrijver = csv.writer(tekst)
    schrijver.writerow(kolommen)
    schrijver.writerows(rijen)
    return tekst.getvalue().encode()


def als_json(rijen: list[list[str]]) -> list[dict[str, str]]:
    return [dict(zip(KOLOMMEN, r, strict=True)) for r in rijen]


def post(client: TestClient, inhoud: bytes, soort: str, **kop: str) -> Any:
    return client.post(
        URL, content=inhoud, headers={"content-type": soort, "X-API-Sleutel": SLEUTEL, **kop}
    )


def gestroomd(client: TestClient, inhoud: bytes, soort: str, url: str = URL) -> list[dict]:
    """The answer read line by line as it streams; every line checked against its model."""
    lijnen = []
    kop = {"content-type": soort, "X-API-Sleutel": SLEUTEL}
    with client.stream("POST", url, content=inhoud, headers=kop) as antwoord:
        assert antwoord.status_code == 200
        assert antwoord.headers["content-type"].startswith("application/x-ndjson")
        for regel in antwoord.iter_lines():
            if regel:
                lijnen.append(json.loads(regel))
    for lijn in lijnen[:-1]:
        ScreeningRij.model_validate(lijn)
    ScreeningSlot.model_validate(lijnen[-1])
    return lijnen


def ids(rechten: list[dict[str, Any]]) -> set[str]:
    return {r["id"] for r in rechten}


def test_zonder_ingestelde_sleutel_staat_de_dienst_uit(
    diensten: Diensten, databank_url: str
) -> None:
    with maak_client(diensten, databank_url) as c:
        antwoord = c.post(URL, content=als_csv([ALLEEN_LAAG]), headers={"X-API-Sleutel": "x"})
        assert antwoord.status_code == 503
        assert "integratiesleutel instellen" in antwoord.json()["detail"]
        # the public endpoints work as before
        assert c.get("/api/v1/attributen").status_code == 200


def test_zonder_of_met_een_verkeerde_sleutel(client: TestClient) -> None:
    inhoud = als_csv([ALLEEN_LAAG])
    zonder = client.post(URL, content=inhoud, headers={"content-type": "text/csv"})
    assert zonder.status_code == 401
    assert zonder.json() == {"detail": "Stuur uw integratiesleutel mee in de kop X-API-Sleutel."}
    fout = post(client, inhoud, "text/csv", **{"X-API-Sleutel": SLEUTEL + "x"})
    assert fout.status_code == 403
    assert fout.json() == {"detail": "Deze integratiesleutel klopt niet."}
    # the widget's endpoints need no key
    evaluatie = client.post("/api/v1/evaluatie", json={"profiel": {"leeftijd": 40}})
    assert evaluatie.status_code == 200


def test_csv_stroomt_per_rij_met_een_telling_per_recht(client: TestClient) -> None:
    lijnen = gestroomd(client, als_csv([ALLEEN_LAAG, KRIJGT_LEEFLOON, SLECHTE_CEL]), "text/csv")
    rijen, samen = lijnen[:-1], lijnen[-1]["samenvatting"]
    assert [r["referentie"] for r in rijen] == ["gent-001", "gent-002", "gent-003"]
    assert "leefloon" in ids(rijen[0]["waarschijnlijk"])
    assert "leefloon" in ids(rijen[1]["al_ontvangen"])
    assert rijen[2]["fout"] == "Rij 4, kolom 'leeftijd': 'vier' is geen geheel getal."
    assert (samen["rijen"], samen["fouten"], samen["datum"]) == (3, 1, PEILDATUM)
    for recht in samen["per_recht"]:
        for soort in ("waarschijnlijk", "mogelijk", "al_ontvangen"):
            assert recht[soort] == sum(recht["id"] in ids(r[soort]) for r in rijen)


def test_json_lijst_en_json_lines_geven_hetzelfde_als_csv(client: TestClient) -> None:
    rijen = [ALLEEN_LAAG, KRIJGT_LEEFLOON, SLECHTE_CEL]
    uit_csv = gestroomd(client, als_csv(rijen), "text/csv")
    lijst = json.dumps(als_json(rijen)).encode()
    uit_lijst = gestroomd(client, lijst, "application/json")
    regels = "\n".join(json.dumps(r) for r in als_json(rijen)).encode()
    uit_regels = gestroomd(client, regels, "application/x-ndjson")

    def zonder_nummer(lijnen: list[dict]) -> list[dict]:
        return [{k: v for k, v in lijn.items() if k not in ("rij", "fout")} for lijn in lijnen]

    assert zonder_nummer(uit_lijst) == zonder_nummer(uit_csv) == zonder_nummer(uit_regels)
    assert [r["rij"] for r in uit_lijst[:-1]] == [1, 2, 3]  # the place in the list
    assert uit_lijst[2]["fout"] == "Rij 3, kolom 'leeftijd': 'vier' is geen geheel getal."
    # typed JSON values are read as they are
    getypt = [{"referentie": "t", "leeftijd": 34, "ontvangt_leefloon": True}]
    rij = gestroomd(client, json.dumps(getypt).encode(), "application/json")[0]
    assert rij["fout"] is None and "leefloon" in ids(rij["al_ontvangen"])


def test_een_recht_voor_veel_huishoudens(client: TestClient) -> None:
    lijnen = gestroomd(
        client,
        als_csv([ALLEEN_LAAG, KRIJGT_LEEFLOON]),
        "text/csv",
        url=f"{URL}&recht=leefloon",
    )
    assert [ids(r["waarschijnlijk"]) for r in lijnen[:-1]] == [{"leefloon"}, set()]
    assert [r["id"] for r in lijnen[-1]["samenvatting"]["per_recht"]] == ["leefloon"]
    fout = client.post(
        f"{URL}&recht=bestaat-niet",
        content=als_csv([ALLEEN_LAAG]),
        headers={"content-type": "text/csv", "X-API-Sleutel": SLEUTEL},
    )
    assert fout.status_code == 422
    assert fout.json() == {"detail": "Het recht 'bestaat-niet' bestaat niet."}


def test_fouten_voor_het_hele_bestand(client: TestClient) -> None:
    kolom = post(client, als_csv([["x", "9"]], ("referentie", "leeftyd")), "text/csv")
    assert kolom.status_code == 422
    assert "De kolom 'leeftyd' kennen we niet. Bedoelt u 'leeftijd'?" in kolom.json()["detail"]
    soort = post(client, b"<xml/>", "application/xml")
    assert soort.status_code == 415
    assert "Stuur CSV" in soort.json()["detail"]
    kapot = post(client, b"[{", "application/json")
    assert kapot.status_code == 422
    assert kapot.json() == {"detail": "De inhoud is geen geldige JSON-lijst."}


def test_grote_bestanden_tot_de_grens(client: TestClient) -> None:
    """The chat's limits do not apply: many rows at once, up to SCREENING_MAX_MB (1 here)."""
    rij = ",".join(ALLEEN_LAAG).encode() + b"\n"
    kop = ",".join(KOLOMMEN).encode() + b"\n"
    groot = kop + rij * ((900 * 1024) // len(rij))  # under 1 MB: thousands of rows
    lijnen = gestroomd(client, groot, "text/csv")
    assert lijnen[-1]["samenvatting"]["rijen"] == (900 * 1024) // len(rij) > 5000
    te_groot = post(client, kop + rij * ((1100 * 1024) // len(rij)), "text/csv")
    assert te_groot.status_code == 413
    assert te_groot.json() == {
        "detail": "Het bestand is te groot: hoogstens 1 MB. Stuur het in delen."
    }


def test_niets_van_de_rijen_wordt_gelogd(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    geheim = ["ref-8K4W", "Gent", "41", "nee", "1", "huurder_privaat", "987,65", "werkzoekend",
              "belg", "nee", "nee"]  # fmt: skip
    with caplog.at_level(logging.DEBUG):
        gestroomd(client, als_csv([geheim, SLECHTE_CEL]), "text/csv")
        post(client, als_csv([geheim]), "text/csv", **{"X-API-Sleutel": "fout"})
    gelogd = "\n".join(r.getMessage() for r in caplog.records)
    for stuk in ("ref-8K4W", "987", "gent-003", "vier", SLEUTEL):
        assert stuk not in gelogd


def test_openapi_toont_voorbeelden_en_de_sleutel(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    post_ = spec["paths"]["/api/v1/screening"]["post"]
    inhoud = post_["requestBody"]["content"]
    assert inhoud["text/csv"]["example"].startswith("referentie,")
    assert inhoud["application/json"]["example"][0]["referentie"] == "h-001"
    antwoord = post_["responses"]["200"]["content"]["application/x-ndjson"]
    assert '"samenvatting"' in antwoord["example"]
    assert post_["security"] == [{"Integratiesleutel": []}]
    assert spec["components"]["securitySchemes"]["Integratiesleutel"]["name"] == "X-API-Sleutel"
    assert "security" not in spec["paths"]["/api/v1/evaluatie"]["post"]
