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

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p className="error-message" role="alert">
      {t(errorKey(error))}
    </p>
  );
}
