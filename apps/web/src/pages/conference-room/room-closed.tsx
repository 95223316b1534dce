import { CloseCode } from "@runder-tisch/collab-protocol";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { paths } from "../../routes/paths.ts";

function reasonKey(code: number): string {
  switch (code) {
    case CloseCode.ACCESS_REVOKED:
      return "room.closed.revoked";
    case CloseCode.FORBIDDEN:
      return "room.closed.forbidden";
    case CloseCode.UNAUTHORISED:
      return "room.closed.unauthorised";
    case CloseCode.DOCUMENT_TOO_LARGE:
    case CloseCode.MESSAGE_TOO_LARGE:
      return "room.closed.tooLarge";
    default:
      return "room.closed.other";
  }
}

/** Replaces the room when the server ended the connection for good, and says why. */
export function RoomClosed({ code }: { code: number }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="room-closed" role="alert">
      <h2 ref={heading} tabIndex={-1}>
        {t("room.closed.title")}
      </h2>
      <p>{t(reasonKey(code))}</p>
      <p>
        {code === CloseCode.UNAUTHORISED ? (
          <Link to={paths.login}>{t("room.closed.login")}</Link>
        ) : (
          <Link to={paths.inbox}>{t("room.closed.back")}</Link>
        )}
      </p>
    </div>
  );
}
