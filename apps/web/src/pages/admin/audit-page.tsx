import { useTranslation } from "react-i18next";
import { Page } from "../../components/page.tsx";

export function AuditPage() {
  const { t } = useTranslation();
  return <Page title={t("admin.audit")}>{null}</Page>;
}
