import {
  isThemeKey,
  type TCaseTheme,
  type TSteeringTheme,
  type TSteeringThemesQuery,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, countDistinct, inArray, type SQL, sql } from "drizzle-orm";
import { checkMinutesText } from "../minutes/pii-check.ts";
import { loadThemeCatalogue } from "../themes/theme-catalogue.ts";

const obstacles = schema.conferenceObstacles;

/** The Berlin day the minutes were finalised on, the day people speak of. */
const finalisedDay = sql`(${obstacles.finalisedAt} at time zone 'Europe/Berlin')::date`;

function inPeriod(period: TSteeringThemesQuery): SQL | undefined {
  return and(
    period.from ? sql`${finalisedDay} >= ${period.from}::date` : undefined,
    period.to ? sql`${finalisedDay} <= ${period.to}::date` : undefined,
  );
}

/**
 * Obstacles of finalised minutes counted per theme: how many distinct cases name each
 * theme in the period. Only a theme named by at least `threshold` cases shows its count
 * and descriptions; below it the theme says nothing more than that it is below, so no
 * single case can be picked out. No case id or code leaves this function. The themes are
 * the catalogue's active ones and every theme obstacles name (one switched off since, or
 * a key the catalogue never had), in catalogue order and then by key.
 */
export async function countObstacleThemes(
  db: Executor,
  period: TSteeringThemesQuery,
  threshold: number,
): Promise<TSteeringTheme[]> {
  const counts = await db
    .select({ theme: obstacles.theme, cases: countDistinct(obstacles.caseId) })
    .from(obstacles)
    .where(inPeriod(period))
    .groupBy(obstacles.theme);
  const caseCount = new Map<string, number>(counts.map((row) => [row.theme, row.cases]));
  const themeKeys = await themesToCount(db, caseCount);
  const shownThemes = themeKeys.filter((theme) => (caseCount.get(theme) ?? 0) >= threshold);
  const texts =
    shownThemes.length === 0
      ? []
      : await db
          .select({
            theme: obstacles.theme,
            description: obstacles.description,
            proposedFix: obstacles.proposedFix,
          })
          .from(obstacles)
          .where(and(inPeriod(period), inArray(obstacles.theme, shownThemes)))
          .orderBy(asc(obstacles.finalisedAt), asc(obstacles.id));
  return themeKeys.map((theme: TCaseTheme): TSteeringTheme => {
    if (!shownThemes.includes(theme)) return { theme, shown: false };
    return {
      theme,
      shown: true,
      caseCount: caseCount.get(theme) ?? 0,
      obstacles: texts
        .filter((row) => row.theme === theme && isAnonymous(row.description))
        .map((row) => ({
          description: row.description,
          // A proposal the guard flags is left out; the obstacle itself still counts.
          proposedFix: row.proposedFix && isAnonymous(row.proposedFix) ? row.proposedFix : null,
        })),
    };
  });
}

async function themesToCount(
  db: Executor,
  caseCount: ReadonlyMap<string, number>,
): Promise<TCaseTheme[]> {
  const catalogue = await loadThemeCatalogue(db);
  const listed = new Set<string>(catalogue.map((theme) => theme.key));
  const inCatalogue = catalogue
    .filter((theme) => theme.active || caseCount.has(theme.key))
    .map((theme) => theme.key);
  const unlisted = [...caseCount.keys()]
    .filter((key): key is TCaseTheme => !listed.has(key) && isThemeKey(key))
    .sort();
  return [...inCatalogue, ...unlisted];
}

/**
 * Minutes can be finalised despite a finding (with a reason, for the case's own
 * agencies); what the steering group reads from them is checked once more, and a
 * flagged text is not shown to it at all.
 */
function isAnonymous(text: string): boolean {
  return checkMinutesText(text).length === 0;
}
