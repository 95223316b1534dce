import bidiModule, { type Bidi, type EmbeddingLevels } from "bidi-js";
import type { FontFamily, TextStyle } from "./pdf-fonts.ts";
import type { StyledText } from "./styled-text.ts";
import type { LineRange } from "./wrap-lines.ts";

export type Direction = "ltr" | "rtl" | "auto";

/** A run of one line in visual order, its text as pdfkit must be given it. */
export type VisualRun = { text: string; style: TextStyle; family: FontFamily };

/**
 * bidi-js is CommonJS with types that say "export default": Node hands the
 * factory over as the default import, the types expect it one level down.
 */
const bidiFactory = ((bidiModule as unknown as { default?: () => Bidi }).default ??
  bidiModule) as unknown as () => Bidi;
const bidi = bidiFactory();

/**
 * fontkit shapes a run of an RTL script (joining Arabic letters) and reverses
 * its glyphs itself, digits of that script (۱۸) included; such a run must
 * reach it reversed from the order it is to be seen in.
 */
const SHAPED_RIGHT_TO_LEFT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

/** Unicode bidi levels (UAX #9) of every unit; "auto" takes the first strong letter. */
export function resolveLevels(text: string, direction: Direction): EmbeddingLevels {
  return bidi.getEmbeddingLevels(text, direction === "auto" ? undefined : direction);
}

/**
 * One wrapped line in the order it is painted from left to right: the bidi
 * algorithm reverses the right-to-left stretches (with mirrored brackets), then
 * the line is cut into runs of one font, style and level. Arabic-script runs
 * are handed over reversed because fontkit reverses them as it shapes;
 * everything else is painted as it stands.
 */
export function visualRuns(
  styled: StyledText,
  levels: EmbeddingLevels,
  line: LineRange,
): VisualRun[] {
  if (line.end <= line.start) return [];
  const last = line.end - 1;
  const order: number[] = [];
  for (let index = line.start; index <= last; index += 1) order.push(index);
  for (const [from = 0, to = 0] of bidi.getReorderSegments(styled.text, levels, line.start, last)) {
    const reversed = order.slice(from - line.start, to - line.start + 1).reverse();
    order.splice(from - line.start, reversed.length, ...reversed);
  }
  // This one takes the levels array, not the whole result as the others do.
  const mirrored = bidi.getMirroredCharactersMap(styled.text, levels.levels, line.start, last);

  const groups: { units: number[]; level: number; style: TextStyle; family: FontFamily }[] = [];
  for (const index of order) {
    if (isBidiControl(styled.text.charCodeAt(index))) continue;
    const level = levels.levels[index] ?? 0;
    const style = styled.styles[index] as TextStyle;
    const family = styled.families[index] as FontFamily;
    const group = groups.at(-1);
    if (group && group.level === level && group.style === style && group.family === family) {
      group.units.push(index);
    } else {
      groups.push({ units: [index], level, style, family });
    }
  }
  return groups.map(({ units, style, family }) => {
    let characters = units.map((index) => mirrored.get(index) ?? (styled.text[index] as string));
    if (SHAPED_RIGHT_TO_LEFT.test(characters.join(""))) characters = characters.reverse();
    return { text: rejoinSurrogates(characters).join(""), style, family };
  });
}

/** Marks and isolates that steer the bidi algorithm: they order the line but are not drawn. */
export function isBidiControl(unit: number): boolean {
  return (
    unit === 0x200e ||
    unit === 0x200f ||
    (unit >= 0x202a && unit <= 0x202e) ||
    (unit >= 0x2066 && unit <= 0x2069)
  );
}

/** Reversing units splits a character outside the BMP into low, high; put it back. */
function rejoinSurrogates(units: string[]): string[] {
  for (let index = 0; index + 1 < units.length; index += 1) {
    const first = units[index]?.charCodeAt(0) ?? 0;
    const second = units[index + 1]?.charCodeAt(0) ?? 0;
    if (first >= 0xdc00 && first <= 0xdfff && second >= 0xd800 && second <= 0xdbff) {
      [units[index], units[index + 1]] = [units[index + 1] as string, units[index] as string];
      index += 1;
    }
  }
  return units;
}

/** Whether the paragraph starting at `index` runs right to left (and so aligns right). */
export function paragraphIsRightToLeft(levels: EmbeddingLevels, index: number): boolean {
  const paragraph = levels.paragraphs.find(({ start, end }) => index >= start && index <= end);
  return (paragraph?.level ?? 0) % 2 === 1;
}
