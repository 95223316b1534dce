import de from "./de.notifications.json";
import en from "./en.notifications.json";
import type { MessagePack } from "./message-packs.ts";

/** The notifications page's texts; only the bell's name ships with every page. */
export default { de, en } satisfies MessagePack;
