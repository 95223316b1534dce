import { findPii } from "../src/detect.ts";

/**
 * Adversarial inputs for the patterns: long runs of what the rules look for. A pattern that
 * backtracks catastrophically grows quadratically or worse; linear growth is 10x for 10x text.
 * Shared by the test (src/pathological.test.ts) and the report.
 */
export const ADVERSARIAL_PATTERNS: Record<string, string> = {
  "digit run": "1234567890",
  "spaced digits": "12 ",
  "capitalised names": "Camara Diallo Okafor Mensah ",
  "names in capitals": "DIALLO MAMADOU ",
  "foreign-looking pairs": "Kpakpo Quaye ",
  "geb. ": "geb. ",
  "Herr ": "Herr ",
  "Name: ": "Name: ",
  "list label": "Verteiler: Becker, ",
  initials: "K.-H. ",
  particles: "van der ",
  dots: ".",
  slashes: "/",
  dashes: "-",
  "dates in a row": "12.03.1998 ",
  "names with dates": "Amina Diallo (12.03.1998), ",
  "glued phone labels": "Tel.0521/",
  "IBAN groups": "DE89 3704 ",
  "file number cues": "Az. 12-",
  "document cues": "Duldung Nr. 1 ",
};

export const repeatTo = (pattern: string, length: number) =>
  pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);

/** Milliseconds of CPU this process spent, in user and system mode. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
}

/**
 * Fastest of a few runs of each text, interleaved. Counted in CPU time of this process, not
 * on the clock: on a shared machine the clock also counts the time other processes had the
 * core, which says nothing about how the pattern grows. The minimum is what the code costs.
 */
export function fastestRuns(texts: string[], rounds = 7): number[] {
  const best = texts.map(() => Number.POSITIVE_INFINITY);
  for (let round = 0; round < rounds; round += 1) {
    texts.forEach((text, index) => {
      const started = cpuMs();
      findPii(text);
      best[index] = Math.min(best[index] ?? Number.POSITIVE_INFINITY, cpuMs() - started);
    });
  }
  return best;
}

/** 10 kB and 100 kB of one pattern, warmed up, fastest runs in milliseconds. */
export function timePattern(pattern: string): { small: number; large: number } {
  const small = repeatTo(pattern, 10_000);
  const large = repeatTo(pattern, 100_000);
  // Warm up both sizes so the JIT and the regex caches do not count against the small run.
  findPii(small);
  findPii(large);
  const [smallTime = 0, largeTime = 0] = fastestRuns([small, large]);
  return { small: smallTime, large: largeTime };
}
