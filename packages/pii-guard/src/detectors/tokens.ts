/** A word with its position; `dot` says a full stop follows at once ("Dr.", "K."). */
export interface Token {
  text: string;
  start: number;
  end: number;
  dot: boolean;
}

// Letters with marks and apostrophes (N'Diaye), hyphenated parts (Al-Hassan, al-Khatib).
const WORD = /\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*/gu;

export function tokenize(source: string): Token[] {
  return Array.from(source.matchAll(WORD), (match) => {
    const end = match.index + match[0].length;
    return { text: match[0], start: match.index, end, dot: source[end] === "." };
  });
}

/** Capitalised like a name: "Camara", "N'Diaye", "Al-Hassan", or a particle form "al-Khatib". */
export const isNameShaped = (word: string) =>
  /^\p{Lu}(?:\p{Ll}|['’]\p{Lu})/u.test(word) || /^(?:al|el|ul|as|ad|ar|ash)-\p{Lu}/u.test(word);

/** "K." – a bare initial, which is how the notes may refer to a client. */
export const isInitial = (token: Token) => token.dot && /^\p{Lu}$/u.test(token.text);

// German noun endings: a capitalised word ending like this is a noun, not a name.
const NOUN_ENDING =
  /(?:ung|ungen|heit|keit|schaft|tion|sion|ität|nis|nisse|ismus|erin|innen|chen)$/;
export const looksLikeNoun = (word: string) => NOUN_ENDING.test(word.toLowerCase());
