import de from "./de.case.json";
import deReferrals from "./de.referrals.json";
import en from "./en.case.json";
import enReferrals from "./en.referrals.json";
import type { MessagePack } from "./message-packs.ts";

/**
 * The texts of a case's forms: identity, sharing bases, releases, scheduling, a new case;
 * and the requests to other agencies and internal notes the case page shows.
 */
export default {
  de: { ...de, ...deReferrals },
  en: { ...en, ...enReferrals },
} satisfies MessagePack;
