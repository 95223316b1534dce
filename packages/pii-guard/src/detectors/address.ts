import { type Detector, makeFinding } from "./finding.ts";

// Compound endings (Bahnhofstraße) and hyphenated ones after a person's name (Von-Behring-Straße).
const SUFFIXES =
  "straße|strasse|str\\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|pfad|steig|wall|promenade|kamp|markt|-Straße|-Str\\.|-Weg|-Platz|-Allee|-Gasse|-Ring|-Damm|-Ufer";
// 12, 5a, 2 b, 22-24, 3/1: a house number, not a year and not the start of a longer number.
const HOUSE_NUMBER = String.raw`(?<number>\d{1,4}(?: ?[a-z](?![\p{L}]))?(?: ?[-/] ?\d{1,4}[a-z]?)?)(?!\d|[,.]\d)`;
// Bahnhofstraße 12, Hauptstr. 5 (one compound word) or Lange Straße 7, Detmolder Str. 230.
const STREET = new RegExp(
  String.raw`(?<![\p{L}\d-])(?<name>\p{Lu}[\p{L}-]*?(?:${SUFFIXES})|\p{Lu}\p{Ll}+(?:er|e|es|en) (?:Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer)) ?${HOUSE_NUMBER}`,
  "gu",
);
// Am Markt 7, An der Kirche 5: only counted with an address cue or a following postcode.
const PREPOSITION_STREET = new RegExp(
  String.raw`(?<![\p{L}\d])(?:Am|An der|An den|Auf dem|Auf der|Im|In der|In den|Zum|Zur|Hinter der|Unter den) \p{Lu}\p{Ll}+ ${HOUSE_NUMBER}`,
  "gu",
);
const ADDRESS_CUE =
  /(?:Adresse|Anschrift|wohnt|wohnhaft|Meldeadresse|Postanschrift|Wohnung|umgezogen|zieht)\W{0,3}(?:\p{L}+\W{1,3}){0,2}$/iu;
// 32756 Detmold, 60311 Frankfurt am Main, 06108 Halle (Saale), 32791 Lage.
const POSTCODE_TOWN =
  /(?<![\p{L}\d.,/-])\d{5} \p{Lu}[\p{L}]+(?:-\p{Lu}\p{L}+)?(?: (?:am|an der|im|in|ob der|bei|vor der) \p{Lu}\p{L}+| \(\p{Lu}\p{L}+\))?/gu;

// Compounds with a street suffix that are everyday nouns, not streets.
const NOT_STREETS = new Set(
  "arbeitsplatz ausbildungsplatz studienplatz kitaplatz kita-platz kursplatz praktikumsplatz schulplatz wohnplatz parkplatz stellplatz heimplatz therapieplatz betreuungsplatz sprachkursplatz krippenplatz arbeitsweg schulweg heimweg umweg ausweg rechtsweg bildungsweg lebensweg dienstweg fluchtweg postweg arbeitsmarkt wohnungsmarkt ausbildungsmarkt supermarkt flohmarkt stellenmarkt".split(
    " ",
  ),
);
// Five digits followed by these are amounts or counts, not postcode and town.
const NOT_TOWNS = new Set(
  "euro eur menschen personen fälle akten papierakten teilnehmende einwohner stunden tage mitarbeitende anträge seiten".split(
    " ",
  ),
);

// "Die Straße 5" is not "Lange Straße 5": the two-word form needs an adjective, not an article.
const ARTICLES = /^(?:Die|Der|Das|Eine|Einer|Seine|Ihre|Diese|Jede|Keine|Unsere) /;

function isLikelyStreet(name: string, number: string): boolean {
  if (NOT_STREETS.has(name.toLowerCase()) || ARTICLES.test(name)) return false;
  // A four-digit "house number" from 1900 on is a year: "Ausbildungsplatz 2026".
  return !/^(?:19|20)\d{2}$/.test(number);
}

// A street name ends in one of the suffixes right before its house number. Looking for that
// first and trying the full pattern only at the word starts just before it keeps a long
// document fast: the full pattern tried at every capitalised word was one of the costliest
// steps of a check.
const SUFFIX_BEFORE_NUMBER = new RegExp(
  `(?:${SUFFIXES}|Straße|Strasse|Str\\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer) ?\\d`,
  "g",
);
const STREET_AT = new RegExp(STREET.source, "uy");
// Word starts within this many characters before a suffix are tried ("Konrad-Adenauer-Straße").
const STREET_LOOKBACK = 60;

function findStreets(source: string): { start: number; end: number }[] {
  const streets: { start: number; end: number }[] = [];
  let triedUpTo = -1;
  for (const hit of source.matchAll(SUFFIX_BEFORE_NUMBER)) {
    const from = Math.max(triedUpTo + 1, hit.index - STREET_LOOKBACK);
    for (let start = from; start <= hit.index; start += 1) {
      // Only a capital letter can start a street; the pattern's lookbehind checks the rest.
      const char = source[start] ?? "";
      if (char === char.toLowerCase()) continue;
      STREET_AT.lastIndex = start;
      const match = STREET_AT.exec(source);
      if (!match) continue;
      const { name = "", number = "" } = match.groups ?? {};
      const end = start + match[0].length;
      if (end <= hit.index) continue;
      if (isLikelyStreet(name, number)) streets.push({ start, end });
      break;
    }
    triedUpTo = hit.index;
  }
  return streets;
}

export const detectAddresses: Detector = (source) => {
  const parts: { start: number; end: number }[] = findStreets(source);
  const towns = Array.from(source.matchAll(POSTCODE_TOWN))
    .filter((match) => {
      const town = match[0].slice(6).split(/[ -]/)[0] ?? "";
      return !NOT_TOWNS.has(town.toLowerCase()) && !/(?:ungen|innen|heiten|keiten)$/.test(town);
    })
    .map((match) => ({ start: match.index, end: match.index + match[0].length }));
  for (const match of source.matchAll(PREPOSITION_STREET)) {
    const end = match.index + match[0].length;
    const cued = ADDRESS_CUE.test(source.slice(Math.max(0, match.index - 40), match.index));
    const beforeTown = towns.some((town) => /^,? ?$/.test(source.slice(end, town.start)));
    if (cued || beforeTown) parts.push({ start: match.index, end });
  }
  parts.push(...towns);
  parts.sort((a, b) => a.start - b.start);

  // Street and postcode separated by a comma or a space are one address: one placeholder.
  const merged: { start: number; end: number }[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (last && part.start >= last.end && /^,? ?$/.test(source.slice(last.end, part.start))) {
      last.end = Math.max(last.end, part.end);
    } else if (!last || part.start >= last.end) {
      merged.push({ ...part });
    }
  }
  return merged.map((part) => makeFinding(source, part.start, part.end, "address"));
};
