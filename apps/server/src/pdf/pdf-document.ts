import PDFDocument from "pdfkit";
import { drawText } from "./draw-text.ts";
import { registerFonts } from "./pdf-fonts.ts";

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export const MARGIN = 56;
export const INK = "#1a1a1a";
export const MUTED = "#555555";

export type PdfMeta = {
  title: string;
  subject: string;
  author: string;
  /** BCP 47 language of the document, read aloud in that language by screen readers. */
  lang: string;
  /** Direction of the document's own sentences; the page footer follows it. */
  dir?: "ltr" | "rtl";
};

/**
 * An A4 tagged PDF (PDF/UA structure, document language set) with the
 * embedded fonts registered, and the way to finish it: page numbers in the
 * footer, then the bytes.
 */
export function createPdfDocument(meta: PdfMeta) {
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    pdfVersion: "1.7",
    tagged: true,
    lang: meta.lang,
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Creator: "Runder Tisch",
    },
  });
  registerFonts(pdf);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const root = pdf.struct("Document");
  pdf.addStructure(root);
  const width = pdf.page.width - 2 * MARGIN;

  const finish = (footer: (page: number, pages: number) => string): Promise<Buffer> => {
    root.end();
    numberPages(pdf, footer, meta.dir ?? "ltr");
    pdf.end();
    return done;
  };
  return { pdf, root, width, finish };
}

/** A structure element around what `draw` puts on the page. */
export function tag(pdf: Pdf, type: string, draw: () => unknown): Struct {
  return pdf.struct(type, {}, () => {
    draw();
  });
}

/** Starts a new page when `height` does not fit on this one; true when it did. */
export function ensureSpace(pdf: Pdf, height: number): boolean {
  if (pdf.y + height <= pdf.page.height - MARGIN) return false;
  pdf.addPage();
  return true;
}

function numberPages(
  pdf: Pdf,
  footer: (page: number, pages: number) => string,
  direction: "ltr" | "rtl",
) {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    pdf.switchToPage(index);
    const bottom = pdf.page.margins.bottom;
    // Writing into the bottom margin would otherwise start a new page.
    pdf.page.margins.bottom = 0;
    pdf.markContent("Artifact", { type: "Pagination" });
    drawText(
      pdf,
      footer(index + 1, range.count),
      { x: MARGIN, y: pdf.page.height - 40, width: pdf.page.width - 2 * MARGIN },
      { size: 8, color: MUTED, align: "center", direction },
    );
    pdf.endMarkedContent();
    pdf.page.margins.bottom = bottom;
  }
}

/**
 * A tagged list (L with LI items), its markers in a column of their own so wrapped
 * lines of an item stay aligned with its first.
 */
export function drawList(
  pdf: Pdf,
  root: Struct,
  list: { items: readonly string[]; ordered?: boolean | undefined },
  width: number,
): void {
  const element = pdf.struct("L");
  root.add(element);
  list.items.forEach((item, index) => {
    const marker = list.ordered ? `${index + 1}.` : "•";
    element.add(
      tag(pdf, "LI", () => {
        ensureSpace(pdf, 15);
        const top = pdf.y;
        drawText(pdf, marker, { x: MARGIN, y: top, width: 18 }, { size: 10, direction: "ltr" });
        drawText(pdf, item, { x: MARGIN + 20, y: top, width: width - 20 }, { size: 10 });
      }),
    );
  });
  element.end();
  pdf.x = MARGIN;
}
