"""The report of the persona measurement: shares, kinds of failure, every failed turn."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from persona_laden import CATEGORIEEN
from persona_spelen import Stap, Uitslag, toon

VOORBEELDEN = 3


def aandeel(uitslagen: Mapping[str, Uitslag]) -> tuple[int, int]:
    """(understood turns, all turns)."""
    stappen = [s for u in uitslagen.values() for s in u.stappen]
    return sum(s.begrepen for s in stappen), len(stappen)


def _procent(deel: int, geheel: int) -> str:
    return f"{100 * deel / geheel:5.1f} %" if geheel else "    - "


def _kort(tekst: str, lengte: int = 160) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def _verschil(stap: Stap) -> str:
    sleutels = sorted(set(stap.verwacht) | set(stap.gehouden))
    return "; ".join(
        f"{k}: verwacht {toon(stap.verwacht.get(k))}, gehouden {toon(stap.gehouden.get(k))}"
        for k in sleutels
        if toon(stap.verwacht.get(k)) != toon(stap.gehouden.get(k))
    )


def rapport(
    uitslagen: Mapping[str, Uitslag], ondergrens: float, doel_issue: float, streef: float
) -> str:
    begrepen, totaal = aandeel(uitslagen)
    regels = [
        "=" * 100,
        "Personas (issue 11): hoeveel beurten begrijpt de bot?",
        f"{len(uitslagen)} personas, {totaal} beurten, {begrepen} begrepen: "
        f"{_procent(begrepen, totaal).strip()}",
        f"  ondergrens van deze test nu {ondergrens:.0%} (een pal: wat de bot al haalde) | "
        f"ondergrens van issue 11 {doel_issue:.0%} | streefdoel {streef:.0%}",
        "",
        "Per categorie (begrepen / beurten):",
    ]
    per_cat: dict[str, list[Stap]] = defaultdict(list)
    for u in uitslagen.values():
        for s in u.stappen:
            per_cat[s.categorie].append(s)
    for cat in CATEGORIEEN:
        stappen = per_cat.get(cat, [])
        if stappen:
            goed = sum(s.begrepen for s in stappen)
            regels.append(
                f"  {cat:<16} {goed:>4} / {len(stappen):<4} {_procent(goed, len(stappen))}"
                f"   {CATEGORIEEN[cat]}"
            )
    gescript = [s for u in uitslagen.values() for s in u.stappen if not s.automatisch]
    auto = [s for u in uitslagen.values() for s in u.stappen if s.automatisch]
    regels.append(
        f"  (uit het script {sum(s.begrepen for s in gescript)}/{len(gescript)} "
        f"{_procent(sum(s.begrepen for s in gescript), len(gescript)).strip()}; "
        f"antwoorden op de vragen van de bot {sum(s.begrepen for s in auto)}/{len(auto)} "
        f"{_procent(sum(s.begrepen for s in auto), len(auto)).strip()})"
    )

    regels += ["", "Per persona (begrepen / beurten, einde, eindprofiel):"]
    for u in uitslagen.values():
        einde = (
            ""
            if u.persona.einde is None
            else f"einde {u.persona.einde}: {'ja' if u.einde_gehaald else 'NEE'}"
        )
        profiel = (
            "eindprofiel juist"
            if not u.eindprofiel_verschil
            else f"eindprofiel: {len(u.eindprofiel_verschil)} verschil(len)"
        )
        regels.append(
            f"  {u.persona.id:<34} {u.begrepen:>3} / {len(u.stappen):<3} "
            f"{_procent(u.begrepen, len(u.stappen))}  {einde:<22} {profiel}"
        )
    gehaald = [u for u in uitslagen.values() if u.persona.einde is not None]
    regels.append(
        f"  verwachte einde gehaald: {sum(bool(u.einde_gehaald) for u in gehaald)}/{len(gehaald)}; "
        f"eindprofiel juist: {sum(not u.eindprofiel_verschil for u in uitslagen.values())}"
        f"/{len(uitslagen)}"
    )

    soorten: Counter[str] = Counter()
    attributen: dict[str, Counter[str]] = defaultdict(Counter)
    voorbeelden: dict[str, list[str]] = defaultdict(list)
    for u in uitslagen.values():
        for s in u.stappen:
            for soort in dict.fromkeys(f.soort for f in s.fouten):
                soorten[soort] += 1
                if len(voorbeelden[soort]) < VOORBEELDEN:
                    detail = "; ".join(f.detail for f in s.fouten if f.soort == soort)
                    voorbeelden[soort].append(
                        f"{u.persona.id} #{s.nummer} {_kort(s.tekst, 70)!r}: {_kort(detail, 150)}"
                    )
            for f in s.fouten:
                if f.attribuut:
                    attributen[f.soort][f.attribuut] += 1
    regels += ["", "Soorten fouten (beurten met die fout):"]
    for soort, aantal in soorten.most_common():
        per_attr = ", ".join(f"{a} {n}" for a, n in attributen[soort].most_common())
        regels.append(f"  {soort}: {aantal}" + (f"  ({per_attr})" if per_attr else ""))
        regels += [f"      - {v}" for v in voorbeelden[soort]]

    problemen = [
        (u.persona.id, p)
        for u in uitslagen.values()
        for p in (
            [f"HARD: {h}" for h in u.harde_fouten]
            + [f"overgeslagen: {o}" for o in u.overgeslagen]
            + [f"lus: {lus}" for lus in u.lussen]
            + ([f"zonder antwoord in de persona: {', '.join(u.zonder_antwoord)}"]
               if u.zonder_antwoord else [])
            + [f"eindprofiel: {v}" for v in u.eindprofiel_verschil]
        )
    ]  # fmt: skip
    if problemen:
        regels += ["", "Per persona verder:"]
        regels += [f"  {pid}: {p}" for pid, p in problemen]

    regels += ["", "Elke beurt die niet begrepen werd:"]
    for u in uitslagen.values():
        for s in u.stappen:
            if s.begrepen:
                continue
            wie = "antwoord" if s.automatisch else "script"
            regels.append(
                f"- {u.persona.id} #{s.nummer} [{s.categorie}, {wie}, vraag {s.gevraagd or '-'}] "
                f"{_kort(s.tekst, 120)!r}"
            )
            regels.append(f"    fouten: {'; '.join(f'{f.soort}: {f.detail}' for f in s.fouten)}")
            verschil = _verschil(s)
            if verschil:
                regels.append(f"    slots: {_kort(verschil, 400)}")
            regels.append(f"    bot: {_kort(' | '.join(s.antwoord), 400)!r}")
    regels.append("=" * 100)
    return "\n".join(regels)
