import de from "./de.sign-in.json";
import en from "./en.sign-in.json";
import type { MessagePack } from "./message-packs.ts";

/** Texts of the sign-in page and of the account's sign-in settings (second factor). */
export default { de, en } satisfies MessagePack;
