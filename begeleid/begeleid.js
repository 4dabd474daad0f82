// The guided form for social workers (/begeleid): built from the vocabulary of the API.
//
// GET /api/v1/attributen gives every question a person can be asked, with its section
// (rubriek), question text, why-text and options; this file makes one field per attribute
// (its HTML name is the attribute's key) and asks POST /api/v1/evaluatie for the result as
// the fields change. An empty field is left out of the profile. The field the evaluation
// would ask next is marked "deze vraag beslist het meest".
//
// No framework, no build step, nothing from another site. Everything that comes from the
// server is shown with textContent, never innerHTML; only http(s) links become links.

const API = "/api/v1/";
const WACHTTIJD_MS = 300;

const TEKST = {
  onbekend: "Onbekend",
  beslist: "deze vraag beslist het meest",
  naarVraag: "Ga naar deze vraag",
  beslistLink: "Deze vraag beslist het meest:",
  geenVraag: "Geen enkele vraag verandert het resultaat nog.",
  geenRechten: "Geen rechten in deze groep.",
  laadFout: "De vragen konden niet geladen worden. Laad de pagina opnieuw.",
  evaluatieFout: "Het resultaat kon niet berekend worden. Probeer het opnieuw.",
  getal: "Typ een getal.",
  andereRubriek: "Andere vragen",
  voorwaarden: "Voorwaarden",
  bedrag: "Bedrag",
  aanvragen: "Aanvragen",
  bewijsstukken: "Wat meebrengen",
  contact: "Contact",
  bron: "Officiële bron",
  laden: "Wordt geladen…",
  geenGegevens: "Geen gegevens.",
  schatting: "Schatting",
  geenContact: "Vul de gemeente in. Dan ziet u hier het OCMW of Sociaal Huis.",
  pdfBezig: "Het overzicht wordt gemaakt…",
  pdfKlaar: "Het overzicht is klaar.",
  pdfOpen: "Open het overzicht",
  pdfFout: "Het overzicht kon niet gemaakt worden. Probeer het later opnieuw.",
  codeLeeg: "Vul eerst de code in.",
  codeBezig: "De code wordt geopend…",
  codeKlaar: "De antwoorden uit het gesprek staan in het formulier. De code is nu gebruikt.",
  codeFout: "De code kon niet geopend worden. Probeer het later opnieuw.",
};

/** The result groups, in the order of the page. */
const GROEPEN = [
  ["waarschijnlijk", "Waarschijnlijk"],
  ["mogelijk", "Mogelijk"],
  ["niet", "Niet"],
  ["niet_gecontroleerd", "Niet nagegaan"],
];
const VAST = new Set(["waarschijnlijk", "mogelijk", "niet"]);
const VOORWAARDE = { voldaan: "Voldaan", niet_voldaan: "Niet voldaan", onbekend: "Na te gaan" };

const staat = {
  attributen: [],
  gemeenten: new Map(), // lower-case name -> name, for the municipality field
  nummer: 0, // the latest evaluation asked; older answers are dropped
  wachten: null,
  open: new Set(), // ids of the rights the worker opened: they stay open
  details: new Map(), // id -> promise of GET /rechten/{id}
  contact: new Map(), // municipality as typed -> promise of its contact point
  serverFouten: new Set(), // fields the server refused: left out until they change
  volgende: null,
};

const $ = (id) => document.getElementById(id);

function maak(tag, eigenschappen = {}, ...kinderen) {
  const el = document.createElement(tag);
  for (const [naam, waarde] of Object.entries(eigenschappen)) {
    if (waarde === null || waarde === undefined || waarde === false) continue;
    if (naam === "tekst") el.textContent = waarde;
    else if (naam === "klasse") el.className = waarde;
    else el.setAttribute(naam, waarde === true ? "" : String(waarde));
  }
  el.append(...kinderen.filter((k) => k !== null && k !== undefined));
  return el;
}

function veiligeLink(url, tekst) {
  try {
    const u = new URL(url, location.href);
    if (u.protocol === "https:" || u.protocol === "http:") {
      return maak("a", { href: u.href, target: "_blank", rel: "noopener", tekst });
    }
  } catch {
    /* no link: show the text */
  }
  return document.createTextNode(tekst);
}

