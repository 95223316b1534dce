import type { CustomThemeKey } from "@runder-tisch/contracts";

const UMLAUTS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };
/** Leaves room for "_2", "_3" … after the slug when the first choice is taken. */
const SLUG_LENGTH = 34;

/**
 * The key of a Kreis's own theme, from its German label: "Digitale Teilhabe" becomes
 * "k_digitale_teilhabe". Stable once given, whatever the label becomes later.
 */
export function themeKeyFromLabel(label: string, taken: ReadonlySet<string>): CustomThemeKey {
  const slug =
    label
      .toLowerCase()
      .replace(/[äöüß]/g, (letter) => UMLAUTS[letter] ?? letter)
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, SLUG_LENGTH)
      .replace(/_+$/, "") || "thema";
  let key: CustomThemeKey = `k_${slug}`;
  for (let next = 2; taken.has(key); next += 1) key = `k_${slug}_${next}`;
  return key;
}
