import { type RefObject, useCallback, useEffect, useRef, useState } from "react";

/**
 * Opens a form in place of its button and, when it closes, puts focus back on the
 * button, so keyboard users are not dropped at the top of the page.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) trigger.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const show = useCallback(() => setOpen(true), []);
  const hide = useCallback(() => setOpen(false), []);
  return { open, show, hide, trigger };
}

/** Moves focus into a form that just appeared: its first field. */
export function useFocusFirstField(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    container.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, [container]);
}
