import type { TClientBlock, TClientDocument, TClientText } from "@runder-tisch/contracts";
import type { Direction } from "../../pdf/bidi-runs.ts";
import { drawText, heightOfText, type TextOptions } from "../../pdf/draw-text.ts";
import { createPdfDocument, ensureSpace, MARGIN, tag } from "../../pdf/pdf-document.ts";
import type { TextSpan } from "../../pdf/styled-text.ts";
import { CLIENT_LANGUAGE_SETTINGS } from "./client-languages.ts";
import { createTranslator } from "./translator.ts";

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const RIGHT_TO_LEFT_TAGS = new Set(
  Object.values(CLIENT_LANGUAGE_SETTINGS)
    .filter((settings) => settings.dir === "rtl")
    .map((settings) => settings.tag),
);

/**
 * A client document as a tagged PDF in its language: right-to-left documents
 * are aligned right with their lines in right-to-left order, German free text
 * keeps its own direction and carries its mark ("nicht übersetzt") in the
 * document's language.
 */
export function renderClientDocumentPdf(
  document: TClientDocument,
  meta: { caseCode: string; author: string },
): Promise<Buffer> {
  const { pdf, root, width, finish } = createPdfDocument({
    title: `${document.title.text} ${meta.caseCode}`,
    subject: document.title.text,
    author: meta.author,
    lang: CLIENT_LANGUAGE_SETTINGS[document.lang].tag,
    dir: document.dir,
  });
  const align = document.dir === "rtl" ? "right" : "left";
  const write = (content: TClientText, options: TextOptions, box = { x: MARGIN, width }) =>
    drawText(pdf, spansOf(content), box, { align, direction: directionOf(content), ...options });

  root.add(tag(pdf, "H1", () => write(document.title, { size: 20, style: "bold" })));
  pdf.moveDown(0.5);
  for (const block of document.blocks) drawBlock(pdf, root, block, { write, width, align });

  const say = createTranslator(document.lang);
  return finish(
    (page, pages) =>
      `\u2068${meta.caseCode}\u2069 · ${say.t("page.footer", { page: String(page), pages: String(pages) }).text}`,
  );
}

type Writer = (
  content: TClientText,
  options: TextOptions,
  box?: { x: number; width: number },
) => void;

function drawBlock(
  pdf: Pdf,
  root: Struct,
  block: TClientBlock,
  layout: { write: Writer; width: number; align: "left" | "right" },
) {
  const { write, width, align } = layout;
  switch (block.type) {
    case "heading":
      pdf.moveDown(0.8);
      ensureSpace(pdf, 60);
      root.add(tag(pdf, "H2", () => write(block.text, { size: 14, style: "bold" })));
      pdf.moveDown(0.2);
      return;
    case "paragraph":
      root.add(tag(pdf, "P", () => write(block.text, { size: 11 })));
      pdf.moveDown(0.3);
      return;
    case "notice": {
      const options = { size: 11, style: "bold" as const };
      const inner = { x: MARGIN + 12, width: width - 24 };
      const height = heightOfText(pdf, spansOf(block.text), inner.width, options) + 16;
      ensureSpace(pdf, height);
      const top = pdf.y;
      pdf.markContent("Artifact", { type: "Layout" });
      pdf.save().lineWidth(1.5).strokeColor("#1f4e79").rect(MARGIN, top, width, height).stroke();
      pdf.restore();
      pdf.endMarkedContent();
      pdf.y = top + 8;
      root.add(tag(pdf, "P", () => write(block.text, options, inner)));
      pdf.x = MARGIN;
      pdf.y = top + height;
      pdf.moveDown(0.5);
      return;
    }
    case "list": {
      const list = pdf.struct("L");
      root.add(list);
      for (const item of block.items) {
        list.add(
          tag(pdf, "LI", () => {
            ensureSpace(pdf, 17);
            const top = pdf.y;
            const bulletX = align === "right" ? MARGIN + width - 10 : MARGIN;
            drawText(pdf, "•", { x: bulletX, y: top, width: 10 }, { size: 11 });
            pdf.y = top;
            write(
              item,
              { size: 11 },
              { x: align === "right" ? MARGIN : MARGIN + 16, width: width - 16 },
            );
          }),
        );
      }
      list.end();
      pdf.moveDown(0.3);
      return;
    }
    case "facts": {
      const title = block.title;
      if (title) {
        ensureSpace(pdf, 50);
        root.add(tag(pdf, "P", () => write(title, { size: 11, style: "bold" })));
      }
      for (const row of block.rows) {
        root.add(
          tag(pdf, "P", () =>
            drawText(
              pdf,
              [{ text: `${row.label.text}: `, style: "bold" }, ...spansOf(row.value)],
              { x: title ? MARGIN + (align === "left" ? 12 : 0) : MARGIN, width: width - 12 },
              { size: 11, align, direction: directionOf(row.label) },
            ),
          ),
        );
      }
      pdf.moveDown(0.4);
    }
  }
}

/** The text, and its mark in brackets in the document's language. */
function spansOf(content: TClientText): TextSpan[] {
  const spans: TextSpan[] = [{ text: content.text }];
  if (content.mark) spans.push({ text: ` (${content.mark.text})`, style: "italic" });
  return spans;
}

function directionOf(content: TClientText): Direction {
  return RIGHT_TO_LEFT_TAGS.has(content.lang) ? "rtl" : "ltr";
}
