import {
  type TCase,
  type TCreateReferralRequest,
  TEXT_LIMITS,
  ZCreateReferralRequest,
} from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchAgencies } from "../../api/agencies.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { createReferral } from "../../api/referrals.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { type BasisDraft, BasisFields, basisOfDraft, emptyBasisDraft } from "./basis-fields.tsx";

interface Draft extends BasisDraft {
  agencyId: string;
  referralKind: "share" | "transfer";
  /** For a handover: the owner keeps access under the basis stated. */
  keepAccess: boolean;
  message: string;
}

function toRequest(draft: Draft): TCreateReferralRequest {
  const common = { agencyId: draft.agencyId, message: draft.message };
  if (draft.referralKind === "share") {
    return { kind: "share", ...common, basis: basisOfDraft(draft) };
  }
  return {
    kind: "transfer",
    ...common,
    basis: draft.keepAccess ? basisOfDraft(draft) : null,
  };
}

/**
 * The owner asks another agency to join the case or to take it over. Nothing is shared
 * before the other agency accepts; the basis stated here is recorded then.
 */
export function ReferralForm({ entry, onDone }: { entry: TCase; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const agencies = useQuery({ queryKey: queryKeys.agencies, queryFn: fetchAgencies });
  const form = useSchemaForm({
    schema: ZCreateReferralRequest,
    initial: (): Draft => ({
      agencyId: "",
      referralKind: "share",
      keepAccess: false,
      message: "",
      ...emptyBasisDraft(),
    }),
    toInput: toRequest,
    send: (body) => createReferral(entry.id, body),
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.caseReferrals(entry.id) });
      onDone();
    },
  });
  const others = (agencies.data?.agencies ?? []).filter(
    (agency) => agency.active && agency.id !== entry.ownerAgency.id,
  );
  const statesBasis = form.draft.referralKind === "share" || form.draft.keepAccess;
  return (
    <form className="form-card" onSubmit={form.submit} noValidate>
      <h3>{t("referrals.formTitle")}</h3>
      <Field label={t("referrals.agency")} error={form.errors.agencyId}>
        {(props) => (
          <select {...props} {...form.bind("agencyId")}>
            <option value="">{t("common.choose")}</option>
            {others.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>{t("referrals.kind")}</legend>
        <label className="check">
          <input
            type="radio"
            name="referral-kind"
            checked={form.draft.referralKind === "share"}
            onChange={() => form.set("referralKind", "share")}
          />
          {t("referrals.kindShare")}
        </label>
        <label className="check">
          <input
            type="radio"
            name="referral-kind"
            checked={form.draft.referralKind === "transfer"}
            onChange={() => form.set("referralKind", "transfer")}
          />
          {t("referrals.kindTransfer")}
        </label>
      </fieldset>
      {form.draft.referralKind === "transfer" ? (
        <div className="field">
          <label className="check">
            <input type="checkbox" {...form.check("keepAccess")} />
            {t("referrals.keepAccess")}
          </label>
          <span className="field-hint">{t("referrals.keepAccessHint")}</span>
        </div>
      ) : null}
      {statesBasis ? <BasisFields form={form} idPrefix="referral" /> : null}
      <Field
        label={t("referrals.message")}
        hint={t("referrals.messageHint")}
        error={form.errors.message}
      >
        {(props) => (
          <textarea
            {...props}
            {...form.bind("message")}
            rows={3}
            maxLength={TEXT_LIMITS.longText}
          />
        )}
      </Field>
      <FormButtons label={t("referrals.submit")} form={form} onCancel={onDone} />
    </form>
  );
}
