import { useTranslation } from "react-i18next";
import { Page } from "../../components/page.tsx";

export function AgenciesPage() {
  const { t } = useTranslation();
  return <Page title={t("admin.agencies")}>{null}</Page>;
}
