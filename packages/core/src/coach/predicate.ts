import { EN_LEADING_FILLERS, ZH_LEADING_FILLERS, ZH_WEASEL_WORDS } from "./lexicon.ts";
import {
  BOUNDED_SCOPE,
  EN_ABILITY,
  EN_ABSTRACT_OBJECTS,
  EN_COGNITIVE_VERBS,
  EN_DELIVERABLE_NOUNS,
  EN_DOCUMENT_SUBJECTS,
  EN_DOCUMENT_VERBS,
  EN_DONE_STATES,
  EN_MEASURE_HEADS,
  EN_METRIC_NOUNS,
  EN_PLACEHOLDER_TEXT,
  EN_QUALITY_WORDS,
  EXPLICIT_CADENCE,
  PRACTICE_NOUNS,
  VAGUE_CADENCE,
  VAGUE_CADENCE_ADJECTIVE,
  ZH_DELIVERABLE_NOUNS,
} from "./noun-lexicon.ts";
import type { Language } from "./segment.ts";
import {
  englishVerbAt,
  type TaskTopic,
  type VerbEntry,
  type VerbKind,
  ZH_ASPECT_MARKERS,
  ZH_RESULT_COMPLEMENTS,
  zhVerbAt,
} from "./verb-lexicon.ts";

/** The main verb of a clause and what it says about the kind of result. */
export type Predicate = {
  /**
   * Kind of the governing verb. A noun phrase that names a deliverable ("Swagger API documentation", "新版官网")
   * reads as `deliver`; one that names a measure or a quality ("客户满意度", "Better documentation") is `none`.
   */
  kind: VerbKind | "none";
  /** The verb as matched ("上线", "roll out"), the deliverable noun of a noun phrase, or "" for none. */
  verb: string;
  /** The words the verb governs, up to the end of the clause. */
  object: string;
  /** What a task produces (launch, training, …), for the advice; `general` when nothing says. */
  topic: TaskTopic;
  /** An activity or practice with no end of its own ("推进精益生产", "host webinars", "定期开展心理辅导"). */
  isOpenEnded: boolean;
  /**
   * The clause states an ability ("Customers can serve themselves"): a key result delivers it, an objective
   * that says it names a state worth reaching.
   */
  isAbility?: boolean;
  /** The text after the leading frame (deadline, hedge, label) was removed. */
  core: string;
};

const NONE = (core: string): Predicate => ({
  kind: "none",
  verb: "",
  object: core,
  topic: "general",
  isOpenEnded: false,
  core,
});

/** Finds the governing verb of one clause. */
export function readClause(clause: string, language: Language): Predicate {
  return language === "zh" ? findChinesePredicate(clause) : findEnglishPredicate(clause);
}

// ---------------------------------------------------------------------------------------------------------
// Chinese

// A point or span of time as Chinese OKRs write it: 2028年3月底, 6月30日, 第三季度, Q3, 30 天, 两周.
const ZH_TIME =
  "(?:\\d{4}\\s?年度?\\s?)?(?:第?[一二三四]季度|Q[1-4]|H[12]|上半年|下半年|年底|年末|月底|\\d{1,2}\\s?月(?:\\s?\\d{1,2}\\s?[日号])?|[一二三四五六七八九十]{1,3}月(?:[一二三四五六七八九十]{1,3}[日号])?|\\d+\\s?(?:天|日|周|个月|个工作日|工作日|小时)|[一二三四五六七八九十两]+(?:天|周|个月|个工作日))(?:份|底|初|中|末)?";
// "2028年3月底前完成…", "30 天内上线…": a deadline in front of the predicate.
const ZH_DEADLINE = new RegExp(
  `^(?:在|于|截至|截止)?\\s?${ZH_TIME}\\s?(?:结束)?(?:之前|以前|前|以内|之内|内)\\s?`,
);
// "在 6 月上线…", "于三季度完成…", "提前 2 周完成…": a point in time in front of the predicate.
const ZH_TIME_POINT = new RegExp(`^(?:在|于|提前)\\s?${ZH_TIME}\\s?`);
const ZH_TIME_FRAME =
  /^(?:Q[1-4]|H[12]|FY\s?\d+|\d{4}\s?年度?|第[一二三四]季度|[一二三四]季度|本季度|本年度|今年|明年|年内|全年|上半年|下半年)(?:内|期间|里|中)?\s?(?:[:：,，]\s?)?/;
// "每学期举办…", "每两周召开…": a stated cadence in front of the predicate (EXPLICIT_CADENCE still reads it).
const ZH_CADENCE_FRAME =
  /^每(?:个|一|两|[二三四五六])?(?:天|日|晚|周|星期|月|季度|季|年|半年|双周|半月|学期|学年|班次?)/;
// "20 点后对临期商品打折": a time of day in front of the predicate.
const ZH_CLOCK_FRAME = /^\d{1,2}\s?(?:点|时)(?:半|整|\d{1,2}分)?\s?(?:之前|以前|之后|以后|前|后)\s?/;
// "细则于 6 月底前印发": a deadline between the deliverable and its verb.
const ZH_INNER_DEADLINE = new RegExp(`(?:于|在)?\\s?${ZH_TIME}\\s?(?:之前|以前|前)?\\s?$`);
// Adverbs between a deliverable and its closing verb: "新院区按期开业", "系统已上线".
const ZH_MANNER = /(?:按期|如期|按时|及时|主动|顺利|正式|全面|成功|已经|已|均|全部|基本|初步)$/;

