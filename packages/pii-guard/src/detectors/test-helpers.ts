import { findPii } from "../detect.ts";
import type { PiiKind } from "../types.ts";

/** The texts findPii reports for one kind, which is what most unit tests compare. */
export const found = (text: string, kind: PiiKind): string[] =>
  findPii(text)
    .filter((finding) => finding.kind === kind)
    .map((finding) => finding.text);

/** Everything findPii reports, as "kind: text", for tests that must see no other finding. */
export const everything = (text: string): string[] =>
  findPii(text).map((finding) => `${finding.kind}: ${finding.text}`);
