import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { queryKeys } from "../../api/query-keys.ts";
import { fetchWorkingGroup } from "../../api/working-groups.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { paths } from "../../routes/paths.ts";
import { GroupActions } from "./group-actions.tsx";
import { GroupMeetings } from "./group-meetings.tsx";
import { GroupMembers } from "./group-members.tsx";
import { GroupTopics } from "./group-topics.tsx";

/** One working group: who is in it, its topics, its meetings and the actions it gave out. */
export function WorkingGroupPage() {
  const { t } = useTranslation();
  const { groupId = "" } = useParams();
  const group = useQuery({
    queryKey: queryKeys.workingGroup(groupId),
    queryFn: () => fetchWorkingGroup(groupId),
  });
  if (group.isPending) return <Loading label={t("common.loading")} />;
  if (group.error) {
    return (
      <Page title={t("workingGroups.title")}>
        <ErrorMessage error={group.error} />
        <p>
          <Link to={paths.workingGroups}>{t("workingGroups.back")}</Link>
        </p>
      </Page>
    );
  }
  const detail = group.data;
  return (
    <Page title={detail.name}>
      <p>
        <Link to={paths.workingGroups}>{t("workingGroups.back")}</Link>
      </p>
      {detail.purpose ? <p className="lead">{detail.purpose}</p> : null}
      <GroupMembers group={detail} />
      <GroupTopics group={detail} />
      <GroupMeetings group={detail} />
      <GroupActions group={detail} />
    </Page>
  );
}
