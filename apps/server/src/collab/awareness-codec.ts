import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { CollabIdentity } from "./types.ts";

/** One entry of a y-protocols awareness update. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null means "this client left". */
  state: Record<string, unknown> | null;
}

export class MalformedAwarenessError extends Error {}

/**
 * Decodes an awareness update (varuint count, then clientID, clock, JSON string
 * per entry). We parse it ourselves instead of letting y-protocols apply it
 * blindly, because the server has to rewrite identity fields per entry.
 */
export function decodeAwarenessUpdate(bytes: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  // Each entry needs at least 3 bytes; a larger count is a lie we need not loop over.
  if (count > bytes.length)
    throw new MalformedAwarenessError("awareness entry count exceeds frame");
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const parsed: unknown = JSON.parse(decoding.readVarString(decoder));
    if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed))) {
      throw new MalformedAwarenessError("awareness state must be an object or null");
    }
    entries.push({ clientId, clock, state: parsed as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder))
    throw new MalformedAwarenessError("trailing bytes in awareness update");
  return entries;
}

export function encodeAwarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

// Distinguishable on white and dark backgrounds; carets and name labels use them.
const PALETTE = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#e377c2",
  "#8c564b",
  "#17becf",
  "#bcbd22",
  "#ff7f0e",
  "#393b79",
  "#637939",
  "#843c39",
];

/** Stable per user (FNV-1a), so a person keeps their colour across sessions and devices. */
export function colorForUser(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return PALETTE[hash % PALETTE.length] as string;
}

/** Overwrites `user` with what the server knows; other fields (cursor, ...) stay. */
export function stampIdentity(
  state: Record<string, unknown> | null,
  identity: CollabIdentity,
): Record<string, unknown> | null {
  if (state === null) return null;
  return {
    ...state,
    user: {
      id: identity.userId,
      name: identity.userName,
      agencyId: identity.agencyId,
      agencyName: identity.agencyName,
      color: colorForUser(identity.userId),
    },
  };
}
