import {
  addObstacle,
  changeObstacle,
  type Obstacle,
  readObstacles,
  withdrawObstacle,
} from "@runder-tisch/conference-doc";
import { ZConferenceObstacleInput } from "@runder-tisch/contracts";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { ThemeOptions } from "../../components/theme-options.tsx";
import { useThemes } from "../../components/use-themes.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { EditableEntry } from "./editable-entry.tsx";
import { guardRoomFields, roomTextGuard } from "./room-text-guard.ts";
import { useDocValue } from "./use-conference-connection.ts";

const emptyDraft = { theme: "", description: "", proposedFix: "" };
const readAll = (doc: Y.Doc) => readObstacles(doc);

/**
 * Obstacles the case ran into (Hindernisse), written without names: with finalising they
 * go into the minutes and, counted with other cases, to the steering group. Loaded only
 * when the room shows it, so the room's first load stays small.
 */
export function ObstaclePanel({
  doc,
  editable,
  by,
}: {
  doc: Y.Doc;
  editable: boolean;
  by: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const items = useDocValue(doc, readAll, []);
  return (
    <section aria-labelledby={headingId} className="room-panel">
      <h2 id={headingId}>{t("room.obstacles")}</h2>
      <p className="muted">{t("room.obstaclesHint")}</p>
      {items.length === 0 ? <p className="empty">{t("room.noObstacles")}</p> : null}
      <ul className="text-list">
        {items.map((item) => (
          <ObstacleEntry key={item.id} doc={doc} item={item} editable={editable} by={by} />
        ))}
      </ul>
      {editable ? <NewObstacleForm doc={doc} by={by} /> : null}
    </section>
  );
}

function ObstacleEntry({
  doc,
  item,
  editable,
  by,
}: {
  doc: Y.Doc;
  item: Obstacle;
  editable: boolean;
  by: string;
}) {
  const { t } = useTranslation();
  const themes = useThemes();
  return (
    <EditableEntry
      text={item.description}
      changedBy={item.changedBy}
      editable={editable}
      maxLength={500}
      guard={roomTextGuard(doc, by)}
      onChange={(description) => changeObstacle(doc, item.id, { ...item, description }, by)}
      onWithdraw={() => withdrawObstacle(doc, item.id)}
      display={
        <span>
          <strong>{themes.label(item.theme)}:</strong> {item.description}
          {item.proposedFix ? (
            <span className="muted"> — {t("room.obstacleFix", { fix: item.proposedFix })}</span>
          ) : null}
        </span>
      }
    />
  );
}

function NewObstacleForm({ doc, by }: { doc: Y.Doc; by: string }) {
  const { t } = useTranslation();
  const form = useSchemaForm({
    schema: ZConferenceObstacleInput,
    initial: emptyDraft,
    send: (obstacle) => {
      guardRoomFields(
        roomTextGuard(doc, by),
        { description: obstacle.description, proposedFix: obstacle.proposedFix },
        obstacle.notPersonalDataReason,
      );
      return addObstacle(doc, obstacle);
    },
    resetOnSaved: true,
  });
  return (
    <form className="form-card" onSubmit={form.submit} noValidate>
      <h3>{t("room.addObstacle")}</h3>
      <Field label={t("room.obstacleTheme")} error={form.errors.theme}>
        {(props) => (
          <select {...props} {...form.bind("theme")}>
            <ThemeOptions emptyLabel={t("common.choose")} offeredOnly />
          </select>
        )}
      </Field>
      <Field label={t("room.obstacleDescription")} error={form.errors.description}>
        {(props) => <input {...props} {...form.bind("description")} />}
      </Field>
      <Field label={t("room.obstacleProposedFix")} error={form.errors.proposedFix}>
        {(props) => <input {...props} {...form.bind("proposedFix")} />}
      </Field>
      <FormButtons label={t("room.saveObstacle")} form={form} />
    </form>
  );
}
