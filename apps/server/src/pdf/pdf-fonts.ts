import { readFileSync } from "node:fs";
import * as fontkit from "fontkit";

/** How a piece of text is set; scripts without an italic cut use their upright one. */
export type TextStyle = "regular" | "bold" | "italic";

/**
 * The embedded fonts, in the order they are asked for a character: Noto Sans
 * (Latin with every diacritic, Greek, Cyrillic), Noto Sans Arabic (Arabic,
 * Farsi/Dari, Urdu) and Noto Sans Ethiopic (Tigrinya, Amharic). The files are
 * vendored beside this module with their licence (OFL 1.1, fonts/OFL.txt);
 * pdfkit embeds only the glyphs a document uses.
 */
const FAMILIES = [
  {
    family: "latin",
    files: {
      regular: "NotoSans-Regular.ttf",
      bold: "NotoSans-Bold.ttf",
      italic: "NotoSans-Italic.ttf",
    },
  },
  {
    family: "arabic",
    files: {
      regular: "NotoSansArabic-Regular.ttf",
      bold: "NotoSansArabic-Bold.ttf",
      italic: "NotoSansArabic-Regular.ttf",
    },
  },
  {
    family: "ethiopic",
    files: {
      regular: "NotoSansEthiopic-Regular.ttf",
      bold: "NotoSansEthiopic-Bold.ttf",
      italic: "NotoSansEthiopic-Regular.ttf",
    },
  },
] as const;

export type FontFamily = (typeof FAMILIES)[number]["family"];

const FONT_DIRECTORY = new URL("./fonts/", import.meta.url);
const STYLES: readonly TextStyle[] = ["regular", "bold", "italic"];

/** Reading 2.7 MB of font files for every document would be wasted work: read once. */
let loaded: { files: Map<string, Buffer>; coverage: Map<FontFamily, fontkit.Font> } | undefined;

function loadFonts() {
  if (loaded) return loaded;
  const files = new Map<string, Buffer>();
  const coverage = new Map<FontFamily, fontkit.Font>();
  for (const { family, files: names } of FAMILIES) {
    for (const style of STYLES) {
      const name = names[style];
      if (!files.has(name)) files.set(name, readFileSync(new URL(name, FONT_DIRECTORY)));
    }
    coverage.set(family, fontkit.create(files.get(names.regular) as Buffer) as fontkit.Font);
  }
  loaded = { files, coverage };
  return loaded;
}

/** The name a font is registered under in a document. */
export function fontName(family: FontFamily, style: TextStyle): string {
  return `${family}-${style}`;
}

/** Makes every family and style available to `pdf.font(fontName(...))`. */
export function registerFonts(pdf: PDFKit.PDFDocument): void {
  const { files } = loadFonts();
  for (const { family, files: names } of FAMILIES) {
    for (const style of STYLES) {
      pdf.registerFont(fontName(family, style), files.get(names[style]) as Buffer);
    }
  }
}

export function familyHasGlyph(family: FontFamily, codePoint: number): boolean {
  return loadFonts().coverage.get(family)?.hasGlyphForCodePoint(codePoint) ?? false;
}

/** The first family with a glyph for the character, or none. */
export function familyFor(codePoint: number): FontFamily | undefined {
  return FAMILIES.find(({ family }) => familyHasGlyph(family, codePoint))?.family;
}

/**
 * Characters no embedded font can draw (emoji, CJK ...) would print as empty
 * boxes; they become U+FFFD so the loss is visible and survives copying.
 */
export function replaceUndrawable(text: string): string {
  let result = "";
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    result += isInvisible(codePoint) || familyFor(codePoint) ? character : "\uFFFD";
  }
  return result;
}

/** Controls for joining and direction that fonts need not carry (ZWNJ is vital in Farsi). */
function isInvisible(codePoint: number): boolean {
  return (
    codePoint === 0x0a ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069)
  );
}
