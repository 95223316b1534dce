import type { TTextFinding } from "@runder-tisch/contracts";
import { useMutation } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, useState } from "react";
import type { z } from "zod";
import { ApiError } from "../api/client.ts";
import {
  type FieldError,
  type FieldErrors,
  fieldErrors,
  serverFieldErrors,
} from "./form-errors.ts";

/** The findings of a `personal_data_found` refusal; empty for any other outcome. */
function personalDataFindingsOf(error: unknown): TTextFinding[] {
  if (!(error instanceof ApiError) || error.reason !== "personal_data_found") return [];
  return error.details?.findings ?? [];
}

type KeysOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T] & string;
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface SchemaFormOptions<TDraft, TSchema extends z.ZodType, TResult> {
  /** The shared request schema: the same rules the server applies to the same body. */
  schema: TSchema;
  initial: TDraft | (() => TDraft);
  /** The request body the draft stands for; `null` when there is nothing to send. */
  toInput?(draft: TDraft): unknown;
  send(body: z.output<TSchema>): Promise<TResult> | TResult;
  onSaved?(result: TResult, body: z.output<TSchema>): void;
  /** The server said no; its field problems are shown without this. */
  onRefused?(error: unknown): void;
  /** Called instead of sending when `toInput` found nothing to send. */
  onUnchanged?(): void;
  /** Empty the draft after saving, for forms that add one thing after another. */
  resetOnSaved?: boolean;
  /**
   * False where the route takes no "not personal data" reason (the steering group's and
   * working groups' texts): a finding can then only be replaced, and no reason is asked for.
   */
  personalDataOverride?: boolean;
}

/**
 * Where a refused field of the body shows up: the draft field of the same path, else of
 * its last name (`legalBasis.givenOn` → `givenOn`), else of its first (`participants.0.role`
 * → `participants`); anything else is said below the form.
 */
export function placeErrors<TDraft extends object>(draft: TDraft, errors: FieldErrors) {
  const fields: Partial<Record<keyof TDraft & string, FieldError>> = {};
  let other: FieldError | null = null;
  for (const [path, error] of Object.entries(errors)) {
    const names = path.split(".").filter((part) => !/^\d+$/.test(part));
    const key = [path, names.at(-1), names[0]].find(
      (name) => name !== undefined && name in draft,
    ) as (keyof TDraft & string) | undefined;
    if (key) fields[key] ??= error;
    else other ??= error;
  }
  return { fields, other };
}

/**
 * One form over a shared zod request schema: the draft and its change handlers, the
 * client-side check with the server's reasons, sending, and the server's refusals put
 * beside their fields. Kept small on purpose instead of a form library: the conference
 * room has a form, and its JavaScript budget has almost no room left (docs/benchmarks.md).
 */
export function useSchemaForm<TDraft extends object, TSchema extends z.ZodType, TResult>(
  options: SchemaFormOptions<TDraft, TSchema, TResult>,
) {
  const { schema, initial, toInput = (draft: TDraft) => draft } = options;
  const [draft, setDraft] = useState<TDraft>(initial);
  const [checked, setChecked] = useState<FieldErrors>({});
  // Filled in only after the server found possible personal data and the writer says why not.
  const [notPersonalDataReason, setNotPersonalDataReason] = useState("");
  const mutation = useMutation({
    mutationFn: async (body: z.output<TSchema>) => options.send(body),
    onSuccess: (result, body) => {
      if (options.resetOnSaved) setDraft(initial);
      options.onSaved?.(result, body);
    },
    onError: (error) => options.onRefused?.(error),
  });

  const set = <K extends keyof TDraft>(key: K, value: TDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const refused = serverFieldErrors(mutation.error);
  const shown = placeErrors(draft, Object.keys(checked).length > 0 ? checked : refused);
  // A refusal not about fields, or about fields this form does not show, is said below it.
  const serverUnplaced =
    mutation.error && (!(mutation.error instanceof ApiError) || Object.keys(refused).length === 0)
      ? mutation.error
      : shown.other && mutation.error;

  const personalDataFindings = personalDataFindingsOf(mutation.error);

  return {
    draft,
    set,
    /** What the server's personal-data guard found in the last attempt, and the way past it. */
    personalData: {
      findings: personalDataFindings,
      draft: draft as Record<string, unknown>,
      replace: (key: string, value: string) =>
        setDraft((current) => ({ ...current, [key]: value })),
      ...(options.personalDataOverride === false
        ? {}
        : { reason: notPersonalDataReason, setReason: setNotPersonalDataReason }),
    },
    errors: shown.fields,
    pending: mutation.isPending,
    /** What the submit block says: a refusal or a rule that belongs to no single field. */
    problem: (Object.keys(checked).length > 0 ? shown.other : serverUnplaced) || null,
    /** Value and change handler of a text field, a select or a date. */
    bind: <K extends KeysOf<TDraft, string>>(key: K) => ({
      value: draft[key] as string,
      onChange: (event: ChangeEvent<Control>) => set(key, event.target.value as TDraft[K]),
    }),
    /** State and change handler of a single checkbox. */
    check: <K extends KeysOf<TDraft, boolean>>(key: K) => ({
      checked: draft[key] as boolean,
      onChange: (event: ChangeEvent<HTMLInputElement>) =>
        set(key, event.target.checked as TDraft[K]),
    }),
    /** Adds or removes one item of a list the user picks from with checkboxes. */
    toggle: <K extends KeysOf<TDraft, readonly unknown[]>>(key: K, item: unknown, on: boolean) =>
      setDraft((current) => {
        const list = current[key] as readonly unknown[];
        const next = on ? [...list, item] : list.filter((entry) => entry !== item);
        return { ...current, [key]: next };
      }),
    submit(event: FormEvent) {
      event.preventDefault();
      const input = toInput(draft);
      if (input === null) return options.onUnchanged?.();
      const parsed = schema.safeParse(input);
      setChecked(parsed.success ? {} : fieldErrors(parsed.error, input));
      if (!parsed.success) return;
      const reason = notPersonalDataReason.trim();
      // The reason is not part of the form's schema: every guarded request takes it alike.
      mutation.mutate(
        personalDataFindings.length > 0 && reason
          ? ({ ...(parsed.data as object), notPersonalDataReason: reason } as z.output<TSchema>)
          : parsed.data,
      );
    },
  };
}
