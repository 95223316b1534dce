import { useTranslation } from "react-i18next";
import type { SaveState } from "./conference-connection.ts";

/** Polite live region: screen readers hear when the state changes, without interrupting. */
export function SaveIndicator({ state, readOnly }: { state: SaveState; readOnly: boolean }) {
  const { t } = useTranslation();
  const text = readOnly && state === "saved" ? t("room.save.readOnly") : t(`room.save.${state}`);
  return (
    <p
      className={`save-indicator save-${state}`}
      role="status"
      aria-live="polite"
      data-save-state={state}
    >
      <span className="save-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
