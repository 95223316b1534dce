import { PII_EXPLANATIONS, PII_LABELS, placeholderFor } from "@runder-tisch/pii-guard";
import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  dismissFinding,
  type EditorFinding,
  findingsOf,
  replaceInDocument,
} from "./pii-highlight.ts";

/**
 * The guard's findings as a list, so keyboard and screen-reader users reach every one:
 * what was found, why it does not belong in shared notes, and a one-click placeholder.
 */
export function PiiPanel({ editor, editable }: { editor: Editor; editable: boolean }) {
  const { t } = useTranslation();
  const [stale, setStale] = useState(false);
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

  const replace = (finding: EditorFinding) => {
    const done = replaceInDocument(editor.view, finding, placeholderFor(finding.kind));
    setStale(!done);
    editor.commands.focus();
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
                {editable ? (
                  <button
                    type="button"
                    className="button"
                    aria-label={t("pii.replaceLabel", {
                      text: finding.text,
                      placeholder: placeholderFor(finding.kind),
                    })}
                    onClick={() => replace(finding)}
                  >
                    {t("pii.replace", { placeholder: placeholderFor(finding.kind) })}
                  </button>
                ) : null}
                <button
                  type="button"
                  className="button-quiet"
                  aria-label={t("pii.showLabel", { text: finding.text })}
                  onClick={() => show(finding)}
                >
                  {t("pii.show")}
                </button>
                {editable ? (
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={t("pii.dismissLabel", { text: finding.text })}
                    onClick={() => dismissFinding(editor.view, finding)}
                  >
                    {t("pii.dismiss")}
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
