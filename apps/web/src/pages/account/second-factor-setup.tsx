import { type TSecondFactorSetup, ZSecondFactorConfirm } from "@runder-tisch/contracts";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { confirmSecondFactor, startSecondFactor } from "../../api/second-factor.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

/** The secret in groups of four, as authenticator apps show and people type it. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

function SetupSteps({
  setup,
  onConfirmed,
}: {
  setup: TSecondFactorSetup;
  onConfirmed(codes: string[]): void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const form = useSchemaForm({
    schema: ZSecondFactorConfirm,
    initial: { code: "" },
    send: confirmSecondFactor,
    onSaved: (result) => onConfirmed(result.recoveryCodes),
  });
  // The server's SVG is shown as an image: an image cannot run scripts, whatever it holds.
  const qrCode = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`;
  return (
    <div className="setup">
      <h3 ref={heading} tabIndex={-1}>
        {t("account.setupTitle")}
      </h3>
      <ol className="setup-steps">
        <li>{t("account.stepApp")}</li>
        <li>
          <p>{t("account.stepScan")}</p>
          <img className="qr-code" src={qrCode} alt={t("account.qrAlt")} width={200} height={200} />
          <p>{t("account.stepTypeIn")}</p>
          <p>
            <code className="secret">{grouped(setup.secret)}</code>
          </p>
        </li>
        <li>
          <form onSubmit={form.submit} noValidate>
            <Field
              label={t("account.confirmCode")}
              hint={t("account.confirmCodeHint")}
              error={form.errors.code}
              messages={{ invalid_format: t("account.codeFormat") }}
            >
              {(props) => (
                <input
                  {...props}
                  {...form.bind("code")}
                  className="code-input"
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  maxLength={6}
                />
              )}
            </Field>
            <FormButtons label={t("account.confirm")} form={form} />
          </form>
        </li>
      </ol>
    </div>
  );
}

/** Begins the set-up on request (each start makes a new secret), then walks through it. */
export function SecondFactorSetup({ onConfirmed }: { onConfirmed(codes: string[]): void }) {
  const { t } = useTranslation();
  const start = useMutation({ mutationFn: startSecondFactor });
  if (start.data) return <SetupSteps setup={start.data} onConfirmed={onConfirmed} />;
  return (
    <>
      <ErrorMessage error={start.error} />
      <div className="form-buttons">
        <button
          type="button"
          className="button-primary"
          disabled={start.isPending}
          onClick={() => start.mutate()}
        >
          {t("account.setUp")}
        </button>
      </div>
    </>
  );
}
