import type { ComponentProps, ReactNode } from "react";
import { FormButtons } from "./form-buttons.tsx";

/** Asks once more before a step that takes effect at once (revoking, closing a case). */
export function Confirm({
  title,
  text,
  children,
  ...buttons
}: { title: string; text: string; children?: ReactNode } & ComponentProps<typeof FormButtons>) {
  return (
    <fieldset className="confirm">
      <legend>{title}</legend>
      <p>{text}</p>
      {children}
      <FormButtons tone="danger" {...buttons} />
    </fieldset>
  );
}
