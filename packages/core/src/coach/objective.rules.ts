import type { OkrContext, RawFinding } from "./context.ts";
import { ASPIRATION_NOUNS } from "./noun-lexicon.ts";
import { countHan } from "./segment.ts";
import type { TextAnalysis } from "./text-analysis.ts";

/** Longest objective, in Chinese characters, that is still easy to remember. */
const MAX_OBJECTIVE_HAN = 30;
/** Longest objective, in English words. */
const MAX_OBJECTIVE_WORDS = 18;

/** Checks the objective: numbers in it, a task instead of a state, and length. */
export function checkObjective(context: OkrContext): RawFinding[] {
  const objective = context.objective;
  const findings: RawFinding[] = [];
  const metric = objectiveMetric(objective);
  if (metric !== null)
    findings.push({
      code: "objective.has_metric",
      target: "objective",
      params: { text: objective.original, metric },
    });
  if (isTaskObjective(objective)) {
    findings.push({
      code: "objective.is_task",
      target: "objective",
      params: { text: objective.original, verb: objective.predicate.verb, core: objective.predicate.core },
    });
  }
  const length = objectiveLength(objective);
  const limit = objective.language === "zh" ? MAX_OBJECTIVE_HAN : MAX_OBJECTIVE_WORDS;
  if (length > limit)
    findings.push({
      code: "objective.too_long",
      target: "objective",
      params: { text: objective.original, count: length, limit },
    });
  return findings;
}

/**
 * The figure that makes an objective a metric, or null. A time target counts ("3 分钟内开户", "within 24
 * hours"); a time frame ("over the next two years", "半年内"), a population ("18-30 岁", "per 1,000 users")
 * a place in a ranking ("成为行业第一", "the #1 choice") — the language of aspiration — and a figure in
 * parentheses that scopes the objective do not.
 */
function objectiveMetric(objective: TextAnalysis): string | null {
  const figure = objective.quantities.find(
    (quantity) =>
      !isInParentheses(objective.text, quantity.start) &&
      (quantity.role === "value" ||
        (quantity.role === "qualifier" &&
          quantity.kind === "duration" &&
          !LONG_PERIOD.test(quantity.unit ?? ""))),
  );
  return figure?.raw ?? null;
}

/** A figure in parentheses scopes the objective ("(5k+ user, multi-business unit)"); it is not its target. */
function isInParentheses(text: string, index: number): boolean {
  const before = text.slice(0, index);
  return before.lastIndexOf("(") > before.lastIndexOf(")");
}

const CULTIVATING_VERBS = /^(?:培养|培育|营造|塑造|foster|nurture|cultivate)$/i;

const LONG_PERIOD = /^(?:个?月|年|季度|quarters?|months?|years?|yrs?|mo)$/;

/**
 * An objective is a task when its governing verb delivers an output or names an ongoing activity — unless what
 * it builds is an aspiration rather than an output: a team, a culture, a brand, a foundation ("Build a
 * world-class engineering team", "打造区域第一的母婴品牌") is a state worth reaching.
 */
// Qualities a thing has once it is good: "Reliable releases" names a state of the releases, not one to ship.
const EN_STATE_ADJECTIVES =
  /^(?:reliable|stable|predictable|secure|consistent|scalable|resilient|robust|seamless|healthy|sustainable|repeatable|dependable|delightful|trusted|effortless|painless|frictionless|snappy|fast|fair|timely|trustworthy|inclusive|responsive|accessible|transparent|accurate)$/i;
// "A website that explains what we do", "A mobile app people keep", "Pipelines that don't break": what the
// thing does for people or how it behaves is the state; the thing is only its subject.
const EN_RELATIVE_STATE =
  /^(?:an?\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,3}?[\w-]+\s+(?:that|which|who|(?:people|customers|users|developers|engineers|partners|candidates|members|employees|managers|teams?)\s+(?!(?:and|or|of|for)\b)[a-z]+)\b/i;
const EN_PEOPLE_SUBJECT =
  /^(?:[\w-]+\s+){0,2}(?:customers|users|developers|engineers|partners|managers|people|employees|staff|members|candidates)\s+(?!(?:and|or|of|for|with)\b)[a-z]+/i;
// "Off the legacy database", "No surprises in…": a position or a state of zero, not a thing to make.
const EN_STATE_START = /^(?:off|out of|beyond|free of|past|ahead of|no|zero|never)\b/i;

function isTaskObjective(objective: TextAnalysis): boolean {
  const { kind, object, topic, isAbility, verb, core } = objective.predicate;
  if ((kind !== "deliver" && kind !== "activity") || isAbility) return false;
  // A noun phrase (its "verb" is the deliverable it names) led by a quality of that deliverable.
  const first = core.replace(/^(?:an?|the|our)\s+/i, "").split(/\s+/)[0] ?? "";
  if (objective.language === "en") {
    if (EN_STATE_START.test(core)) return false;
    if (!core.toLowerCase().startsWith(verb) && EN_STATE_ADJECTIVES.test(first)) return false;
    // Only a noun phrase (whose object is the whole phrase), not "Build a platform that teams love".
    const isNounPhrase = object === core || /^[a-z]+ing\s+(?:that|which)\b/i.test(core);
    if (isNounPhrase && kind === "deliver" && EN_RELATIVE_STATE.test(core)) return false;
    // "Self-serve customers find their way without us": what people do is a state of the world.
    if (!core.toLowerCase().startsWith(verb) && EN_PEOPLE_SUBJECT.test(core)) return false;
  }
  // Only what the verb builds counts, not the people it serves: "Build a process that supports teams".
  const built =
    object.split(/\s(?:for|of|on|in|to|with|that|which|who|so|as|while|where|by)\s|[,，;；]/)[0] ?? "";
  // Cultivating people or a culture is an aspiration too: "培养一支会用数据的班组长队伍", "Foster a culture of…".
  const isCultivating = kind === "activity" && CULTIVATING_VERBS.test(objective.predicate.verb);
  return !((kind === "deliver" || isCultivating) && topic !== "hire" && ASPIRATION_NOUNS.test(built));
}

/**
 * Length as a reader feels it: Chinese characters plus Latin words for Chinese text ("让 K12 学员…" counts
 * K12 as one), words for English.
 */
export function objectiveLength(objective: TextAnalysis): number {
  if (objective.language === "zh") {
    const latinWords =
      objective.text.replace(/\p{Script=Han}/gu, " ").match(/[A-Za-z0-9][A-Za-z0-9.%'-]*/g)?.length ?? 0;
    return countHan(objective.text) + latinWords;
  }
  return objective.text.split(/\s+/).filter((word) => /[A-Za-z0-9]/.test(word)).length;
}
