import argon2 from "argon2";
import type { ServerConfig } from "../config.ts";

/** Hashes a password with argon2id at the configured cost. */
export async function hashPassword(
  password: string,
  config: Pick<ServerConfig, "passwordHashing">,
): Promise<string> {
  return argon2.hash(password, {
    type: argon2.argon2id,
    memoryCost: config.passwordHashing.memoryCost,
    timeCost: config.passwordHashing.timeCost,
  });
}

/** True when the password matches; a missing or malformed hash never matches. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
