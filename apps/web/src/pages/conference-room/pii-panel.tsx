import { dismissFinding } from "@runder-tisch/conference-doc";
import { naturalReplacements, PII_EXPLANATIONS, PII_LABELS } from "@runder-tisch/pii-guard";
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { type EditorFinding, findingsOf, replaceAround, textAround } from "./pii-highlight.ts";

/** "Not personal data" for one finding: the reason goes into the document, for everyone. */
function DismissForm({
  finding,
  onDismiss,
  onCancel,
}: {
  finding: EditorFinding;
  onDismiss(reason: string): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) onDismiss(reason.trim().slice(0, 2000));
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <label htmlFor={inputId}>{t("pii.dismissReason", { text: finding.text })}</label>
      <div className="inline-row">
        <input id={inputId} value={reason} onChange={(event) => setReason(event.target.value)} />
        <button type="submit" className="button" disabled={!reason.trim()}>
          {t("pii.dismissConfirm")}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

/**
 * The guard's findings as a list, so keyboard and screen-reader users reach every one:
 * what was found, why it does not belong in shared notes, replacements that keep the
 * sentence readable, and "not personal data" with a reason that counts for the whole room.
 */
export function PiiPanel({
  editor,
  editable,
  doc,
  by,
}: {
  editor: Editor;
  editable: boolean;
  doc: Y.Doc;
  /** Who is writing, as a dismissal names it: "Name (Stelle)". */
  by: string;
}) {
  const { t } = useTranslation();
  const [stale, setStale] = useState(false);
  const [dismissing, setDismissing] = useState<string | null>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const findings = findingsOf(current.state);
      const caret = current.state.selection.from;
      const active = findings.findIndex((f) => caret >= f.from && caret <= f.to);
      return { findings, active };
    },
  });
  const findings = state?.findings ?? [];
  const count = findings.length;

  const offersFor = (finding: EditorFinding) => {
    const { before, source } = textAround(editor.view, finding);
    const located = { ...finding, start: before.length, end: before.length + finding.text.length };
    return naturalReplacements(source, located).map((offer) => ({ offer, before, source }));
  };
  const replace = (finding: EditorFinding, choice: ReturnType<typeof offersFor>[number]) => {
    const done = replaceAround(editor.view, finding, choice.before, choice.offer, choice.source);
    setStale(!done);
    editor.commands.focus();
  };
  const dismiss = (finding: EditorFinding, reason: string) => {
    dismissFinding(doc, { kind: finding.kind, text: finding.text, reason, by });
    setDismissing(null);
  };
  const show = (finding: EditorFinding) => {
    editor.chain().focus().setTextSelection({ from: finding.from, to: finding.to }).run();
  };

  return (
    <section className="pii-panel" aria-labelledby="pii-heading">
      <h3 id="pii-heading">{t("pii.title")}</h3>
      <p role="status" className="pii-count">
        {count === 0
          ? t("pii.none")
          : count === 1
            ? t("pii.countOne")
            : t("pii.countMany", { count })}
      </p>
      {stale ? (
        <p className="pii-stale" role="alert">
          {t("pii.stale")}
        </p>
      ) : null}
      {count > 0 ? (
        <ul className="pii-list">
          {findings.map((finding, index) => (
            <li
              key={`${finding.from}-${finding.kind}`}
              className={index === state?.active ? "pii-item pii-item-active" : "pii-item"}
            >
              <p className="pii-what">
                <strong>{PII_LABELS[finding.kind]}:</strong>{" "}
                <span className="pii-excerpt">„{finding.text}“</span>
              </p>
              <p className="pii-why">{PII_EXPLANATIONS[finding.kind]}</p>
              <div className="pii-buttons">
                {editable
                  ? offersFor(finding).map((choice) => (
                      <button
                        key={choice.offer.text}
                        type="button"
                        className="button"
                        aria-label={t("pii.replaceLabel", {
                          text: finding.text,
                          placeholder: choice.offer.text,
                        })}
                        onClick={() => replace(finding, choice)}
                      >
                        {t("pii.replace", { placeholder: choice.offer.text })}
                      </button>
                    ))
                  : null}
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={t("pii.showLabel", { text: finding.text })}
                  onClick={() => show(finding)}
                >
                  {t("pii.show")}
                </button>
                {editable && dismissing !== `${finding.from}` ? (
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={t("pii.dismissLabel", { text: finding.text })}
                    onClick={() => setDismissing(`${finding.from}`)}
                  >
                    {t("pii.dismiss")}
                  </button>
                ) : null}
              </div>
              {dismissing === `${finding.from}` ? (
                <DismissForm
                  finding={finding}
                  onDismiss={(reason) => dismiss(finding, reason)}
                  onCancel={() => setDismissing(null)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