/** Strips what frames a Chinese clause: deadlines, time frames, hedges, adverbs, labels. */
export function stripChineseFrame(clause: string): string {
  let rest = clause.trim();
  for (let i = 0; i < 8; i++) {
    const before = rest;
    rest = rest.replace(/^[\s"“”'‘’(（【[]+/, "");
    const label = /^([^\d\s:：，,]{1,6})[:：]\s?/.exec(rest);
    if (label && !/\d/.test(label[1] ?? "")) rest = rest.slice(label[0].length);
    const frame = ZH_TIME_FRAME.exec(rest);
    if (frame) rest = rest.slice(frame[0].length);
    const deadline = ZH_DEADLINE.exec(rest) ?? ZH_TIME_POINT.exec(rest);
    if (deadline && deadline[0].length < rest.length - 1) rest = rest.slice(deadline[0].length);
    const cadence =
      rest[0] === "每" ? ZH_CADENCE_FRAME.exec(rest) : /^\d/.test(rest) ? ZH_CLOCK_FRAME.exec(rest) : null;
    if (cadence && cadence[0].length < rest.length - 1) rest = rest.slice(cadence[0].length);
    const hedge = ZH_WEASEL_WORDS.find((word) => rest.startsWith(word));
    if (hedge) rest = rest.slice(hedge.length);
    const filler = ZH_LEADING_FILLERS.find((word) => rest.startsWith(word) && rest.length > word.length + 1);
    // A one-character filler (将, 把, 要) is only a frame before a verb or another frame ("已将…下放");
    // 会员 and 能力 are nouns.
    // A filler that is also a verb (统一) frames only another verb: "统一部署…", not "统一子公司会计科目".
    const isOwnVerb = filler !== undefined && validZhVerbAt(rest, 0)?.word === filler;
    if (
      filler &&
      (filler.length > 1 || validZhVerbAt(rest, 1) || /^[将把]/.test(rest.slice(1))) &&
      (!isOwnVerb || validZhVerbAt(rest, filler.length))
    )
      rest = rest.slice(filler.length);
    rest = rest.trimStart();
    if (rest === before) break;
  }
  return rest;
}

// Single characters that are verbs only on their own: 使 in 使用, 讲 in 讲座 and 增 in 增速 are not.
const ZH_NOT_A_VERB =
  /^(?:使用|使命|使者|做法|写字|讲座|讲师|讲堂|增速|增量|增幅|增值|降幅|升幅|减量|升学|降水|帮扶)/;
// After a verb these make it part of a noun naming people or organisations: 设计师, 运营商, 研究院 — unless the
// next character starts a word of its own (员工, 方案, 组织).
const ZH_NOMINAL_SUFFIX =
  /^(?:师(?!资)|者|员(?!工)|商(?![业品务户家城圈])|院(?![校区感内外])|部(?![署门分])|组(?![织建合])|团队|中心|人员|岗(?![位前中后])|方(?![案法式向面针]))/;
/** After a verb these make it part of a measure's name: 完成率, 上线数, 交付周期. */
const ZH_METRIC_SUFFIX =
  /^(?:率|度|量(?![产化])|数(?![字据码学电智])|时长|时间|周期|效率|进度|情况|比例|占比|比率|成本|质量|次数|人数|金额|额|值(?!班)|指数|得分|分数|速度|时效|水平|能力|覆盖率|满意度)/;
/** After a verb these make a time clause ("迁移后…", "上线期间…"), not the predicate. */
const ZH_TEMPORAL_SUFFIX = /^(?:后|前(?![置台端])|时(?![长间效])|期间|以来|之后|之前|过程|中(?=$|[，,的\s]))/;
// A change or outcome verb later in the clause that ends on a target takes over as the predicate: in
// "发布引起的回滚从每月 5 次降到 1 次" the subject starts with a verb, the predicate is 降到.
const ZH_LATER_CHANGE =
  /(?:从|由)[^到至]{0,24}?(?:到|至)|(?:提升|提高|增长|增加|降低|减少|缩短|下降|上升|压缩|降|减|增|升|达|控制|保持|突破|翻)(?:到|至|为|在|了|\s?\d)|(?:达到|突破|超过|低于|高于|不低于|不高于|不超过|以上|以下|以内)|(?:提升|提高|增长|增加|降低|减少|缩短|改善|优化|下降|上升)$/;
// Words that introduce the one a verb serves or acts with: 为加盟商提供…, 与 20 家房东谈判…, 把排班系统上线….
const ZH_PREPOSITION = /^(?:把|将|对|与|和|跟|同|向|为|给|帮)/;

/** The verb of the lexicon at a position, when it is a verb there and not the start of a longer noun. */
function validZhVerbAt(text: string, at: number): VerbEntry | undefined {
  const entry = zhVerbAt(text, at);
  if (!entry) return undefined;
  if (entry.word.length === 1 && ZH_NOT_A_VERB.test(text.slice(at))) return undefined;
  return entry;
}

// Deliverable nouns by their last character, longest first: a noun ending at a position is found in one lookup.
const ZH_NOUNS_BY_LAST_CHAR: ReadonlyMap<string, ReadonlyArray<[string, TaskTopic]>> = (() => {
  const index = new Map<string, Array<[string, TaskTopic]>>();
  for (const [noun, topic] of ZH_DELIVERABLE_NOUNS) {
    const last = noun[noun.length - 1] ?? "";
    index.set(last, [...(index.get(last) ?? []), [noun, topic]]);
  }
  for (const list of index.values()) list.sort((a, b) => b[0].length - a[0].length);
  return index;
})();

/** The deliverable noun that ends exactly at `end` in a text, if any. */
function zhNounEndingAt(text: string, end: number): [string, TaskTopic] | undefined {
  return ZH_NOUNS_BY_LAST_CHAR.get(text[end - 1] ?? "")?.find(([noun]) =>
    text.startsWith(noun, end - noun.length),
  );
}

/** The last deliverable noun of an object, and what kind of task produces it. */
function topicOfZhObject(object: string, fallback: TaskTopic): { topic: TaskTopic; head: string } {
  for (let end = object.length; end > 0; end--) {
    const found = zhNounEndingAt(object, end);
    if (found) return { topic: found[1], head: found[0] };
  }
  return { topic: fallback, head: "" };
}

/** Whether a practice (training, drills, outreach) has no end of its own in this clause. */
function isOpenPractice(clause: string, head: string): boolean {
  if (EXPLICIT_CADENCE.test(clause) || BOUNDED_SCOPE.test(clause)) return false;
  return PRACTICE_NOUNS.has(head) || VAGUE_CADENCE.test(clause);
}

function chineseTask(
  kind: "deliver" | "activity",
  verb: VerbEntry | string,
  object: string,
  clause: string,
  core: string,
): Predicate {
  const word = typeof verb === "string" ? verb : verb.word;
  const own = typeof verb === "string" ? "general" : verb.topic;
  const { topic, head } = topicOfZhObject(object, own);
  // Only the head of the object makes it a practice: "实现检查结果互认" delivers a mutual recognition.
  const practice = PRACTICE_NOUNS.has(word) ? word : endsOnNoun(object, head) ? head : "";
  // "推进新系统上线" is bounded by its deliverable; a practice is open unless a count, a scope or a schedule bounds it.
  const endsOnDelivery = endsOnMilestone(object);
  const isOpenEnded =
    kind === "activity"
      ? !endsOnDelivery && !EXPLICIT_CADENCE.test(clause) && !BOUNDED_SCOPE.test(clause)
      : isOpenPractice(clause, practice) && !endsOnDelivery;
  // A verb of doing in general takes its topic from what it does ("完成数据迁移" migrates, "组织客户培训"
  // trains); a specific verb keeps its own ("客服人员培训" trains people, it does not hire them).
  const closing = own === "general" ? trailingZhVerb(object) : null;
  let chosen = own;
  if (closing?.kind === "deliver") chosen = closing.topic;
  else if ((own === "general" || own === "event") && head) chosen = topic;
  return {
    kind: kind === "activity" && endsOnDelivery ? "deliver" : kind,
    verb: word,
    object,
    topic: chosen,
    isOpenEnded,
    core,
  };
}

/** Whether a noun heads an object: nothing but a count follows it ("演练", "培训 3 场"). */
function endsOnNoun(object: string, noun: string): boolean {
  if (noun === "") return false;
  const at = object.lastIndexOf(noun);
  return at >= 0 && !/\p{Script=Han}/u.test(object.slice(at + noun.length).replace(/\d+\s?[^\s\d]?/g, ""));
}

function trailingZhVerb(text: string): VerbEntry | null {
  const body = text.replace(/[\s。.!！]+$/, "");
  for (let length = Math.min(5, body.length); length >= 1; length--) {
    const entry = validZhVerbAt(body, body.length - length);
    if (entry && entry.word.length === length) return entry;
  }
  return null;
}

/** Whether a text ends on a milestone that closes the work: "新系统上线", "老系统切换", "改造完成". */
function endsOnMilestone(text: string): boolean {
  const entry = trailingZhVerb(text);
  return entry !== null && (entry.topic === "launch" || entry.topic === "migrate" || entry.word === "完成");
}

function findChinesePredicate(clause: string): Predicate {
  const core = stripChineseFrame(clause);
  // "新入职员工院感培训全覆盖": full coverage of a practice is a measured state, not a to-do.
  if (ZH_FULL_COVERAGE.test(core)) return { ...NONE(core), kind: "outcome", verb: "覆盖" };
  return (
    leadingChineseVerb(clause, core) ??
    trailingChinese(clause, core) ??
    chineseNounPhrase(clause, core) ??
    medialChineseVerb(clause, core) ??
    scheduledPractice(clause, core) ??
    NONE(core)
  );
}

const ZH_MEASURE_THEN_FIGURE =
  /(?:率|度|数|量|额|值|时长|时间|周期|成本|占比|比例|差错|错误|事故|投诉|缺陷|故障)\s?(?:为|是|在|控制在|保持在|不超过|不低于|低于|高于)?\s?(?:\d|零)/;

// Deliverable nouns by their first character, longest first.
const ZH_NOUNS_BY_FIRST_CHAR: ReadonlyMap<string, readonly string[]> = (() => {
  const index = new Map<string, string[]>();
  for (const noun of ZH_DELIVERABLE_NOUNS.keys())
    index.set(noun[0] ?? "", [...(index.get(noun[0] ?? "") ?? []), noun]);
  return index;
})();

/** Whether a deliverable noun longer than the verb found at `at` starts there ("公开课" over "公开"). */
function startsZhNoun(text: string, at: number, verbLength: number): boolean {
  return (ZH_NOUNS_BY_FIRST_CHAR.get(text[at] ?? "") ?? []).some(
    (noun) => noun.length > verbLength && text.startsWith(noun, at),
  );
}

const ZH_VAGUE_ENDING =
  /(?:更加|更为|更(?![换新改名正替迭])|明显|显著|有所|进一步|大幅|逐步|不断)[\u4e00-\u9fff]{1,4}[。.!！]?$|得到(?:有效)?[\u4e00-\u9fff]{1,3}[。.!！]?$/;
const ZH_FULL_COVERAGE = /(?:全覆盖|全面覆盖|全员覆盖|覆盖率\s?100\s?%)[。.!！]?$/;
// "每天洒水降尘 4 次": a stated cadence and a count of times is a practice on a schedule, whatever its verb.
const ZH_TIMES_AT_END = /\d+\s?(?:次|场|遍|趟|轮)[。.!！]?$/;

// Where a subject in front of a verb ends: a noun phrase, not a clause of its own.
const ZH_SUBJECT_STOP = /[\d%，,；;。、的]|(?:从|由|将|把|在|于)$/;

function scheduledPractice(clause: string, core: string): Predicate | null {
  if (!EXPLICIT_CADENCE.test(clause) || !ZH_TIMES_AT_END.test(core) || ZH_MEASURE_THEN_FIGURE.test(core))
    return null;
  return { kind: "deliver", verb: "", object: core, topic: "general", isOpenEnded: false, core };
}

/**
 * A subject, then the verb: "新教师听评课 20 节", "护士长每日查房", "组件清洗每月 2 次". The verb must be a word
 * of two characters or more (a single character inside a noun is too often not a verb), and what follows it
 * must not turn it into a measure's name ("客服人员培训覆盖率") or a time ("上线后").
 */
function medialChineseVerb(clause: string, core: string): Predicate | null {
  // A subject never holds a figure or a clause break: scanning stops at the first.
  const stop = core.search(/[\d%，,；;。、的]/);
  const limit = Math.min(core.length - 1, 10, stop < 0 ? core.length : stop);
  for (let at = 2; at <= limit; at++) {
    const entry = validZhVerbAt(core, at);
    if (!entry || entry.word.length < 2) continue;
    if (entry.kind === "change") return null;
    // "英语双师课堂覆盖全部乡村学校": a subject that reaches a result.
    if (entry.kind === "outcome") {
      const subject = core.slice(0, at);
      if (ZH_SUBJECT_STOP.test(subject)) return null;
      const object = core.slice(at + entry.word.length).trim();
      return { kind: "outcome", verb: entry.word, object, topic: "general", isOpenEnded: false, core };
    }
    if (entry.kind !== "deliver" && entry.kind !== "activity") continue;
    // 公开 of 公开课, 培训 of 培训班: the start of a longer noun is not a verb.
    if (startsZhNoun(core, at, entry.word.length)) continue;
    const subject = core.slice(0, at).replace(ZH_MANNER, "");
    if (ZH_SUBJECT_STOP.test(subject) || validZhVerbAt(core, at - 1)) return null;
    const after = core.slice(at + entry.word.length);
    // "所有论文提交前进行查重": a time clause; the predicate comes after it.
    if (ZH_TEMPORAL_SUFFIX.test(after)) continue;
    // "工资发放差错次数为零": a measure with its target follows — the verb only names what is measured.
    if (ZH_MEASURE_THEN_FIGURE.test(after)) return null;
    // "员工参与改善的氛围更加浓厚", "数据质量问题得到解决": the clause ends on a vague change of quality.
    if (ZH_VAGUE_ENDING.test(core)) return NONE(core);
    if (ZH_METRIC_SUFFIX.test(after) || ZH_NOMINAL_SUFFIX.test(after)) return null;
    if (after.startsWith("的") || ZH_LATER_CHANGE.test(after)) return null;
    return chineseTask(entry.kind, entry, after.trim(), clause, core);
  }
  return null;
}

function leadingChineseVerb(clause: string, core: string): Predicate | null {
  let at = 0;
  let entry = validZhVerbAt(core, 0);
  if (!entry && ZH_PREPOSITION.test(core)) {
    // "与 40 家供应商实现 EDI 对接": the verb comes after the one it acts with; after 把 and 将 the object comes
    // first and the verb that disposes of it closes the clause ("把防返贫监测做实").
    const isDisposal = /^[把将]/.test(core);
    for (let i = 2; i < Math.min(core.length, 24) && (!entry || isDisposal); i++) {
      const found = validZhVerbAt(core, i);
      if (found && found.kind !== "state" && !startsZhNoun(core, i, found.word.length)) {
        entry = found;
        at = i;
        i += found.word.length - 1;
      }
    }
  }
  if (!entry) return null;
  let after = core.slice(at + entry.word.length);
  if (entry.kind === "deliver" || entry.kind === "activity") {
    // 上线了, 组织好, 清理掉: aspect markers and result complements still belong to the verb.
    while (after !== "" && (ZH_ASPECT_MARKERS + ZH_RESULT_COMPLEMENTS).includes(after[0] ?? "")) {
      if (ZH_METRIC_SUFFIX.test(after.slice(1))) break;
      after = after.slice(1);
    }
  }
  if (ZH_METRIC_SUFFIX.test(after)) return NONE(core); // 完成率
  // 设计师, 运营商, 共享中心: a noun, and the clause's verb, if any, comes later ("共享中心 6 月正式运行").
  if (ZH_NOMINAL_SUFFIX.test(after)) return null;
  if (ZH_TEMPORAL_SUFFIX.test(after)) return NONE(core); // 迁移后…
  if (after.startsWith("的")) return NONE(core);
  // "把作业设计得更有效", "做得更好": a complement of degree turns the verb into a change of quality.
  if (after.startsWith("得") && (entry.kind === "deliver" || entry.kind === "activity"))
    return {
      kind: "change",
      verb: entry.word,
      object: after.slice(1),
      topic: "general",
      isOpenEnded: false,
      core,
    };
  const object = after.trim();
  if ((entry.kind === "deliver" || entry.kind === "activity") && ZH_LATER_CHANGE.test(after)) {
    return { kind: "change", verb: entry.word, object, topic: entry.topic, isOpenEnded: false, core };
  }
  if (entry.kind === "deliver" || entry.kind === "activity") {
    return chineseTask(entry.kind, entry, object, clause, core);
  }
  // "新增 200 名临时分拣人员", "新增 10 台自助终端": adding resources is a to-do; adding customers is a result.
  if (entry.kind === "change" && /^(?:新增|增加|增设|增配|扩充)$/.test(entry.word)) {
    const { topic, head } = topicOfZhObject(object, "general");
    // Services and matters a place offers are built too: "新增快递代收等 5 项便民服务".
    const isOffering = /(?:服务|事项|功能|窗口)$/.test(object);
    // People to staff ("增加 50 名保洁员") and places or fixtures to set up ("增加 2 个装货月台") are resources.
    const isResource =
      /\d\s?(?:名|位|个|台|套|张|座|处|间|辆)[^\d，,；;。]*(?:员|师|工|医生|护士|司机|骑手|月台|车位|床位|工位|柜台|货架|站点|桩|仓|库|基地|点)$/.test(
        object,
      );
    if ((head && (topic === "build" || topic === "hire")) || isOffering || isResource)
      return chineseTask("deliver", entry, object, clause, core);
  }
  // "优化 30 个路口信号配时", "改造老旧台区 50 个": improving a counted set of things is a to-do.
  if (entry.kind === "change" && /^(?:优化|改善|改进|完善|规范|整合)$/.test(entry.word)) {
    if (/^\s?\d+\s?(?:个|项|处|条|家|所|座|台|套|间)(?!百分点|点)[\u4e00-\u9fff]/.test(object))
      return chineseTask("deliver", entry, object, clause, core);
  }
  // "实现发票自动验真", "实现与 ERP 的对接": an outcome verb over a deliverable delivers it.
  if (entry.kind === "outcome" && entry.word === "实现" && trailingZhVerb(object)?.kind === "deliver") {
    return chineseTask("deliver", entry, object, clause, core);
  }
  return { kind: entry.kind, verb: entry.word, object, topic: entry.topic, isOpenEnded: false, core };
}

/** A deliverable named first and its verb last: "新版官网上线", "客服人员培训", "细则于 6 月底前印发". */
function trailingChinese(clause: string, core: string): Predicate | null {
  // "会员小程序上线了": an aspect marker after the closing verb still closes on it.
  const body = core
    .replace(/[\s。.!！]+$/, "")
    .replace(/[(（][^)）]*[)）]$/, "")
    .replace(new RegExp(`[${ZH_ASPECT_MARKERS}]$`), "");
  for (let length = Math.min(5, body.length - 2); length >= 1; length--) {
    const entry = validZhVerbAt(body, body.length - length);
    if (!entry || entry.word.length !== length) continue;
    // "空驶率降低", "窗口人员着装、用语规范": a clause that closes on a change names a state, not a thing.
    if (entry.kind === "change") return NONE(core);
    // "换证审核一次通过", "安保人员配备达标": a clause that closes on a result states that result.
    if (entry.kind === "outcome" && body.length - length >= 2)
      return {
        kind: "outcome",
        verb: entry.word,
        object: body.slice(0, body.length - length),
        topic: "general",
        isOpenEnded: false,
        core,
      };
    if (entry.kind !== "deliver" && entry.kind !== "activity") return null;
    if (ZH_VAGUE_ENDING.test(core)) return NONE(core); // "数据质量问题得到解决"
    let subject = body.slice(0, body.length - length);
    // "药师参与临床查房": the subject's own verb of activity governs; the medial reading takes it.
    for (let at = 1; at < subject.length - 1; at++) {
      const inner = validZhVerbAt(subject, at);
      if (
        inner?.kind === "activity" &&
        inner.word.length >= 2 &&
        !startsZhNoun(subject, at, inner.word.length)
      )
        return null;
    }
    for (let i = 0; i < 3; i++) subject = subject.replace(ZH_MANNER, "").replace(ZH_INNER_DEADLINE, "");
    subject = subject.trim();
    if (subject.length < 2) return null;
    // "首次响应时长缩短" names a measure: its head is a metric noun.
    if (/(?:率|度|量|数|时长|时间|周期|效率|成本|占比|比例|指数|得分|分数|速度)$/.test(subject)) return null;
    if (/\d|%/.test(subject)) return null;
    return chineseTask(entry.kind, entry, subject, clause, core);
  }
  return null;
}

/** A noun phrase: a deliverable when it ends on one or counts one ("经营分析看板", "优质数字课例 100 节"). */
function chineseNounPhrase(clause: string, core: string): Predicate | null {
  const beforeFigure = core.split(/\s?\d/)[0] ?? core;
  const body = beforeFigure.replace(/[\s。.!！]+$/, "");
  const found = zhNounEndingAt(body, body.length);
  if (found && body.length > found[0].length) {
    const [noun, topic] = found;
    return {
      kind: "deliver",
      verb: noun,
      object: body,
      topic,
      isOpenEnded: isOpenPractice(clause, noun),
      core,
    };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// English

const EN_LABEL =
  /^(?:[A-Za-z][\w&/.'’+-]*(?: \([^)]{1,30}\))?(?: (?:[A-Za-z&][\w&/.'’+-]*)(?: \([^)]{1,30}\))?){0,3}) ?: +(?=[A-Z[])/;
const EN_HEDGE_PREFIX =
  /^(?:(?:try|tries|aim|aims|strive|strives|attempt|attempts|seek|seeks|hope|hopes|endeavou?r|want|wants) (?:to|and|for) |(?:plan|plans) (?:to|and) |(?:hopefully|ideally|preferably|if possible|where possible),? )/i;
const EN_DEADLINE_PREFIX =
  /^(?:by|before|until|in|during|within|for|through|starting|from|at) (?:the )?(?:end of |start of |beginning of |middle of )?[^,]{0,30},\s*/i;
const EN_SUBJECT_PREFIX =
  /^(?:we|i|they|the team|our team)(?:'ve|’ve|'ll|’ll|'re|’re|'d|’d)?\s+(?:(?:have|has|had|will|are|shall|must|should|can)\s+)?/i;
const EN_TIME_PREFIX = /^(?:Q[1-4]|H[12]|FY ?\d+|CY ?\d+|\d{4})\b[:,]?\s*/;
// "Continue to foster…", "Keep improving…": the verb that follows is what is asked.
const EN_CONTINUE_PREFIX = /^(?:continue|continues) (?:to (?=[a-z])|(?=[a-z]+ing\b))|^keep (?=[a-z]+ing\b)/i;
// Priority and team tags, strike-through and work-in-progress notes around a published key result.
const EN_TAGS_AFTER =
  /(?:\s*(?:\[[^\]]{1,16}\]|\((?:WIP|wip|tbd|TBD)[^)]{0,30}\)|\bP[0-9?](?:\[[A-Za-z]+\])?|~~))+\s*[.]?$/;

