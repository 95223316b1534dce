import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/** What instances tell each other about one document. */
export type BusMessage =
  | { kind: "update"; sender: string; payload: Uint8Array }
  | { kind: "awareness"; sender: string; payload: Uint8Array }
  /** "I just loaded this document; send me what I am missing" (payload: state vector). */
  | { kind: "sync-request"; sender: string; payload: Uint8Array };

const KINDS = ["update", "awareness", "sync-request"] as const;

export function encodeBusMessage(message: BusMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  encoding.writeVarString(encoder, message.sender);
  encoding.writeVarUint8Array(encoder, message.payload);
  return encoding.toUint8Array(encoder);
}

/** Returns null for anything it cannot read; the bus is shared infrastructure, not trusted input. */
export function decodeBusMessage(bytes: Uint8Array): BusMessage | null {
  try {
    const decoder = decoding.createDecoder(new Uint8Array(bytes));
    const kind = KINDS[decoding.readVarUint(decoder)];
    const sender = decoding.readVarString(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (kind === undefined || decoding.hasContent(decoder)) return null;
    return { kind, sender, payload };
  } catch {
    return null;
  }
}
