import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../components/error-message.tsx";

/** How long a change can be taken back from the toast. */
const UNDO_MS = 10_000;

export interface UndoOffer {
  /** What happened, in a sentence. */
  message: string;
  /** Puts it back; a refusal is shown in the toast. */
  undo(): Promise<unknown>;
}

const UndoContext = createContext<(offer: UndoOffer) => void>(() => {});

/** Offers to take back the change just made, for a few seconds. */
export function useOfferUndo(): (offer: UndoOffer) => void {
  return useContext(UndoContext);
}

/**
 * One toast for the whole app. It takes the focus when offered: the control that made
 * the change may leave the page with it (a finished action leaves the inbox), and the
 * focus must not fall back to the page body. When it closes, the focus goes to the
 * page's heading.
 */
export function UndoProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [offer, setOffer] = useState<UndoOffer | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const toast = useRef<HTMLDivElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const close = useCallback(() => {
    clearTimeout(timer.current);
    const hadFocus = toast.current?.contains(document.activeElement) ?? false;
    setOffer(null);
    setProblem(null);
    if (hadFocus) document.querySelector<HTMLElement>("main h1")?.focus();
  }, []);

  const show = useCallback(
    (next: UndoOffer) => {
      clearTimeout(timer.current);
      setProblem(null);
      setOffer(next);
      timer.current = setTimeout(close, UNDO_MS);
    },
    [close],
  );

  useEffect(() => {
    if (offer) button.current?.focus();
  }, [offer]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const undo = async () => {
    if (!offer) return;
    setPending(true);
    try {
      await offer.undo();
      close();
    } catch (error) {
      clearTimeout(timer.current);
      setProblem(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <UndoContext.Provider value={show}>
      {children}
      <div className="undo-toast-region" role="status" aria-live="polite">
        {offer ? (
          <div className="undo-toast" ref={toast}>
            <p>{offer.message}</p>
            <button
              ref={button}
              type="button"
              className="button"
              onClick={() => void undo()}
              disabled={pending}
            >
              {t("undo.undo")}
            </button>
            <button type="button" className="button-quiet" onClick={close}>
              {t("undo.close")}
            </button>
            <ErrorMessage error={problem} />
          </div>
        ) : null}
      </div>
    </UndoContext.Provider>
  );
}
