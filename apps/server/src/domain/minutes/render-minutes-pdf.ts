import type { TMinutes } from "@runder-tisch/contracts";
import PDFDocument from "pdfkit";
import { splitMarkdown } from "./markdown-blocks.ts";
import { describeMinutes, type MinutesBlock } from "./minutes-document.ts";

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const MARGIN = 56;
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const ITALIC = "Helvetica-Oblique";
const INK = "#1a1a1a";
const MUTED = "#555555";
const RULE = "#9a9a9a";

/**
 * A tagged PDF (PDF/UA structure: headings, paragraphs, lists, tables, with the
 * document language German) so screen readers can follow the minutes. The
 * standard Helvetica (WinAnsi) has ä ö ü ß § and the other German letters.
 */
export function renderMinutesPdf(minutes: TMinutes): Promise<Buffer> {
  const described = describeMinutes(minutes);
  const pdf = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    pdfVersion: "1.7",
    tagged: true,
    lang: "de-DE",
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: `${described.title} ${minutes.content.case.code}`,
      Subject: described.subtitle,
      Author: minutes.content.finalised.agency.name,
      Creator: "Runder Tisch",
    },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const root = pdf.struct("Document");
  pdf.addStructure(root);
  const width = pdf.page.width - 2 * MARGIN;

  root.add(tag(pdf, "H1", () => pdf.font(BOLD).fontSize(18).fillColor(INK).text(described.title)));
  pdf.moveDown(0.4);
  for (const [label, value] of described.facts) {
    root.add(
      tag(pdf, "P", () =>
        pdf.font(BOLD).fontSize(10).text(`${label}: `, { continued: true }).font(FONT).text(value),
      ),
    );
  }
  for (const notice of described.notices) drawNotice(pdf, root, notice, width);
  for (const block of described.blocks) drawBlock(pdf, root, block, width);
  pdf.moveDown(1);
  for (const line of described.footer) {
    root.add(
      tag(pdf, "P", () => pdf.font(FONT).fontSize(8).fillColor(MUTED).text(line, { width })),
    );
  }
  root.end();
  numberPages(pdf, minutes.content.case.code);
  pdf.end();
  return done;
}

function drawNotice(pdf: Pdf, root: Struct, text: string, width: number) {
  pdf.moveDown(0.6);
  pdf.font(BOLD).fontSize(10);
  const height = pdf.heightOfString(text, { width: width - 16 }) + 12;
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
      pdf.fillColor("#7a0016").text(text, MARGIN + 10, top + 6, { width: width - 16 }),
    ),
  );
  pdf.fillColor(INK).x = MARGIN;
  pdf.y = top + height;
}

function drawBlock(pdf: Pdf, root: Struct, block: MinutesBlock, width: number) {
  switch (block.type) {
    case "heading":
      pdf.moveDown(block.level === 3 ? 0.5 : 1);
      ensureSpace(pdf, 60);
      root.add(
        tag(pdf, block.level === 3 ? "H3" : "H2", () =>
          pdf
            .font(BOLD)
            .fontSize(block.level === 3 ? 11 : 13)
            .fillColor(INK)
            .text(block.text, MARGIN),
        ),
      );
      pdf.moveDown(0.3);
      return;
    case "paragraph":
      root.add(
        tag(pdf, "P", () =>
          pdf
            .font(block.emphasis ? ITALIC : FONT)
            .fontSize(10)
            .fillColor(block.emphasis ? MUTED : INK)
            .text(block.text, MARGIN, pdf.y, { width, lineGap: 2 }),
        ),
      );
      pdf.fillColor(INK).moveDown(0.4);
      return;
    case "markdown":
      for (const part of splitMarkdown(block.text)) drawBlock(pdf, root, part, width);
      return;
    case "list": {
      const list = pdf.struct("L");
      root.add(list);
      block.items.forEach((item, index) => {
        const marker = block.ordered ? `${index + 1}.` : "•";
        list.add(
          tag(pdf, "LI", () => {
            pdf.font(FONT).fontSize(10).fillColor(INK);
            const top = pdf.y;
            pdf.text(marker, MARGIN, top, { width: 18 });
            pdf.text(item, MARGIN + 20, top, { width: width - 20, lineGap: 2 });
          }),
        );
        pdf.moveDown(0.15);
      });
      list.end();
      pdf.x = MARGIN;
      return;
    }
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
  const drawRow = (cells: string[], header: boolean) => {
    pdf.font(header ? BOLD : FONT).fontSize(9.5);
    const height =
      Math.max(
        ...cells.map((text, index) =>
          pdf.heightOfString(text, { width: (widths[index] ?? 0) - 8 }),
        ),
      ) + 8;
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
          pdf
            .font(header ? BOLD : FONT)
            .fillColor(INK)
            .text(text, left + 4, top + 4, { width: cellWidth - 8 }),
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
  drawRow(block.columns, true);
  for (const cells of block.rows) drawRow(cells, false);
  table.end();
}

/** A structure element around what `draw` puts on the page. */
function tag(pdf: Pdf, type: string, draw: () => unknown): Struct {
  return pdf.struct(type, {}, () => {
    draw();
  });
}

/** Starts a new page when `height` does not fit on this one; true when it did. */
function ensureSpace(pdf: Pdf, height: number): boolean {
  if (pdf.y + height <= pdf.page.height - MARGIN) return false;
  pdf.addPage();
  return true;
}

function numberPages(pdf: Pdf, caseCode: string) {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    pdf.switchToPage(index);
    const bottom = pdf.page.margins.bottom;
    // Writing into the bottom margin would otherwise start a new page.
    pdf.page.margins.bottom = 0;
    pdf.markContent("Artifact", { type: "Pagination" });
    pdf
      .font(FONT)
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `Protokoll ${caseCode} · Seite ${index + 1} von ${range.count}`,
        MARGIN,
        pdf.page.height - 36,
        {
          width: pdf.page.width - 2 * MARGIN,
          align: "center",
          lineBreak: false,
        },
      );
    pdf.endMarkedContent();
    pdf.page.margins.bottom = bottom;
  }
}
