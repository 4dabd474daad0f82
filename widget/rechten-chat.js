// <rechten-chat>: the Rechtenverkenner chat widget for city and OCMW websites.
//
// One ES module, no framework, no build step. Embed with:
//   <script type="module" src="https://UW-SERVER/widget/rechten-chat.js"></script>
//   <rechten-chat api="https://UW-SERVER/" gemeente="44021"></rechten-chat>
// Attributes: api (base URL of the web API), gemeente (NIS code), open (start open),
// lang (interface language; texts below). Colours and logo: CSS custom properties
// --rechten-chat-kleur, --rechten-chat-kleur-tekst, --rechten-chat-accent, --rechten-chat-logo.
//
// Safety: everything that comes from the server is shown with textContent, never innerHTML;
// only http(s) links become links. The CSS is a constructed style sheet, not a <style>
// element, so the widget also works on a site whose Content-Security-Policy forbids inline
// styles (style-src without 'unsafe-inline').

/** All interface texts, per language: add a language by adding a key. */
export const TEKSTEN = {
  nl: {
    launcher: "Ontdek uw rechten",
    launcherLabel: "Open de chat: ontdek op welke sociale rechten u recht hebt",
    titel: "Rechtenverkenner",
    sluiten: "Sluit de chat",
    logLabel: "Gesprek met de rechtenverkenner",
    invoerLabel: "Uw antwoord of vraag",
    invoerPlaatshouder: "Typ uw antwoord…",
    versturen: "Verstuur",
    opnieuw: "Opnieuw beginnen",
    wissen: "Wis mijn gesprek",
    wisBevestigd: "Uw gesprek is gewist, ook op onze server.",
    afdrukken: "Bewaar of print dit overzicht",
    pdf: "Download als PDF",
    pdfBestand: "overzicht-sociale-rechten.pdf",
    pdfKlaar: "Het overzicht staat in uw downloads.",
    typen: "De assistent typt…",
    privacy: "Uw gesprek blijft op onze server tot een dag na uw laatste bericht. Dan wissen we het. Met \"Wis mijn gesprek\" wist u het meteen. We tellen alleen anoniem welke rechten naar boven komen, per gemeente en maand. Geeft u het door aan een maatschappelijk werker? Dan bewaren we uw antwoorden tot de code gebruikt of verlopen is.",
    privacyLink: "Lees meer over uw privacy",
    begroeting: (gemeente) =>
      gemeente
        ? `Hallo! Ik help u ontdekken op welke sociale rechten u waarschijnlijk recht hebt in ${gemeente}. Ik stel u enkele korte vragen.`
        : "Hallo! Ik help u ontdekken op welke sociale rechten u waarschijnlijk recht hebt. Ik stel u enkele korte vragen.",
    eersteFeit: (gemeente) => `Ik woon in ${gemeente}`,
    startBericht: "hallo",
    u: "U",
    bot: "Assistent",
    meerUitleg: "Meer uitleg",
    status: { waarschijnlijk: "Waarschijnlijk", mogelijk: "Mogelijk", niet: "Geen recht" },
    fout: "Er ging iets mis. Probeer het opnieuw.",
    nietBereikbaar:
      "De assistent is even niet bereikbaar. Probeer het over enkele minuten opnieuw.",
    afdrukTitel: "Mijn overzicht van sociale rechten",
    afdrukUitleg:
      "Dit is een inschatting van de Rechtenverkenner. De dienst die het recht geeft, beslist. " +
      "Neem dit overzicht mee naar het OCMW of naar de dienst die het recht geeft.",
    afdrukDatum: "Gemaakt op",
    geenResultaat: "Er is nog geen resultaat. Beantwoord eerst de vragen.",
  },
};

const SESSIE_SLEUTEL = "rechten-chat-sessie";
const OPEN_SLEUTEL = "rechten-chat-open";
const PRIVACY_URL = "/#privacy";

