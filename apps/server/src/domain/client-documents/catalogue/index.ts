import type { ClientLanguage } from "@runder-tisch/contracts/vocabulary";
import { ar } from "./ar.ts";
import { type Catalogue, de } from "./de.ts";
import { en } from "./en.ts";
import { fa } from "./fa.ts";
import { fr } from "./fr.ts";
import { ru } from "./ru.ts";
import { ti } from "./ti.ts";
import { tr } from "./tr.ts";
import { uk } from "./uk.ts";

export { type CatalogueKey, de as GERMAN } from "./de.ts";

/** Every language's reviewed wording; what a language lacks comes from German, marked. */
export const CATALOGUES: Record<ClientLanguage, Catalogue> = { de, ar, uk, fa, ti, tr, ru, fr, en };