/** Strips what frames an English clause: tags, labels, deadlines, hedges, pronouns and adverbs. */
export function stripEnglishFrame(clause: string): string {
  let rest = clause.trim().replace(EN_TAGS_AFTER, "");
  for (let i = 0; i < 8; i++) {
    const before = rest;
    rest = rest.replace(
      /^(?:[\s*"“”'‘’~-]+|\[[^\]]{0,24}\]\s*|\((?:P\d|[A-Z]{2,8})\)\s*|\d{1,2}[.)] (?=[A-Za-z]))/,
      "",
    );
    const label = rest.includes(":") ? EN_LABEL.exec(rest) : null;
    if (label && label[0].length < rest.length - 1) rest = rest.slice(label[0].length);
    const time = EN_TIME_PREFIX.exec(rest);
    if (time && time[0].length < rest.length) rest = rest.slice(time[0].length);
    const deadline = rest.includes(",") ? EN_DEADLINE_PREFIX.exec(rest) : null;
    if (
      deadline &&
      /\d|q[1-4]|h[12]|year|quarter|month|week|end|eoy|eoq|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i.test(
        deadline[0],
      )
    ) {
      rest = rest.slice(deadline[0].length);
    }
    const hedge = EN_HEDGE_PREFIX.exec(rest);
    if (hedge) rest = rest.slice(hedge[0].length);
    const subject = EN_SUBJECT_PREFIX.exec(rest);
    if (subject && subject[0].length < rest.length) rest = rest.slice(subject[0].length);
    const continued = /^[ck]/i.test(rest) ? EN_CONTINUE_PREFIX.exec(rest) : null;
    if (continued) rest = rest.slice(continued[0].length);
    const word = /^([A-Za-z']+)\s+/.exec(rest);
    const lower = word?.[1]?.toLowerCase() ?? "";
    if (
      word &&
      (EN_LEADING_FILLERS.has(lower) || (/ly$/.test(lower) && lower.length > 4 && !englishVerbAt([lower])))
    ) {
      rest = rest.slice(word[0].length);
    }
    if (rest === before) break;
  }
  return rest;
}

const EN_WORD = /[a-z][a-z0-9'’+-]*|[$€£¥]?\d[\d,.]*[%+]?/g;
const EN_NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|fifty|hundred|thousand|dozen|once|twice)$/;
// Words that end the head noun phrase of an object or a subject.
const EN_PREPOSITIONS = new Set(
  "for, of, on, in, to, with, at, by, from, across, into, within, under, over, that, which, so, as, including, via, through, between, about, after, before, if, when, while, where".split(
    ", ",
  ),
);
const EN_DETERMINERS = new Set(
  "a, an, the, our, my, their, its, your, this, that, these, those, at, least, more, than, new, internal, external, monthly, weekly, quarterly, regular, all, each, every, one, some, any, first, final, initial".split(
    ", ",
  ),
);
const EN_ARTICLES = new Set(
  "a, an, the, our, my, their, its, your, this, that, these, those, one".split(", "),
);

// Deliverable nouns in the singular and the plural, so one lookup reads either.
const EN_NOUN_TOPICS: ReadonlyMap<string, TaskTopic> = (() => {
  const map = new Map<string, TaskTopic>();
  for (const [noun, topic] of EN_DELIVERABLE_NOUNS) {
    for (const form of [noun, `${noun}s`, `${noun}es`, noun.replace(/y$/, "ies")]) {
      if (!map.has(form)) map.set(form, topic);
    }
  }
  return map;
})();

function deliverableTopic(word: string): TaskTopic | undefined {
  // "style-analyzer", "self-serve-portal": a hyphenated compound is named by its last part.
  return (
    EN_NOUN_TOPICS.get(word) ??
    (/^[a-z]+-[a-z]+$/.test(word) ? EN_NOUN_TOPICS.get(word.split("-")[1] ?? "") : undefined)
  );
}

/**
 * "rota covering APAC hours", "taxonomy agreed with product": a participle that takes an object or a
 * preposition after the head — not "code style rules mining under UAST" (a work name) nor "formatting support".
 */
function isPostmodifyingParticiple(words: readonly string[], index: number): boolean {
  const word = words[index] ?? "";
  const next = words[index + 1] ?? "";
  if (deliverableTopic(word) || EN_METRIC_NOUNS.has(word) || deliverableTopic(next)) return false;
  if (/^[a-z]{3,}ing$/.test(word)) return next !== "" && !EN_PREPOSITIONS.has(next);
  return /^[a-z]{3,}ed$/.test(word) && /^(?:by|with|on|in|for|across|into|to)$/.test(next);
}

/** The words of the head noun phrase: up to the first preposition or relative word. */
function headPhrase(words: readonly string[]): readonly string[] {
  const start = firstContentIndex(words);
  // "Follow-the-sun rota covering APAC hours", "Tagging taxonomy agreed with…": a participle after the head
  // starts what modifies it.
  const stop = words.findIndex(
    (word, index) =>
      index >= start &&
      (EN_PREPOSITIONS.has(word) || (index > start + 1 && isPostmodifyingParticiple(words, index))),
  );
  return (stop < 0 ? words : words.slice(0, stop)).slice(0, 8);
}

/** The deliverable noun heading an object, looking past modifiers ("a new onboarding flow" → flow). */
function objectDeliverable(objectWords: readonly string[]): { topic: TaskTopic; head: string } | null {
  const span = headPhrase(objectWords);
  // "Single source of truth": a name that runs across "of".
  if (span.length > 0 && objectWords[span.length] === "of") {
    const across = `${span.at(-1)} of ${objectWords[span.length + 1] ?? ""}`;
    const topic = deliverableTopic(across);
    if (topic) return { topic, head: across };
  }
  for (let i = span.length - 1; i >= 0; i--) {
    const word = span[i] ?? "";
    const pair = i > 0 ? `${span[i - 1]} ${word}` : "";
    const topic = (pair && deliverableTopic(pair)) || deliverableTopic(word);
    if (topic) return { topic, head: word };
  }
  return null;
}

function firstContentIndex(objectWords: readonly string[]): number {
  let index = 0;
  while (index < objectWords.length && EN_DETERMINERS.has(objectWords[index] ?? "")) index++;
  return index;
}

function startsWithCount(objectWords: readonly string[]): boolean {
  const at = firstContentIndex(objectWords);
  const first = objectWords[at] ?? "";
  return (
    /^[$€£¥]?[+~>]?\d/.test(first) ||
    /^(?:two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|dozen|n\d*|x{1,3})$/.test(first) ||
    // "Make one hire per open role": "one" counts a deliverable; "one team" is an article.
    (objectWords[at - 1] === "one" && deliverableTopic(first) !== undefined)
  );
}

function isBarePlural(objectWords: readonly string[]): boolean {
  const first = objectWords[0] ?? "";
  if (EN_ARTICLES.has(first) || /^\d/.test(first)) return false;
  const head = objectWords.slice(0, 3).find((word) => /s$/.test(word) && !/(?:ss|us|is)$/.test(word));
  return (
    head !== undefined &&
    objectWords.slice(0, 3).every((word) => !/^(?:of|for|to|with|on)$/.test(word) || word === head)
  );
}

/** The kinds of the verbs joined to the first with "and": "Identify users and partner with them". */
function coordinatedKinds(words: readonly string[], from: number): Set<VerbKind> {
  const kinds = new Set<VerbKind>();
  for (let i = from; i < words.length - 1; i++) {
    if (words[i] !== "and") continue;
    const next = englishVerbAt(words, i + 1);
    // "Runbook documented and reviewed": a participle states the work done, whatever its verb.
    for (const entry of next?.entries ?? [])
      if (next?.inflection !== "s")
        kinds.add(next?.inflection === "past" && entry.kind === "activity" ? "deliver" : entry.kind);
  }
  return kinds;
}

// Verbs of finding something out: about one named question or option they end in an answer.
const EN_INQUIRY = new Set([
  "research",
  "investigate",
  "explore",
  "evaluate",
  "assess",
  "look into",
  "study",
]);
// Objects that keep an inquiry open: there is always another opportunity or market to explore.
const EN_OPEN_INQUIRY =
  /^(?:new|other|more|ways?|opportunit(?:y|ies)|ideas?|possibilit(?:y|ies)|areas?|trends?|markets?|channels?|partnerships?|options)$/;

/**
 * "Investigate the root cause of the latency spikes", "Evaluate SBOM tooling for our pipeline": an inquiry into
 * one named thing ends in a finding, a bounded deliverable; "Explore new opportunities" goes on.
 */
function isBoundedInquiry(entry: VerbEntry, objectWords: readonly string[]): boolean {
  if (!EN_INQUIRY.has(entry.word) || objectWords.length === 0) return false;
  const first = objectWords[firstContentIndex(objectWords)] ?? "";
  // "Research options for UDFs": options for a named thing are that thing's.
  if (first === "options" && objectWords.includes("for")) return !VAGUE_CADENCE.test(objectWords.join(" "));
  // "Investigate flaky test causes": a bare plural is an open class of things to look at.
  if (isBarePlural(objectWords)) return false;
  if (EN_OPEN_INQUIRY.test(first) || EN_PEOPLE.test(first) || /^(?:how|what|whether|why)$/.test(first))
    return first === "whether";
  return !VAGUE_CADENCE.test(objectWords.join(" "));
}

function englishTask(
  entry: VerbEntry,
  objectWords: readonly string[],
  words: readonly string[],
  core: string,
  objectStart: number,
): Predicate {
  const object = objectWords.join(" ");
  const deliverable = objectDeliverable(objectWords);
  // What is made says more than a verb of doing in general: "Run 3 customer trainings" is training.
  const topic =
    entry.topic === "general" || entry.topic === "event" ? (deliverable?.topic ?? entry.topic) : entry.topic;
  const joined = coordinatedKinds(words, objectStart);
  // "Research and install Kubeflow": an activity joined to a deliverable is bounded by it.
  const kind = entry.kind === "activity" && !joined.has("deliver") ? "activity" : "deliver";
  let isOpenEnded: boolean;
  if (EXPLICIT_CADENCE.test(core) || startsWithCount(objectWords)) isOpenEnded = false;
  else if (VAGUE_CADENCE.test(core) || (joined.has("activity") && !BOUNDED_SCOPE.test(core)))
    isOpenEnded = true;
  else if (kind === "activity") isOpenEnded = !isBoundedInquiry(entry, objectWords);
  // "Add Java formatting support", "Ship support for SAML": support as a capability is built once.
  else if (deliverable?.head === "support" && (entry.topic === "build" || entry.topic === "launch"))
    isOpenEnded = false;
  else
    isOpenEnded =
      // "Write blog posts" goes on; "Write specifications" is one document.
      (["event", "training", "content"].includes(entry.topic) &&
        !["document", "build"].includes(deliverable?.topic ?? "") &&
        isBarePlural(objectWords) &&
        !BOUNDED_SCOPE.test(core)) ||
      // "Define standard support terms": a practice noun that only modifies the head is no practice.
      (PRACTICE_NOUNS.has(deliverable?.head ?? "") &&
        headPhrase(objectWords).at(-1) === deliverable?.head &&
        !BOUNDED_SCOPE.test(core) &&
        !EN_ARTICLES.has(objectWords[0] ?? ""));
  return { kind, verb: entry.word, object, topic, isOpenEnded, core };
}

// Common verbs of being and feeling outside the lexicon: a phrase with one is a sentence, not a name.
const EN_COMMON_VERBS =
  /^(?:feels?|felt|comes?|came|loves?|knows?|wants?|likes?|stays?|holds?|seems?|looks?|works?|runs?|goes|went|says?|thinks?|needs?|uses?|finds?|sees?|trusts?|gets?|can|will|should|must)$/;

// People first after a weak verb make it a verb of states: "Give customers a service they never think about".
// What a team stands up itself: counted, it is still output.
const EN_INFRASTRUCTURE =
  /\b(?:nodes?|servers?|instances?|machines?|clusters?|environments?|runners?|replicas?|gateways?|dashboards?|services?)\b/;
const EN_ORGANISATIONS =
  /^(?:companies|organi[sz]ations|projects|accounts|logos|customers|teams|vendors|partners)$/;
const EN_PEOPLE =
  /^(?:customers?|users?|partners?|sales|teams?|everyone|people|developers?|members?|clients?|employees?|staff|buyers?|patients?|students?|us|them)$/;

/** Whether a verb that needs a count or a deliverable ("run", "give", "make", "generate") has one here. */
function governsDeliverable(entry: VerbEntry, objectWords: readonly string[]): boolean {
  const start = firstContentIndex(objectWords);
  // "Add N5 ARR", "Generate N6 in pipeline": a count of a measure is an outcome, not an output.
  const countsMeasure = headPhrase(objectWords.slice(start + 1)).some((word) => EN_METRIC_NOUNS.has(word));
  if (startsWithCount(objectWords) && entry.needs !== "object") return !countsMeasure;
  // "Add metrics from the playground to the main dashboard": adding to a deliverable changes it.
  const into = objectWords.findIndex((word) => word === "to" || word === "into");
  if (entry.word === "add" && into > 0 && objectDeliverable(objectWords.slice(into + 1))) return true;
  if (entry.needs === "count") return false;
  // "Give customers a service": people first, then what they get — a verb of states.
  if (EN_PEOPLE.test(objectWords[start] ?? "") && EN_DETERMINERS.has(objectWords[start + 1] ?? ""))
    return false;
  return objectDeliverable(objectWords) !== null;
}

function pickEntry(
  entries: readonly VerbEntry[],
  objectWords: readonly string[],
  isPassive = false,
): VerbEntry | null {
  const doing = entries.find((entry) => entry.kind === "deliver" || entry.kind === "activity");
  const other = entries.find((entry) => entry.kind !== "deliver" && entry.kind !== "activity") ?? null;
  if (!doing) return other;
  if (doing.needs && !governsDeliverable(doing, objectWords)) return other;
  // "Deliver value", "Provide great support": an abstract object is not a deliverable.
  if (
    ["launch", "general"].includes(doing.topic) &&
    EN_ABSTRACT_OBJECTS.test(objectWords.join(" ")) &&
    !objectDeliverable(objectWords) // "Deliver financial insights dashboard" delivers a dashboard
  )
    return other;
  // "Build for long-term growth": a verb of building with no object builds nothing in particular — unless the
  // participle follows what was built ("Account plans built for each AE").
  if (doing.topic === "build" && !isPassive && /^(?:for|towards?)$/.test(objectWords[0] ?? "")) return other;
  return doing;
}

const EN_NOMINAL_OF = new Set(
  "launch, release, implementation, completion, migration, rollout, roll-out, delivery, deployment, creation, publication, development, introduction, integration, redesign, rewrite".split(
    ", ",
  ),
);
const SUBJECT_PRONOUN =
  /(?:^|[:\]]\s*)(?:we|i|they|the team|our team)(?:'ve|’ve|'ll|’ll| have| has| had| will| are)?\s/i;
const EN_PERFECT_SUBJECT = /(?:^|[:\]]\s*)(?:we|they|the team|our team)(?:'ve|’ve| have| has)\s/i;
// Verbs that keep an artifact going rather than finish it: "Maintain realistic hiring plans".
const EN_UPKEEP = new Set(["maintain", "sustain", "preserve"]);

/**
 * Whether a word of a measure's name heads the phrase there: "response time", "cost of sales" — not "cost alerts",
 * where another noun follows and the measure's word only modifies it.
 */
function isMeasureHeadAt(words: readonly string[]): (word: string, index: number) => boolean {
  return (word, index) => {
    if (!EN_MEASURE_HEADS.has(word)) return false;
    const next = words[index + 1];
    return (
      next === undefined ||
      EN_MEASURE_HEADS.has(next) ||
      EN_PREPOSITIONS.has(next) ||
      /^(?:[$€£¥<>~]?\d|n\d|and|or|is|are|was|were|drops?|falls?|goes|below|above|under|less|more|per)/.test(
        next,
      ) ||
      englishVerbAt(words, index + 1) !== null
    );
  };
}

function englishWords(core: string): string[] {
  return (
    core
      .replace(/\([^)]*\)/g, " ")
      // "A/B test" is one verb; "win/loss interviews" names what is studied.
      .replace(/\bA\/B\b/gi, "ab")
      .replace(/\b(win|pass|read|buy)\/(loss|fail|write|sell)\b/gi, "$1-$2")
      .toLowerCase()
      .match(EN_WORD) ?? []
  );
}

const EN_PLAN_WORD = /plan|target|forecast|budget|quota|goal/i;
const EN_AGAINST_PLAN =
  /\b(?:ahead of|on|above|at or above|exceeds?|exceeding|meets?|meeting|hits?|beats?) (?:the |our |its |their )?(?:[a-z]+ ){0,3}?(?:plan|target|targets|forecast|budget|quota|goal|goals)\b(?! (?:for|to|that|which|with))/i;

function findEnglishPredicate(clause: string): Predicate {
  const core = stripEnglishFrame(clause);
  // "Pipelines ahead of plan", "Meet hiring plan": a measure held against a plan is a result.
  if (EN_PLAN_WORD.test(core) && EN_AGAINST_PLAN.test(core))
    return { ...NONE(core), kind: "outcome", verb: "meet" };
  // "Marketing, Product and Sales aligned on strategy": agreement with no check of its own.
  // "Tagging taxonomy agreed with product" agrees on a deliverable: read on.
  const agreed = /\b(?:aligned|agreed) (?:on|with|around|behind)\b/i.exec(core);
  if (agreed && !/\d/.test(core) && !objectDeliverable(englishWords(core.slice(0, agreed.index))))
    return NONE(core);
  // "Create a forum (tbd whether it's slack…)": a note in parentheses is not the key result.
  if (EN_PLACEHOLDER_TEXT.test(core.replace(/\([^)]*\)/g, " "))) return NONE(core);
  const words = englishWords(core);
  if (words.length === 0) return NONE("");
  return (
    leadingEnglishVerb(clause, core, words) ??
    subjectAndVerb(core, words) ??
    englishNounPhrase(core, words) ??
    unknownImperative(core, words) ??
    NONE(core)
  );
}

// Words that start a key result without being a verb: adjectives, adverbs, quantifiers, comparatives.
const EN_NOT_IMPERATIVE =
  /^(?:[a-z]+(?:ly|er|est|ful|ous|ive|al|able|ible|ic|less|ed|ing|s)|more|less|most|no|not|all|each|every|any|some|one|two|new|own|high|low|good|great|clear|full|key|top|main|core|open)$/;
const EN_OBJECT_START =
  /^(?:a|an|the|each|every|all|our|their|its|this|these|those|his|her|your|some|any|new)$/;

/**
 * A verb outside the lexicon, known by the shape of an imperative: a bare word, then the determiner of its
 * object ("Welcome each member personally", "Conduct an in-depth briefing"). Done once, it is a task.
 */
function unknownImperative(core: string, words: readonly string[]): Predicate | null {
  const first = words[0] ?? "";
  if (!/^[A-Z]?[a-z]+$/.test(core.split(/\s+/)[0] ?? "") || !/^[a-z]{3,}$/.test(first)) return null;
  if (EN_NOT_IMPERATIVE.test(first) || EN_METRIC_NOUNS.has(first) || EN_QUALITY_WORDS.has(first)) return null;
  if (deliverableTopic(first) || EN_PEOPLE.test(first) || EN_COMMON_VERBS.test(first)) return null;
  if (!EN_OBJECT_START.test(words[1] ?? "")) return null;
  if (words.some((word) => EN_METRIC_NOUNS.has(word) && word !== "number")) return null;
  return {
    kind: "deliver",
    verb: first,
    object: words.slice(1).join(" "),
    topic: "general",
    isOpenEnded: false,
    core,
  };
}

// "Make X the default way teams work": the state of being chosen, not a rollout.
const EN_DEFAULT_CHOICE = /\bthe default (?:way|choice|tool|place|platform)\b/i;

/** "Make information default public", "Get lookout production ready": a deliverable brought to a done state. */
function endsInDoneState(core: string, objectWords: readonly string[]): boolean {
  const tail = objectWords.slice(-5).join(" ");
  const matches = [...tail.matchAll(new RegExp(EN_DONE_STATES.source, "gi"))];
  const last = matches[matches.length - 1];
  if (!last) return false;
  const after = tail.slice((last.index ?? 0) + last[0].length).trim();
  // "Make that workshop available online", "Get the docs live for all users": where it is done may follow.
  const isWhere =
    /^(?:online|publicly|externally|internally|everywhere|(?:to|for|on|in) [a-z0-9.-]+(?: [a-z0-9.-]+)?)$/.test(
      after,
    );
  return (after === "" || isWhere) && !EN_DEFAULT_CHOICE.test(core);
}

// "…not crash", "…never lose data", "…works offline": behaviour a piece of work fixes or adds, checked by trying it.
const EN_FIXED_BEHAVIOUR =
  /^(?:not|never|no longer|don['’]t|doesn['’]t|won['’]t|does not|do not|works?|runs?|builds?|starts?|loads?|passes)$/;
// "language independent", "cloud agnostic", "backwards compatible": a property a system has or lacks.
const EN_FIXED_PROPERTY =
  /^(?:independent|agnostic|compatible|proof|safe|free|configurable|pluggable|portable|reproducible|idempotent|stateless)$/;

/**
 * "Make nightly imports not crash", "Ensure rollbacks work without manual steps", "Make the parser language
 * independent": a concrete behaviour or property a deliverable gets, done or not. A comparative or a quality
 * ("Make builds faster", "Make on-call fair", "Make it easy to…") asks for a change with no end, and people
 * after the verb ("Ensure customers don't churn") make it a state of the world, not a piece of work.
 */
function reachesFixedState(objectWords: readonly string[]): boolean {
  const start = firstContentIndex(objectWords);
  if (EN_PEOPLE.test(objectWords[start] ?? "")) return false;
  const rest = objectWords.slice(start + 1);
  if (
    rest.some((word) => EN_QUALITY_WORDS.has(word) || /^(?:better|more|less|easier|easy|faster)$/.test(word))
  )
    return false;
  const at = rest.findIndex((word) => EN_FIXED_BEHAVIOUR.test(word) || EN_FIXED_PROPERTY.test(word));
  // The behaviour belongs to the object named first, within a few words of it.
  return at >= 0 && at <= 4;
}

const EN_SUPPORTED_ON =
  /\b(?:in|on|across|for)\s+(?:[a-z0-9+#-]+\s+){0,2}(?:languages?|platforms?|browsers?|versions?|repos|repositories|code hosts?|clouds?|devices?|operating systems?)\b/;

function leadingEnglishVerb(clause: string, core: string, raw: readonly string[]): Predicate | null {
  let words = raw;
  const first = words[0] ?? "";
  if (EN_NOMINAL_OF.has(first) && words[1] === "of") {
    return {
      kind: "deliver",
      verb: first,
      object: words.slice(2).join(" "),
      topic: "launch",
      isOpenEnded: false,
      core,
    };
  }
  // "Support for git diff tree": the noun of a capability to build, not the verb of an ongoing activity.
  if (first === "support" && words[1] === "for")
    return {
      kind: "deliver",
      verb: first,
      object: words.slice(2).join(" "),
      topic: "build",
      isOpenEnded: false,
      core,
    };
  // "Blog post hits top 5", "Case studies published": a compound noun, not a verb.
  if (deliverableTopic(`${first} ${words[1] ?? ""}`)) return null;
  // "Support macros for…", "Support engineers have access…": support naming the team or its tools.
  // "Support LSIF code intel in targeted languages": supporting a technology on platforms is a capability to build.
  if (
    first === "support" &&
    !EN_PEOPLE.test(words[firstContentIndex(words.slice(1)) + 1] ?? "") &&
    EN_SUPPORTED_ON.test(words.slice(2).join(" "))
  )
    return {
      kind: "deliver",
      verb: first,
      object: words.slice(1).join(" "),
      topic: "build",
      isOpenEnded: false,
      core,
    };
  // "Support SLA published on the website": support names what a later verb is done to.
  if (first === "support" && !EN_DETERMINERS.has(words[1] ?? "") && findFiniteVerb(words, 2) !== null)
    return null;
  // "Support that works around the clock": a relative clause follows a noun, never this verb.
  if (first === "support" && /^(?:that|which)$/.test(words[1] ?? "")) return null;
  if (
    first === "support" &&
    (deliverableTopic(words[1] ?? "") || /^(?:engineers?|agents?|staff|reps?)$/.test(words[1] ?? ""))
  )
    return null;
  // "Onboarding plan for every role", "Learning budget policy in place": a gerund naming what a document is for.
  if (/ing$/.test(first) && ["document", "build"].includes(deliverableTopic(words[1] ?? "") ?? ""))
    return null;
  // "Start publishing videos", "Begin capturing usage metrics": the second verb is the work.
  if (/^(?:start|begin|started|began|starting)$/.test(first) && /ing$/.test(words[1] ?? "")) {
    if (englishVerbAt(words, 1)) words = words.slice(1);
  }
  const form = englishVerbAt(words, 0);
  if (!form) return null;
  // "Launches shipped on time…", "Updates to the site": an -s form with no subject is a plural noun.
  if (form.inflection === "s" && !SUBJECT_PRONOUN.test(clause)) return null;
  const objectStart = form.words;
  const objectWords = words.slice(objectStart);
  // "We've documented and are executing on…": after a perfect subject the participle is the verb, done.
  const isPerfect = form.inflection === "past" && EN_PERFECT_SUBJECT.test(clause);
  // "Support response time", "Completion rate": a verb-like word in front of a measure's name modifies it —
  // not after a perfect subject ("We've benchmarked win rates").
  if (
    !isPerfect &&
    !startsWithCount(objectWords) &&
    objectWords.slice(0, 2).some(isMeasureHeadAt(objectWords))
  ) {
    if (form.entries.every((entry) => entry.kind === "deliver" || entry.kind === "activity")) return null;
  }
  // "Merged PRs land on staging", "Providing benefits … is researched": a participle or a gerund in front of a
  // finite verb belongs to the subject.
  if (
    (form.inflection === "past" || form.inflection === "ing") &&
    !isPerfect &&
    findFiniteVerb(words, objectStart + 1) !== null
  )
    return null;
  const entries = form.entries;
  const verb = entries[0]?.word ?? first;
  const object = objectWords.join(" ");
  if (
    entries.some((entry) => ["make", "get", "have", "bring"].includes(entry.word)) &&
    (endsInDoneState(core, objectWords) ||
      /\bto (?:market|production|developers|customers|users)\b/i.test(core))
  ) {
    return { kind: "deliver", verb, object, topic: "launch", isOpenEnded: false, core };
  }
  if (
    entries.some((entry) => entry.word === "make" || entry.word === "ensure") &&
    reachesFixedState(objectWords)
  )
    return { kind: "deliver", verb, object, topic: "fix", isOpenEnded: false, core };
  if (entries.some((entry) => entry.word === "have")) return haveSomething(verb, objectWords, core);
  // "Gateway get a timeout page": getting a deliverable is having it delivered; "get 20 customers" is a result.
  if (
    entries.some((entry) => entry.word === "get") &&
    !startsWithCount(objectWords) &&
    objectDeliverable(objectWords)
  )
    return haveSomething(verb, objectWords, core);
  // "Enable remote caching for all repos": enabling a capability delivers it; "Enable teams to…" is a state.
  if (
    entries.some((entry) => entry.word === "enable") &&
    objectWords.length > 0 &&
    !EN_PEOPLE.test(objectWords[firstContentIndex(objectWords)] ?? "") &&
    !objectWords.includes("to")
  ) {
    return { kind: "deliver", verb, object, topic: "build", isOpenEnded: false, core };
  }
  if (
    entries.some((entry) => EN_UPKEEP.has(entry.word)) &&
    objectDeliverable(objectWords) &&
    !startsWithCount(objectWords)
  ) {
    return { kind: "activity", verb, object, topic: "document", isOpenEnded: true, core };
  }
  // "Run on Apache Spark cluster", "Runs in air-gapped environments": running somewhere is a capability to build.
  if (
    entries.some((entry) => entry.word === "run") &&
    objectWords.slice(0, 6).some((word) => /^(?:on|against|inside)$/.test(word)) &&
    !startsWithCount(objectWords)
  )
    return { kind: "deliver", verb, object, topic: "build", isOpenEnded: false, core };
  const entry = pickEntry(entries, objectWords);
  if (!entry) return { kind: "state", verb, object, topic: "general", isOpenEnded: false, core };
  if (entry.kind === "deliver" || entry.kind === "activity") {
    return englishTask(entry, objectWords, words, core, objectStart);
  }
  return { kind: entry.kind, verb: entry.word, object, topic: "general", isOpenEnded: false, core };
}

/**
 * "Have a complete onboarding guide", "Have Gemini integrated": having a deliverable is delivering it; "Have X
 * people complete a course" counts people doing something, an outcome.
 */
function haveSomething(verb: string, objectWords: readonly string[], core: string): Predicate {
  const object = objectWords.join(" ");
  if (startsWithCount(objectWords))
    return { kind: "outcome", verb, object, topic: "general", isOpenEnded: false, core };
  const deliverable = objectDeliverable(objectWords.filter((word) => !/(?:ed|en)$/.test(word)));
  const participle = objectWords.slice(1).find((word) => englishVerbAt([word])?.inflection === "past");
  const delivered =
    participle && englishVerbAt([participle])?.entries.some((entry) => entry.kind === "deliver");
  if (deliverable || delivered) {
    return {
      kind: "deliver",
      verb,
      object,
      topic: deliverable?.topic ?? "general",
      isOpenEnded: false,
      core,
    };
  }
  return { kind: "state", verb, object, topic: "general", isOpenEnded: false, core };
}

// Verbs of taking part: everyone doing one of these is coverage.
const EN_PARTAKING =
  /^(?:complete[sd]?|completing|participate[sd]?|attend(?:s|ed)?|go|goes|went|take[sn]?|took|finish(?:es|ed)?|pass(?:es|ed)?|undergo(?:es)?|receive[sd]?|use[sd]?|adopt(?:s|ed)?)$/;

const EN_DONE_ACTIVITIES = new Set([
  "research",
  "investigate",
  "evaluate",
  "review",
  "assess",
  "track",
  "monitor",
  "discuss",
  "handle",
  "communicate",
  "explore",
]);

const EN_BE = /^(?:is|are|was|were|be|been|being|gets|get|got|goes|went|(?:is|are|was|were)n['’]t)$/;
const EN_HAVE = /^(?:has|have|had)$/;

// The finite verb of a clause, found once: several readings ask for it.
const FINITE_VERB_AFTER_SUBJECT = new WeakMap<readonly string[], number | null>();

/** The first finite verb after the clause's first word (the subject's head at the earliest). */
function finiteVerbOf(words: readonly string[]): number | null {
  const known = FINITE_VERB_AFTER_SUBJECT.get(words);
  if (known !== undefined) return known;
  const found = findFiniteVerb(words, 1);
  FINITE_VERB_AFTER_SUBJECT.set(words, found);
  return found;
}

/** The first finite verb of the lexicon after a subject, scanning from `from`. */
function findFiniteVerb(words: readonly string[], from: number): number | null {
  for (let i = from; i < Math.min(words.length, 14); i++) {
    const word = words[i] ?? "";
    const previous = words[i - 1] ?? "";
    if (
      i <= 4 &&
      EN_BEHAVIOUR_VERB.test(word) &&
      EN_BEHAVIOUR_AFTER.test(words[i + 1] ?? "") &&
      !EN_DETERMINERS.has(previous) &&
      !EN_PLAIN_PREPOSITION.test(previous) &&
      !/^\d/.test(previous)
    )
      return i;
    if (EN_BE.test(word) || EN_HAVE.test(word) || word === "can" || word === "could") return i;
    const form = englishVerbAt(words, i);
    if (form?.inflection === "base" && isPresentAfterPlural(words, i)) return i;
    if (!form || form.inflection === "base" || form.inflection === "ing") continue;
    const before = words[i - 1] ?? "";
    // "1 test per supported language", "for the deprecated API": a participle after a preposition or a
    // determiner is an adjective.
    if (form.inflection === "past" && (EN_PLAIN_PREPOSITION.test(before) || EN_DETERMINERS.has(before)))
      continue;
    // A compound noun is not a verb: "case studies", "blog posts".
    if (deliverableTopic(`${before} ${word}`)) continue;
    // A plural noun after a determiner, a number or a verb is not a verb either: "the releases", "10 posts",
    // "update hiring plans"; a finite -s verb goes on to what it does ("ENS ships a service", "reaches N10").
    if (form.inflection === "s") {
      const isAfterVerb = englishVerbAt(words, i - 1) && !deliverableTopic(`${words[i - 2] ?? ""} ${before}`);
      if (EN_DETERMINERS.has(before) || /^\d/.test(before) || isAfterVerb) continue;
      const after = words[i + 1] ?? "";
      if (
        after === "" ||
        !(EN_DETERMINERS.has(after) || /^(?:[$€£¥]?\d|n\d|to|from|by|up|down|over|about)/.test(after))
      )
        continue;
    }
    return i;
  }
  return null;
}

// Verbs of how a system behaves, and what follows them when they are finite: "runs in parallel", "work offline".
const EN_BEHAVIOUR_VERB = /^(?:runs?|works?|loads?|syncs?|scales?)$/;
// Departments are people: "Engineering runs on a predictable cadence" is how they work, not a system's behaviour.
const EN_DEPARTMENTS =
  /^(?:engineering|marketing|product|design|finance|operations|ops|support|legal|hr|it|company)$/;
const EN_BEHAVIOUR_AFTER =
  /^(?:in|on|from|without|across|offline|automatically|against|inside|end-to-end|reliably|locally|everywhere|nightly)$/;

const EN_PLAIN_PREPOSITION = /^(?:per|for|of|on|in|to|with|at|by|from|across|into|within|under|over|via)$/;
// What follows a verb, not a noun: its object's determiner, a figure, or the cadence of a practice.
const EN_AFTER_VERB =
  /^(?:a|an|the|each|every|all|our|their|its|[$€£¥]?\d.*|n\d+|daily|weekly|bi-?weekly|monthly|quarterly|regular|annual|yearly)$/;

/**
 * "Managers hold weekly 1:1s", "Engineers own their services": a plural subject takes the bare form of the
 * verb, which reads as finite when the subject is a short plural noun phrase and an object follows.
 */
function isPresentAfterPlural(words: readonly string[], at: number): boolean {
  if (at > 3) return false;
  const subject = words[at - 1] ?? "";
  if (!/^[a-z]{3,}[^s]s$/.test(subject) || EN_METRIC_NOUNS.has(subject) || deliverableTopic(subject))
    return false;
  if (words.slice(0, at).some((word, index) => englishVerbAt(words, index) || EN_DETERMINERS.has(word)))
    return false;
  return EN_AFTER_VERB.test(words[at + 1] ?? "");
}

/** The participles of "is documented, reviewed and published": every verb in the list. */
function participles(rest: readonly string[], from: number): VerbEntry[] {
  const found: VerbEntry[] = [];
  for (let i = from; i < Math.min(rest.length, from + 8); i++) {
    const word = rest[i] ?? "";
    if (word === "and" || word === "or") continue;
    const form = englishVerbAt(rest, i);
    if (form?.inflection === "past") {
      // "SLOs are researched, agreed and alerted on", "Usage is tracked": work of finding out, once done.
      const done = form.entries.map((entry) =>
        entry.kind === "activity" && EN_DONE_ACTIVITIES.has(entry.word)
          ? { ...entry, kind: "deliver" as const }
          : entry,
      );
      found.push(...done);
    } else if (i > from && !/^(?:fully|then|also|publicly|clearly)$/.test(word)) break;
  }
  return found;
}

function deliveredBy(verb: string, core: string, object: string, topic: TaskTopic = "general"): Predicate {
  return { kind: "deliver", verb, object, topic, isOpenEnded: false, core };
}

/** A clause with a subject: "Service deployed on staging", "Handbook describes…", "Admins can search…". */
function subjectAndVerb(core: string, words: readonly string[]): Predicate | null {
  // "All candidates participate in a values interview", "100% of AEs have completed enablement": everyone
  // doing a practice is its coverage, a measured state.
  if (/^(?:all|every|each|100%)$/.test(words[0] ?? "")) {
    const takes = words.slice(1, 7).find((item) => EN_PARTAKING.test(item));
    if (takes) return { ...NONE(core), kind: "outcome", verb: takes };
  }
  const at = finiteVerbOf(words);
  if (at === null) return null;
  const subjectWords = words.slice(0, at);
  const subject = subjectWords.join(" ");
  const rest = words.slice(at);
  const word = rest[0] ?? "";
  // "3 clients PoC started", "N11 customers have created an insight": a counted subject measures how many units
  // did something — a result, unless what is counted is hires.
  // "2 preload nodes are provisioned": what is counted is the team's own output, unless people or organisations
  // are among it ("3 clients PoC started").
  const isOwnOutput =
    EN_INFRASTRUCTURE.test(subject) &&
    !subjectWords.some((item) => EN_PEOPLE.test(item) || EN_ORGANISATIONS.test(item));
  const isCounted =
    !isOwnOutput && subjectWords.some((item) => /^[$€£¥]?[+~>]?\d/.test(item) || /^n\d+$/.test(item));

  if (EN_ABILITY.test(rest.slice(0, 4).join(" "))) {
    const verbAt = rest.findIndex(
      (candidate, index) => index > 0 && !/^(?:not|be|able|to|also|now|easily|still)$/.test(candidate),
    );
    if (EN_COGNITIVE_VERBS.has(rest[verbAt] ?? "")) return NONE(core);
    return isCounted
      ? { ...NONE(core), kind: "outcome" }
      : { ...deliveredBy(word, core, subject), isAbility: true };
  }
  if (EN_DOCUMENT_VERBS.has(word) && EN_DOCUMENT_SUBJECTS.test(subject))
    return deliveredBy(word, core, subject, "document");
  // "CRDT-consensus layer becomes the default": a deliverable rolled out.
  if (
    /^(?:becomes?|became)$/.test(word) &&
    EN_DONE_STATES.test(rest.slice(1, 4).join(" ")) &&
    !EN_DEFAULT_CHOICE.test(core) &&
    !isCounted
  )
    return deliveredBy(word, core, subject);
  if (EN_BE.test(word) || EN_HAVE.test(word)) {
    let next = 1;
    while (
      /^(?:been|being|now|fully|also|all|then|successfully|automatically|publicly|clearly|actively)$/.test(
        rest[next] ?? "",
      )
    )
      next++;
    const done = participles(rest, next);
    // "Function-level is supported at CAT", "Campaigns are enabled by default": a capability in place.
    const inPlace =
      /^(?:supported|enabled|available|integrated|deployed|installed)$/.test(rest[next] ?? "") &&
      (/^(?:at|in|on|by|for|across|everywhere)$/.test(rest[next + 1] ?? "") || rest.length === next + 1);
    if (inPlace && !isCounted) return deliveredBy(word, core, subject, "build");
    const delivered = done.find((entry) => entry.kind === "deliver");
    if (delivered && !(isCounted && delivered.topic !== "hire"))
      return deliveredBy(word, core, subject, delivered.topic);
    const changed = done.find((entry) => entry.kind === "change" || entry.kind === "outcome");
    if (changed)
      return {
        kind: changed.kind,
        verb: changed.word,
        object: subject,
        topic: "general",
        isOpenEnded: false,
        core,
      };
    // "Gateway get a timeout page", "The team gets a workshop": getting a deliverable is having it delivered.
    if (
      /^(?:gets?|got)$/.test(word) &&
      /^(?:a|an|the|its|their|our)$/.test(rest[next] ?? "") &&
      objectDeliverable(rest.slice(next)) &&
      !isCounted
    )
      return deliveredBy(word, core, rest.slice(next).join(" "), objectDeliverable(rest.slice(next))?.topic);
    const state = EN_DONE_STATES.exec(rest.slice(next, next + 3).join(" "));
    if (state && state.index === 0 && !isCounted) return deliveredBy(word, core, subject);
    // "If an account is red, there is a plan defined": a deliverable that exists.
    if (subjectWords.at(-1) === "there" && objectDeliverable(rest.slice(next)) && !isCounted)
      return deliveredBy(word, core, rest.slice(next).join(" "), objectDeliverable(rest.slice(next))?.topic);
    // "Support engineers have access to production logs": access granted is access in place.
    if (EN_HAVE.test(word) && rest[next] === "access" && rest[next + 1] === "to" && !isCounted)
      return deliveredBy(word, core, subject, "build");
    if (EN_HAVE.test(word)) {
      const deliverable = objectDeliverable(rest.slice(next).filter((item) => !/(?:ed|en)$/.test(item)));
      if (deliverable && !isCounted)
        return deliveredBy(word, core, rest.slice(next).join(" "), deliverable.topic);
    }
    return null;
  }
  // "CI runs in parallel", "Backfills run without manual steps": a behaviour a system gets, checked by trying it.
  if (
    EN_BEHAVIOUR_VERB.test(word) &&
    !isCounted &&
    !subjectWords.some((item) => EN_PEOPLE.test(item) || EN_DEPARTMENTS.test(item))
  )
    return deliveredBy(word, core, subject, "build");
  const form = englishVerbAt(words, at);
  if (!form) return null;
  const objectWords = words.slice(at + form.words);
  // "Remote build cache enabled for all repositories": a capability in place, said without "is".
  if (
    form.inflection === "past" &&
    /^(?:supported|enabled|integrated|deployed|installed)$/.test(word) &&
    (/^(?:at|in|on|by|for|across|everywhere)$/.test(objectWords[0] ?? "") || objectWords.length === 0) &&
    !isCounted
  )
    return deliveredBy(word, core, subject, "build");
  const picked = pickEntry(form.entries, objectWords, form.inflection === "past");
  if (!picked) return null;
  // "Ansible Tower manages our deployments": a tool that does the work is a capability in place; people who do
  // it ("Managers track…") keep an activity going.
  if (
    form.inflection === "s" &&
    picked.kind === "activity" &&
    !isCounted &&
    !subjectWords.some((item) => EN_PEOPLE.test(item) || EN_DEPARTMENTS.test(item) || /s$/.test(item))
  )
    return deliveredBy(word, core, subject, "build");
  // "Action items tracked in Jira": a subject and the participle of finding out or following up, done.
  const entry =
    form.inflection === "past" && picked.kind === "activity" && EN_DONE_ACTIVITIES.has(picked.word)
      ? { ...picked, kind: "deliver" as const }
      : picked;
  if ((entry.kind === "deliver" || entry.kind === "activity") && !(isCounted && entry.topic !== "hire")) {
    return englishTask(entry, objectWords, words, core, at + form.words);
  }
  const kind = entry.kind === "deliver" || entry.kind === "activity" ? "outcome" : entry.kind;
  return { kind, verb: entry.word, object: subject, topic: "general", isOpenEnded: false, core };
}

/** A clause with no verb: a deliverable when its head noun names one, a measure or a quality otherwise. */
function englishNounPhrase(core: string, words: readonly string[]): Predicate | null {
  // "Every new hire has a buddy": a sentence with a verb of its own is not a noun phrase.
  if (finiteVerbOf(words) !== null) return null;
  // "All employees complete security awareness training": everyone doing something is coverage, a state.
  if (
    /^(?:all|every|each)$/.test(words[0] ?? "") &&
    words.some((_, index) => index > 1 && englishVerbAt(words, index))
  )
    return null;
  // "20 enterprise accounts using SSO", "N3 teams running the new pipeline": a count of those doing something
  // measures adoption, a result.
  if (/^(?:[$€£¥]?[+~>]?\d|n\d+$)/.test(words[0] ?? "")) {
    const participle = words.slice(1, 6).find((word) => /ing$/.test(word) && englishVerbAt([word]) === null);
    const isAdopting = words
      .slice(1, 6)
      .some((word) => /^(?:using|adopting|running|paying|actively)$/.test(word));
    if (isAdopting || (participle && !deliverableTopic(participle) && !EN_METRIC_NOUNS.has(participle)))
      return { ...NONE(core), kind: "outcome" };
  }
  // "Template used in every deal": a practice everyone follows is its coverage; "Drivers pass the conformance
  // suite": a check passed.
  if (/\b(?:used|adopted|followed|applied) (?:in|by|on|across|for) (?:every|each|all)\b/i.test(core))
    return { ...NONE(core), kind: "outcome" };
  if (/\b(?:pass|passes) (?:the|an?|all|every|its|their)\b/i.test(core))
    return { ...NONE(core), kind: "outcome", verb: "pass" };
  const plain = words.filter((word) => !/^[$€£¥]?[+~>]?\d/.test(word));
  // "Self-serve signup available for all plans", "Dark mode live for all users": a feature stated as done,
  // the verb left out.
  // "Dual writes in place for…", "Laptop and accounts ready on day one": in place, ready.
  const doneAt = words.findIndex(
    (word, index) =>
      /^(?:available|live|enabled|shipped|launched|released|ready|operational)$/.test(word) ||
      (word === "place" && words[index - 1] === "in"),
  );
  if (
    doneAt >= 1 &&
    doneAt <= 4 &&
    /^(?:to|for|on|in|across|everywhere|by|$)/.test(words[doneAt + 1] ?? "") &&
    // "Trust center page live": a quality word that only names the deliverable after it is part of its name.
    (deliverableTopic(words[doneAt - 1] ?? "") !== undefined ||
      !words.slice(0, doneAt).some((word) => EN_METRIC_NOUNS.has(word) || EN_QUALITY_WORDS.has(word))) &&
    !/\d|%/.test(core)
  )
    return {
      kind: "deliver",
      verb: words[doneAt] ?? "",
      object: core,
      topic: "launch",
      isOpenEnded: false,
      core,
    };
  const deliverable = objectDeliverable(plain);
  // "Quarterly engagement survey", "Retention dashboard": a measure's word before the deliverable modifies it.
  const headAt = deliverable ? plain.lastIndexOf(deliverable.head.split(" ").at(-1) ?? "") : -1;
  const headLength = headPhrase(plain).length;
  // "Single source of truth for…": the head may run across "of".
  const isHeadFinal =
    headAt >= 0 && (headAt === headLength - 1 || (plain[headLength] === "of" && headAt === headLength + 1));
  // With the deliverable heading the phrase, only the head phrase can name a measure: "Weekly reviews of the
  // handbook for accuracy" reviews; "office hours" are an event, not hours.
  const headIsMeasure = EN_METRIC_NOUNS.has(deliverable?.head ?? ""); // "Partner-sourced pipeline"
  const measureWords =
    isHeadFinal && !headIsMeasure
      ? headPhrase(plain).filter(
          (word, index) => index > headAt && !deliverable?.head.split(" ").includes(word),
        )
      : words;
  // "office hours" is an event, not hours, wherever it stands.
  const inCompound = (word: string, index: number) =>
    deliverableTopic(`${measureWords[index - 1] ?? ""} ${word}`) !== undefined ||
    deliverableTopic(`${word} ${measureWords[index + 1] ?? ""}`) !== undefined;
  const hasMeasure = measureWords.some(
    (word, index) => EN_METRIC_NOUNS.has(word) && !inCompound(word, index),
  );
  const hasQuality = words.some((word) => EN_QUALITY_WORDS.has(word));
  // "Better documentation", "Clearer release notes": a comparative asks for a change with no measure.
  // "Website converts better", "Partners build integrations more easily": the same, said at the end.
  const hasComparative =
    words.slice(0, 2).some((word) => /(?:er|ier)$/.test(word) && EN_QUALITY_WORDS.has(word)) ||
    /\b(?:better|faster|easier|(?:more|less) [a-z]+ly)$/i.test(core.replace(/[.!]+$/, ""));
  // "Launches slipping past their date from 40% to 10%": a share or a change names a measure, not a thing.
  // "use cases" is a noun, not a verb of using.
  const isMeasured =
    /%|\bfrom\b.+\bto\b/i.test(core) ||
    words.some(
      (word, index) =>
        EN_COMMON_VERBS.test(word) && !(word === "use" && /^cases?$/.test(words[index + 1] ?? "")),
    );
  // "Partners become our second engine of growth": a subject and a linking verb state what something is, so
  // the deliverable noun after it is a metaphor for that state, not a thing to ship.
  const isStatement = words.some((word) => /^(?:become|becomes|became|is|are|was|were)$/.test(word));
  if (deliverable && !hasMeasure && !hasComparative && !isMeasured && !isStatement) {
    // "Support for git diff tree", "Gitbase support for UDFs": a capability, not a practice.
    const isCapability = deliverable.head === "support" && /\bsupport for\b/i.test(core);
    const isOpenEnded =
      !isCapability &&
      (PRACTICE_NOUNS.has(deliverable.head) || VAGUE_CADENCE_ADJECTIVE.test(core)) &&
      !EXPLICIT_CADENCE.test(core) &&
      !BOUNDED_SCOPE.test(core) &&
      !/\d/.test(core);
    return {
      kind: "deliver",
      verb: deliverable.head,
      object: core,
      topic: deliverable.topic,
      isOpenEnded,
      core,
    };
  }
  if (hasMeasure || hasQuality || /\d|%|\b(?:N\d*|X{1,3}|Y{2,3}|Z{2,3})\b/.test(core)) return null;
  // A phrase with a verb in it ("Resellers closing one deal") or a number word is no bare name.
  if (words.some((word, index) => englishVerbAt(words, index) || EN_NUMBER_WORD.test(word))) return null;
  // "General code style rules mining", "UAST diffing": a work name ending on a gerund outside the lexicon.
  const last = headPhrase(words).at(-1) ?? "";
  if (
    /^[a-z]{3,}ing$/.test(last) &&
    !englishVerbAt([last]) &&
    !EN_QUALITY_WORDS.has(last) &&
    !EN_METRIC_NOUNS.has(last) &&
    !words.some((word) => EN_QUALITY_WORDS.has(word) || EN_METRIC_NOUNS.has(word))
  )
    return { kind: "deliver", verb: last, object: core, topic: "build", isOpenEnded: false, core };
  // A short name with nothing to measure and no quality to improve names a piece of work: "Sharding", "HA of
  // databases", "mysqldump".
  // A sentence about people or with a common verb outside the lexicon is not a name: "Children come to love
  // reading", "The product feels instant".
  const head = headPhrase(words);
  // A singular person in front of another noun modifies it: "Customer journeys", "Developer portal".
  const first = words[0] ?? "";
  const isSentence =
    EN_ARTICLES.has(first) ||
    (EN_PEOPLE.test(first) && (/s$/.test(first) || head.length === 1)) ||
    /^(?:children|kids|everyone|people)$/.test(words[0] ?? "") ||
    head.some((word) => EN_COMMON_VERBS.test(word));
  if (head.length > 0 && head.length <= 3 && !isSentence) {
    return {
      kind: "deliver",
      verb: head.join(" "),
      object: core,
      topic: "general",
      isOpenEnded: false,
      core,
    };
  }
  return null;
}
