import de from "./de.action-plan.json";
import en from "./en.action-plan.json";
import type { MessagePack } from "./message-packs.ts";

/** The action plan page's texts; they load with it. */
export default { de, en } satisfies MessagePack;
