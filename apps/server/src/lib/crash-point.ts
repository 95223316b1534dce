/*
 * Crash points let a test kill the server at one exact place (as a power cut
 * would) to prove that what must happen together does. The test starts the
 * server with RT_CRASH_POINT=<name>; nothing else sets it, and a production
 * server never honours it.
 */
const armed = process.env.NODE_ENV === "production" ? undefined : process.env.RT_CRASH_POINT;

export type CrashPointName = "audited-write:before-audit";

/** Ends the process on the spot, without any shutdown hook, if the test armed this point. */
export function crashPoint(name: CrashPointName): void {
  if (armed === name) process.kill(process.pid, "SIGKILL");
}
