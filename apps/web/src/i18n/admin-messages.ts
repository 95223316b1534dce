import de from "./de.admin.json";
import en from "./en.admin.json";
import type { MessagePack } from "./message-packs.ts";

/** The administration's texts: agencies, people, audit trail, agenda template. */
export default { de, en } satisfies MessagePack;
