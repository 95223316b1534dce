import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";

/** The translation key for any error a request can throw. */
export function errorKey(error: unknown): string {
  if (error instanceof ApiError) return `errors.${error.code}`;
  return "errors.unexpected_response";
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
