import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { idSchema, lineSchema, multilineSchema, textSchema, titleSchema } from "./common.ts";
import {
  commentInputSchema,
  commentPatchSchema,
  reactionParamsSchema,
  recognitionInputSchema,
  recognitionListQuerySchema,
} from "./conversation.ts";
import { integrationInputSchema, integrationPatchSchema } from "./integrations.ts";
import * as meetingSchemas from "./meeting.ts";
import * as objectiveInputs from "./objective.ts";
import * as orgInputs from "./org.ts";

type Node = { _zod: { def: Record<string, unknown> & { type: string } } };

/** Every string schema inside a schema (objects, arrays, unions, optionals, records, pipes), by path. */
function stringLeaves(schema: Node, path: string, out: Array<[string, Node]> = []): Array<[string, Node]> {
  const def = schema._zod.def;
  const child = (value: unknown, at: string) => stringLeaves(value as Node, at, out);
  switch (def.type) {
    case "string":
      out.push([path, schema]);
      break;
    case "object":
      for (const [key, value] of Object.entries(def.shape as Record<string, Node>))
        child(value, `${path}.${key}`);
      break;
    case "array":
      child(def.element, `${path}[]`);
      break;
    case "union":
      (def.options as Node[]).forEach((option, i) => {
        child(option, `${path}|${i}`);
      });
      break;
    case "record":
      child(def.keyType, `${path}{key}`);
      child(def.valueType, `${path}{value}`);
      break;
    case "pipe":
      child(def.in, path);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
      child(def.innerType, path);
      break;
    default:
      break;
  }
  return out;
}

const inputSchemas = Object.entries({
  ...objectiveInputs,
  ...orgInputs,
  // Chat channels keep their answer schemas beside their inputs: only the inputs are walked.
  integrationInputSchema,
  integrationPatchSchema,
  // So do comments and praise.
  commentInputSchema,
  commentPatchSchema,
  reactionParamsSchema,
  recognitionInputSchema,
  recognitionListQuerySchema,
  // Meetings and questions: their inputs (names ending in Input, Patch or Query schema).
  ...Object.fromEntries(
    Object.entries(meetingSchemas).filter(([name]) => /(Input|Patch|Query)Schema$/.test(name)),
  ),
} as Record<string, unknown>)
  .filter(([name, value]) => name.endsWith("Schema") && typeof value === "object" && value !== null)
  .filter(([, value]) => "_zod" in (value as object)) as Array<[string, z.ZodType]>;

describe("control characters in input", () => {
  it("are refused by every string any input schema holds", () => {
    const leaves = inputSchemas.flatMap(([name, schema]) => stringLeaves(schema as unknown as Node, name));
    // Enough to know the walk saw the schemas, not an empty list.
    expect(leaves.length).toBeGreaterThan(60);
    for (const [path, leaf] of leaves) {
      for (const character of ["\u0000", "\u0008", "\u001b", "\u007f", "\u009b"]) {
        const result = (leaf as unknown as z.ZodType).safeParse(`ab${character}cd`);
        expect(result.success, `${path} accepts U+${character.charCodeAt(0).toString(16)}`).toBe(false);
      }
    }
  });

  it("let tab and line feed through everywhere text goes, carriage return only in multi-line text", () => {
    expect(titleSchema.safeParse("Grow\trenewals\nfast").success).toBe(true);
    expect(titleSchema.safeParse("Grow\rrenewals").success).toBe(false);
    expect(lineSchema(50).safeParse("a\r\nb").success).toBe(false);
    expect(textSchema.safeParse("Line one\r\nLine two\twith a tab").success).toBe(true);
    expect(multilineSchema(50).safeParse("a\u0000").success).toBe(false);
    // Ids are opaque tokens: no control character at all.
    expect(idSchema.safeParse("abc\tdef").success).toBe(false);
    expect(idSchema.safeParse("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b").success).toBe(true);
  });

  it("name the character, its position and the message's code", () => {
    const result = textSchema.safeParse("增长\u0000收入");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      code: "custom",
      params: { code: "text.control_character", character: "U+0000", position: 3 },
    });
  });
});
