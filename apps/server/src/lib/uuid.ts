const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from outside (a document name, a writer recorded by the core) can be a row id. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
