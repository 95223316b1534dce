/** Measures the units [start, end) of a paragraph as set, in points. */
export type Measure = (start: number, end: number) => number;

/** One line of a paragraph: units [start, end), trailing spaces left out. */
export type LineRange = { start: number; end: number };

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/**
 * Breaks one paragraph (no line feeds) into lines no wider than `width`: at
 * spaces where it can, and inside a word only when the word alone is wider
 * than the line (a long link or a pasted run of characters), then between
 * grapheme clusters so no letter loses its accent. Lines are in logical order;
 * the bidi step turns each into visual order afterwards.
 */
export function wrapLines(text: string, width: number, measure: Measure): LineRange[] {
  const lines: LineRange[] = [];
  let line: LineRange | undefined;
  for (const token of text.matchAll(/\S+\s*|\s+/g)) {
    const start = token.index;
    const end = start + token[0].trimEnd().length;
    if (end === start) {
      if (!line) line = { start, end: start };
      continue;
    }
    if (line && measure(line.start, end) <= width) {
      line.end = end;
      continue;
    }
    if (line && line.end > line.start) lines.push(line);
    line = undefined;
    if (measure(start, end) <= width) {
      line = { start, end };
      continue;
    }
    const pieces = splitWord(text, start, end, width, measure);
    lines.push(...pieces.slice(0, -1));
    line = pieces.at(-1);
  }
  if (line && (line.end > line.start || lines.length === 0)) lines.push(line);
  if (lines.length === 0) lines.push({ start: 0, end: 0 });
  return lines;
}

function splitWord(
  text: string,
  start: number,
  end: number,
  width: number,
  measure: Measure,
): LineRange[] {
  const pieces: LineRange[] = [];
  let pieceStart = start;
  let pieceEnd = start;
  for (const { index, segment } of graphemes.segment(text.slice(start, end))) {
    const graphemeEnd = start + index + segment.length;
    if (pieceEnd > pieceStart && measure(pieceStart, graphemeEnd) > width) {
      pieces.push({ start: pieceStart, end: pieceEnd });
      pieceStart = pieceEnd;
    }
    pieceEnd = graphemeEnd;
  }
  pieces.push({ start: pieceStart, end: pieceEnd });
  return pieces;
}
