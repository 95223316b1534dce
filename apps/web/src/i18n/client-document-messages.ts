import de from "./de.client-documents.json";
import en from "./en.client-documents.json";
import type { MessagePack } from "./message-packs.ts";

/** The pages of the documents for the person concerned; they load with those. */
export default { de, en } satisfies MessagePack;
