import { ZSecondFactorRemove } from "@runder-tisch/contracts";
import { useMutation } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client.ts";
import { removeSecondFactor, renewRecoveryCodes } from "../../api/second-factor.ts";
import { useDisclosure, useFocusFirstField } from "../../components/disclosure.ts";
import { Confirm } from "../../forms/confirm.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

/** New recovery codes replace the old ones at once, so it asks before making them. */
export function NewRecoveryCodes({ onNew }: { onNew(codes: string[]): void }) {
  const { t } = useTranslation();
  const asking = useDisclosure();
  const renew = useMutation({
    mutationFn: renewRecoveryCodes,
    onSuccess: (result) => onNew(result.recoveryCodes),
  });
  if (!asking.open) {
    return (
      <button type="button" className="button" ref={asking.trigger} onClick={asking.show}>
        {t("account.newCodes")}
      </button>
    );
  }
  return (
    <Confirm
      title={t("account.newCodes")}
      text={t("account.newCodesQuestion")}
      label={t("account.newCodesNow")}
      pending={renew.isPending}
      problem={renew.error}
      onConfirm={() => renew.mutate()}
      onCancel={asking.hide}
    />
  );
}

function SwitchOffForm({
  onDone,
  onOff,
  onRequired,
}: {
  onDone(): void;
  onOff(): void;
  onRequired(): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstField(ref);
  const form = useSchemaForm({
    schema: ZSecondFactorRemove,
    initial: { password: "" },
    send: removeSecondFactor,
    onSaved: onOff,
    onRefused: (error) => {
      if (error instanceof ApiError && error.reason === "second_factor_required_for_role") {
        onRequired();
      }
    },
  });
  // The password is the only field: a wrong one is said there, in words about the password.
  const wrongPassword =
    form.problem instanceof ApiError && form.problem.code === "invalid_credentials";
  return (
    <form ref={ref} className="confirm" onSubmit={form.submit} noValidate>
      <h3 className="form-title">{t("account.offTitle")}</h3>
      <p>{t("account.offExplain")}</p>
      <Field
        label={t("account.password")}
        error={form.errors.password ?? (wrongPassword ? { reason: "invalid" } : undefined)}
        messages={{ invalid: t("account.wrongPassword") }}
      >
        {(props) => (
          <input
            {...props}
            {...form.bind("password")}
            type="password"
            autoComplete="current-password"
          />
        )}
      </Field>
      <FormButtons
        label={t("account.offNow")}
        tone="danger"
        form={form}
        problem={wrongPassword ? null : form.problem}
        onCancel={onDone}
      />
    </form>
  );
}

/** Switching the second factor off takes the password again: a left-open session is not enough. */
export function SwitchOff({ onOff, onRequired }: { onOff(): void; onRequired(): void }) {
  const { t } = useTranslation();
  const asking = useDisclosure();
  if (asking.open) {
    return <SwitchOffForm onDone={asking.hide} onOff={onOff} onRequired={onRequired} />;
  }
  return (
    <button type="button" className="button-danger" ref={asking.trigger} onClick={asking.show}>
      {t("account.off")}
    </button>
  );
}
