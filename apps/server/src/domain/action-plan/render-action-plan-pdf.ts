import type { TActionPlanVersion } from "@runder-tisch/contracts";
import { drawText } from "../../pdf/draw-text.ts";
import {
  createPdfDocument,
  drawList,
  ensureSpace,
  MARGIN,
  MUTED,
  tag,
} from "../../pdf/pdf-document.ts";
import { type ActionPlanBlock, splitActionPlanMarkdown } from "./action-plan-blocks.ts";
import { describeActionPlanVersion, startsWithTitle } from "./render-action-plan-markdown.ts";

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const HEADING_SIZE = { 1: 18, 2: 14, 3: 11.5 } as const;

/**
 * A version of the action plan as a tagged German PDF (headings, paragraphs, lists), drawn
 * by the text layer of `src/pdf/`, so umlauts and names in any script come out as typed.
 */
export function renderActionPlanPdf(version: TActionPlanVersion): Promise<Buffer> {
  const { pdf, root, width, finish } = createPdfDocument({
    title: version.title,
    subject: `Handlungskonzept, Fassung ${version.version}`,
    author: "Lenkungsgruppe",
    lang: "de-DE",
  });
  const blocks = splitActionPlanMarkdown(version.body);
  if (!startsWithTitle(version.body)) {
    drawBlock(pdf, root, { type: "heading", level: 1, text: version.title }, width);
  }
  for (const block of blocks) drawBlock(pdf, root, block, width);
  pdf.moveDown(1);
  for (const line of describeActionPlanVersion(version)) {
    root.add(
      tag(pdf, "P", () => drawText(pdf, line, { x: MARGIN, width }, { size: 8, color: MUTED })),
    );
  }
  return finish(
    (page, pages) => `Handlungskonzept · Fassung ${version.version} · Seite ${page} von ${pages}`,
  );
}

function drawBlock(pdf: Pdf, root: Struct, block: ActionPlanBlock, width: number) {
  switch (block.type) {
    case "heading":
      pdf.moveDown(block.level === 1 ? 0.2 : 0.8);
      // A heading alone at the foot of a page says nothing: keep it with what follows.
      ensureSpace(pdf, 60);
      root.add(
        tag(pdf, `H${block.level}`, () =>
          drawText(
            pdf,
            block.text,
            { x: MARGIN, width },
            { size: HEADING_SIZE[block.level], style: "bold" },
          ),
        ),
      );
      pdf.moveDown(0.2);
      return;
    case "paragraph":
      root.add(tag(pdf, "P", () => drawText(pdf, block.text, { x: MARGIN, width }, { size: 10 })));
      pdf.moveDown(0.3);
      return;
    case "list":
      drawList(pdf, root, block, width);
      pdf.moveDown(0.3);
  }
}
