type Glyph = { codePoints: number[] };
type GlyphRun = { direction?: string; glyphs: Glyph[] };
type EmbeddedFont = {
  layoutRun?: (text: string, features: unknown) => GlyphRun;
  copyableLigatures?: true;
};

/**
 * A reader copies a right-to-left line by reversing what it finds on the page,
 * glyph by glyph and, within a glyph that stands for several letters (lam-alef
 * لا), letter by letter. pdfkit records such a glyph's letters in reading
 * order, so "سلام" would be copied as "سالم". This hands pdfkit the letters of
 * joined glyphs in right-to-left runs in page order instead, so copying gives
 * back what was written. It reaches into pdfkit's current font (a private
 * field); the PDF tests that copy Arabic text fail if that ever changes.
 */
export function makeLigaturesCopyable(pdf: PDFKit.PDFDocument): void {
  const font = (pdf as unknown as { _font?: EmbeddedFont })._font;
  if (!font?.layoutRun || font.copyableLigatures) return;
  const layoutRun = font.layoutRun.bind(font);
  font.layoutRun = (text, features) => {
    const run = layoutRun(text, features);
    if (run.direction !== "rtl") return run;
    run.glyphs = run.glyphs.map((glyph) =>
      glyph.codePoints.length > 1
        ? (Object.create(glyph, {
            codePoints: { value: [...glyph.codePoints].reverse() },
          }) as Glyph)
        : glyph,
    );
    return run;
  };
  font.copyableLigatures = true;
}
