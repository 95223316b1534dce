import type { TUserRole } from "@runder-tisch/contracts";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../session/session.tsx";
import { Page } from "./page.tsx";

/** Administration pages for people whose role allows them; others get a plain sentence. */
export function RequireRole({ roles, children }: { roles: TUserRole[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (roles.includes(me.user.role)) return children;
  return (
    <Page title={t("admin.notAllowedTitle")}>
      <p>{t("admin.notAllowed")}</p>
    </Page>
  );
}
