/**
 * Advice for `kr.is_task`: an outcome key result built from the task's own words, with x/y placeholders for
 * the user to fill in — 「完成 3 次客户培训」 becomes 「参训客户的 30 日活跃率从 x% 提升到 y%」. What the task
 * produces (its topic, from the verb lexicon and the deliverable nouns) picks the kind of outcome; the people
 * or the thing it names fill it in.
 */
import { EN_DELIVERABLE_NOUNS } from "./noun-lexicon.ts";
import type { TextAnalysis } from "./text-analysis.ts";
import type { CoachLocale } from "./types.ts";
import { type TaskTopic, wordList } from "./verb-lexicon.ts";

/** The suggested outcome key result in each language the coach speaks. */
export type OutcomeSuggestion = Record<CoachLocale, string>;

// People a task serves: customers on one side, the organisation's own people on the other.
const ZH_CUSTOMERS = wordList(
  "客户, 用户, 会员, 商户, 经销商, 加盟商, 代理商, 渠道商, 合作伙伴, 伙伴, 供应商, 患者, 家长, 学生, 居民, 群众, 企业, 读者, 粉丝, 访客, 新客, 老客",
);
const ZH_STAFF = wordList(
  "员工, 人员, 医生, 护士, 医护人员, 教师, 老师, 司机, 店长, 店员, 销售, 班组长, 工人, 普查员, 执法人员, 新人, 新员工, 骑手, 客服, 干部, 管理者, 经理, 工程师, 研发",
);
const EN_CUSTOMERS = new Set(
  wordList(
    "customers, customer, users, user, members, member, partners, partner, developers, developer, admins, admin, clients, client, patients, students, parents, prospects, buyers, readers, subscribers, community",
  ),
);
const EN_STAFF = new Set(
  wordList(
    "employees, employee, staff, reps, rep, engineers, engineer, managers, manager, teammates, team, sales, agents, agent, nurses, doctors, teachers, drivers, hires, interviewers, aes, ces",
  ),
);

function alternation(words: readonly string[]): RegExp {
  return new RegExp([...words].sort((a, b) => b.length - a.length).join("|"), "g");
}
const ZH_CUSTOMER_PATTERN = alternation(ZH_CUSTOMERS);
const ZH_STAFF_PATTERN = alternation(ZH_STAFF);

/** The last of some words in a text, the longest where several end there. */
function lastOf(text: string, pattern: RegExp): string | null {
  let last: string | null = null;
  for (const match of text.matchAll(pattern)) last = match[0];
  return last;
}

function englishWord(tokens: readonly string[], words: ReadonlySet<string>): string | null {
  for (let i = tokens.length - 1; i >= 0; i--) if (words.has(tokens[i] ?? "")) return tokens[i] ?? null;
  return null;
}

const EN_SKIP = new Set(
  wordList(
    "a, an, the, our, their, its, this, that, these, those, all, every, each, at, least, more, than, new, some, one, two, three, four, five, six, seven, eight, nine, ten, twelve, twenty, dozen",
  ),
);
const EN_STOP = new Set(
  wordList(
    "for, of, on, in, to, with, at, by, from, across, into, within, that, which, who, so, as, including, via, through, and, or",
  ),
);

function isModifier(word: string): boolean {
  return !EN_STOP.has(word) && !EN_SKIP.has(word) && !/(?:ly|ed|ing|able)$/.test(word);
}

function isDeliverable(word: string): boolean {
  return EN_DELIVERABLE_NOUNS.has(word) || EN_DELIVERABLE_NOUNS.has(word.replace(/e?s$/, ""));
}

/** The text with the figures inside one span of it removed. */
function withoutFigures(analysis: TextAnalysis, from: number, to: number): string {
  let text = "";
  let at = from;
  for (const quantity of analysis.quantities) {
    if (quantity.start < from || quantity.end > to) continue;
    text += analysis.text.slice(at, quantity.start);
    at = quantity.end;
  }
  return text + analysis.text.slice(at, to);
}

/** The thing a task names: its object without figures, determiners and what follows the head noun phrase. */
function thingOf(analysis: TextAnalysis): string {
  return analysis.language === "zh" ? chineseThing(analysis) : englishThing(analysis);
}

