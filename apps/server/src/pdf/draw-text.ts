import type { EmbeddingLevels } from "bidi-js";
import {
  type Direction,
  isBidiControl,
  paragraphIsRightToLeft,
  resolveLevels,
  type VisualRun,
  visualRuns,
} from "./bidi-runs.ts";
import { makeLigaturesCopyable } from "./copyable-ligatures.ts";
import { fontName, type TextStyle } from "./pdf-fonts.ts";
import { fontRuns, type StyledText, styleText, type TextSpan } from "./styled-text.ts";
import { type LineRange, wrapLines } from "./wrap-lines.ts";

type Pdf = PDFKit.PDFDocument;

export type TextOptions = {
  size: number;
  style?: TextStyle;
  color?: string;
  /** Extra space between lines, in points. */
  lineGap?: number;
  /** "auto" (the default) follows the first strong letter of each paragraph. */
  direction?: Direction;
  /**
   * "start" (the default) is the left edge of a left-to-right paragraph and the
   * right edge of a right-to-left one; a right-to-left document aligns its
   * German lines right too.
   */
  align?: "start" | "center" | "left" | "right";
};

/**
 * Without features pdfkit shapes word by word, which reverses each Arabic word
 * on its own but keeps the words left to right; with them (the font's default
 * features still apply) fontkit shapes and orders the whole run.
 */
const WHOLE_RUN: PDFKit.Mixins.OpenTypeFeatures[] = [];

type LaidOutLine = { range: LineRange; rightToLeft: boolean };

/** One size for every script, so lines mixing fonts keep one rhythm. */
export function lineHeight(options: TextOptions): number {
  return options.size * 1.5 + (options.lineGap ?? 0);
}

/**
 * Every text of a generated PDF goes through here: each character gets a font
 * that has it, the text wraps within `width` (long words too), and each line
 * is painted in visual order so Arabic and Farsi read right to left with
 * joined letters, also when mixed with German words or numbers.
 */
export function drawText(
  pdf: Pdf,
  content: string | readonly TextSpan[],
  box: { x: number; width: number; y?: number },
  options: TextOptions,
): void {
  const { styled, levels, lines } = layOut(pdf, content, box.width, options);
  const height = lineHeight(options);
  let top = box.y ?? pdf.y;
  pdf.fillColor(options.color ?? "#1a1a1a");
  for (const line of lines) {
    if (top + height > pdf.page.height - pdf.page.margins.bottom) {
      pdf.addPage();
      top = pdf.page.margins.top;
    }
    const runs = visualRuns(styled, levels, line.range).map((run) => ({
      run,
      width: widthOfRun(pdf, run, options.size),
    }));
    const lineWidth = runs.reduce((sum, { width }) => sum + width, 0);
    let x = box.x;
    const align = options.align ?? "start";
    if (align === "center") x += (box.width - lineWidth) / 2;
    else if (align === "right" || (align === "start" && line.rightToLeft)) {
      x += box.width - lineWidth;
    }
    const baseline = top + options.size * 1.15;
    for (const { run, width } of runs) {
      pdf.font(fontName(run.family, run.style)).fontSize(options.size);
      makeLigaturesCopyable(pdf);
      pdf.text(run.text, x, baseline, {
        lineBreak: false,
        baseline: "alphabetic",
        features: WHOLE_RUN,
      });
      x += width;
    }
    top += height;
  }
  pdf.x = box.x;
  pdf.y = top;
}

/** The height `drawText` will take for this text, when it needs no page break. */
export function heightOfText(
  pdf: Pdf,
  content: string | readonly TextSpan[],
  width: number,
  options: TextOptions,
): number {
  return layOut(pdf, content, width, options).lines.length * lineHeight(options);
}

function layOut(
  pdf: Pdf,
  content: string | readonly TextSpan[],
  width: number,
  options: TextOptions,
): { styled: StyledText; levels: EmbeddingLevels; lines: LaidOutLine[] } {
  const styled = styleText(content, options.style ?? "regular");
  const levels = resolveLevels(styled.text, options.direction ?? "auto");
  const measure = (start: number, end: number) =>
    fontRuns(styled, start, end).reduce(
      (sum, run) =>
        sum +
        pdf
          .font(fontName(run.family, run.style))
          .fontSize(options.size)
          .widthOfString(withoutBidiControls(styled.text.slice(run.start, run.end)), {
            features: WHOLE_RUN,
          }),
      0,
    );
  const lines: LaidOutLine[] = [];
  let start = 0;
  for (const paragraph of styled.text.split("\n")) {
    const rightToLeft = paragraphIsRightToLeft(levels, start);
    for (const range of wrapLines(paragraph, width, (from, to) =>
      measure(start + from, start + to),
    )) {
      lines.push({ range: { start: start + range.start, end: start + range.end }, rightToLeft });
    }
    start += paragraph.length + 1;
  }
  return { styled, levels, lines };
}

function widthOfRun(pdf: Pdf, run: VisualRun, size: number): number {
  return pdf
    .font(fontName(run.family, run.style))
    .fontSize(size)
    .widthOfString(run.text, { features: WHOLE_RUN });
}

function withoutBidiControls(text: string): string {
  return [...text].filter((character) => !isBidiControl(character.charCodeAt(0))).join("");
}
