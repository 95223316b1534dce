import type { TMinutes } from "@runder-tisch/contracts";
import { drawText, heightOfText } from "../../pdf/draw-text.ts";
import {
  createPdfDocument,
  drawList,
  ensureSpace,
  INK,
  MARGIN,
  MUTED,
  tag,
} from "../../pdf/pdf-document.ts";
import { splitMarkdown } from "./markdown-blocks.ts";
import { describeMinutes, type MinutesBlock } from "./minutes-document.ts";

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const RULE = "#9a9a9a";

/**
 * A tagged PDF (PDF/UA structure: headings, paragraphs, lists, tables, with the
 * document language German) so screen readers can follow the minutes. Names of
 * agencies, goals and notes may be in any script (Łódź, Юлия, مرحبا): the text
 * layer of `src/pdf/` embeds fonts for them, sets Arabic right to left and
 * wraps every line, long words included, within the page.
 */
export function renderMinutesPdf(
  minutes: TMinutes,
  themeNames?: ReadonlyMap<string, string>,
): Promise<Buffer> {
  const described = describeMinutes(minutes, themeNames);
  const { pdf, root, width, finish } = createPdfDocument({
    title: `${described.title} ${minutes.content.case.code}`,
    subject: described.subtitle,
    author: minutes.content.finalised.agency.name,
    lang: "de-DE",
  });

  root.add(
    tag(pdf, "H1", () =>
      drawText(pdf, described.title, { x: MARGIN, width }, { size: 18, style: "bold" }),
    ),
  );
  pdf.moveDown(0.2);
  for (const [label, value] of described.facts) {
    root.add(
      tag(pdf, "P", () =>
        drawText(
          pdf,
          [{ text: `${label}: `, style: "bold" }, { text: value }],
          { x: MARGIN, width },
          { size: 10 },
        ),
      ),
    );
  }
  for (const notice of described.notices) drawNotice(pdf, root, notice, width);
  for (const block of described.blocks) drawBlock(pdf, root, block, width);
  pdf.moveDown(1);
  for (const line of described.footer) {
    root.add(
      tag(pdf, "P", () => drawText(pdf, line, { x: MARGIN, width }, { size: 8, color: MUTED })),
    );
  }
  return finish(
    (page, pages) => `Protokoll ${minutes.content.case.code} · Seite ${page} von ${pages}`,
  );
}

function drawNotice(pdf: Pdf, root: Struct, text: string, width: number) {
  pdf.moveDown(0.6);
  const style = { size: 10, style: "bold" as const, color: "#7a0016" };
  const height = heightOfText(pdf, text, width - 16, style) + 12;
  ensureSpace(pdf, height);
  const top = pdf.y;
  pdf.markContent("Artifact", { type: "Layout" });
  pdf
    .save()
    .lineWidth(2)
    .strokeColor("#b00020")
    .moveTo(MARGIN, top)
    .lineTo(MARGIN, top + height)
    .stroke()
    .restore();
  pdf.endMarkedContent();
  root.add(
    tag(pdf, "P", () =>
      drawText(pdf, text, { x: MARGIN + 10, y: top + 6, width: width - 16 }, style),
    ),
  );
  pdf.x = MARGIN;
  pdf.y = top + height;
}

function drawBlock(pdf: Pdf, root: Struct, block: MinutesBlock, width: number) {
  switch (block.type) {
    case "heading":
      pdf.moveDown(block.level === 3 ? 0.5 : 1);
      // Room for the heading and the start of what it heads (a table's header and first row).
      ensureSpace(pdf, 100);
      root.add(
        tag(pdf, block.level === 3 ? "H3" : "H2", () =>
          drawText(
            pdf,
            block.text,
            { x: MARGIN, width },
            { size: block.level === 3 ? 11 : 13, style: "bold" },
          ),
        ),
      );
      pdf.moveDown(0.2);
      return;
    case "paragraph":
      root.add(
        tag(pdf, "P", () =>
          drawText(
            pdf,
            block.text,
            { x: MARGIN, width },
            {
              size: 10,
              style: block.emphasis ? "italic" : "regular",
              color: block.emphasis ? MUTED : INK,
            },
          ),
        ),
      );
      pdf.moveDown(0.3);
      return;
    case "markdown":
      for (const part of splitMarkdown(block.text)) drawBlock(pdf, root, part, width);
      return;
    case "list":
      drawList(pdf, root, block, width);
      pdf.moveDown(0.2);
      return;
    case "table":
      drawTable(pdf, root, block, width);
  }
}

function drawTable(
  pdf: Pdf,
  root: Struct,
  block: Extract<MinutesBlock, { type: "table" }>,
  width: number,
) {
  const table = pdf.struct("Table");
  root.add(table);
  const widths = block.widths.map((share) => share * width);
  const styleOf = (header: boolean) => ({
    size: 9.5,
    style: header ? ("bold" as const) : ("regular" as const),
  });
  const heightOf = (cells: string[], header: boolean) =>
    Math.max(
      ...cells.map((text, index) =>
        heightOfText(pdf, text, (widths[index] ?? 0) - 8, styleOf(header)),
      ),
    ) + 8;
  const drawRow = (cells: string[], header: boolean) => {
    const style = styleOf(header);
    const height = heightOf(cells, header);
    if (ensureSpace(pdf, height) && !header) drawRow(block.columns, true);
    const top = pdf.y;
    const row = pdf.struct("TR");
    table.add(row);
    let x = MARGIN;
    cells.forEach((text, index) => {
      const cellWidth = widths[index] ?? 0;
      const left = x;
      row.add(
        tag(pdf, header ? "TH" : "TD", () =>
          drawText(pdf, text, { x: left + 4, y: top + 4, width: cellWidth - 8 }, style),
        ),
      );
      x += cellWidth;
    });
    row.end();
    pdf.markContent("Artifact", { type: "Layout" });
    pdf
      .save()
      .lineWidth(header ? 1 : 0.5)
      .strokeColor(RULE)
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + width, top + height)
      .stroke()
      .restore();
    pdf.endMarkedContent();
    pdf.x = MARGIN;
    pdf.y = top + height;
  };
  // A header alone at the foot of a page says nothing: keep it with the first row.
  const first = block.rows[0];
  ensureSpace(pdf, heightOf(block.columns, true) + (first ? heightOf(first, false) : 0));
  drawRow(block.columns, true);
  for (const cells of block.rows) drawRow(cells, false);
  table.end();
}
