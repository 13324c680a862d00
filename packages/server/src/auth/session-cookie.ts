import type { FastifyReply } from "fastify";
import type { AppContext } from "../context.ts";
import { SESSION_DAYS } from "./login.ts";
import { SESSION_COOKIE } from "./resolve-auth.ts";

/** The session cookie: HttpOnly, SameSite=Lax, Secure when served over https. */
export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: ctx.config.publicUrl?.startsWith("https://") ?? false,
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}
