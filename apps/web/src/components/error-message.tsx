import { ZErrorReason } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";

/**
 * The translation key for any error a request can throw: the sentence of the rule that
 * refused it, unless the refusal is about fields (those speak beside the fields), else
 * the sentence of its kind.
 */
export function errorKey(error: unknown): string {
  if (!(error instanceof ApiError)) return "errors.unexpected_response";
  const aboutFields = (error.details?.problems?.length ?? 0) > 0;
  return error.reason && !aboutFields ? `reasons.${error.reason}` : `errors.${error.code}`;
}

/** A rule a form found broken before sending, in the shape of a field error. */
function checkedReason(error: unknown) {
  if (error instanceof Error || typeof error !== "object" || error === null) return null;
  const reason = ZErrorReason.safeParse((error as { reason?: unknown }).reason);
  const limit = (error as { limit?: unknown }).limit;
  return reason.success ? { reason: reason.data, limit } : null;
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const checked = checkedReason(error);
  return (
    <p className="error-message" role="alert">
      {checked ? t(`reasons.${checked.reason}`, { limit: checked.limit }) : t(errorKey(error))}
    </p>
  );
}
