import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** An email as the local SMTP server received it. */
export type CapturedMail = { from: string; to: string[]; subject: string; text: string; html: string };

/** A real SMTP server on 127.0.0.1 that keeps what it is sent, for tests to read. */
export type MailCapture = {
  /** What SMTP_URL should say to send here. */
  url: string;
  mails: CapturedMail[];
  /** The first email (to `to`, when given) not yet taken, waiting for it up to `timeoutMs`. */
  next: (to?: string, timeoutMs?: number) => Promise<CapturedMail>;
  close: () => Promise<void>;
};

/**
 * Starts the SMTP server (smtp-server, without TLS or authentication, on a free port). `delayMs` holds each
 * message that long before accepting it, as a slow mail server would.
 */
export async function startMailCapture(options: { delayMs?: number } = {}): Promise<MailCapture> {
  const mails: CapturedMail[] = [];
  const taken = new Set<CapturedMail>();
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  const find = (to?: string) => mails.find((m) => !taken.has(m) && (to === undefined || m.to.includes(to)));
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    next: (to, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const mail = find(to);
          if (!mail) return false;
          taken.add(mail);
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(mail);
          return true;
        };
        const wake = () => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`no email${to ? ` to ${to}` : ""} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(wake);
        check();
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The first link to the web app's invitation or password page in an email's text. */
export function linkIn(mail: CapturedMail, kind: "invite" | "reset-password"): string {
  const match = new RegExp(`https?://\\S+/${kind}/[A-Za-z0-9_-]+`).exec(mail.text);
  if (!match) throw new Error(`no ${kind} link in: ${mail.text}`);
  return match[0];
}
