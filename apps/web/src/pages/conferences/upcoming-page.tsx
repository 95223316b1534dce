import { useTranslation } from "react-i18next";
import { Page } from "../../components/page.tsx";
import { UpcomingList } from "./upcoming-list.tsx";

export function UpcomingPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("upcoming.title")}>
      <p className="lead">{t("upcoming.intro")}</p>
      <UpcomingList />
    </Page>
  );
}
