import type { TTextFinding } from "@runder-tisch/contracts";

/** One hit of a personal-data check in one piece of text. */
export interface TextHit {
  kind: string;
  excerpt: string;
}

/**
 * What finalising needs from a PII guard. Injected so the real guard
 * (packages/pii-guard) and test doubles plug in the same way.
 */
export type CheckText = (text: string) => TextHit[];

/** A piece of document text with where it came from, for findings the coordinator can locate. */
export interface LocatedText {
  where: string;
  text: string;
}

export function findPersonalData(texts: readonly LocatedText[], check: CheckText): TTextFinding[] {
  return texts.flatMap(({ where, text }) =>
    text.trim().length === 0 ? [] : check(text).map((hit) => ({ ...hit, where })),
  );
}
