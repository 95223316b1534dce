import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage } from "../components/error-message.tsx";
import type { PersonalDataState } from "./personal-data-check.tsx";

// The guard and its name lists load only when the server found possible personal data.
const PersonalDataCheck = lazy(() =>
  import("./personal-data-check.tsx").then((module) => ({ default: module.PersonalDataCheck })),
);

const TONES = { primary: "button-primary", danger: "button-danger", plain: "button" } as const;

/**
 * The end of every form and confirmation: what went wrong that belongs to no single
 * field, the button that sends, and the way out (a button, or a link back).
 */
export function FormButtons({
  label,
  form,
  pending = form?.pending ?? false,
  problem = form?.problem,
  tone = "primary",
  onConfirm,
  onCancel,
  cancelTo,
}: {
  label: string;
  /** The form this block ends, for its sending state and what it has to say. */
  form?: { pending: boolean; problem: unknown; personalData?: PersonalDataState };
  pending?: boolean;
  problem?: unknown;
  tone?: keyof typeof TONES;
  /** For a confirmation outside a form; without it the button submits its form. */
  onConfirm?(): void;
  onCancel?(): void;
  cancelTo?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorMessage error={problem} />
      {form?.personalData && form.personalData.findings.length > 0 ? (
        <Suspense fallback={null}>
          <PersonalDataCheck personalData={form.personalData} />
        </Suspense>
      ) : null}
      <div className="form-buttons">
        <button
          type={onConfirm ? "button" : "submit"}
          className={TONES[tone]}
          disabled={pending}
          onClick={onConfirm}
        >
          {label}
        </button>
        {cancelTo ? (
          <Link to={cancelTo} className="button-quiet button-link">
            {t("common.cancel")}
          </Link>
        ) : onCancel ? (
          <button type="button" className="button-quiet" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        ) : null}
      </div>
    </>
  );
}
