import { findPii, PII_EXPLANATIONS, PII_LABELS, type PiiKind } from "@runder-tisch/pii-guard";
import { Extension } from "@tiptap/core";
import type { Node as PmNode } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";

/** One finding of the PII guard, in document positions. */
export interface EditorFinding {
  from: number;
  to: number;
  kind: PiiKind;
  text: string;
}

interface PiiState {
  findings: EditorFinding[];
  decorations: DecorationSet;
}

type PiiMeta = { findings: EditorFinding[] };

/**
 * Where the editor learns which findings someone dismissed with a reason: the conference
 * document holds them, so a dismissal counts for everyone in the room.
 */
export interface PiiHighlightOptions {
  isDismissed(finding: { kind: string; text: string }): boolean;
  /** Calls `listener` whenever a finding is dismissed; returns how to stop. */
  onDismissalsChanged(listener: () => void): () => void;
}

export const piiKey = new PluginKey<PiiState>("piiHighlight");
/** The guard takes a few ms on 10 kB; checking after a pause in typing keeps the editor smooth. */
export const PII_CHECK_DELAY_MS = 300;

const textAt = (doc: PmNode, finding: EditorFinding) =>
  finding.to <= doc.content.size ? doc.textBetween(finding.from, finding.to, "\n") : "";

interface Segment {
  offset: number;
  pos: number;
  length: number;
}

/** The document as plain text (blocks separated by line breaks) and where each text node sits. */
function documentText(doc: PmNode): { text: string; segments: Segment[] } {
  let text = "";
  const segments: Segment[] = [];
  doc.descendants((node, pos) => {
    if (node.isText) {
      segments.push({ offset: text.length, pos, length: node.text?.length ?? 0 });
      text += node.text ?? "";
      return false;
    }
    if ((node.isBlock || node.type.name === "hardBreak") && text !== "" && !text.endsWith("\n"))
      text += "\n";
    return true;
  });
  return { text, segments };
}

/** Text offset to document position; `end` picks the segment the offset closes. */
function toPosition(segments: Segment[], offset: number, end: boolean): number | null {
  for (const segment of segments) {
    const inside = end
      ? offset > segment.offset && offset <= segment.offset + segment.length
      : offset >= segment.offset && offset < segment.offset + segment.length;
    if (inside) return segment.pos + (offset - segment.offset);
  }
  return null;
}

export function checkDocument(doc: PmNode): EditorFinding[] {
  const { text, segments } = documentText(doc);
  const findings: EditorFinding[] = [];
  for (const found of findPii(text)) {
    const from = toPosition(segments, found.start, false);
    const to = toPosition(segments, found.end, true);
    if (from === null || to === null || to <= from) continue;
    findings.push({ from, to, kind: found.kind, text: doc.textBetween(from, to, "\n") });
  }
  return findings;
}

function decorate(doc: PmNode, findings: EditorFinding[]): DecorationSet {
  return DecorationSet.create(
    doc,
    findings.map((finding) =>
      Decoration.inline(finding.from, finding.to, {
        nodeName: "mark",
        class: "pii-mark",
        "data-pii-kind": finding.kind,
        title: `${PII_LABELS[finding.kind]}: ${PII_EXPLANATIONS[finding.kind]}`,
      }),
    ),
  );
}

function nextState(
  tr: Transaction,
  value: PiiState,
  state: EditorState,
  isDismissed: PiiHighlightOptions["isDismissed"],
): PiiState {
  const meta = tr.getMeta(piiKey) as PiiMeta | undefined;
  let { findings } = value;
  if (meta) findings = meta.findings;
  else if (tr.docChanged) {
    // Until the next check, keep what still reads the same at its new place.
    findings = findings
      .map((finding) => ({
        ...finding,
        from: tr.mapping.map(finding.from, 1),
        to: tr.mapping.map(finding.to, -1),
      }))
      .filter(
        (finding) => finding.to > finding.from && textAt(state.doc, finding) === finding.text,
      );
  } else if (!meta) return value;
  findings = findings.filter((finding) => !isDismissed(finding));
  return { findings, decorations: decorate(state.doc, findings) };
}

/** Checks the notes with the PII guard while people type and marks what it finds. */
export const PiiHighlight = Extension.create<PiiHighlightOptions>({
  name: "piiHighlight",
  addOptions() {
    return { isDismissed: () => false, onDismissalsChanged: () => () => {} };
  },
  addProseMirrorPlugins() {
    const { isDismissed, onDismissalsChanged } = this.options;
    return [
      new Plugin<PiiState>({
        key: piiKey,
        state: {
          init: () => ({ findings: [], decorations: DecorationSet.empty }),
          apply: (tr, value, _old, state) => nextState(tr, value, state, isDismissed),
        },
        props: {
          decorations: (state) => piiKey.getState(state)?.decorations,
        },
        view(view) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const check = () => {
            timer = undefined;
            if (view.isDestroyed) return;
            const findings = checkDocument(view.state.doc);
            view.dispatch(
              view.state.tr.setMeta(piiKey, { findings }).setMeta("addToHistory", false),
            );
          };
          const schedule = () => {
            if (timer) clearTimeout(timer);
            timer = setTimeout(check, PII_CHECK_DELAY_MS);
          };
          schedule();
          // A dismissal in the room takes its mark away at once, here and for everyone.
          const stopListening = onDismissalsChanged(() => {
            if (view.isDestroyed) return;
            const findings = checkDocument(view.state.doc);
            view.dispatch(
              view.state.tr.setMeta(piiKey, { findings }).setMeta("addToHistory", false),
            );
          });
          return {
            update(current, previous) {
              if (!current.state.doc.eq(previous.doc)) schedule();
            },
            destroy() {
              if (timer) clearTimeout(timer);
              stopListening();
            },
          };
        },
      }),
    ];
  },
});

export function findingsOf(state: EditorState): EditorFinding[] {
  return piiKey.getState(state)?.findings ?? [];
}

/**
 * Replaces a stretch around a finding (a name with its salutation, a birth date with its
 * cue) as `naturalReplacements` proposes. `before` is the text read right before the finding;
 * false when the document changed there meanwhile.
 */
export function replaceAround(
  view: EditorView,
  finding: EditorFinding,
  before: string,
  replacement: { start: number; end: number; text: string },
  source: string,
): boolean {
  const from = finding.from - (before.length - replacement.start);
  const to = finding.from + (replacement.end - before.length);
  if (from < 0 || to > view.state.doc.content.size) return false;
  if (
    view.state.doc.textBetween(from, to, "\n") !== source.slice(replacement.start, replacement.end)
  )
    return false;
  view.dispatch(view.state.tr.insertText(replacement.text, from, to));
  return true;
}

/** The text of the finding's paragraph up to it, and the finding with that much before it. */
export function textAround(
  view: EditorView,
  finding: EditorFinding,
): { before: string; source: string } {
  const start = view.state.doc.resolve(finding.from).start();
  const end = view.state.doc.resolve(finding.to).end();
  const before = view.state.doc.textBetween(start, finding.from, "\n");
  const after = view.state.doc.textBetween(finding.to, end, "\n");
  return { before, source: before + finding.text + after };
}
