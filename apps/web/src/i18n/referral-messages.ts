import de from "./de.referrals.json";
import en from "./en.referrals.json";
import type { MessagePack } from "./message-packs.ts";

/** Requests to other agencies and internal notes: the case page, the requests page, the room. */
export default { de, en } satisfies MessagePack;