function zetBeschrijving(el, id, aan) {
  const ids = new Set((el.getAttribute("aria-describedby") || "").split(" ").filter(Boolean));
  if (aan) ids.add(id);
  else ids.delete(id);
  if (ids.size) el.setAttribute("aria-describedby", [...ids].join(" "));
  else el.removeAttribute("aria-describedby");
}

// --- the form ---------------------------------------------------------------------------

function bouwFormulier(attributen) {
  const rubrieken = new Map();
  for (const a of attributen) {
    const r = a.rubriek || { sleutel: "andere", titel: TEKST.andereRubriek, volgorde: 1e9 };
    if (!rubrieken.has(r.sleutel)) rubrieken.set(r.sleutel, { ...r, leden: [] });
    rubrieken.get(r.sleutel).leden.push(a);
  }
  const houder = $("rubrieken");
  const gesorteerd = [...rubrieken.values()].sort((x, y) => x.volgorde - y.volgorde);
  for (const r of gesorteerd) {
    const fieldset = maak(
      "fieldset",
      { klasse: "rubriek", id: `rubriek-${r.sleutel}` },
      maak("legend", { tekst: r.titel }),
    );
    for (const a of r.leden) fieldset.append(veld(a));
    houder.append(fieldset);
  }
  houder.append(gemeenteLijst());
}

function uitleg(a) {
  return [
    maak("p", { klasse: "waarom", id: `${a.sleutel}-waarom`, tekst: a.waarom }),
    maak("p", { klasse: "beslist-tekst", id: `${a.sleutel}-beslist`, hidden: true, tekst: TEKST.beslist }),
    maak("p", { klasse: "fout", id: `${a.sleutel}-fout`, hidden: true }),
  ];
}

function veld(a) {
  const [waarom, beslist, fout] = uitleg(a);
  if (a.type === "bool") {
    const opties = maak("div", { klasse: "opties" });
    const keuzes = [...(a.opties || []).map((o) => [String(o.waarde), o.label]), ["", TEKST.onbekend]];
    for (const [waarde, label] of keuzes) {
      const id = `${a.sleutel}-${waarde || "onbekend"}`;
      opties.append(
        maak(
          "div",
          { klasse: "optie" },
          maak("input", { type: "radio", id, name: a.sleutel, value: waarde, checked: waarde === "" }),
          maak("label", { for: id, tekst: label }),
        ),
      );
    }
    return maak(
      "fieldset",
      { klasse: "veld keuze", id: `veld-${a.sleutel}`, "data-attribuut": a.sleutel, "aria-describedby": waarom.id },
      maak("legend", { tekst: a.vraag }),
      beslist,
      waarom,
      opties,
      fout,
    );
  }
  let invoer;
  let eenheid = null;
  const gemeen = { id: a.sleutel, name: a.sleutel, "aria-describedby": waarom.id };
  if (a.type === "enum") {
    invoer = maak("select", gemeen, maak("option", { value: "", tekst: TEKST.onbekend }));
    for (const o of a.opties || []) invoer.append(maak("option", { value: o.waarde, tekst: o.label }));
  } else if (a.type === "int" || a.type === "euro") {
    invoer = maak("input", {
      ...gemeen,
      type: "number",
      min: a.min,
      max: a.max,
      step: a.type === "int" ? "1" : "any",
      inputmode: a.type === "int" ? "numeric" : "decimal",
      autocomplete: "off",
    });
    if (a.eenheid) {
      eenheid = maak("span", { klasse: "eenheid", id: `${a.sleutel}-eenheid`, tekst: a.eenheid });
      zetBeschrijving(invoer, eenheid.id, true);
    }
  } else {
    invoer = maak("input", { ...gemeen, type: "text", list: "gemeenten-lijst", autocomplete: "off" });
  }
  return maak(
    "div",
    { klasse: "veld", id: `veld-${a.sleutel}`, "data-attribuut": a.sleutel },
    maak("label", { for: a.sleutel, tekst: a.vraag }),
    beslist,
    waarom,
    maak("div", { klasse: "invoer" }, invoer, eenheid),
    fout,
  );
}

