import type { TNotification } from "@runder-tisch/contracts";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "../../api/notifications.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { paths } from "../../routes/paths.ts";

const PAGE_SIZE = 30;

/**
 * Where a notification leads: the conference for conference news, a request from another
 * agency to the requests page (its case is not visible yet), else the action's case.
 */
function targetOf(notification: TNotification): string | null {
  if (notification.kind === "referral_requested") return paths.referrals;
  if (notification.conferenceId && notification.kind.startsWith("conference_")) {
    return paths.conference(notification.conferenceId);
  }
  return notification.caseId ? paths.case(notification.caseId) : null;
}

function NotificationItem({ notification }: { notification: TNotification }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const markRead = useMutation({
    mutationFn: () => markNotificationRead(notification.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
  const text = t(`notifications.kind.${notification.kind}`, {
    label: notification.label ?? t("notifications.noLabel"),
  });
  const target = targetOf(notification);
  const state = notification.read ? t("notifications.read") : t("notifications.unread");
  return (
    <li className={notification.read ? "notification" : "notification notification-unread"}>
      <span className="visually-hidden">{state}: </span>
      {target ? (
        <Link
          to={target}
          onClick={() => {
            if (!notification.read) markRead.mutate();
          }}
        >
          {text}
        </Link>
      ) : (
        <span>{text}</span>
      )}
      <span className="notification-meta">
        {notification.caseCode ? `${notification.caseCode} · ` : ""}
        <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
      </span>
      {notification.read ? null : (
        <button
          type="button"
          className="button-quiet"
          onClick={() => markRead.mutate()}
          disabled={markRead.isPending}
        >
          {t("notifications.markRead")}
        </button>
      )}
    </li>
  );
}

/** What I was told about, newest first; reading one marks it read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ pageParam }) =>
      fetchNotifications({ limit: PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const markAll = useMutation({
    mutationFn: markAllNotificationsRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
  const notifications = list.data?.pages.flatMap((page) => page.notifications) ?? [];
  const anyUnread = notifications.some((notification) => !notification.read);
  return (
    <Page
      title={t("notifications.title")}
      actions={
        <button
          type="button"
          className="button"
          onClick={() => markAll.mutate()}
          disabled={!anyUnread || markAll.isPending}
        >
          {t("notifications.markAllRead")}
        </button>
      }
    >
      {list.isPending ? (
        <Loading label={t("common.loading")} />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : notifications.length === 0 ? (
        <p>{t("notifications.empty")}</p>
      ) : (
        <>
          <ul className="notification-list">
            {notifications.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} />
            ))}
          </ul>
          {list.hasNextPage ? (
            <button
              type="button"
              className="button-quiet"
              onClick={() => void list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
            >
              {t("notifications.more")}
            </button>
          ) : null}
        </>
      )}
    </Page>
  );
}
