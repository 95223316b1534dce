import { type TSteeringTopic, ZSteeringThemesQuery } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { queryKeys } from "../../api/query-keys.ts";
import { fetchSteeringThemes, fetchSteeringTopics } from "../../api/steering.ts";
import { fetchSteeringMembership } from "../../api/steering-membership.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { useThemes } from "../../components/use-themes.ts";
import { paths } from "../../routes/paths.ts";
import { DecisionForm, NewTopicForm, TopicStateForm } from "./topic-forms.tsx";

/** The period lives in the address, so a view can be bookmarked and passed on. */
function readPeriod(params: URLSearchParams) {
  const parsed = ZSteeringThemesQuery.safeParse({
    from: params.get("von") || undefined,
    to: params.get("bis") || undefined,
  });
  return parsed.success ? parsed.data : {};
}

/**
 * The steering group's page: obstacle themes counted across all cases, and its topics.
 * It never shows a case: the counts are all of the cases that reach it.
 */
export function SteeringPage() {
  const { t } = useTranslation();
  const membership = useQuery({
    queryKey: queryKeys.steeringMembership,
    queryFn: fetchSteeringMembership,
  });
  if (membership.isPending) return <Loading label={t("common.loading")} />;
  if (!membership.data?.member) {
    return (
      <Page title={t("steering.title")}>
        <ErrorMessage error={membership.error} />
        <p>{t("steering.notMember")}</p>
      </Page>
    );
  }
  return (
    <Page
      title={t("steering.title")}
      actions={
        <Link className="button" to={paths.actionPlan}>
          {t("steering.actionPlanLink")}
        </Link>
      }
    >
      <p className="lead">{t("steering.intro")}</p>
      <ThemesSection />
      <TopicsSection />
    </Page>
  );
}

function ThemesSection() {
  const { t } = useTranslation();
  const catalogue = useThemes();
  const [params, setParams] = useSearchParams();
  const period = readPeriod(params);
  const [from, setFrom] = useState(period.from ?? "");
  const [to, setTo] = useState(period.to ?? "");
  const themes = useQuery({
    queryKey: queryKeys.steeringThemes(period),
    queryFn: () => fetchSteeringThemes(period),
    placeholderData: (previous) => previous,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const search = new URLSearchParams();
    if (from) search.set("von", from);
    if (to) search.set("bis", to);
    setParams(search);
  };
  const threshold = themes.data?.threshold ?? 5;
  return (
    <section aria-labelledby="steering-themes">
      <h2 id="steering-themes">{t("steering.themesTitle")}</h2>
      <p>{t("steering.themesIntro", { k: threshold })}</p>
      <form className="filters" onSubmit={submit}>
        <label className="filter">
          {t("steering.from")}
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label className="filter">
          {t("steering.to")}
          <input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <button type="submit" className="button">
          {t("steering.show")}
        </button>
      </form>
      <ErrorMessage error={themes.error} />
      {themes.isPending ? <Loading label={t("common.loading")} /> : null}
      {themes.data ? (
        <table className="data-table">
          <caption className="visually-hidden">{t("steering.themesTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("steering.theme")}</th>
              <th scope="col">{t("steering.cases")}</th>
              <th scope="col">{t("steering.obstacles")}</th>
            </tr>
          </thead>
          <tbody>
            {themes.data.themes.map((row) => (
              <tr key={row.theme}>
                <th scope="row">{catalogue.label(row.theme)}</th>
                {row.shown ? (
                  <>
                    <td>{row.caseCount}</td>
                    <td>
                      <ul>
                        {row.obstacles.map((obstacle, index) => (
                          // Obstacles have no identity of their own here; their order is stable.
                          // biome-ignore lint/suspicious/noArrayIndexKey: see above
                          <li key={index}>
                            {obstacle.description}
                            {obstacle.proposedFix ? (
                              <span className="muted">
                                {" "}
                                — {t("steering.proposal", { fix: obstacle.proposedFix })}
                              </span>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </>
                ) : (
                  <td colSpan={2} className="muted">
                    {t("steering.fewerThan", { k: threshold })}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function TopicsSection() {
  const { t } = useTranslation();
  const topics = useQuery({ queryKey: queryKeys.steeringTopics, queryFn: fetchSteeringTopics });
  return (
    <section aria-labelledby="steering-topics">
      <h2 id="steering-topics">{t("steering.topicsTitle")}</h2>
      <NewTopicForm />
      <ErrorMessage error={topics.error} />
      {topics.isPending ? <Loading label={t("common.loading")} /> : null}
      {topics.data?.topics.length === 0 ? <p className="empty">{t("steering.noTopics")}</p> : null}
      <ul className="admin-list">
        {topics.data?.topics.map((topic) => (
          <TopicItem key={topic.id} topic={topic} />
        ))}
      </ul>
    </section>
  );
}

function TopicItem({ topic }: { topic: TSteeringTopic }) {
  const { t } = useTranslation();
  const themes = useThemes();
  const state =
    topic.state === "passed_on"
      ? t("steering.state.passedOnTo", { body: topic.passedTo ?? "" })
      : t(`steering.state.${topic.state}`);
  return (
    <li>
      <h3>{topic.title}</h3>
      <p>
        {themes.label(topic.theme)} · <strong>{state}</strong>
      </p>
      {topic.description ? <p>{topic.description}</p> : null}
      {topic.decisions.length > 0 ? (
        <>
          <h4>{t("steering.decisions")}</h4>
          <ul>
            {topic.decisions.map((decision) => (
              <li key={decision.id}>
                {decision.text}{" "}
                <span className="muted">
                  ({decision.decidedBy?.displayName ?? t("steering.someone")},{" "}
                  {formatDateTime(decision.decidedAt)})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <TopicStateForm topic={topic} />
      <DecisionForm topic={topic} />
    </li>
  );
}
