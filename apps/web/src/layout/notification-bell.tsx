import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { fetchUnreadNotificationCount } from "../api/notification-count.ts";
import { queryKeys } from "../api/query-keys.ts";
import { usePollingFallback } from "../live/live-events.tsx";
import { paths } from "../routes/paths.ts";

/**
 * The bell in the header: a link to the notifications with the unread count in its name,
 * kept current by the live event stream (or by polling while it is missing).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useQuery({
    queryKey: queryKeys.unreadNotifications,
    queryFn: fetchUnreadNotificationCount,
    refetchInterval: usePollingFallback(),
  });
  const count = unread.data?.unread ?? 0;
  return (
    <NavLink
      to={paths.notifications}
      className="button-quiet button-link notification-bell"
      aria-label={t("nav.notificationsBell", { count })}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {count > 0 ? (
        <span className="notification-count" aria-hidden="true">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </NavLink>
  );
}