const STIJL = `
:host {
  --kleur: var(--rechten-chat-kleur, #0b4f8a);
  --kleur-tekst: var(--rechten-chat-kleur-tekst, #ffffff);
  --accent: var(--rechten-chat-accent, #0b4f8a);
  --focus: var(--rechten-chat-focus, #b3009e);
  all: initial;
  font-family: var(--rechten-chat-lettertype, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif);
  font-size: 16px;
  line-height: 1.5;
  color: #1a1a1a;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, input { font: inherit; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.launcher {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  min-height: 48px; min-width: 48px; padding: 12px 20px; border: 2px solid var(--kleur-tekst);
  border-radius: 999px; background: var(--kleur); color: var(--kleur-tekst);
  font-weight: 700; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.3);
  display: inline-flex; align-items: center; gap: 8px;
}
.launcher:hover { text-decoration: underline; }
.venster {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483001;
  width: min(420px, calc(100vw - 16px)); height: min(640px, calc(100vh - 32px));
  display: flex; flex-direction: column; background: #fff; color: #1a1a1a;
  border: 1px solid #595959; border-radius: 12px; box-shadow: 0 4px 24px rgba(0,0,0,.3);
  overflow: hidden;
}
@media (max-width: 480px) {
  .venster { right: 0; bottom: 0; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; }
  .launcher { right: 8px; bottom: 8px; }
}
header {
  display: flex; align-items: center; gap: 8px; padding: 8px 8px 8px 16px;
  background: var(--kleur); color: var(--kleur-tekst);
}
.logo { width: 32px; height: 32px; flex: none; background: var(--rechten-chat-logo, none) center / contain no-repeat; }
.logo.leeg { display: none; }
h2 { font-size: 1.125rem; margin: 0; flex: 1; }
.sluiten {
  min-width: 44px; min-height: 44px; border: 2px solid transparent; border-radius: 8px;
  background: transparent; color: var(--kleur-tekst); font-size: 1.5rem; line-height: 1; cursor: pointer;
}
.sluiten:focus-visible { outline-color: var(--kleur-tekst); }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
.bericht { max-width: 92%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.bericht.bot { align-self: flex-start; background: #eef2f6; border: 1px solid #c5ccd3; }
.bericht.gebruiker { align-self: flex-end; background: var(--accent); color: #fff; }
.bericht.fout { border-color: #a3000b; background: #fff0f0; color: #6b0007; }
.bericht a { color: #0b4f8a; text-decoration: underline; }
.wie { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.keuzes { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; white-space: normal; }
.overdracht-code { font: 700 1.4em/1.3 ui-monospace, monospace; letter-spacing: 0.12em; margin: 8px 0 0; }
.keuze {
  min-height: 44px; padding: 8px 14px; border: 2px solid var(--accent); border-radius: 999px;
  background: #fff; color: var(--accent); cursor: pointer; font-weight: 600; text-align: left;
}
.keuze:hover { background: #e6eef6; }
.resultaat { white-space: normal; }
.resultaat h3 { font-size: 1rem; margin: 0 0 4px; }
.resultaat ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.resultaat li { background: #fff; border: 1px solid #c5ccd3; border-radius: 8px; padding: 8px; }
.resultaat p { margin: 4px 0 0; }
.status { display: inline-block; font-size: .875rem; font-weight: 700; padding: 0 8px; border-radius: 999px; margin-right: 6px; }
.status.waarschijnlijk { background: #d9f2e0; color: #0b5a24; }
.status.mogelijk { background: #fff1c7; color: #5c4200; }
.status.niet { background: #eeeeee; color: #3d3d3d; }
details { margin-top: 4px; }
summary { cursor: pointer; min-height: 44px; display: flex; align-items: center; color: #0b4f8a; text-decoration: underline; }
.typen { padding: 0 16px 4px; color: #4a4a4a; font-style: italic; }
.typen span { display: inline-block; animation: knipper 1.2s infinite; }
@keyframes knipper { 50% { opacity: .2; } }
form { display: flex; gap: 8px; padding: 8px 12px; border-top: 1px solid #c5ccd3; }
input {
  flex: 1; min-width: 0; min-height: 44px; padding: 8px 12px; border: 2px solid #595959; border-radius: 8px;
  color: #1a1a1a; background: #fff;
}
.verstuur, .actie {
  min-height: 44px; padding: 8px 14px; border-radius: 8px; cursor: pointer; font-weight: 600;
}
.verstuur { border: 2px solid var(--kleur); background: var(--kleur); color: var(--kleur-tekst); }
.acties { display: flex; flex-wrap: wrap; gap: 4px 8px; padding: 0 12px 4px; }
.actie { border: 2px solid transparent; background: transparent; color: #0b4f8a; text-decoration: underline; padding: 8px 4px; font-size: .9375rem; }
.privacy { margin: 0; padding: 0 12px 8px; font-size: .875rem; color: #4a4a4a; }
.privacy a { color: #0b4f8a; display: inline-block; min-height: 24px; }
@media (prefers-reduced-motion: reduce) {
  * { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
@media print { .launcher, .venster { display: none !important; } }
`;

