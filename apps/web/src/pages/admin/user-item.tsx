import type { TUser } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";
import { useDisclosure } from "../../components/disclosure.ts";
import { formatDateTime } from "../../components/format.ts";
import { useMe } from "../../session/session.tsx";
import { UserManagePanel } from "./user-manage-panel.tsx";
import { isLocked } from "./user-state.ts";

function UserState({ user }: { user: TUser }) {
  const { t } = useTranslation();
  if (user.disabled) return <span className="badge badge-cancelled">{t("users.disabled")}</span>;
  if (isLocked(user))
    return (
      <span className="badge badge-in_progress">
        {t("users.lockedUntil", { time: formatDateTime(user.lockedUntil) })}
      </span>
    );
  return <span className="badge badge-done">{t("users.active")}</span>;
}

/** Coordinators look after members and themselves; the admin after everyone. */
function mayManage(me: ReturnType<typeof useMe>, user: TUser): boolean {
  return me.user.role === "platform_admin" || user.role === "member" || user.id === me.user.id;
}

export function UserItem({
  user,
  agencyName,
  announce,
}: {
  user: TUser;
  agencyName: string | undefined;
  announce(text: string): void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const managing = useDisclosure();
  return (
    <li className="admin-item">
      <div className="admin-item-head">
        <div>
          <p className="admin-item-title">
            {user.displayName}
            {user.id === me.user.id ? ` (${t("users.you")})` : ""}
          </p>
          <p className="muted admin-item-meta">
            <span>{user.email}</span>
            <span>{t(`role.${user.role}`)}</span>
            {agencyName ? <span>{agencyName}</span> : null}
          </p>
        </div>
        <div className="admin-item-side">
          <UserState user={user} />
          {mayManage(me, user) && !managing.open ? (
            <button
              type="button"
              className="button"
              ref={managing.trigger}
              onClick={managing.show}
              aria-label={t("users.manageLabel", { name: user.displayName })}
            >
              {t("users.manage")}
            </button>
          ) : null}
        </div>
      </div>
      {!mayManage(me, user) ? <p className="muted">{t("users.managedByAdmin")}</p> : null}
      {managing.open ? (
        <UserManagePanel user={user} announce={announce} onClose={managing.hide} />
      ) : null}
    </li>
  );
}
