import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export type PdfTextItem = { text: string; x: number; y: number; width: number };
export type PdfPage = { width: number; height: number; items: PdfTextItem[] };

/**
 * The text of a PDF as a reader would copy it (PDF.js, the engine of Firefox's
 * viewer), with where every piece sits, so tests need no system tools.
 */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: PdfPage[]; text: string }> {
  const document = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages: PdfPage[] = [];
  let text = "";
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const [, , width = 0, height = 0] = page.view;
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    for (const item of content.items) {
      if (!("str" in item)) continue;
      items.push({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width });
      text += item.str + (item.hasEOL ? "\n" : "");
    }
    text += "\n";
    pages.push({ width, height, items });
  }
  await document.destroy();
  return { pages, text };
}

/** Text pieces that reach past the page's left or right edge less `margin` points. */
export function itemsOffPage(pages: PdfPage[], margin: number): PdfTextItem[] {
  return pages.flatMap((page) =>
    page.items.filter(
      (item) =>
        item.text.trim() &&
        (item.x < margin - 0.5 || item.x + item.width > page.width - margin + 0.5),
    ),
  );
}
