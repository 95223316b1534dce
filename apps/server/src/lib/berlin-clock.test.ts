import { describe, expect, it } from "vitest";
import { berlinClock, berlinInstant } from "./time.ts";

// A Wiedervorlage at 10:00 stays at 10:00 on the Kreis's clocks, in winter and in summer.
describe("the Kreis's wall clock", () => {
  it("turns a day and a time in Germany into the instant, across the summer-time switches", () => {
    expect(berlinInstant("2027-01-14", 10, 0).toISOString()).toBe("2027-01-14T09:00:00.000Z");
    expect(berlinInstant("2027-07-01", 10, 0).toISOString()).toBe("2027-07-01T08:00:00.000Z");
    // The days the clocks change: the morning is already on the new time.
    expect(berlinInstant("2027-03-28", 10, 0).toISOString()).toBe("2027-03-28T08:00:00.000Z");
    expect(berlinInstant("2027-10-31", 10, 0).toISOString()).toBe("2027-10-31T09:00:00.000Z");
  });

  it("reads an instant back as the day and time people in the Kreis saw", () => {
    expect(berlinClock(new Date("2026-12-31T23:30:00Z"))).toEqual({
      day: "2027-01-01",
      hour: 0,
      minute: 30,
    });
  });
});
