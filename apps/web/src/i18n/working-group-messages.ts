import de from "./de.working-groups.json";
import en from "./en.working-groups.json";
import type { MessagePack } from "./message-packs.ts";

/** The working groups' pages' texts; they load with them. */
export default { de, en } satisfies MessagePack;
