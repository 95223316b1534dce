import {
  STEERING_TOPIC_STATES,
  type TSteeringTopic,
  ZCreateSteeringTopicRequest,
  ZRecordSteeringDecisionRequest,
  ZSetSteeringTopicStateRequest,
} from "@runder-tisch/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys.ts";
import {
  createSteeringTopic,
  recordSteeringDecision,
  setSteeringTopicState,
} from "../../api/steering.ts";
import { ThemeOptions } from "../../components/theme-options.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

function useRefreshTopics() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: queryKeys.steeringTopics });
}

/** Opens a topic; its texts pass the personal-data guard on the server. */
export function NewTopicForm() {
  const { t } = useTranslation();
  const refresh = useRefreshTopics();
  const form = useSchemaForm({
    personalDataOverride: false,
    schema: ZCreateSteeringTopicRequest,
    initial: { title: "", theme: "", description: "" },
    send: createSteeringTopic,
    onSaved: refresh,
    resetOnSaved: true,
  });
  return (
    <form className="form-card" onSubmit={form.submit} noValidate>
      <h3>{t("steering.newTopic")}</h3>
      <Field label={t("steering.topicTitle")} error={form.errors.title}>
        {(props) => <input {...props} {...form.bind("title")} />}
      </Field>
      <Field label={t("steering.theme")} error={form.errors.theme}>
        {(props) => (
          <select {...props} {...form.bind("theme")}>
            <ThemeOptions emptyLabel={t("common.choose")} offeredOnly />
          </select>
        )}
      </Field>
      <Field label={t("steering.topicDescription")} error={form.errors.description}>
        {(props) => <textarea {...props} {...form.bind("description")} rows={3} />}
      </Field>
      <FormButtons label={t("steering.openTopic")} form={form} />
    </form>
  );
}

/** Where the topic stands; a topic passed on names the body it went to. */
export function TopicStateForm({ topic }: { topic: TSteeringTopic }) {
  const { t } = useTranslation();
  const refresh = useRefreshTopics();
  const form = useSchemaForm({
    personalDataOverride: false,
    schema: ZSetSteeringTopicStateRequest,
    initial: { state: topic.state as string, passedTo: topic.passedTo ?? "" },
    toInput: (draft) => ({
      state: draft.state,
      ...(draft.state === "passed_on" ? { passedTo: draft.passedTo } : {}),
    }),
    send: (body) => setSteeringTopicState(topic.id, body),
    onSaved: refresh,
  });
  return (
    <form className="inline-form" onSubmit={form.submit} noValidate>
      <Field label={t("steering.stateLabel", { title: topic.title })} error={form.errors.state}>
        {(props) => (
          <select {...props} {...form.bind("state")}>
            {STEERING_TOPIC_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`steering.state.${state}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {form.draft.state === "passed_on" ? (
        <Field label={t("steering.passedTo")} error={form.errors.passedTo}>
          {(props) => <input {...props} {...form.bind("passedTo")} />}
        </Field>
      ) : null}
      <FormButtons label={t("steering.setState")} form={form} />
    </form>
  );
}

export function DecisionForm({ topic }: { topic: TSteeringTopic }) {
  const { t } = useTranslation();
  const refresh = useRefreshTopics();
  const form = useSchemaForm({
    personalDataOverride: false,
    schema: ZRecordSteeringDecisionRequest,
    initial: { text: "" },
    send: (body) => recordSteeringDecision(topic.id, body.text),
    onSaved: refresh,
    resetOnSaved: true,
  });
  return (
    <form className="inline-form" onSubmit={form.submit} noValidate>
      <Field label={t("steering.decisionLabel", { title: topic.title })} error={form.errors.text}>
        {(props) => <textarea {...props} {...form.bind("text")} rows={2} />}
      </Field>
      <FormButtons label={t("steering.recordDecision")} form={form} />
    </form>
  );
}
