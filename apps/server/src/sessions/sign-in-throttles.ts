import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";

/** A coordinator lifts every pause of an account's sign-in, from whatever address. */
export async function liftSignInPauses(db: Executor, email: string): Promise<void> {
  await db
    .delete(schema.signInThrottles)
    .where(eq(schema.signInThrottles.email, email.toLowerCase()));
}
