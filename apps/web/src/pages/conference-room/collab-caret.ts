import { agencyColor } from "./presence.ts";

interface CaretUser {
  name?: unknown;
  agencyId?: unknown;
}

/** A caret in the colour of the writer's agency, labelled with their name. */
export function renderCaret(user: CaretUser): HTMLElement {
  const color = agencyColor(typeof user.agencyId === "string" ? user.agencyId : undefined);
  const caret = document.createElement("span");
  caret.className = "collaboration-carets__caret";
  caret.style.borderColor = color;
  const label = document.createElement("span");
  label.className = "collaboration-carets__label";
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === "string" ? user.name : "";
  caret.append(label);
  return caret;
}
