import { useTranslation } from "react-i18next";
import { Page } from "../../components/page.tsx";

export function UsersPage() {
  const { t } = useTranslation();
  return <Page title={t("admin.users")}>{null}</Page>;
}
