import nodemailer from "nodemailer";
import type { ServerConfig } from "../config.ts";

/** One email, in plain text and HTML. */
export type MailMessage = { to: string; subject: string; text: string; html: string };

/** Sends email through the SMTP server of `SMTP_URL`. */
export type Mailer = { send: (message: MailMessage) => Promise<void>; close: () => void };

/** The sender when MAIL_FROM is not set: no-reply at the host people reach Luodi by. */
function defaultFrom(publicUrl: string | undefined): string {
  let host = "localhost";
  try {
    if (publicUrl) host = new URL(publicUrl).hostname;
  } catch {
    // A malformed PUBLIC_URL is reported where it is used; the sender falls back to localhost.
  }
  return `Luodi <no-reply@${host}>`;
}

/** A mailer for `SMTP_URL`, or null when none is configured (links are then only shown, to copy). */
export function mailerOf(config: Pick<ServerConfig, "smtpUrl" | "mailFrom" | "publicUrl">): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl);
  const from = config.mailFrom ?? defaultFrom(config.publicUrl);
  return {
    send: async (message) => {
      await transport.sendMail({ from, ...message });
    },
    close: () => transport.close(),
  };
}
