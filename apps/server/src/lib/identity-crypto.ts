import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for identity records. The case id is bound in as associated data,
 * so a ciphertext copied onto another case does not decrypt.
 */
export class IdentityCipher {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("IDENTITY_KEY must be 32 bytes (base64-encoded)");
    this.keyId = createHash("sha256").update(key).digest("hex").slice(0, 16);
  }

  /**
   * A separate key for another purpose (e.g. signing collaboration tokens), so
   * every node that shares IDENTITY_KEY agrees on it without a second secret.
   */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync("sha256", this.key, Buffer.alloc(0), purpose, 32));
  }

  encrypt(plaintext: string, caseId: string): Uint8Array {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(caseId));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(sealed: Uint8Array, caseId: string): string {
    const bytes = Buffer.from(sealed);
    const decipher = createDecipheriv("aes-256-gcm", this.key, bytes.subarray(0, IV_BYTES));
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
  const key = randomBytes(32);
  writeFileSync(keyFile, `${key.toString("base64")}\n`, { mode: 0o600 });
  return key;
}
