import {
  type TWorkingGroupDetail,
  type TWorkingGroupTopic,
  WORKING_GROUP_TOPIC_PROGRESS,
  ZAssignTopicRequest,
  ZUpdateWorkingGroupTopicRequest,
} from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys.ts";
import { fetchSteeringTopics } from "../../api/steering.ts";
import { assignWorkingGroupTopic, updateWorkingGroupTopic } from "../../api/working-groups.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { useStoreGroup } from "./group-members.tsx";

/** The steering group gives one of its topics that this group does not work on yet. */
function AssignTopicForm({ group }: { group: TWorkingGroupDetail }) {
  const { t } = useTranslation();
  const store = useStoreGroup();
  const topics = useQuery({ queryKey: queryKeys.steeringTopics, queryFn: fetchSteeringTopics });
  const form = useSchemaForm({
    personalDataOverride: false,
    schema: ZAssignTopicRequest,
    initial: { topicId: "" },
    send: (body) => assignWorkingGroupTopic(group.id, body.topicId),
    onSaved: store,
    resetOnSaved: true,
  });
  const here = new Set(group.topics.map((topic) => topic.topicId));
  const offered = topics.data?.topics.filter((topic) => !here.has(topic.id)) ?? [];
  return (
    <form className="inline-form" onSubmit={form.submit} noValidate>
      <Field label={t("workingGroups.assignTopic")} error={form.errors.topicId}>
        {(props) => (
          <select {...props} {...form.bind("topicId")}>
            <option value="">{t("common.choose")}</option>
            {offered.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorMessage error={topics.error} />
      <FormButtons label={t("workingGroups.giveTopic")} form={form} />
    </form>
  );
}

/** How far the group got, and what it found; the result passes the personal-data guard. */
function TopicProgressForm({
  group,
  topic,
}: {
  group: TWorkingGroupDetail;
  topic: TWorkingGroupTopic;
}) {
  const { t } = useTranslation();
  const store = useStoreGroup();
  const form = useSchemaForm({
    personalDataOverride: false,
    schema: ZUpdateWorkingGroupTopicRequest,
    initial: { progress: topic.progress as string, result: topic.result ?? "" },
    toInput: (draft) => ({
      progress: draft.progress,
      result: draft.result.trim() ? draft.result : null,
    }),
    send: (body) => updateWorkingGroupTopic(group.id, topic.topicId, body),
    onSaved: store,
  });
  return (
    <form className="inline-form" onSubmit={form.submit} noValidate>
      <Field
        label={t("workingGroups.progressOf", { title: topic.title })}
        error={form.errors.progress}
      >
        {(props) => (
          <select {...props} {...form.bind("progress")}>
            {WORKING_GROUP_TOPIC_PROGRESS.map((progress) => (
              <option key={progress} value={progress}>
                {t(`workingGroups.progress.${progress}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("workingGroups.resultOf", { title: topic.title })} error={form.errors.result}>
        {(props) => <textarea {...props} {...form.bind("result")} rows={3} />}
      </Field>
      <FormButtons label={t("workingGroups.saveTopic")} form={form} />
    </form>
  );
}

export function GroupTopics({ group }: { group: TWorkingGroupDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="group-topics" className="group-section">
      <h2 id="group-topics">{t("workingGroups.topics")}</h2>
      {group.topics.length === 0 ? <p className="empty">{t("workingGroups.noTopics")}</p> : null}
      <ul className="admin-list">
        {group.topics.map((topic) => (
          <li key={topic.topicId}>
            <h3>{topic.title}</h3>
            <p>
              {t(`theme.${topic.theme}`)} ·{" "}
              <strong>{t(`workingGroups.topicState.${topic.state}`)}</strong> ·{" "}
              {t(`workingGroups.progress.${topic.progress}`)}
            </p>
            {topic.description ? <p>{topic.description}</p> : null}
            {group.member ? (
              <TopicProgressForm group={group} topic={topic} />
            ) : topic.result ? (
              <p>{topic.result}</p>
            ) : null}
          </li>
        ))}
      </ul>
      {group.canManage ? <AssignTopicForm group={group} /> : null}
    </section>
  );
}
