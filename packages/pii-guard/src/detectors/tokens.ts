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

// The checks below run for every token of a long document on every keystroke batch: plain
// ASCII cases are decided from character codes before any Unicode-aware regex runs.
const isAsciiUpper = (code: number) => code >= 65 && code <= 90;
const isAsciiLower = (code: number) => code >= 97 && code <= 122;

/** Capitalised like a name: "Camara", "N'Diaye", "Al-Hassan", or a particle form "al-Khatib". */
export const isNameShaped = (word: string) => {
  const first = word.charCodeAt(0);
  if (isAsciiUpper(first) && isAsciiLower(word.charCodeAt(1))) return true;
  if (isAsciiLower(first) && word[2] !== "-" && word[3] !== "-") return false;
  return (
    /^\p{Lu}(?:\p{Ll}|['’]\p{Lu})/u.test(word) || /^(?:al|el|ul|as|ad|ar|ash)-\p{Lu}/u.test(word)
  );
};

/** "DIALLO", "MENSAH-BONSU": a word in capitals, as names are printed in passports. */
export const isCapsWord = (word: string) =>
  word.length >= 3 &&
  !isAsciiLower(word.charCodeAt(1)) &&
  /^\p{Lu}{3,}(?:-\p{Lu}{2,})*$/u.test(word);

/** "K." – a bare initial, which is how the notes may refer to a client. */
export const isInitial = (token: Token) => token.dot && /^\p{Lu}$/u.test(token.text);

// German noun endings: a capitalised word ending like this is a noun, not a name.
const NOUN_ENDING =
  /(?:ung|ungen|heit|keit|schaft|tion|sion|ität|nis|nisse|ismus|erin|innen|chen|amt|ämter|behörde|dienst|stelle|zentrum|verein|büro|gericht|kasse|agentur|träger|schule|verband|unterkunft|gruppe|projekt|erei)$/;
// Short words are let through: "Tsion" or "Jung" are names, German nouns are longer.
export const looksLikeNoun = (word: string) =>
  word.length > 5 && NOUN_ENDING.test(word.toLowerCase());

// Spellings German words rarely have: letters beyond ä/ö/ü/ß (ê, ş, ć, é …), onsets such as
// Mb-, Nk-, Kp-, Ts-, Dz-, X-, clusters such as kw, dj, gb, ou, gh, kh, zg, and a final a/i/o/u.
const FOREIGN_LETTERS = /[^a-zäöüß'’-]/;
const FOREIGN_SPELLING =
  /^(?:mb|nd|ng|nk|ny|kp|gb|ts(?!ch)|dz|dj|x|q)|kw|dj|dz|gb|kp|ou|ii|uu|yy|gh|kh|zh|zg|q(?!u)|[aeiou]h$|[aiou]$/;

/** A word spelled unlike German: a hint, together with its position, that it is a name. */
export const looksForeign = (word: string) => {
  const lower = word.toLowerCase();
  return lower.length >= 4 && (FOREIGN_LETTERS.test(lower) || FOREIGN_SPELLING.test(lower));
};
