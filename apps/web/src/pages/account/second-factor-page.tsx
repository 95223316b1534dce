import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys.ts";
import { Page } from "../../components/page.tsx";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";
import { useMe } from "../../session/session.tsx";
import { CalendarFeedPanel } from "./calendar-feed-panel.tsx";
import { MailSettingsSection } from "./mail-settings-section.tsx";
import { RecoveryCodes } from "./recovery-codes.tsx";
import { NewRecoveryCodes, SwitchOff } from "./second-factor-manage.tsx";
import { SecondFactorSetup } from "./second-factor-setup.tsx";

/**
 * The signed-in person's sign-in: the second factor's state, its set-up, new recovery
 * codes and switching it off. With `required`, it is all the app shows until the set-up
 * is done (the role needs it), and "continue" loads the session afresh.
 */
export function SecondFactorPage({ required = false }: { required?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const status = useStatusMessage();
  const heading = useRef<HTMLHeadingElement>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const reloadMe = () => queryClient.invalidateQueries({ queryKey: queryKeys.me });
  const on = me.secondFactor || codes !== null;

  const codesStored = () => {
    setCodes(null);
    // Held back for the set-up: the fresh session lets the person into the app.
    if (required) void reloadMe();
    else heading.current?.focus();
  };

  return (
    <Page title={t("account.title")}>
      {required ? (
        <p className="notice">{t("account.requiredIntro")}</p>
      ) : (
        <p className="lead">{t("account.intro", { email: me.user.email })}</p>
      )}
      <StatusMessage message={status.message} />
      <section className="panel" aria-labelledby="second-factor-title">
        <h2 id="second-factor-title" ref={heading} tabIndex={-1}>
          {t("account.secondFactor")}
        </h2>
        <p>{t("account.explain")}</p>
        <p>
          {t("account.state")}{" "}
          <span className={on ? "badge badge-done" : "badge badge-cancelled"}>
            {on ? t("account.on") : t("account.offState")}
          </span>
        </p>
        {codes ? (
          <RecoveryCodes
            codes={codes}
            doneLabel={required ? t("account.continue") : t("account.codesStored")}
            onDone={codesStored}
          />
        ) : on ? (
          <div className="account-actions">
            <NewRecoveryCodes onNew={setCodes} />
            {me.secondFactorRequiredForRole ? (
              <p className="muted">{t("account.requiredForRole")}</p>
            ) : (
              <SwitchOff
                onOff={() => {
                  void reloadMe();
                  status.announce(t("account.offDone"));
                  heading.current?.focus();
                }}
                onRequired={() => {
                  // The deployment's rule changed since this page loaded.
                  void reloadMe();
                  status.announce(t("account.requiredForRole"));
                  heading.current?.focus();
                }}
              />
            )}
          </div>
        ) : !me.hasPassword ? (
          <p className="notice" role="status">
            {t("account.providerAccount")}
          </p>
        ) : (
          <SecondFactorSetup
            onConfirmed={(recoveryCodes) => {
              setCodes(recoveryCodes);
              status.announce(t("account.onDone"));
              if (!required) void reloadMe();
            }}
          />
        )}
      </section>
      {required ? null : <CalendarFeedPanel />}
      {required ? null : <MailSettingsSection />}
    </Page>
  );
}