// Shown in the host page while printing: only the overview, nothing else of the site.
const AFDRUK_STIJL = `
@media screen { #rechten-chat-afdruk { display: none; } }
@media print {
  body > *:not(#rechten-chat-afdruk) { display: none !important; }
  html, body { background: #fff !important; }
  #rechten-chat-afdruk { display: block; font: 10pt/1.35 system-ui, Arial, sans-serif; color: #000; }
  #rechten-chat-afdruk h1 { font-size: 15pt; margin: 0 0 4pt; }
  #rechten-chat-afdruk h2 { font-size: 11.5pt; margin: 8pt 0 3pt; }
  #rechten-chat-afdruk ul { margin: 0; padding-left: 14pt; }
  #rechten-chat-afdruk li { margin: 0 0 4pt; break-inside: avoid; }
  #rechten-chat-afdruk p { margin: 4pt 0; }
  @page { margin: 12mm; }
}
`;

const STATUS_VAN_KOP = [
  [/^waarschijnlijk/i, "waarschijnlijk"],
  [/^mogelijk/i, "mogelijk"],
  [/geen recht/i, "niet"],
];

/** A bot text that is a result: "Kop:\n• Naam: waarom\n  Bedrag: …". */
export function leesResultaat(tekst) {
  const regels = tekst.split("\n");
  const kop = regels[0].trim();
  if (!kop.endsWith(":") || !regels.slice(1).some((r) => r.startsWith("• "))) return null;
  const gevonden = STATUS_VAN_KOP.find(([patroon]) => patroon.test(kop));
  if (!gevonden) return null;
  const rechten = [];
  const rest = [];
  for (const regel of regels.slice(1)) {
    if (regel.startsWith("• ")) {
      const inhoud = regel.slice(2);
      const dubbelepunt = inhoud.indexOf(": ");
      rechten.push({
        naam: dubbelepunt < 0 ? inhoud : inhoud.slice(0, dubbelepunt),
        waarom: dubbelepunt < 0 ? "" : inhoud.slice(dubbelepunt + 2),
        meer: [],
      });
    } else if (regel.startsWith("  ") && rechten.length) {
      rechten[rechten.length - 1].meer.push(regel.trim());
    } else if (regel.trim()) {
      rest.push(regel.trim());
    }
  }
  return { kop, status: gevonden[1], rechten, rest };
}

