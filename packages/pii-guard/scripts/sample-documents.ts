import { developmentCorpus, heldOutCorpus, heldOutUnseenCorpus } from "../src/corpus/index.ts";

const allSentences = () =>
  [...developmentCorpus, ...heldOutCorpus, ...heldOutUnseenCorpus].map((s) => s.text);

/** A note of about `length` characters made of corpus sentences, in paragraphs. */
export function noteOf(length: number): string {
  const sentences = allSentences();
  let note = "";
  for (let i = 0; note.length < length; i += 1) {
    note += `${sentences[i % sentences.length]}${i % 4 === 3 ? "\n\n" : " "}`;
  }
  return note.slice(0, length);
}

/**
 * A 20-page protocol (about 3,000 characters a page): the case history, several conferences
 * and the team's notes, as the editor re-checks it on every keystroke batch. The sentences are
 * shuffled with a fixed seed so the document does not repeat the corpus in order.
 */
export function twentyPageDocument(): string {
  const sentences = allSentences();
  let seed = 7;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  let note = "";
  for (let i = 0; note.length < 60_000; i += 1) {
    const sentence = sentences[Math.floor(next() * sentences.length)] ?? "";
    note += `${sentence}${i % 6 === 5 ? "\n\n" : " "}`;
  }
  return note.slice(0, 60_000);
}
