import { TEXT_LIMITS, type TReferral, ZDeclineReferralRequest } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";
import { declineReferral } from "../../api/referrals.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

/** Declining says why: the asking agency reads the reason, so it passes the guard too. */
export function DeclineReferralForm({
  referral,
  onDone,
  onCancel,
}: {
  referral: TReferral;
  onDone(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const form = useSchemaForm({
    schema: ZDeclineReferralRequest,
    initial: { reason: "" },
    send: (body) => declineReferral(referral.id, body),
    onSaved: onDone,
  });
  return (
    <form className="form-card" onSubmit={form.submit} noValidate>
      <h3>{t("referrals.declineTitle")}</h3>
      <Field
        label={t("referrals.declineReasonLabel")}
        hint={t("referrals.declineReasonHint")}
        error={form.errors.reason}
      >
        {(props) => (
          <textarea {...props} {...form.bind("reason")} rows={3} maxLength={TEXT_LIMITS.reason} />
        )}
      </Field>
      <FormButtons
        label={t("referrals.declineSubmit")}
        tone="danger"
        form={form}
        onCancel={onCancel}
      />
    </form>
  );
}