function gemeenteLijst() {
  const lijst = maak("datalist", { id: "gemeenten-lijst" });
  for (const naam of staat.gemeenten.values()) lijst.append(maak("option", { value: naam }));
  return lijst;
}

/** The element that carries the field's description: the input, or the radio group. */
function beschreven(sleutel) {
  const houder = $(`veld-${sleutel}`);
  return houder && houder.tagName === "FIELDSET" ? houder : $(sleutel);
}

/** The profile as filled in now: empty fields and "Onbekend" are left out. */
function leesProfiel() {
  const profiel = {};
  const fouten = {};
  const formulier = $("profiel");
  for (const a of staat.attributen) {
    const el = formulier.elements.namedItem(a.sleutel);
    if (!el) continue;
    if (a.type === "bool") {
      const waarde = el.value; // the checked radio of the group
      if (waarde === "true" || waarde === "false") profiel[a.sleutel] = waarde === "true";
    } else if (a.type === "int" || a.type === "euro") {
      if (el.validity.badInput) fouten[a.sleutel] = TEKST.getal;
      else if (el.value.trim() !== "") profiel[a.sleutel] = Number(el.value);
    } else if (el.value.trim() !== "") {
      profiel[a.sleutel] = el.value.trim();
    }
  }
  return { profiel, fouten };
}

function toonFouten(fouten) {
  for (const a of staat.attributen) {
    const p = $(`${a.sleutel}-fout`);
    const el = beschreven(a.sleutel);
    if (!p || !el) continue;
    const bericht = fouten[a.sleutel];
    p.textContent = bericht || "";
    p.hidden = !bericht;
    zetBeschrijving(el, p.id, Boolean(bericht));
    const invoer = $(a.sleutel);
    if (invoer) {
      if (bericht) invoer.setAttribute("aria-invalid", "true");
      else invoer.removeAttribute("aria-invalid");
    }
  }
}

function markeer(sleutel) {
  if (staat.volgende === sleutel) return;
  if (staat.volgende) {
    $(`veld-${staat.volgende}`)?.classList.remove("beslist");
    const oud = $(`${staat.volgende}-beslist`);
    if (oud) oud.hidden = true;
    const el = beschreven(staat.volgende);
    if (el) zetBeschrijving(el, `${staat.volgende}-beslist`, false);
  }
  staat.volgende = sleutel && $(`veld-${sleutel}`) ? sleutel : null;
  if (!staat.volgende) return;
  $(`veld-${sleutel}`).classList.add("beslist");
  $(`${sleutel}-beslist`).hidden = false;
  zetBeschrijving(beschreven(sleutel), `${sleutel}-beslist`, true);
}

function gaNaarVeld(sleutel) {
  const houder = $(`veld-${sleutel}`);
  const doel = houder?.querySelector("input:checked, input, select");
  if (!doel) return;
  houder.scrollIntoView({ block: "center" });
  doel.focus();
}

// --- evaluation ---------------------------------------------------------------------------

function plan() {
  clearTimeout(staat.wachten);
  staat.wachten = setTimeout(evalueer, WACHTTIJD_MS);
}

async function post(pad, inhoud) {
  return fetch(API + pad, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(inhoud),
  });
}

async function evalueer() {
  clearTimeout(staat.wachten);
  staat.wachten = null;
  const nummer = ++staat.nummer;
  const { profiel, fouten } = leesProfiel();
  for (const sleutel of Object.keys(fouten)) delete profiel[sleutel];
  $("resultaat").setAttribute("aria-busy", "true");
  try {
    let antwoord = await post("evaluatie", { profiel });
    if (antwoord.status === 422) {
      // show the server's Dutch message at the field, and go on without that field
      const uitleg = await antwoord.json();
      for (const f of uitleg.fouten || []) {
        const sleutel = String(f.veld).replace(/^profiel\./, "");
        if (sleutel in profiel) {
          fouten[sleutel] = f.bericht;
          delete profiel[sleutel];
        }
      }
      antwoord = await post("evaluatie", { profiel });
    }
    if (!antwoord.ok) throw new Error(String(antwoord.status));
    const data = await antwoord.json();
    if (nummer !== staat.nummer) return;
    staat.serverFouten = new Set(Object.keys(fouten));
    staat.profiel = profiel;
    toonFouten(fouten);
    await toonResultaat(data, profiel);
  } catch {
    if (nummer === staat.nummer) $("samenvatting").textContent = TEKST.evaluatieFout;
  } finally {
    if (nummer === staat.nummer) {
      $("resultaat").setAttribute("aria-busy", "false");
      document.body.dataset.evaluaties = String(nummer);
    }
  }
}

