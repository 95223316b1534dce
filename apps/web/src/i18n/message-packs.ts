import i18next from "i18next";

/** Texts of pages that load late, in both languages. */
export interface MessagePack {
  de: object;
  en: object;
}

/**
 * Adds a page's texts when the page loads. Few people open the administration, and the
 * case page's forms are not needed in the inbox or the conference room, so their texts
 * do not ship with every page.
 */
export function addMessages(pack: MessagePack): void {
  i18next.addResourceBundle("de", "translation", pack.de, true);
  i18next.addResourceBundle("en", "translation", pack.en, true);
}

/** Loads a lazily loaded page together with its texts. */
export async function withMessages<T>(
  page: Promise<T>,
  pack: Promise<{ default: MessagePack }>,
): Promise<T> {
  const [loaded, messages] = await Promise.all([page, pack]);
  addMessages(messages.default);
  return loaded;
}
