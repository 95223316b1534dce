import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  createCalendarFeed,
  fetchCalendarFeed,
  revokeCalendarFeed,
} from "../../api/calendar-feed.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDateTime } from "../../components/format.ts";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";

/**
 * The personal calendar feed address. The server keeps only a hash of it, so the address
 * is shown once, right after it is made; later the panel can only say that one exists.
 */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useStatusMessage();
  const [address, setAddress] = useState<string | null>(null);
  const feed = useQuery({ queryKey: queryKeys.calendarFeed, queryFn: fetchCalendarFeed });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarFeed });
  const create = useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: (created) => {
      setAddress(created.url);
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: () => {
      setAddress(null);
      status.announce(t("calendarFeed.revoked"));
      void refresh();
    },
  });
  const copy = async (url: string) => {
    await navigator.clipboard.writeText(url);
    status.announce(t("calendarFeed.copied"));
  };
  const active = feed.data?.active === true;

  return (
    <section className="panel" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">{t("calendarFeed.title")}</h2>
      <p>{t("calendarFeed.explain")}</p>
      <p>{t("calendarFeed.secret")}</p>
      <StatusMessage message={status.message} />
      {feed.error ? <ErrorMessage error={feed.error} /> : null}
      {feed.data ? (
        <p>
          {active
            ? t("calendarFeed.active", { createdAt: formatDateTime(feed.data.createdAt) })
            : t("calendarFeed.none")}
          {feed.data.lastUsedAt
            ? ` ${t("calendarFeed.lastUsed", { lastUsedAt: formatDateTime(feed.data.lastUsedAt) })}`
            : ""}
        </p>
      ) : null}
      {address ? (
        <p>
          <label htmlFor="calendar-feed-address">{t("calendarFeed.address")}</label>
          <input
            id="calendar-feed-address"
            type="text"
            readOnly
            value={address}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button" onClick={() => void copy(address)}>
            {t("calendarFeed.copy")}
          </button>
        </p>
      ) : null}
      <p>
        <button
          type="button"
          className="button"
          disabled={create.isPending}
          onClick={() => create.mutate()}
        >
          {active ? t("calendarFeed.renew") : t("calendarFeed.create")}
        </button>{" "}
        {active ? (
          <button
            type="button"
            className="button"
            disabled={revoke.isPending}
            onClick={() => revoke.mutate()}
          >
            {t("calendarFeed.revoke")}
          </button>
        ) : null}
      </p>
      {create.error ? <ErrorMessage error={create.error} /> : null}
      {revoke.error ? <ErrorMessage error={revoke.error} /> : null}
    </section>
  );
}
