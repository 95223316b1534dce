import {
  type FontFamily,
  familyFor,
  familyHasGlyph,
  replaceUndrawable,
  type TextStyle,
} from "./pdf-fonts.ts";

/** A piece of a paragraph set in one style ("Frist: " bold, then the date regular). */
export type TextSpan = { text: string; style?: TextStyle };

/**
 * A paragraph as one string with, for every UTF-16 unit, the style and the font
 * family that draws it. Wrapping, bidi reordering and drawing all work on these
 * indices, so a span boundary never has to be a word boundary.
 */
export type StyledText = {
  text: string;
  styles: TextStyle[];
  families: FontFamily[];
};

const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/**
 * Spaces, digits and punctuation stay in the font of the letter before them when
 * it has them, so an Arabic sentence is one run of the Arabic font and its
 * letters join across the run instead of being cut at every space.
 */
export function styleText(spans: readonly TextSpan[] | string, fallback: TextStyle): StyledText {
  const parts = typeof spans === "string" ? [{ text: spans }] : spans;
  let text = "";
  const styles: TextStyle[] = [];
  const families: FontFamily[] = [];
  let previous: FontFamily | undefined;
  for (const part of parts) {
    const style = part.style ?? fallback;
    for (const character of replaceUndrawable(part.text)) {
      const codePoint = character.codePointAt(0) ?? 0;
      const keepPrevious =
        previous !== undefined &&
        (!LETTER_OR_MARK.test(character) || /\p{M}/u.test(character)) &&
        (familyHasGlyph(previous, codePoint) || !familyFor(codePoint));
      const family = keepPrevious ? (previous as FontFamily) : (familyFor(codePoint) ?? "latin");
      previous = family;
      text += character;
      for (let unit = 0; unit < character.length; unit += 1) {
        styles.push(style);
        families.push(family);
      }
    }
  }
  return { text, styles, families };
}

/** Consecutive units [start, end) that share a style and a font family. */
export function fontRuns(styled: StyledText, start: number, end: number) {
  const runs: { start: number; end: number; style: TextStyle; family: FontFamily }[] = [];
  for (let index = start; index < end; index += 1) {
    const style = styled.styles[index] as TextStyle;
    const family = styled.families[index] as FontFamily;
    const last = runs.at(-1);
    if (last && last.style === style && last.family === family) last.end = index + 1;
    else runs.push({ start: index, end: index + 1, style, family });
  }
  return runs;
}