const URL_PATROON = /https?:\/\/[^\s<>"')]+[^\s<>"').,;:!?]/g;

/** Text with safe links: only http(s), opened in a new tab without access to this page. */
function tekstMetLinks(ouder, tekst) {
  let vanaf = 0;
  for (const treffer of tekst.matchAll(URL_PATROON)) {
    ouder.append(document.createTextNode(tekst.slice(vanaf, treffer.index)));
    const link = veiligeLink(treffer[0], treffer[0]);
    ouder.append(link || document.createTextNode(treffer[0]));
    vanaf = treffer.index + treffer[0].length;
  }
  ouder.append(document.createTextNode(tekst.slice(vanaf)));
}

function veiligeLink(href, tekst) {
  let url;
  try {
    url = new URL(href, document.baseURI);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const a = document.createElement("a");
  a.href = url.href;
  a.textContent = tekst;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}

/** A constructed style sheet: a Content-Security-Policy without 'unsafe-inline' allows it.
 * Null in a browser without constructed style sheets (it gets a <style> element). */
function stijlblad(css) {
  try {
    const blad = new CSSStyleSheet();
    blad.replaceSync(css);
    return blad;
  } catch {
    return null;
  }
}

function maak(tag, klasse, tekst) {
  const el = document.createElement(tag);
  if (klasse) el.className = klasse;
  if (tekst !== undefined) el.textContent = tekst;
  return el;
}

function nieuweSessie() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
}

export class RechtenChat extends HTMLElement {
  static get observedAttributes() {
    return ["lang"];
  }

  constructor() {
    super();
    this.attachShadow({ mode: "open" });
    this.gemeenteNaam = null;
    this.bezig = false;
    this.gestart = false;
  }

  get t() {
    const taal = (this.getAttribute("lang") || document.documentElement.lang || "nl").slice(0, 2);
    return TEKSTEN[taal] || TEKSTEN.nl;
  }

  url(pad) {
    const basis = new URL(this.getAttribute("api") || "/", document.baseURI);
    if (!basis.pathname.endsWith("/")) basis.pathname += "/";
    return new URL(pad, basis).href;
  }

  connectedCallback() {
    if (this.shadowRoot.childElementCount) return;
    this.bouw();
    const open = this.hasAttribute("open") || sessionStorage.getItem(OPEN_SLEUTEL) === "1";
    if (open) this.openen({ focus: false });
  }

  attributeChangedCallback() {
    if (this.shadowRoot.childElementCount) {
      this.shadowRoot.replaceChildren();
      this.gestart = false;
      this.bouw();
    }
  }

  bouw() {
    const t = this.t;
    const root = this.shadowRoot;
    const blad = stijlblad(STIJL);
    const stijl = [];
    if (blad && "adoptedStyleSheets" in root) root.adoptedStyleSheets = [blad];
    else stijl.push(Object.assign(maak("style"), { textContent: STIJL }));

    this.launcher = maak("button", "launcher");
    this.launcher.type = "button";
    this.launcher.setAttribute("aria-label", t.launcherLabel);
    this.launcher.setAttribute("aria-expanded", "false");
    this.launcher.append(maak("span", "", "💬"), maak("span", "", t.launcher));
    this.launcher.firstChild.setAttribute("aria-hidden", "true");
    this.launcher.addEventListener("click", () => this.openen());

    this.venster = maak("section", "venster");
    this.venster.hidden = true;
    this.venster.setAttribute("role", "dialog");
    this.venster.setAttribute("aria-labelledby", "rc-titel");
    this.venster.lang = (this.getAttribute("lang") || "nl").slice(0, 2);

    const kop = maak("header");
    const logo = maak("span", "logo");
    logo.setAttribute("aria-hidden", "true");
    const logoWaarde = getComputedStyle(this).getPropertyValue("--rechten-chat-logo").trim();
    if (!logoWaarde || logoWaarde === "none") logo.classList.add("leeg");
    const titel = maak("h2", "", t.titel);
    titel.id = "rc-titel";
    const sluiten = maak("button", "sluiten", "×");
    sluiten.type = "button";
    sluiten.setAttribute("aria-label", t.sluiten);
    sluiten.addEventListener("click", () => this.sluiten());
    kop.append(logo, titel, sluiten);

    this.log = maak("div", "log");
    this.log.setAttribute("role", "log");
    this.log.setAttribute("aria-live", "polite");
    this.log.setAttribute("aria-label", t.logLabel);
    this.log.tabIndex = 0;

    this.typen = maak("div", "typen");
    this.typen.setAttribute("role", "status");
    this.typen.hidden = true;
    this.typen.append(document.createTextNode(t.typen.replace("…", "")));
    for (let i = 0; i < 3; i++) {
      const punt = maak("span", "", ".");
      punt.style.animationDelay = `${i * 0.2}s`;
      this.typen.append(punt);
    }

    this.formulier = maak("form");
    this.formulier.setAttribute("aria-label", t.invoerLabel);
    const label = maak("label", "sr-only", t.invoerLabel);
    label.htmlFor = "rc-invoer";
    this.invoer = maak("input");
    this.invoer.id = "rc-invoer";
    this.invoer.type = "text";
    this.invoer.autocomplete = "off";
    this.invoer.maxLength = 500;
    this.invoer.placeholder = t.invoerPlaatshouder;
    const verstuur = maak("button", "verstuur", t.versturen);
    verstuur.type = "submit";
    this.formulier.append(label, this.invoer, verstuur);
    this.formulier.addEventListener("submit", (e) => {
      e.preventDefault();
      const tekst = this.invoer.value.trim();
      if (!tekst || this.bezig) return;
      this.invoer.value = "";
      this.stuur(tekst, tekst);
    });

    const acties = maak("div", "acties");
    const knop = (tekst, klik) => {
      const b = maak("button", "actie", tekst);
      b.type = "button";
      b.addEventListener("click", klik);
      acties.append(b);
      return b;
    };
    knop(t.opnieuw, () => this.opnieuw(false));
    knop(t.wissen, () => this.opnieuw(true));
    knop(t.afdrukken, () => this.afdrukken());
    knop(t.pdf, () => this.downloadPdf());

    const privacy = maak("p", "privacy", t.privacy + " ");
    const privacyLink = veiligeLink(this.getAttribute("privacy") || PRIVACY_URL, t.privacyLink);
    if (privacyLink) {
      privacyLink.removeAttribute("target");
      privacy.append(privacyLink);
    }

    this.venster.append(kop, this.log, this.typen, this.formulier, acties, privacy);
    this.venster.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        this.sluiten();
      }
    });
    root.append(...stijl, this.launcher, this.venster);
  }

  get sessie() {
    let id = sessionStorage.getItem(SESSIE_SLEUTEL);
    if (!id) {
      id = nieuweSessie();
      sessionStorage.setItem(SESSIE_SLEUTEL, id);
    }
    return id;
  }

  async openen({ focus = true } = {}) {
    this.launcher.hidden = true;
    this.launcher.setAttribute("aria-expanded", "true");
    this.venster.hidden = false;
    sessionStorage.setItem(OPEN_SLEUTEL, "1");
    if (focus) this.invoer.focus();
    if (!this.gestart) {
      this.gestart = true;
      await this.start();
    }
  }

  sluiten() {
    this.venster.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute("aria-expanded", "false");
    sessionStorage.setItem(OPEN_SLEUTEL, "0");
    this.launcher.focus();
  }

  async zoekGemeente() {
    const nis = this.getAttribute("gemeente");
    if (!nis || this.gemeenteNaam) return this.gemeenteNaam;
    try {
      const antwoord = await fetch(
        this.url(`api/v1/gemeenten?q=${encodeURIComponent(nis)}&limiet=1`),
      );
      if (antwoord.ok) {
        const lijst = await antwoord.json();
        const treffer = lijst.find((g) => g.nis === nis);
        if (treffer) this.gemeenteNaam = treffer.naam;
      }
    } catch {
      // no name: a greeting without the city
    }
    return this.gemeenteNaam;
  }

  /** Greeting, then the history from the server, or a new conversation. */
  async start() {
    const naam = await this.zoekGemeente();
    this.log.replaceChildren();
    this.toonBot({ tekst: this.t.begroeting(naam), knoppen: [] });
    const bestaand = sessionStorage.getItem(SESSIE_SLEUTEL);
    if (bestaand) {
      const berichten = await this.haal(`api/v1/chat/${encodeURIComponent(bestaand)}/geschiedenis`);
      if (berichten && berichten.length) {
        for (const b of berichten) {
          if (b.van === "gebruiker") this.toonGebruiker(b.tekst);
          else this.toonBot(b);
        }
        return;
      }
    }
    if (naam) await this.stuur(this.t.eersteFeit(naam), this.t.eersteFeit(naam));
    else await this.stuur(this.t.startBericht, null);
  }

  async haal(pad) {
    try {
      const antwoord = await fetch(this.url(pad), { headers: { Accept: "application/json" } });
      if (!antwoord.ok) return null;
      return (await antwoord.json()).berichten;
    } catch {
      return null;
    }
  }

  /** Send ``bericht`` to the bot; show ``zichtbaar`` as the person's own message. */
  async stuur(bericht, zichtbaar) {
    if (zichtbaar) this.toonGebruiker(zichtbaar);
    this.bezig = true;
    this.typen.hidden = false;
    try {
      const antwoord = await fetch(this.url("api/v1/chat"), {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ sessie: this.sessie, bericht }),
      });
      const inhoud = await antwoord.json().catch(() => ({}));
      if (!antwoord.ok) {
        const uitleg = inhoud.fouten && inhoud.fouten[0] ? inhoud.fouten[0].bericht : "";
        this.toonFout(uitleg || (typeof inhoud.detail === "string" ? inhoud.detail : this.t.fout));
        return;
      }
      for (const b of inhoud.berichten || []) {
        // the bot heard the person's yes: only now the hand-over is made (and its code shown)
        if (b.actie === "overdracht") await this.vraagCode();
        if (b.tekst || (b.knoppen && b.knoppen.length)) this.toonBot(b);
      }
    } catch {
      this.toonFout(this.t.nietBereikbaar);
    } finally {
      this.bezig = false;
      this.typen.hidden = true;
    }
  }

  async opnieuw(wissen) {
    const oud = sessionStorage.getItem(SESSIE_SLEUTEL);
    if (oud) {
      try {
        await fetch(this.url(`api/v1/chat/${encodeURIComponent(oud)}`), { method: "DELETE" });
      } catch {
        // the server forgets idle conversations anyway
      }
    }
    sessionStorage.removeItem(SESSIE_SLEUTEL);
    this.log.replaceChildren();
    if (wissen) {
      // Nothing is left of the old conversation; a new one starts when the person wants.
      this.toonBot({ tekst: this.t.wisBevestigd, knoppen: [] });
      this.invoer.focus();
      return;
    }
    await this.start();
    this.invoer.focus();
  }

  scroll() {
    this.log.scrollTop = this.log.scrollHeight;
  }

  bubbel(van) {
    const el = maak("div", `bericht ${van}`);
    el.append(maak("span", "wie", `${van === "gebruiker" ? this.t.u : this.t.bot}: `));
    return el;
  }

  toonGebruiker(tekst) {
    const el = this.bubbel("gebruiker");
    el.append(document.createTextNode(tekst));
    this.log.append(el);
    this.scroll();
  }

  toonFout(tekst) {
    const el = this.bubbel("bot");
    el.classList.add("fout");
    el.append(document.createTextNode(tekst));
    this.log.append(el);
    this.scroll();
  }

  toonBot(bericht) {
    const el = this.bubbel("bot");
    const resultaat = bericht.tekst ? leesResultaat(bericht.tekst) : null;
    if (resultaat) el.append(this.resultaatLijst(resultaat));
    else if (bericht.tekst) tekstMetLinks(el, bericht.tekst);
    if (bericht.knoppen && bericht.knoppen.length) {
      const groep = maak("div", "keuzes");
      for (const k of bericht.knoppen) {
        const b = maak("button", "keuze", k.titel);
        b.type = "button";
        b.addEventListener("click", () => {
          if (this.bezig) return;
          this.invoer.focus();
          this.stuur(k.payload, k.titel);
        });
        groep.append(b);
      }
      el.append(groep);
    }
    this.log.append(el);
    this.scroll();
  }

  resultaatLijst(resultaat) {
    const t = this.t;
    const doos = maak("div", "resultaat");
    doos.dataset.status = resultaat.status;
    doos.resultaat = resultaat; // for the printed overview
    doos.append(maak("h3", "", resultaat.kop));
    const lijst = maak("ul");
    for (const recht of resultaat.rechten) {
      const item = maak("li");
      item.append(
        maak("span", `status ${resultaat.status}`, t.status[resultaat.status]),
        " ",
        maak("strong", "naam", recht.naam),
      );
      if (recht.waarom) {
        const p = maak("p");
        tekstMetLinks(p, recht.waarom);
        item.append(p);
      }
      if (recht.meer.length) {
        const details = maak("details");
        details.append(maak("summary", "", t.meerUitleg));
        for (const regel of recht.meer) {
          const p = maak("p");
          tekstMetLinks(p, regel);
          details.append(p);
        }
        item.append(details);
      }
      lijst.append(item);
    }
    doos.append(lijst);
    for (const regel of resultaat.rest) {
      const p = maak("p");
      tekstMetLinks(p, regel);
      doos.append(p);
    }
    return doos;
  }

  /** The server's accessible PDF of this conversation's answers, saved as a download. */
  async downloadPdf() {
    const t = this.t;
    const pad = `api/v1/chat/${encodeURIComponent(this.sessie)}/overzicht.pdf`;
    try {
      const antwoord = await fetch(this.url(pad), { headers: { Accept: "application/pdf" } });
      if (!antwoord.ok) {
        const inhoud = await antwoord.json().catch(() => ({}));
        this.toonFout(typeof inhoud.detail === "string" ? inhoud.detail : t.fout);
        return;
      }
      const adres = URL.createObjectURL(await antwoord.blob());
      const link = maak("a");
      link.href = adres;
      link.download = t.pdfBestand;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(adres), 60_000);
      this.toonBot({ tekst: t.pdfKlaar, knoppen: [] });
    } catch {
      this.toonFout(t.nietBereikbaar);
    }
  }

  /** After the person said yes in the chat: the code that passes it to a social worker. */
  async vraagCode() {
    const pad = `api/v1/chat/${encodeURIComponent(this.sessie)}/overdracht`;
    try {
      const antwoord = await fetch(this.url(pad), { method: "POST", headers: { Accept: "application/json" } });
      const inhoud = await antwoord.json().catch(() => ({}));
      if (!antwoord.ok) {
        this.toonFout(typeof inhoud.detail === "string" ? inhoud.detail : this.t.fout);
        return;
      }
      const el = this.bubbel("bot");
      el.classList.add("overdracht");
      el.append(document.createTextNode(inhoud.tekst));
      const code = maak("p", "overdracht-code", inhoud.code);
      code.setAttribute("aria-label", `Code: ${[...inhoud.code.replace("-", "")].join(" ")}`);
      el.append(code);
      this.log.append(el);
      this.scroll();
    } catch {
      this.toonFout(this.t.nietBereikbaar);
    }
  }

  /** A clean one-page overview of the result, printed (or saved as PDF) from the host page. */
  afdrukken() {
    const t = this.t;
    const resultaten = [...this.log.querySelectorAll(".resultaat")];
    document.getElementById("rechten-chat-afdruk")?.remove();
    document.getElementById("rechten-chat-afdruk-stijl")?.remove();
    const zonder = (bladen, weg) => bladen.filter((b) => b !== weg);
    if (this.afdrukStijl) document.adoptedStyleSheets = zonder(document.adoptedStyleSheets, this.afdrukStijl);
    const afdrukStijl = "adoptedStyleSheets" in document ? stijlblad(AFDRUK_STIJL) : null;
    this.afdrukStijl = afdrukStijl;
    const stijl = maak("style");
    stijl.id = "rechten-chat-afdruk-stijl";
    if (!afdrukStijl) stijl.textContent = AFDRUK_STIJL;
    const blad = maak("div");
    blad.id = "rechten-chat-afdruk";
    blad.append(maak("h1", "", t.afdrukTitel));
    const datum = new Date().toLocaleDateString("nl-BE");
    blad.append(maak("p", "", `${t.afdrukDatum} ${datum}${this.gemeenteNaam ? ` — ${this.gemeenteNaam}` : ""}`));
    if (!resultaten.length) blad.append(maak("p", "", t.geenResultaat));
    // the latest result per status group (a person may ask for the result again)
    const perKop = new Map();
    for (const r of resultaten) perKop.set(r.resultaat.kop, r.resultaat);
    for (const resultaat of perKop.values()) {
      blad.append(maak("h2", "", resultaat.kop));
      const lijst = maak("ul");
      for (const recht of resultaat.rechten) {
        const item = maak("li");
        item.append(maak("strong", "", recht.naam), ` (${t.status[resultaat.status]})`);
        for (const regel of [recht.waarom, ...recht.meer].filter(Boolean)) {
          item.append(maak("div", "", regel));
        }
        lijst.append(item);
      }
      blad.append(lijst);
      for (const regel of resultaat.rest) blad.append(maak("p", "", regel));
    }
    blad.append(maak("p", "", t.afdrukUitleg));
    if (afdrukStijl) document.adoptedStyleSheets = [...document.adoptedStyleSheets, afdrukStijl];
    else document.head.append(stijl);
    document.body.append(blad);
    const opruimen = () => {
      blad.remove();
      stijl.remove();
      if (afdrukStijl) document.adoptedStyleSheets = zonder(document.adoptedStyleSheets, afdrukStijl);
      window.removeEventListener("afterprint", opruimen);
    };
    window.addEventListener("afterprint", opruimen);
    window.print();
  }
}

if (!customElements.get("rechten-chat")) customElements.define("rechten-chat", RechtenChat);
