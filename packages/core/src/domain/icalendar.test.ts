import { describe, expect, it } from "vitest";
import { escapeText, foldLine, toICalendar } from "./icalendar.ts";

describe("iCalendar text (RFC 5545)", () => {
  it("escapes backslashes, semicolons, commas and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds lines at 75 octets without splitting a UTF-8 character", () => {
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
    const long = `SUMMARY:${"落地".repeat(40)}`;
    const folded = foldLine(long);
    const pieces = folded.split("\r\n");
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(new TextEncoder().encode(piece).length).toBeLessThanOrEqual(75);
    for (const piece of pieces.slice(1)) expect(piece.startsWith(" ")).toBe(true);
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(long);
    expect(folded).not.toContain("\uFFFD");
  });

  it("writes timed and all-day events with CRLF line ends", () => {
    const text = toICalendar("Luodi, mine", [
      {
        uid: "m1@luodi",
        summary: "Sales weekly; renewals",
        description: "Line one\nLine two",
        url: "https://okr.example/meetings/m1",
        stamp: "2027-04-15T02:00:00.000Z",
        start: "2027-04-16T01:00:00.000Z",
        end: "2027-04-16T02:00:00.000Z",
      },
      { uid: "a1@luodi", summary: "Call renewals", stamp: "2027-04-15T02:00:00.000Z", date: "2027-04-30" },
    ]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n");
    expect(lines).toContain("X-WR-CALNAME:Luodi\\, mine");
    expect(lines).toContain("DTSTART:20270416T010000Z");
    expect(lines).toContain("DTEND:20270416T020000Z");
    expect(lines).toContain("SUMMARY:Sales weekly\\; renewals");
    expect(lines).toContain("DESCRIPTION:Line one\\nLine two");
    expect(lines).toContain("DTSTART;VALUE=DATE:20270430");
    expect(lines).toContain("DTEND;VALUE=DATE:20270501");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines.at(-2)).toBe("END:VCALENDAR");
  });
});
