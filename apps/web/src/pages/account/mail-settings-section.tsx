import {
  MAIL_DELIVERIES,
  NOTIFICATION_KINDS,
  type TMailSettings,
  ZUpdateMailSettingsRequest,
} from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchMailSettings, saveMailSettings } from "../../api/mail-settings.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

function MailSettingsForm({ settings }: { settings: TMailSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useStatusMessage();
  const form = useSchemaForm({
    schema: ZUpdateMailSettingsRequest,
    initial: {
      deliveries: settings.deliveries,
      digestHour: String(settings.digestHour),
      language: settings.language as string,
    },
    // The hour is a select's text; the contract wants the number.
    toInput: (draft) => ({ ...draft, digestHour: Number(draft.digestHour) }),
    send: saveMailSettings,
    onSaved: (saved) => {
      queryClient.setQueryData(queryKeys.mailSettings, saved);
      status.announce(t("mailSettings.saved"));
    },
  });
  return (
    <form onSubmit={form.submit} noValidate>
      <fieldset>
        <legend>{t("mailSettings.kinds")}</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <Field key={kind} label={t(`mailSettings.kind.${kind}`)}>
            {(props) => (
              <select
                {...props}
                value={form.draft.deliveries[kind]}
                onChange={(event) =>
                  form.set("deliveries", {
                    ...form.draft.deliveries,
                    [kind]: event.target.value as TMailSettings["deliveries"][typeof kind],
                  })
                }
              >
                {MAIL_DELIVERIES.map((delivery) => (
                  <option key={delivery} value={delivery}>
                    {t(`mailSettings.delivery.${delivery}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </fieldset>
      <Field label={t("mailSettings.digestHour")} error={form.errors.digestHour}>
        {(props) => (
          <select {...props} {...form.bind("digestHour")}>
            {HOURS.map((hour) => (
              <option key={hour} value={String(hour)}>
                {t("mailSettings.hour", { hour: String(hour).padStart(2, "0") })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("mailSettings.language")} error={form.errors.language}>
        {(props) => (
          <select {...props} {...form.bind("language")}>
            <option value="de">{t("mailSettings.languageDe")}</option>
            <option value="en">{t("mailSettings.languageEn")}</option>
          </select>
        )}
      </Field>
      <FormButtons label={t("mailSettings.save")} form={form} />
      <StatusMessage message={status.message} />
    </form>
  );
}

/** Which notifications reach the signed-in person by mail, when the digest comes, in which language. */
export function MailSettingsSection() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: queryKeys.mailSettings, queryFn: fetchMailSettings });
  return (
    <section className="panel" aria-labelledby="mail-settings-title">
      <h2 id="mail-settings-title">{t("mailSettings.title")}</h2>
      <p>{t("mailSettings.explain")}</p>
      {settings.data && !settings.data.mailEnabled ? (
        <p className="notice">{t("mailSettings.off")}</p>
      ) : null}
      {settings.data ? <MailSettingsForm settings={settings.data} /> : null}
      <ErrorMessage error={settings.error} />
    </section>
  );
}
