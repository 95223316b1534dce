import de from "./de.pathways.json";
import en from "./en.pathways.json";
import type { MessagePack } from "./message-packs.ts";

/** The residence pathway panel's and cohort page's texts; they load with those. */
export default { de, en } satisfies MessagePack;
