import type { TActionStatus } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";

export function StatusBadge({ status }: { status: TActionStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`actionStatus.${status}`)}</span>;
}
