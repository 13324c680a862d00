import { AppError } from "@luodi/core";
import {
  type AccountLinkKind,
  type AccountLinkRow,
  type Executor,
  findAccountLinkByHash,
  markAccountLinkUsed,
} from "@luodi/db";
import type { FastifyRequest } from "fastify";
import type { AppContext } from "../context.ts";
import { newId } from "../services/ids.ts";
import { hashSecret, newSecret } from "./tokens.ts";

const HOUR_MS = 3_600_000;

/** How long each kind of link works. */
export const LINK_LIFETIME_MS = {
  /** An invitation: a week, so that a weekend or a trip does not lose it. */
  invitation: 7 * 24 * HOUR_MS,
  /** A reset the person asked for by email: one hour. */
  selfReset: HOUR_MS,
  /** A reset by an admin, handed over in a chat or by email: a day. */
  adminReset: 24 * HOUR_MS,
} as const;

/** A new link: the row to store (with the secret's hash only) and the secret to hand out once. */
export function newAccountLink(input: {
  kind: AccountLinkKind;
  userId: string;
  orgId: string | null;
  createdBy: string | null;
  now: Date;
  lifetimeMs: number;
}): { row: AccountLinkRow; token: string } {
  const token = newSecret();
  return {
    token,
    row: {
      id: newId(),
      kind: input.kind,
      userId: input.userId,
      orgId: input.orgId,
      createdBy: input.createdBy,
      tokenHash: hashSecret(token),
      createdAt: input.now.toISOString(),
      expiresAt: new Date(input.now.getTime() + input.lifetimeMs).toISOString(),
      usedAt: null,
    },
  };
}

/** Where the web app is reached, for links in answers and emails: PUBLIC_URL, else the request's own origin. */
export function linkBaseOf(ctx: AppContext, request: FastifyRequest): string {
  const base = ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;
  return base.replace(/\/+$/, "");
}

/** The web app's page that opens a link of this kind. */
export function linkUrl(base: string, kind: AccountLinkKind, token: string): string {
  return `${base}/${kind === "invitation" ? "invite" : "reset-password"}/${token}`;
}

/**
 * The link a secret stands for, when it is of this kind, unused and unexpired; AppError `link.invalid`
 * otherwise — the same answer for a secret that never existed, so none can be told apart.
 */
export async function usableLink(
  db: Executor,
  token: string,
  kind: AccountLinkKind,
  now: Date,
): Promise<AccountLinkRow> {
  const link = await findAccountLinkByHash(db, hashSecret(token));
  if (!link || link.kind !== kind || link.usedAt !== null || link.expiresAt <= now.toISOString()) {
    throw new AppError("link.invalid");
  }
  return link;
}

/** Uses a link up, once: a second request with the same link, even a concurrent one, gets `link.invalid`. */
export async function useLink(db: Executor, link: AccountLinkRow, now: Date): Promise<void> {
  if (!(await markAccountLinkUsed(db, link.id, now.toISOString()))) throw new AppError("link.invalid");
}
