import de from "./de.case.json";
import en from "./en.case.json";
import type { MessagePack } from "./message-packs.ts";

/** The texts of a case's forms: identity, sharing bases, releases, scheduling, a new case. */
export default { de, en } satisfies MessagePack;
