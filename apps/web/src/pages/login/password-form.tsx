import { type TErrorReason, ZLoginRequest } from "@runder-tisch/contracts";
import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ApiError } from "../../api/client.ts";
import { login } from "../../api/sign-in.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { useSession } from "../../session/session.tsx";

const refusedFor = (error: unknown, reason: TErrorReason) =>
  error instanceof ApiError && error.reason === reason;

/**
 * E-mail address and password, then, for an account with a second factor, the code from
 * the authenticator app. The server asks for the code only after the password was right,
 * so the second step sends all three again.
 */
export function PasswordForm({
  returnTo,
  onCodeStep,
}: {
  returnTo: string;
  /** Told when the form asks for the code, so the page can set the other ways in aside. */
  onCodeStep(asking: boolean): void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [step, setStep] = useState<"password" | "code">("password");
  // Recovery codes hold letters: a phone's number pad would not let people type them.
  const [recoveryCode, setRecoveryCode] = useState(false);
  const codeField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);
  const leftCodeStep = useRef(false);
  const form = useSchemaForm({
    schema: ZLoginRequest,
    initial: { email: "", password: "", code: "" },
    toInput: (draft) =>
      step === "code" ? draft : { email: draft.email, password: draft.password },
    send: login,
    onSaved: (me) => {
      session.signedIn(me);
      navigate(returnTo, { replace: true });
    },
    onRefused: (error) => {
      if (refusedFor(error, "second_factor_required")) setStep("code");
      // A wrong code: back into the field, ready for the next one from the app.
      if (refusedFor(error, "second_factor_invalid")) codeField.current?.select();
    },
  });

  // Focus follows the step: into the code field when it appears, back to the password after
  // cancelling.
  useEffect(() => {
    onCodeStep(step === "code");
    if (step === "code") {
      leftCodeStep.current = true;
      codeField.current?.focus();
    } else if (leftCodeStep.current) {
      passwordField.current?.focus();
    }
  }, [step, onCodeStep]);

  const codeWrong = refusedFor(form.problem, "second_factor_invalid");
  // Being asked for the code is the next step, not a failure; a wrong code is said at the field.
  const problem =
    refusedFor(form.problem, "second_factor_required") || codeWrong ? null : form.problem;
  const codeError =
    form.errors.code ?? (codeWrong ? { reason: "second_factor_invalid" as const } : undefined);

  if (step === "code") {
    return (
      <form onSubmit={form.submit} noValidate>
        <p>{t("login.codeIntro")}</p>
        <p className="muted">{t("login.signingInAs", { email: form.draft.email })}</p>
        <Field
          label={t("login.code")}
          hint={t("login.codeHint")}
          error={codeError}
          messages={{ invalid_format: t("login.codeFormat") }}
        >
          {(props) => (
            <input
              {...props}
              {...form.bind("code")}
              ref={codeField}
              autoComplete="one-time-code"
              inputMode={recoveryCode ? "text" : "numeric"}
              autoCapitalize="none"
              spellCheck={false}
              maxLength={14}
            />
          )}
        </Field>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            // Rendered first, so the field takes focus with the keyboard that fits the code.
            flushSync(() => setRecoveryCode(!recoveryCode));
            codeField.current?.focus();
          }}
        >
          {recoveryCode ? t("login.useAppCode") : t("login.useRecoveryCode")}
        </button>
        <FormButtons
          label={form.pending ? t("login.submitting") : t("login.confirmCode")}
          form={form}
          problem={problem}
          onCancel={() => {
            form.set("password", "");
            form.set("code", "");
            setStep("password");
          }}
        />
      </form>
    );
  }

  return (
    <form onSubmit={form.submit} noValidate>
      <Field label={t("login.email")} error={form.errors.email}>
        {(props) => (
          <input {...props} {...form.bind("email")} type="email" autoComplete="username" />
        )}
      </Field>
      <Field label={t("login.password")} error={form.errors.password}>
        {(props) => (
          <input
            {...props}
            {...form.bind("password")}
            ref={passwordField}
            type="password"
            autoComplete="current-password"
          />
        )}
      </Field>
      <FormButtons
        label={form.pending ? t("login.submitting") : t("login.submit")}
        form={form}
        problem={problem}
      />
    </form>
  );
}
