import { findPii } from "@runder-tisch/pii-guard";
import type { CheckText } from "./text-guard.ts";

/**
 * The PII guard finalising uses: the shared guard the editor also runs, so the
 * server refuses exactly what the coordinator was warned about while typing.
 */
export const checkMinutesText: CheckText = (text) =>
  findPii(text).map((finding) => ({ kind: finding.kind, excerpt: finding.text }));