function contactVoor(gemeente) {
  if (!gemeente) return Promise.resolve(null);
  if (!staat.contact.has(gemeente)) {
    const url = `${API}gemeenten/${encodeURIComponent(gemeente)}/contactpunt`;
    staat.contact.set(
      gemeente,
      fetch(url, { headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null),
    );
  }
  return staat.contact.get(gemeente);
}

async function toonResultaat(data, profiel) {
  const contact = await contactVoor(profiel.gemeente);
  const actief = document.activeElement?.closest?.("#rechten details");
  const focusId = actief ? actief.dataset.id : null;
  const houder = $("rechten");
  houder.replaceChildren();
  const aantallen = {};
  for (const [status, titel] of GROEPEN) {
    const rechten = data.rechten.filter((r) => r.status === status);
    aantallen[status] = rechten.length;
    if (!rechten.length && !VAST.has(status)) continue;
    const groep = maak(
      "section",
      { klasse: `groep groep-${status}`, id: `groep-${status}`, "aria-labelledby": `groep-${status}-titel` },
      maak("h3", { id: `groep-${status}-titel`, tekst: `${titel} (${rechten.length})` }),
    );
    if (!rechten.length) groep.append(maak("p", { klasse: "leeg", tekst: TEKST.geenRechten }));
    else {
      const lijst = maak("ul", { klasse: "rechten" });
      for (const recht of rechten) lijst.append(maak("li", {}, rechtElement(recht, contact)));
      groep.append(lijst);
    }
    houder.append(groep);
  }
  if (focusId) houder.querySelector(`details[data-id="${CSS.escape(focusId)}"] > summary`)?.focus();

  const volgende = data.volgende_vraag;
  markeer(volgende ? volgende.attribuut : null);
  const link = $("beslist-link");
  link.replaceChildren();
  if (staat.volgende) {
    const knop = maak("button", { type: "button", klasse: "knop knop-licht", tekst: TEKST.naarVraag });
    const sleutel = staat.volgende;
    knop.addEventListener("click", () => gaNaarVeld(sleutel));
    link.append(maak("strong", { tekst: TEKST.beslistLink }), " ", volgende.vraag, " ", knop);
  } else {
    link.append(TEKST.geenVraag);
  }
  link.hidden = false;
  const kort = `${aantallen.waarschijnlijk} waarschijnlijk, ${aantallen.mogelijk} mogelijk, ${aantallen.niet} niet.`;
  $("samenvatting").textContent = `${kort} ${staat.volgende ? `${TEKST.beslistLink} ${volgende.vraag}` : TEKST.geenVraag}`;
  $("naar-resultaat-link").textContent = `Resultaat: ${kort}`;
  const naarVraag = $("naar-vraag-link");
  naarVraag.hidden = !staat.volgende;
  naarVraag.onclick = (e) => {
    e.preventDefault();
    gaNaarVeld(staat.volgende);
  };
  $("naar-resultaat").hidden = false;
}

function voorwaardenLijst(regels) {
  const lijst = maak("ul", { klasse: "voorwaarden" });
  for (const v of regels) {
    const label = v.na_te_gaan && v.status === "onbekend" ? "Na te gaan door de dienst" : VOORWAARDE[v.status];
    const item = maak(
      "li",
      { klasse: `voorwaarde vw-${v.status}` },
      maak("span", { klasse: "vw-status", tekst: label || v.status }),
      " ",
      maak("span", { klasse: "vw-tekst", tekst: v.tekst }),
    );
    for (const o of v.opmerkingen || []) item.append(maak("p", { klasse: "opmerking", tekst: o }));
    if (v.onderdelen && v.onderdelen.length) item.append(voorwaardenLijst(v.onderdelen));
    lijst.append(item);
  }
  return lijst;
}

function tekstBlok(tekst) {
  return tekst ? maak("p", { klasse: "blok", tekst }) : maak("p", { klasse: "blok leeg", tekst: TEKST.laden });
}

function contactBlok(contact) {
  if (!contact) return maak("p", { klasse: "blok", tekst: TEKST.geenContact });
  const punt = contact.contactpunt;
  const blok = maak("p", { klasse: "blok" });
  if (punt) {
    blok.append(punt.naam);
    for (const deel of [
      punt.adres,
      punt.telefoon && `Telefoon: ${punt.telefoon}`,
      punt.openingsuren && `Openingsuren: ${punt.openingsuren}`,
    ]) {
      if (deel) blok.append(maak("br"), deel);
    }
    if (punt.website) blok.append(maak("br"), veiligeLink(punt.website, punt.website));
  } else {
    blok.append(`Het OCMW of Sociaal Huis van ${contact.gemeente}.`);
  }
  const lijn = contact.algemene_lijn;
  if (lijn && (lijn.telefoon || lijn.website)) {
    const uitleg = lijn.omschrijving ? ` (${lijn.omschrijving})` : "";
    blok.append(maak("br"), `Algemene lijn: ${lijn.telefoon || lijn.website}${uitleg}`);
  }
  return blok;
}

function rechtElement(recht, contact) {
  const details = maak(
    "details",
    { klasse: "recht", "data-id": recht.id, open: staat.open.has(recht.id) },
    maak("summary", {}, maak("span", { klasse: "recht-naam", tekst: recht.naam })),
  );
  const inhoud = maak("div", { klasse: "recht-inhoud" });
  if (recht.reden) inhoud.append(maak("p", { klasse: "reden", tekst: recht.reden }));
  const lijst = maak("dl");
  const rij = (titel, ...waarde) => lijst.append(maak("dt", { tekst: titel }), maak("dd", {}, ...waarde));
  rij(TEKST.voorwaarden, voorwaardenLijst(recht.uitleg || []));
  // what is estimated (the remarks per condition are shown with the condition itself)
  const geschat = recht.benaderingen || [];
  if (geschat.length) {
    rij(TEKST.schatting, maak("ul", { klasse: "opmerkingen" }, ...geschat.map((t) => maak("li", { tekst: t }))));
  }
  if (recht.bedrag_tekst) rij(TEKST.bedrag, maak("p", { klasse: "blok", tekst: recht.bedrag_tekst }));
  const aanvragen = tekstBlok(recht.aanvragen);
  const bewijs = tekstBlok(recht.bewijsstukken);
  aanvragen.dataset.veld = "aanvragen";
  bewijs.dataset.veld = "bewijsstukken";
  rij(TEKST.aanvragen, aanvragen);
  rij(TEKST.bewijsstukken, bewijs);
  rij(TEKST.contact, contactBlok(contact));
  rij(TEKST.bron, maak("p", { klasse: "blok" }, veiligeLink(recht.bron_url, recht.bron_url)));
  inhoud.append(lijst);
  details.append(inhoud);
  const vul = () => vulAan(details, recht);
  details.addEventListener("toggle", () => {
    if (details.open) {
      staat.open.add(recht.id);
      vul();
    } else staat.open.delete(recht.id);
  });
  if (details.open) vul();
  return details;
}

/** What the evaluation leaves out (how to apply, what to bring) comes from the right's page. */
function vulAan(details, recht) {
  if (recht.aanvragen && recht.bewijsstukken) return;
  if (!staat.details.has(recht.id)) {
    const url = `${API}rechten/${encodeURIComponent(recht.id)}`;
    staat.details.set(
      recht.id,
      fetch(url, { headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : {}))
        .catch(() => ({})),
    );
  }
  staat.details.get(recht.id).then((info) => {
    for (const veld of ["aanvragen", "bewijsstukken"]) {
      const blok = details.querySelector(`[data-veld="${veld}"]`);
      if (!blok || recht[veld]) continue;
      blok.textContent = info[veld] || TEKST.geenGegevens;
      blok.classList.remove("leeg");
    }
  });
}

// --- the printable overview ------------------------------------------------------------------

async function maakOverzicht() {
  const status = $("pdf-status");
  if (staat.wachten) await evalueer(); // the last change first
  const inhoud = { profiel: staat.profiel || {} };
  const referentie = $("referentie").value.trim();
  if (referentie) inhoud.referentie = referentie;
  inhoud.met_leefloonadvies = $("met-leefloonadvies").checked;
  status.textContent = TEKST.pdfBezig;
  try {
    const antwoord = await fetch(`${API}overzicht.pdf`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/pdf" },
      body: JSON.stringify(inhoud),
    });
    if (!antwoord.ok) throw new Error(String(antwoord.status));
    const url = URL.createObjectURL(await antwoord.blob());
    const downloaden = maak("a", { href: url, download: "overzicht-rechten.pdf", hidden: true });
    document.body.append(downloaden);
    downloaden.click();
    downloaden.remove();
    status.replaceChildren(TEKST.pdfKlaar, " ", maak("a", { href: url, target: "_blank", tekst: TEKST.pdfOpen }));
  } catch {
    status.textContent = TEKST.pdfFout;
  }
}

