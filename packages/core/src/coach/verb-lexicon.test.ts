import { describe, expect, it } from "vitest";
import { englishForms, englishLemmas, englishVerbAt, ZH_VERB_LIST, zhVerbAt } from "./verb-lexicon.ts";

const kindOf = (text: string) => englishVerbAt(text.split(" "))?.entries[0]?.kind;

describe("English morphology", () => {
  it.each([
    ["ship", ["ships", "shipped", "shipping"]],
    ["publish", ["publishes", "published", "publishing"]],
    ["plan", ["plans", "planned", "planning"]],
    ["identify", ["identifies", "identified", "identifying"]],
    ["release", ["releases", "released", "releasing"]],
    ["submit", ["submits", "submitted", "submitting"]],
    ["write", ["writes", "wrote", "written", "writing"]],
    ["build", ["builds", "built", "building"]],
  ])("inflects %s", (lemma, forms) => {
    expect(englishForms(lemma)).toEqual(expect.arrayContaining(forms));
  });

  it.each([
    ["rolled out", "deliver"],
    ["setting up", "deliver"],
    ["migrated", "deliver"],
    ["documenting", "deliver"],
    ["hired", "deliver"],
    ["deprecates", "deliver"],
    ["re-organizing", "deliver"],
    ["engaged", "activity"],
    ["improving", "change"],
    ["closed", "outcome"],
  ])("reads %s as a verb of kind %s", (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  it("tells how a form was inflected", () => {
    expect(englishVerbAt(["launches"])?.inflection).toBe("s");
    expect(englishVerbAt(["launched"])?.inflection).toBe("past");
    expect(englishVerbAt(["launching"])?.inflection).toBe("ing");
    expect(englishVerbAt(["roll", "out", "sso"])?.words).toBe(2);
  });

  it("leads an inflected form back to its lemma", () => {
    expect(englishLemmas("shipped")).toEqual(["ship"]);
    expect(englishLemmas("dashboards")).toEqual([]);
  });
});

describe("Chinese verbs by meaning", () => {
  it.each([
    ["上线新版官网", "上线", "deliver"],
    ["共建实习基地", "共建", "deliver"],
    ["推进精益生产", "推进", "activity"],
    ["提升复购率", "提升", "change"],
    ["新签 20 家客户", "新签", "outcome"],
    ["让店长敢于授权", "让", "state"],
  ])("%s starts with %s, a verb of kind %s", (text, word, kind) => {
    const entry = zhVerbAt(text);
    expect(entry?.word).toBe(word);
    expect(entry?.kind).toBe(kind);
  });

  it("matches the longest verb first", () => {
    const words = ZH_VERB_LIST.map((entry) => entry.word);
    expect(words.indexOf("深入推进")).toBeLessThan(words.indexOf("推进"));
  });
});
