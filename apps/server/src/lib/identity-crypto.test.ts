import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { IdentityCipher, identityKeyId, UnknownIdentityKeyError } from "./identity-crypto.ts";

describe("the identity keyring", () => {
  it("encrypts with the current key and decrypts by the key a record names", () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const caseId = randomUUID();
    const before = new IdentityCipher(oldKey);
    const sealed = before.encrypt("Mamadou Camara", caseId);

    const rotated = new IdentityCipher(newKey, [oldKey]);
    expect(rotated.keyId).toBe(identityKeyId(newKey));
    expect(rotated.keyIds).toEqual([identityKeyId(newKey), identityKeyId(oldKey)]);
    expect(rotated.decrypt(sealed, caseId, before.keyId)).toBe("Mamadou Camara");
    const resealed = rotated.encrypt("Mamadou Camara", caseId);
    expect(new IdentityCipher(newKey).decrypt(resealed, caseId, rotated.keyId)).toBe(
      "Mamadou Camara",
    );

    const newOnly = new IdentityCipher(newKey);
    expect(() => newOnly.decrypt(sealed, caseId, before.keyId)).toThrow(UnknownIdentityKeyError);
  });

  it("derives the token signing key from the current key only", () => {
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const rotated = new IdentityCipher(newKey, [oldKey]);
    expect(rotated.deriveKey("collab-token")).toEqual(
      new IdentityCipher(newKey).deriveKey("collab-token"),
    );
    expect(rotated.deriveKey("collab-token")).not.toEqual(
      new IdentityCipher(oldKey).deriveKey("collab-token"),
    );
  });

  it("refuses a previous key of the wrong length", () => {
    expect(() => new IdentityCipher(randomBytes(32), [randomBytes(16)])).toThrow(/32 bytes/);
  });
});
