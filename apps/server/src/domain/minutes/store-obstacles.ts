import type { TMinutesContent } from "@runder-tisch/contracts";
import { schema, type Transaction } from "@runder-tisch/db";
import { eq } from "drizzle-orm";

/**
 * Copies the obstacles of the minutes just sealed into their table, where the steering
 * group's counts read them. A newer version of the same minutes replaces the older rows,
 * so a conference counts once.
 */
export async function storeObstacles(
  tx: Transaction,
  content: TMinutesContent,
  finalisedAt: Date,
): Promise<void> {
  await tx
    .delete(schema.conferenceObstacles)
    .where(eq(schema.conferenceObstacles.conferenceId, content.conference.id));
  const obstacles = content.obstacles ?? [];
  if (obstacles.length === 0) return;
  await tx.insert(schema.conferenceObstacles).values(
    obstacles.map((obstacle) => ({
      conferenceId: content.conference.id,
      caseId: content.case.id,
      theme: obstacle.theme,
      description: obstacle.description,
      proposedFix: obstacle.proposedFix,
      finalisedAt,
    })),
  );
}
