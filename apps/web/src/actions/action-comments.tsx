import { ZCreateCommentRequest } from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { addComment, fetchActionComments, withdrawComment } from "../api/actions.ts";
import { queryKeys } from "../api/query-keys.ts";
import { ErrorMessage } from "../components/error-message.tsx";
import { formatDateTime } from "../components/format.ts";
import { Field } from "../forms/field.tsx";
import { FormButtons } from "../forms/form-buttons.tsx";
import { useSchemaForm } from "../forms/use-schema-form.ts";
import { useMe } from "../session/session.tsx";
import { MentionPicker } from "./mention-picker.tsx";

/** The author's way to take a comment back, after a second click. */
function WithdrawComment({ commentId, onDone }: { commentId: string; onDone(): void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => withdrawComment(commentId),
    onSuccess: onDone,
  });
  if (!asking) {
    return (
      <button type="button" className="button-quiet" onClick={() => setAsking(true)}>
        {t("comments.withdraw")}
      </button>
    );
  }
  return (
    <p className="confirm-inline">
      {t("comments.withdrawQuestion")}{" "}
      <button
        type="button"
        className="button-danger"
        disabled={withdraw.isPending}
        onClick={() => withdraw.mutate()}
      >
        {t("comments.withdrawYes")}
      </button>{" "}
      <button type="button" className="button-quiet" onClick={() => setAsking(false)}>
        {t("common.cancel")}
      </button>
      <ErrorMessage error={withdraw.error} />
    </p>
  );
}

export function ActionComments({ actionId, caseId }: { actionId: string; caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const comments = useQuery({
    queryKey: queryKeys.actionComments(actionId),
    queryFn: () => fetchActionComments(actionId),
  });
  const form = useSchemaForm({
    schema: ZCreateCommentRequest,
    initial: { body: "", mentionedUserIds: [] as string[] },
    toInput: ({ body, mentionedUserIds }) =>
      mentionedUserIds.length > 0 ? { body, mentionedUserIds } : { body },
    send: (body) => addComment(actionId, body),
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.action(actionId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId) });
    },
    resetOnSaved: true,
  });
  return (
    <div className="comments">
      <ErrorMessage error={comments.error} />
      {comments.data && comments.data.comments.length > 0 ? (
        <ol className="comment-list">
          {comments.data.comments.map((comment) => (
            <li key={comment.id}>
              <p className="comment-meta">
                {comment.author.displayName} ({comment.agency.name}),{" "}
                {formatDateTime(comment.createdAt)}
              </p>
              {comment.withdrawnAt ? (
                <p className="comment-body muted">
                  {t("comments.withdrawn", { date: formatDateTime(comment.withdrawnAt) })}
                </p>
              ) : (
                <p className="comment-body">{comment.body}</p>
              )}
              {comment.author.id === me.user.id && !comment.withdrawnAt ? (
                <WithdrawComment
                  commentId={comment.id}
                  onDone={() => {
                    void queryClient.invalidateQueries({ queryKey: queryKeys.action(actionId) });
                  }}
                />
              ) : null}
            </li>
          ))}
        </ol>
      ) : comments.data ? (
        <p className="muted">{t("comments.none")}</p>
      ) : null}
      <form onSubmit={form.submit} className="comment-form" noValidate>
        <Field label={t("comments.new")} error={form.errors.body}>
          {(props) => <textarea {...props} {...form.bind("body")} rows={2} />}
        </Field>
        <MentionPicker
          caseId={caseId}
          meId={me.user.id}
          value={form.draft.mentionedUserIds}
          onChange={(ids) => form.set("mentionedUserIds", ids)}
          error={form.errors.mentionedUserIds}
        />
        <FormButtons label={t("comments.submit")} tone="plain" form={form} />
      </form>
    </div>
  );
}
