import type { PiiFinding, PiiKind } from "../types.ts";

export const makeFinding = (
  source: string,
  start: number,
  end: number,
  kind: PiiKind,
): PiiFinding => ({ start, end, kind, text: source.slice(start, end) });

/** A detector gets the whole text and returns every span it believes in, overlaps allowed. */
export type Detector = (source: string) => PiiFinding[];