// --- a code from a chat: the conversation's answers into the form -------------------------

function vulIn(profiel) {
  for (const a of staat.attributen) {
    const waarde = profiel[a.sleutel];
    const bekend = waarde !== undefined && waarde !== null; // null: "weet ik niet"
    if (a.type === "bool") {
      const keuze = $(`${a.sleutel}-${bekend ? String(waarde) : "onbekend"}`);
      if (keuze) keuze.checked = true;
    } else {
      const el = $(a.sleutel);
      if (el) el.value = bekend ? String(waarde) : "";
    }
  }
  staat.serverFouten.clear();
  clearTimeout(staat.wachten);
  evalueer();
}

async function openCode(e) {
  e.preventDefault();
  const status = $("code-status");
  const veld = $("code");
  status.classList.remove("fout");
  if (!veld.value.trim()) {
    status.classList.add("fout");
    status.textContent = TEKST.codeLeeg;
    veld.focus();
    return;
  }
  status.textContent = TEKST.codeBezig;
  try {
    // the browser asks the social worker's login (HTTP Basic) when it does not have it yet
    const antwoord = await post("overdracht/inwisselen", { code: veld.value.trim() });
    const inhoud = await antwoord.json().catch(() => ({}));
    if (!antwoord.ok) {
      const uitleg = inhoud.fouten && inhoud.fouten[0] ? inhoud.fouten[0].bericht : inhoud.detail;
      status.classList.add("fout");
      status.textContent = typeof uitleg === "string" ? uitleg : TEKST.codeFout;
      return;
    }
    vulIn(inhoud.profiel || {});
    veld.value = "";
    status.textContent = TEKST.codeKlaar;
  } catch {
    status.classList.add("fout");
    status.textContent = TEKST.codeFout;
  }
}

