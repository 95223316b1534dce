import type { TAgencyKind, TUserRole } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { DEMO_AGENCIES, DEMO_DOMAIN } from "@runder-tisch/db/seed";
import { inArray, like } from "drizzle-orm";
import { type Actor, actorFrom } from "../policies/actor.ts";

interface DemoPerson {
  id: string;
  email: string;
  displayName: string;
  role: TUserRole;
}

/** The demo Kreis's agencies and people, by the slugs and logins the demo gives them. */
export interface DemoDirectory {
  agencyId(slug: string): string;
  /** The agency's member (Fachkraft): records, writes and reviews in the demo. */
  member(slug: string): DemoPerson;
  /** The agency's coordinator, who finalises minutes as the actor the product requires. */
  coordinatorActor(slug: string): Actor;
  person(email: string): DemoPerson | undefined;
}

/** Null when the database does not hold the demo Kreis (another Kreis, or none yet). */
export async function loadDemoDirectory(db: Executor): Promise<DemoDirectory | null> {
  const agencies = await db
    .select({ id: schema.agencies.id, name: schema.agencies.name, kind: schema.agencies.kind })
    .from(schema.agencies)
    .where(
      inArray(
        schema.agencies.name,
        DEMO_AGENCIES.map((agency) => agency.name),
      ),
    );
  const people = await db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      displayName: schema.users.displayName,
      role: schema.users.role,
    })
    .from(schema.users)
    .where(like(schema.users.email, `%@${DEMO_DOMAIN}`));
  const agencyBySlug = new Map<string, { id: string; name: string; kind: TAgencyKind }>();
  for (const demo of DEMO_AGENCIES) {
    const row = agencies.find((agency) => agency.name === demo.name);
    if (!row) return null;
    agencyBySlug.set(demo.slug, row);
  }
  const byEmail = new Map(people.map((person) => [person.email, person]));
  const agency = (slug: string) => {
    const row = agencyBySlug.get(slug);
    if (!row) throw new Error(`unknown demo agency ${slug}`);
    return row;
  };
  const login = (email: string) => {
    const person = byEmail.get(email);
    if (!person) throw new Error(`missing demo login ${email}`);
    return person;
  };
  return {
    agencyId: (slug) => agency(slug).id,
    member: (slug) => login(`${slug}@${DEMO_DOMAIN}`),
    coordinatorActor: (slug) =>
      actorFrom(login(`${slug}.koordination@${DEMO_DOMAIN}`), agency(slug)),
    person: (email) => byEmail.get(email),
  };
}
