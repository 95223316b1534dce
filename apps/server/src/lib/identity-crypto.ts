import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/**
 * What a record stores to name its key: a prefix of the key's SHA-256, which says
 * which key to use without saying anything about the key.
 */
export function identityKeyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

/** A record names a key this server was not given; it stays unreadable until it is. */
export class UnknownIdentityKeyError extends Error {
  override readonly name = "UnknownIdentityKeyError";

  constructor(readonly keyId: string) {
    super(`identity record is encrypted with key ${keyId}, which is not configured`);
  }
}

/**
 * AES-256-GCM for identity records. The case id is bound in as associated data,
 * so a ciphertext copied onto another case does not decrypt.
 *
 * A keyring: it encrypts with the current key and decrypts with whichever key a
 * record names, so records written before a key rotation stay readable until
 * `pnpm identity:rotate` has re-encrypted them under the current key.
 */
export class IdentityCipher {
  readonly keyId: string;
  private readonly keys = new Map<string, Buffer>();

  constructor(
    private readonly key: Buffer,
    previousKeys: readonly Buffer[] = [],
  ) {
    if (key.length !== KEY_BYTES) {
      throw new Error("IDENTITY_KEY must be 32 bytes (base64-encoded)");
    }
    if (previousKeys.some((previous) => previous.length !== KEY_BYTES)) {
      throw new Error("every key in IDENTITY_KEYS_PREVIOUS must be 32 bytes (base64-encoded)");
    }
    this.keyId = identityKeyId(key);
    for (const each of [key, ...previousKeys]) this.keys.set(identityKeyId(each), each);
  }

  /** The current key's id first, then the previous keys' ids. */
  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  knows(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  /**
   * A separate key for another purpose (e.g. signing collaboration tokens), so
   * every node that shares IDENTITY_KEY agrees on it without a second secret.
   * Always from the current key: previous keys only read old records.
   */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync("sha256", this.key, Buffer.alloc(0), purpose, KEY_BYTES));
  }

  encrypt(plaintext: string, caseId: string): Uint8Array {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(caseId));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /** `keyId` is the one stored with the record. */
  decrypt(sealed: Uint8Array, caseId: string, keyId: string): string {
    const key = this.keys.get(keyId);
    if (!key) throw new UnknownIdentityKeyError(keyId);
    const bytes = Buffer.from(sealed);
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(caseId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString("utf8");
  }
}

/** The configured key, or for embedded setups one generated once and kept beside the data. */
export function loadIdentityKey(configured: string | undefined, keyFile: string): Buffer {
  if (configured) return Buffer.from(configured, "base64");
  if (existsSync(keyFile)) return Buffer.from(readFileSync(keyFile, "utf8").trim(), "base64");
  mkdirSync(dirname(keyFile), { recursive: true });
  const key = randomBytes(KEY_BYTES);
  writeFileSync(keyFile, `${key.toString("base64")}\n`, { mode: 0o600 });
  return key;
}

/** IDENTITY_KEYS_PREVIOUS: base64 keys separated by commas; blanks around them are allowed. */
export function parseKeyList(configured: string | undefined): Buffer[] {
  return (configured ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .map((entry) => Buffer.from(entry, "base64"));
}