function chineseThing(analysis: TextAnalysis): string {
  const object = analysis.predicate.object;
  const offset = analysis.text.indexOf(object);
  let cleaned = (offset >= 0 ? withoutFigures(analysis, offset, offset + object.length) : object)
    .replace(/[，,；;。(（].*$/, "")
    .replace(/\s+/g, "")
    .replace(/^(?:的|了|好|完|一批|一套|一个|一次|全部|所有|各|每|家|个|名|场|次|项|条|台|所)+/, "");
  // "财务模块的数据迁移" is a 数据迁移; "12 家门店的系统切换" a 系统切换.
  const owned = cleaned.lastIndexOf("的");
  if (owned >= 0 && cleaned.length - owned > 2) cleaned = cleaned.slice(owned + 1);
  return cleaned.length > 12 ? cleaned.slice(cleaned.length - 12) : cleaned;
}

function englishThing(analysis: TextAnalysis): string {
  // The predicate reads the first clause; the thing may go on past a comma ("a single, stable implementation").
  const text = analysis.text;
  const first = analysis.predicate.object.split(" ")[0] ?? "";
  const found = first === "" ? -1 : text.toLowerCase().indexOf(first);
  const start = Math.max(found, 0);
  let end = text.length;
  for (const mark of [". ", ";", ":", "(", " - "]) {
    const at = text.indexOf(mark, start);
    if (at >= 0 && at < end) end = at;
  }
  const words: string[] = [];
  for (const raw of withoutFigures(analysis, start, end).split(/[\s,/"“”‘’]+/)) {
    const word = raw.replace(/[.']+$/, "");
    if (word !== "" && !EN_SKIP.has(word.toLowerCase())) words.push(word);
    if (words.length >= 12) break;
  }
  // The first deliverable named, with up to two modifiers before and nouns after it: "a single, stable regex
  // implementation" → "stable regex implementation", "3 step-by-step guides for…" → "step-by-step guides".
  const lower = words.map((word) => word.toLowerCase());
  const at = lower.findIndex(isDeliverable);
  if (at >= 0) {
    let from = at;
    while (from > 0 && at - from < 2 && isModifier(lower[from - 1] ?? "")) from--;
    let to = at;
    while (to < lower.length - 1 && to - at < 2 && isModifier(lower[to + 1] ?? "")) to++;
    return words.slice(from, to + 1).join(" ");
  }
  const stop = lower.findIndex((word) => EN_STOP.has(word));
  return (stop < 0 ? words : words.slice(0, stop)).slice(-4).join(" ");
}

const ZH_SITE = /(?:门店|店|院区|医院|仓|网点|自提点|托育点|基地|站|馆|厅|园区|工厂|车间)$/;

function zhSuggestion(topic: TaskTopic, analysis: TextAnalysis, thing: string): string {
  const text = analysis.predicate.core;
  const customer = lastOf(text, ZH_CUSTOMER_PATTERN);
  const staff = lastOf(text, ZH_STAFF_PATTERN);
  const name = thing || "这项工作";
  switch (topic) {
    case "training":
      return customer || !staff
        ? `参训${customer ?? "客户"}的 30 日活跃率从 x% 提升到 y%`
        : `参训${staff}的岗位考核通过率从 x% 提升到 y%`;
    case "event":
      return `参加${name}的${customer ?? staff ?? "人"}中，30 天内转化（下单、签约或采用）的比例从 x% 提升到 y%`;
    case "content":
      return `${name}带来的有效线索从每月 x 条增加到 y 条`;
    case "launch":
    case "build":
      // A place opens to people; a system is used by them.
      return ZH_SITE.test(name)
        ? `${name}的日均服务人次从 x 提升到 y`
        : `${customer ?? staff ?? "目标用户"}中每周使用${name}的比例从 x% 提升到 y%`;
    case "migrate":
      return `${name}完成后，相关故障从每月 x 次降到 y 次`;
    case "document":
      return `${name}覆盖的事项一次办结率从 x% 提升到 y%`;
    case "hire":
      return `新到岗${staff ?? "人员"}独立上岗所需时间从 x 天缩短到 y 天`;
    case "research":
      return `${name}发现的问题中已解决的比例从 x% 提升到 y%`;
    case "fix":
      return `${name}相关的问题从每月 x 个降到 y 个`;
    default:
      return `能说明${name}见效的指标（如使用率、转化率、成本）从 x 提升到 y`;
  }
}

function plural(word: string): string {
  return /s$/.test(word) || word === "staff" || word === "sales" ? word : `${word}s`;
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function enSuggestion(topic: TaskTopic, analysis: TextAnalysis, thing: string): string {
  const tokens = analysis.predicate.core.toLowerCase().match(/[a-z]+/g) ?? [];
  const customer = englishWord(tokens, EN_CUSTOMERS);
  const staff = englishWord(tokens, EN_STAFF);
  const name = thing || "this work";
  switch (topic) {
    case "training":
      return customer || !staff
        ? `30-day active rate of trained ${plural(customer ?? "customers")} from x% to y%`
        : `Trained ${plural(staff)} passing the skills assessment from x% to y%`;
    case "event":
      return `Attendees of ${name} who convert (buy, sign or adopt) within 30 days from x% to y%`;
    case "content":
      return `Qualified leads from ${name} from x to y per month`;
    case "launch":
    case "build":
      return `${capitalized(plural(customer ?? staff ?? "target users"))} using ${name} every week from x% to y%`;
    case "migrate":
      return `Incidents related to ${name} from x to y per month`;
    case "document":
      return `Questions resolved with ${name} without asking anyone from x% to y%`;
    case "hire":
      return `Time for new ${plural(staff ?? "hires")} to work on their own from x to y days`;
    case "research":
      return `Findings from ${name} acted on from x% to y%`;
    case "fix":
      return `Issues related to ${name} from x to y per month`;
    default:
      return `A measure that shows ${name} made a difference (adoption, conversion, cost) from x to y`;
  }
}

/**
 * Suggests an outcome key result for a task, built from its own words, in both languages. Each language is
 * written when a message asks for it: a review renders one.
 */
export function suggestOutcome(analysis: TextAnalysis): OutcomeSuggestion {
  const topic = analysis.predicate.topic;
  return {
    get "zh-CN"() {
      return zhSuggestion(topic, analysis, thingOf(analysis));
    },
    get en() {
      return enSuggestion(topic, analysis, thingOf(analysis));
    },
  };
}
