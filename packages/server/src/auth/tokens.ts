import { createHash, randomBytes } from "node:crypto";

/** A new secret to hand out once (session cookie or API token). */
export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** Secrets are stored only as their SHA-256, so a leaked database leaks no usable credential. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
