import { useState } from "react";

/**
 * A polite live region that stays in the page, so screen readers hear "saved"
 * even when the form that caused it has closed. Empty until something happened.
 */
export function StatusMessage({ message }: { message: string }) {
  return (
    <p className={message ? "status-message" : "status-message status-empty"} role="status">
      {message}
    </p>
  );
}

export function useStatusMessage() {
  const [message, announce] = useState("");
  return { message, announce };
}
