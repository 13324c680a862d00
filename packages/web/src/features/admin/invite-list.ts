import type { Department, InvitationInput, Member } from "@luodi/client";
import { departmentPath } from "./department-tree.ts";

/** Why a line of a pasted list cannot be invited as it is. */
export type InviteLineProblem = "email" | "duplicate" | "member" | "department";

/** One person read from a pasted list or a CSV file, with what is wrong with the line, if anything. */
export type InviteLine = {
  /** 1-based line of the text, as people count them. */
  line: number;
  email: string;
  name: string;
  /** The department named on the line, as typed ("" when none: the default applies). */
  department: string;
  departmentId: string | null;
  title: string;
  problem: InviteLineProblem | null;
};

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;
// Commas (ASCII and full-width), semicolons and tabs separate the columns; quotes may wrap a cell (CSV).
const SEPARATOR = /[,，;；\t]/;

/** The cells of one CSV line: separators inside double quotes belong to the cell, `""` is a quote. */
function cellsOf(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (SEPARATOR.test(c)) {
      cells.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** A name from an email's local part, for a line that gives none: "li.lei@…" → "li lei". */
function nameFromEmail(email: string): string {
  return (email.split("@")[0] ?? email).replace(/[._-]+/g, " ").trim() || email;
}

/**
 * Reads people to invite from pasted text or a CSV file. Each line is either `email, name, department,
 * title` (columns after the email may be left out; commas, full-width commas, semicolons or tabs between
 * them; a header line without an email is skipped), or `Name <email>` as mail programs copy addresses.
 * A department is found by its name or its path ("Engineering / Platform"); lines without one take the
 * default. Each line says what is wrong with it: an invalid email, one listed twice, someone already a
 * member, a department that does not exist.
 */
export function parseInviteList(
  text: string,
  context: { departments: readonly Department[]; members: readonly Member[] },
): InviteLine[] {
  const byName = new Map<string, string>();
  for (const d of context.departments) {
    byName.set(d.name.trim().toLowerCase(), d.id);
    byName.set(departmentPath(context.departments, d.id).toLowerCase(), d.id);
  }
  const memberEmails = new Set(context.members.map((m) => m.email.toLowerCase()));
  const seen = new Set<string>();
  const lines: InviteLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/^\uFEFF/, "").trim();
    if (line === "") return;
    let email: string;
    let name: string;
    let department = "";
    let title = "";
    const angle = /^(.*)<\s*([^<>\s]+)\s*>\s*$/.exec(line);
    if (angle) {
      email = (angle[2] ?? "").trim();
      name = (angle[1] ?? "").replace(/^["'\s]+|["'\s,，;]+$/g, "");
    } else {
      const cells = cellsOf(line);
      const at = cells.findIndex((cell) => cell.includes("@"));
      // A header ("email, name, …" / "邮箱,姓名,…") has no address in it.
      if (at < 0 && index === 0) return;
      const rest = cells.filter((_, i) => i !== at);
      email = at >= 0 ? (cells[at] ?? "") : (cells[0] ?? "");
      [name = "", department = "", title = ""] = rest;
    }
    email = email.toLowerCase();
    const departmentId = department
      ? (byName.get(department.toLowerCase().replace(/\s*\/\s*/g, " / ")) ?? null)
      : null;
    let problem: InviteLineProblem | null = null;
    if (!EMAIL.test(email)) problem = "email";
    else if (seen.has(email)) problem = "duplicate";
    else if (memberEmails.has(email)) problem = "member";
    else if (department && departmentId === null) problem = "department";
    seen.add(email);
    lines.push({
      line: index + 1,
      email,
      name: name || nameFromEmail(email),
      department,
      departmentId,
      title,
      problem,
    });
  });
  return lines;
}

/** The invitations to send for the lines without a problem, each in its department or the default one. */
export function invitationsOf(
  lines: readonly InviteLine[],
  defaults: { departmentId: string; role: InvitationInput["role"] },
): InvitationInput[] {
  return lines
    .filter((line) => line.problem === null)
    .map((line) => ({
      email: line.email,
      name: line.name,
      role: defaults.role,
      departmentId: line.departmentId ?? defaults.departmentId,
      ...(line.title ? { title: line.title } : {}),
    }));
}
