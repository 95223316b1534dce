import fp from "fastify-plugin";
import { DomainEvents } from "../events/domain-events.ts";

declare module "fastify" {
  interface FastifyInstance {
    events: DomainEvents;
  }
}

export const domainEventsPlugin = fp(
  async (app, options: { events?: DomainEvents }) => {
    app.decorate("events", options.events ?? new DomainEvents());
  },
  { name: "domain-events" },
);
