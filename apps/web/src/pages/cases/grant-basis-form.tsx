import {
  type TCase,
  type TCreateSharingBasisRequest,
  ZCreateSharingBasisRequest,
} from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchAgencies } from "../../api/agencies.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { grantSharingBasis } from "../../api/sharing.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { type BasisDraft, BasisFields, basisOfDraft, emptyBasisDraft } from "./basis-fields.tsx";

interface Draft extends BasisDraft {
  agencyId: string;
}

function toRequest(draft: Draft): TCreateSharingBasisRequest {
  return { agencyId: draft.agencyId, ...basisOfDraft(draft) };
}

/** Records a consent or a statute that lets another agency see this case. */
export function GrantBasisForm({ entry, onDone }: { entry: TCase; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const agencies = useQuery({ queryKey: queryKeys.agencies, queryFn: fetchAgencies });
  const form = useSchemaForm({
    schema: ZCreateSharingBasisRequest,
    initial: (): Draft => ({ agencyId: "", ...emptyBasisDraft() }),
    toInput: toRequest,
    send: (body) => grantSharingBasis(entry.id, body),
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(entry.id) });
      onDone();
    },
  });
  const others = (agencies.data?.agencies ?? []).filter(
    (agency) => agency.active && agency.id !== entry.ownerAgency.id,
  );
  return (
    <form className="form-card" onSubmit={form.submit} noValidate>
      <h3>{t("sharing.grantTitle")}</h3>
      <Field label={t("sharing.agency")} error={form.errors.agencyId}>
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
      <BasisFields form={form} idPrefix="grant" />
      <FormButtons label={t("sharing.grantSubmit")} form={form} onCancel={onDone} />
    </form>
  );
}
