import type { Department, Member } from "@luodi/client";
import { describe, expect, it } from "vitest";
import { invitationsOf, parseInviteList } from "./invite-list.ts";

const departments: Department[] = [
  { id: "root", name: "星河科技", parentId: null, leaderId: null, version: 1 },
  { id: "eng", name: "研发部", parentId: "root", leaderId: null, version: 1 },
  { id: "platform", name: "Platform", parentId: "eng", leaderId: null, version: 1 },
];
const members = [{ email: "wang@acme.test" }] as Member[];
const parse = (text: string) => parseInviteList(text, { departments, members });

describe("parseInviteList", () => {
  it("reads a CSV with a header, quoted cells and departments by name or path", () => {
    const lines = parse(
      [
        "邮箱,姓名,部门,职位",
        "li.lei@acme.test,李雷,研发部,后端工程师",
        '"han@acme.test","韩梅梅","星河科技 / 研发部 / Platform","测试, 自动化"',
      ].join("\r\n"),
    );
    expect(lines).toEqual([
      {
        line: 2,
        email: "li.lei@acme.test",
        name: "李雷",
        department: "研发部",
        departmentId: "eng",
        title: "后端工程师",
        problem: null,
      },
      {
        line: 3,
        email: "han@acme.test",
        name: "韩梅梅",
        department: "星河科技 / 研发部 / Platform",
        departmentId: "platform",
        title: "测试, 自动化",
        problem: null,
      },
    ]);
  });

  it("reads a pasted list: addresses alone, Name <address>, full-width commas and tabs", () => {
    const lines = parse(
      "Ana Alves <Ana@Acme.test>\nbo.bai@acme.test\n陈晨，chen@acme.test，Platform\nd@acme.test\tDai",
    );
    expect(lines.map((l) => [l.email, l.name, l.departmentId, l.problem])).toEqual([
      ["ana@acme.test", "Ana Alves", null, null],
      ["bo.bai@acme.test", "bo bai", null, null],
      ["chen@acme.test", "陈晨", "platform", null],
      ["d@acme.test", "Dai", null, null],
    ]);
  });

  it("says what is wrong with a line: a bad address, twice the same, a member already, an unknown department", () => {
    const lines = parse("bad@address\ne@acme.test\nE@acme.test\nwang@acme.test\nf@acme.test, Fei, Sales");
    expect(lines.map((l) => l.problem)).toEqual(["email", null, "duplicate", "member", "department"]);
  });
});

describe("invitationsOf", () => {
  it("invites the lines without a problem, in their department or the default one", () => {
    const lines = parse("a@acme.test, A, Platform, Lead\nb@acme.test\nbad");
    expect(invitationsOf(lines, { departmentId: "root", role: "member" })).toEqual([
      { email: "a@acme.test", name: "A", role: "member", departmentId: "platform", title: "Lead" },
      { email: "b@acme.test", name: "b", role: "member", departmentId: "root" },
    ]);
  });
});
