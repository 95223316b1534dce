import {
  ACTION_REVIEW_OUTCOMES,
  isActionPending,
  type TAction,
  type TActionReview,
  type TConference,
  ZReviewActionRequest,
} from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchConferenceReviews, reviewAction } from "../../api/conference-room.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { formatDay, isOverdue } from "../../components/format.ts";
import { StatusBadge } from "../../components/status-badge.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

interface CarriedGroup {
  key: string;
  /** Null: agreed outside any conference. */
  from: { title: string; scheduledAt: string } | null;
  actions: TAction[];
}

/**
 * What this conference reviews: every action of the case still to do that was agreed
 * before it (in an earlier conference or outside one), and what it already reviewed,
 * grouped by where it was agreed. A finalised conference shows only
 * what it reviewed.
 */
export function carriedOver(
  conference: TConference,
  actions: TAction[],
  reviewed: ReadonlySet<string>,
): CarriedGroup[] {
  const earlier = (action: TAction) =>
    action.conferenceId !== conference.id &&
    (action.conference === null || action.conference.scheduledAt < conference.scheduledAt);
  const carried = actions.filter(
    (action) =>
      reviewed.has(action.id) ||
      (conference.status !== "finalised" && earlier(action) && isActionPending(action.status)),
  );
  const groups = new Map<string, CarriedGroup>();
  for (const action of carried) {
    const key = action.conferenceId ?? "outside";
    const group = groups.get(key) ?? { key, from: action.conference, actions: [] };
    group.actions.push(action);
    groups.set(key, group);
  }
  // Oldest conference first; what was agreed outside conferences last.
  const order = (group: CarriedGroup) => group.from?.scheduledAt ?? "\uffff";
  return [...groups.values()].sort((a, b) => (order(a) < order(b) ? -1 : 1));
}

function ReviewForm({
  conferenceId,
  action,
  review,
  onDone,
}: {
  conferenceId: string;
  action: TAction;
  review: TActionReview | undefined;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useSchemaForm({
    schema: ZReviewActionRequest,
    initial: {
      outcome: review?.outcome ?? "done",
      note: review?.note ?? "",
      newDueDate: review?.newDueDate ?? "",
    },
    toInput: (draft) => ({
      ...draft,
      newDueDate: draft.newDueDate === "" ? null : draft.newDueDate,
    }),
    send: (body) => reviewAction(conferenceId, action.id, body),
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(action.caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
      onDone();
    },
  });
  const datePossible = form.draft.outcome === "in_progress" || form.draft.outcome === "not_done";
  return (
    <form
      onSubmit={form.submit}
      className="review-form"
      aria-label={t("room.reviewOf", { title: action.title })}
      noValidate
    >
      <fieldset>
        <legend>{t("room.reviewOutcome")}</legend>
        {ACTION_REVIEW_OUTCOMES.map((outcome) => (
          <label key={outcome} className="choice">
            <input
              type="radio"
              name={`outcome-${action.id}`}
              value={outcome}
              checked={form.draft.outcome === outcome}
              onChange={() => form.set("outcome", outcome)}
            />
            {t(`reviewOutcome.${outcome}`)}
          </label>
        ))}
      </fieldset>
      {datePossible ? (
        <Field label={t("room.reviewNewDue")} error={form.errors.newDueDate}>
          {(props) => <input {...props} type="date" {...form.bind("newDueDate")} />}
        </Field>
      ) : null}
      <Field label={t("room.reviewNote")} error={form.errors.note}>
        {(props) => <textarea {...props} rows={2} {...form.bind("note")} />}
      </Field>
      <FormButtons label={t("room.reviewSave")} tone="plain" form={form} onCancel={onDone} />
    </form>
  );
}

function CarriedAction({
  conferenceId,
  action,
  review,
  editable,
}: {
  conferenceId: string;
  action: TAction;
  review: TActionReview | undefined;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [reviewing, setReviewing] = useState(false);
  return (
    <li className="room-action">
      <p className="room-action-title">{action.title}</p>
      <p className="muted">
        {action.responsibleAgency.name}
        {action.dueDate ? ` · ${t("action.due")} ${formatDay(action.dueDate)}` : ""}
        {isOverdue(action.dueDate, action.status) ? ` · ${t("action.overdue")}` : ""}
      </p>
      <StatusBadge status={action.status} />
      {review ? (
        <p className="review-result">
          {t("room.reviewed", {
            outcome: t(`reviewResult.${review.outcome}`),
            agency: review.agency.name,
          })}
          {review.newDueDate
            ? `, ${t("room.reviewedDue", { date: formatDay(review.newDueDate) })}`
            : ""}
          {review.note ? ` – ${review.note}` : ""}
        </p>
      ) : null}
      {editable && action.canEdit && !reviewing ? (
        <button type="button" className="button" onClick={() => setReviewing(true)}>
          {review ? t("room.reviewAgain") : t("room.review")}
        </button>
      ) : null}
      {reviewing ? (
        <ReviewForm
          conferenceId={conferenceId}
          action={action}
          review={review}
          onDone={() => setReviewing(false)}
        />
      ) : null}
    </li>
  );
}

/** The review of what earlier conferences agreed: the Wiedervorlage starts here. */
export function CarryOver({
  conference,
  actions,
  editable,
}: {
  conference: TConference;
  actions: TAction[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const reviews = useQuery({
    queryKey: queryKeys.conferenceReviews(conference.caseId, conference.id),
    queryFn: () => fetchConferenceReviews(conference.id),
  });
  const byAction = new Map(
    (reviews.data?.reviews ?? []).map((review) => [review.actionId, review]),
  );
  const groups = carriedOver(conference, actions, new Set(byAction.keys()));
  const count = groups.reduce((sum, group) => sum + group.actions.length, 0);
  return (
    <section aria-labelledby={headingId} className="room-panel carry-over">
      <h2 id={headingId}>{t("room.carryOver")}</h2>
      {count === 0 ? (
        <p className="empty">{t("room.carryOverNone")}</p>
      ) : (
        <p className="muted">{t("room.carryOverSummary", { count, reviewed: byAction.size })}</p>
      )}
      {groups.map((group) => (
        <div key={group.key} className="carry-over-group">
          <h3>
            {group.from
              ? t("room.carryOverFrom", {
                  title: group.from.title,
                  date: formatDay(group.from.scheduledAt),
                })
              : t("room.carryOverOutside")}
          </h3>
          <ul className="room-actions">
            {group.actions.map((action) => (
              <CarriedAction
                key={action.id}
                conferenceId={conference.id}
                action={action}
                review={byAction.get(action.id)}
                editable={editable}
              />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
