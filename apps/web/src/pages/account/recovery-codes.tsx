import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * The recovery codes, shown this once (the server keeps only their hashes). Focus moves
 * to the heading so screen reader users hear that they appeared and what to do with them.
 */
export function RecoveryCodes({
  codes,
  doneLabel,
  onDone,
}: {
  codes: string[];
  doneLabel: string;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="recovery-codes" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title" ref={heading} tabIndex={-1}>
        {t("account.codesTitle")}
      </h2>
      <p>{t("account.codesExplain")}</p>
      <p className="notice">{t("account.codesKeep")}</p>
      <ol className="recovery-code-list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="form-buttons no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t("account.print")}
        </button>
        <button type="button" className="button-primary" onClick={onDone}>
          {doneLabel}
        </button>
      </div>
    </section>
  );
}
