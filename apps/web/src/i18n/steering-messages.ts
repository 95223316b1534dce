import de from "./de.steering.json";
import en from "./en.steering.json";
import type { MessagePack } from "./message-packs.ts";

/** The steering group's page's texts; they load with it. */
export default { de, en } satisfies MessagePack;
