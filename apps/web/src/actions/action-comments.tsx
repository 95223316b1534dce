import { ZCreateCommentRequest } from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/endpoints.ts";
import { queryKeys } from "../api/query-keys.ts";
import { ErrorMessage } from "../components/error-message.tsx";
import { Field } from "../components/field.tsx";
import { type FieldError, fieldErrors } from "../components/form-errors.ts";
import { formatDateTime } from "../components/format.ts";

export function ActionComments({ actionId, caseId }: { actionId: string; caseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const [error, setError] = useState<FieldError | undefined>();
  const comments = useQuery({
    queryKey: [...queryKeys.action(actionId), "comments"],
    queryFn: () => api.comments(actionId),
  });
  const add = useMutation({
    mutationFn: (text: string) => api.addComment(actionId, { body: text }),
    onSuccess: () => {
      setBody("");
      void queryClient.invalidateQueries({ queryKey: queryKeys.action(actionId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(caseId) });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { body };
    const parsed = ZCreateCommentRequest.safeParse(input);
    if (!parsed.success) {
      setError(fieldErrors(parsed.error, input).body);
      return;
    }
    setError(undefined);
    add.mutate(parsed.data.body);
  }
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
              <p className="comment-body">{comment.body}</p>
            </li>
          ))}
        </ol>
      ) : comments.data ? (
        <p className="muted">{t("comments.none")}</p>
      ) : null}
      <form onSubmit={submit} className="comment-form" noValidate>
        <Field label={t("comments.new")} error={error}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              value={body}
              onChange={(event) => setBody(event.target.value)}
            />
          )}
        </Field>
        <ErrorMessage error={add.error} />
        <button type="submit" className="button" disabled={add.isPending}>
          {t("comments.submit")}
        </button>
      </form>
    </div>
  );
}
