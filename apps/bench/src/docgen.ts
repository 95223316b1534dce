import * as Y from "yjs";

/** Name of the text the synthetic documents type into (not one of the app's schema names). */
export const TEXT = "bench-text";
/** Map that carries the latency probes: key per writer, value { t, seq, p }. */
export const PROBES = "bench-probes";

/**
 * `n` keystrokes as `n` Yjs updates, as an editor emits them: mostly typing on,
 * every 50th keystroke jumps to another place. Deterministic (fixed clientID).
 */
export function typingUpdates(n: number, clientID = 4242): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const text = doc.getText(TEXT);
  const out: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => out.push(update));
  let pos = 0;
  for (let i = 0; i < n; i++) {
    if (i % 50 === 49) pos = (i * 7919) % (text.length + 1);
    text.insert(pos, "abcdefghij"[i % 10] as string);
    pos += 1;
  }
  doc.destroy();
  return out;
}

/** The whole state of a document typed with `n` keystrokes (what a snapshot would hold). */
export function typedState(n: number): Uint8Array {
  return Y.mergeUpdates(typingUpdates(n));
}