// --- start ---------------------------------------------------------------------------------

function isGemeente(tekst) {
  const t = tekst.trim();
  return t === "" || /^\d{5}$/.test(t) || staat.gemeenten.has(t.toLowerCase());
}

async function start() {
  try {
    const [attributen, gemeenten] = await Promise.all(
      ["attributen", "gemeenten"].map((pad) =>
        fetch(API + pad, { headers: { Accept: "application/json" } }).then((r) => {
          if (!r.ok) throw new Error(String(r.status));
          return r.json();
        }),
      ),
    );
    staat.attributen = attributen;
    for (const g of gemeenten) staat.gemeenten.set(g.naam.toLowerCase(), g.naam);
  } catch {
    $("laden").textContent = TEKST.laadFout;
    return;
  }
  bouwFormulier(staat.attributen);
  const formulier = $("profiel");
  formulier.addEventListener("input", (e) => {
    // a municipality is only looked up once it is a whole name (or when the field is left)
    if (e.target.getAttribute("list") === "gemeenten-lijst" && !isGemeente(e.target.value)) return;
    plan();
  });
  formulier.addEventListener("change", plan);
  formulier.addEventListener("submit", (e) => {
    e.preventDefault();
    evalueer();
  });
  formulier.addEventListener("reset", () => setTimeout(evalueer, 0));
  $("pdf").addEventListener("click", maakOverzicht);
  $("code-formulier").addEventListener("submit", openCode);
  $("code-formulier").hidden = false;
  $("laden").remove();
  formulier.hidden = false;
  await evalueer();
}

start();
