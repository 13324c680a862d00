/*
 * iCalendar (RFC 5545) text for meetings, phase deadlines and action items. Written by hand: the one
 * well-kept generator in the npm registry (ical-generator) needs Node 22 from its current major on, and
 * what Luodi needs — events with a start, an optional end or a whole day, a summary, a description and a
 * link — is a page of rules: CRLF line ends, text escaping (§3.3.11), and lines folded at 75 octets
 * (§3.1) without splitting a UTF-8 character.
 */

/** One calendar event: timed (`start`, optional `end`, ISO instants) or a whole day (`date`, YYYY-MM-DD). */
export type CalendarEvent = {
  /** Stable and unique across the feed, so calendar apps update an event instead of adding another. */
  uid: string;
  summary: string;
  description?: string | null;
  url?: string | null;
  /** When it last changed (ISO instant): DTSTAMP. */
  stamp: string;
} & ({ start: string; end?: string | null } | { date: string });

const LIMIT = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line into pieces of at most 75 octets, each continuation starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= LIMIT) return line;
  const pieces: string[] = [];
  let piece = "";
  let bytes = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuations 74 after their leading space.
    const room = pieces.length === 0 ? LIMIT : LIMIT - 1;
    if (bytes + size > room) {
      pieces.push(piece);
      piece = "";
      bytes = 0;
    }
    piece += char;
    bytes += size;
  }
  pieces.push(piece);
  return pieces.join("\r\n ");
}

/** An ISO instant as an iCalendar UTC DATE-TIME (20270416T010000Z). */
function utc(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

/** The day after a YYYY-MM-DD date: an all-day event ends (exclusively) there. */
function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10).replace(/-/g, "");
}

/** A whole VCALENDAR with these events, CRLF line ends, folded. */
export function toICalendar(name: string, events: readonly CalendarEvent[]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Luodi//Luodi OKR//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const event of events) {
    lines.push("BEGIN:VEVENT", `UID:${escapeText(event.uid)}`, `DTSTAMP:${utc(event.stamp)}`);
    if ("date" in event) {
      lines.push(
        `DTSTART;VALUE=DATE:${event.date.replace(/-/g, "")}`,
        `DTEND;VALUE=DATE:${nextDay(event.date)}`,
      );
    } else {
      lines.push(`DTSTART:${utc(event.start)}`);
      if (event.end) lines.push(`DTEND:${utc(event.end)}`);
    }
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
