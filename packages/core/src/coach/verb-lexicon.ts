/**
 * The verbs the coach reads with, organised by what they say about a result (design/coach.md draws the
 * boundaries between the key-result codes on these meanings), in Chinese and English, with the morphology
 * each language needs: English inflections are generated from the lemma, Chinese verbs carry aspect markers
 * (了, 过, 着) and result complements (好, 完, 掉) that still belong to the verb.
 */

/**
 * How a verb relates to results:
 * - `deliver`: makes or finishes something that is either done or not (上线, 编写, launch, hire);
 * - `activity`: keeps doing something with no end state of its own (推进, 开展, engage, support);
 * - `change`: moves a measure without saying how far (提升, improve);
 * - `outcome`: a result in the world that can be checked (签约, win, pass);
 * - `state`: describes a condition to reach, typical of good objectives (让, become).
 */
export type VerbKind = "deliver" | "activity" | "change" | "outcome" | "state";

/**
 * What a task produces: picks the outcome the coach suggests instead of it ("完成 3 次客户培训" → how trained
 * customers behave afterwards).
 */
export type TaskTopic =
  | "build"
  | "launch"
  | "migrate"
  | "document"
  | "content"
  | "event"
  | "training"
  | "hire"
  | "research"
  | "decide"
  | "fix"
  | "general";

/** A verb of the lexicon. */
export type VerbEntry = {
  word: string;
  kind: VerbKind;
  /** What the task produces, for `deliver` and `activity` verbs. */
  topic: TaskTopic;
  /**
   * What an English verb needs to make a task: a count ("make 3 videos", not "make the app feel solid"), a
   * deliverable object ("generate 3 guides", not "generate pipeline"), or either ("run 6 bootcamps", "run a
   * workshop", not "run the business"). Strong verbs need nothing.
   */
  needs?: "count" | "object" | "either";
};

/** Splits a comma-separated word list; lists are written as text so they stay readable. */
export function wordList(text: string): readonly string[] {
  return text
    .split(",")
    .map((word) => word.trim())
    .filter((word) => word !== "");
}

type Group = { kind: VerbKind; topic: TaskTopic; words: string };

const ZH_GROUPS: readonly Group[] = [
  {
    kind: "deliver",
    topic: "build",
    words: `搭建, 建成, 建立, 建设, 构建, 打造, 开发, 研发, 设计, 重构, 改造, 升级, 改版, 集成, 接入, 打通, 对接, 新建, 组建, 制作,
铺设, 安装, 加装, 配置, 部署, 引入, 引进, 导入, 上马, 建好, 自动化, 数字化改造, 试制, 研制, 优化改造, 共建, 扩建, 改建, 重建,
自建, 联建, 援建, 合建, 再造, 搭好, 采购, 购置, 购买, 添置, 增购, 配备, 建造, 修建, 兴建, 新修, 修缮, 装修, 翻新, 改装, 增设, 布设, 架设,
储备, 搭设, 设置, 更新改造, 加固, 检修, 大修, 维修, 孵化, 注册, 开辟, 建档, 互认, 互通, 互联, 联网, 直连, 共享, 贯通, 备货, 补货, 新设, 装上, 装好, 补充, 生成, 预警, 统一`,
  },
  {
    kind: "deliver",
    topic: "launch",
    words: `上线, 发布, 推出, 上架, 投产, 开通, 启用, 落地, 开业, 新开, 开设, 设立, 上新, 交付, 投入使用, 投入运营, 投用, 投运, 发运, 启动,
落成, 竣工, 完工, 开仓, 开放, 公开, 实装, 试运行, 试点, 封顶, 通车, 合龙, 投放, 开播, 开课, 开班, 开园, 开工, 动工, 开建, 揭牌,
挂牌, 成立, 开售, 发售, 发行, 推开, 铺开, 正式运行, 投入运行, 正式运营, 投入运营`,
  },
  {
    kind: "deliver",
    topic: "migrate",
    words: `迁移, 切换, 替换, 淘汰, 下线, 关闭, 清理, 归档, 合并, 整合, 取消, 停用, 搬迁, 撤并, 精简, 合并, 更换, 换掉, 换成, 置换, 替代, 拆除, 拆迁, 腾退, 关停, 撤销, 注销, 下放, 移交, 转移, 剥离, 外包, 清退, 处置, 核销, 退出`,
  },
  {
    kind: "deliver",
    topic: "document",
    words: `制定, 制订, 编写, 编制, 起草, 修订, 梳理, 整理, 汇总, 输出, 形成, 出台, 印发, 颁布, 明确, 更新, 编撰, 编排, 录入, 细化, 完善制度,
出具, 定稿, 签发, 纳入, 列入, 写入, 固化, 规划, 重新规划, 划定, 划分, 界定, 拟定, 草拟, 审定, 核定, 编订, 汇编, 公布,
下发, 通报, 报送, 上报, 公示, 登记, 归集, 标注`,
  },
  {
    kind: "deliver",
    topic: "content",
    words: `撰写, 发表, 出版, 录制, 拍摄, 翻译, 推送, 写, 讲, 直播, 剪辑, 编印, 印制`,
  },
  {
    kind: "deliver",
    topic: "event",
    words: `举办, 举行, 组织, 召开, 承办, 主办, 策划, 筹备, 接待, 安排, 主持, 承接, 邀请, 参展`,
  },
  {
    kind: "deliver",
    topic: "training",
    words: `培训, 授课, 宣讲, 轮训, 集训, 带教`,
  },
  {
    kind: "deliver",
    topic: "hire",
    words: `招聘, 招募, 配齐, 聘请, 聘用, 选聘, 招收, 招录, 外聘, 选派, 派驻, 下派, 增派`,
  },
  {
    kind: "deliver",
    topic: "research",
    words: `调研, 访谈, 拜访, 走访, 回访, 盘点, 排查, 抽查, 普查, 巡检, 筛查, 测算, 评估, 复盘, 查房, 巡查, 督查, 检查, 核查, 检测, 抽检, 清查, 清点, 摸排, 摸底,
评审, 考察, 勘察, 测绘, 测评, 论证, 研判, 复核, 审核, 审查, 稽核, 听课, 评课, 听评课, 对账, 随访, 查重, 评选`,
  },
  {
    kind: "deliver",
    topic: "decide",
    words: `确定, 选定, 决定, 敲定, 谈判, 重新谈判, 选址, 定价, 选型, 立项`,
  },
  {
    kind: "deliver",
    topic: "fix",
    words: `整改, 修复, 解决, 处理, 清欠, 消缺, 化解, 纠正, 排除, 整治, 治理`,
  },
  {
    kind: "deliver",
    topic: "general",
    words: `完成, 做, 提交, 申报, 实施, 执行完, 办好, 完成了, 办理, 发放, 分发, 派发, 发送, 收集, 采集, 回收, 签署, 清洗, 清扫, 完毕, 到位, 就绪,
调整`,
  },
  {
    kind: "activity",
    topic: "general",
    words: `推进, 推动, 参与, 开展, 落实, 跟进, 协助, 支持, 配合, 负责, 关注, 探索, 研究, 学习, 深化, 坚持, 做好, 抓好, 统筹, 协调, 维护,
运营, 监控, 跟踪, 倡导, 鼓励, 培养, 陪伴, 沟通, 参加, 执行, 深耕, 布局, 推行, 普及, 贯彻, 实行, 开拓, 走进, 深入推进, 组织开展, 进行,
提供, 持续做好, 加快推进, 大力推进, 宣传, 推广, 拓展客户, 关心, 关爱, 帮扶, 督促, 指导, 引导, 动员, 监测, 打折, 促销, 回复, 答复,
服务于, 对标`,
  },
  {
    kind: "change",
    topic: "general",
    words: `提升, 提高, 增加, 增长, 降低, 减少, 缩短, 改善, 优化, 加强, 增强, 简化, 完善, 强化, 改进, 扩大, 巩固, 压缩, 减小, 加快, 扩展, 拓展, 提速,
做大, 做强, 做深, 做透, 做精, 做实, 突破, 达到, 达成, 保持, 控制, 下降, 上升, 增至, 降至, 提至, 缩减, 削减, 节省, 节约, 扩充, 促进, 加速, 降, 减,
增, 升, 翻番, 翻倍, 减半, 稳定, 维持, 确保, 保障, 丰富, 激活, 拉升, 拉高, 压降, 改变, 新增, 扩大到, 提升到, 减轻, 提前, 规范, 稳住`,
  },
  {
    kind: "outcome",
    topic: "general",
    words: `签约, 签下, 新签, 拿下, 赢得, 赢下, 获得, 获取, 通过, 成交, 中标, 取得, 斩获, 赢回, 留住, 实现, 消除, 杜绝, 清零, 覆盖, 转化, 回款, 售出,
卖出, 吸引, 获批, 带来, 产生, 贡献, 带动, 拉动, 促成, 授权, 获授权, 获奖, 夺冠, 入选, 晋级, 达标`,
  },
  {
    kind: "state",
    topic: "general",
    words: `让, 使, 成为, 帮助, 帮, 做到, 变成, 成就`,
  },
];

type EnGroup = Group & { needs?: Partial<Record<NonNullable<VerbEntry["needs"]>, string>> };

const EN_GROUPS: readonly EnGroup[] = [
  {
    kind: "deliver",
    topic: "build",
    words: `build, create, develop, design, implement, integrate, automate, rebuild, redesign, refactor, rewrite, prototype,
set up, setup, stand up, spin up, configure, install, deploy, add, extend, port, upgrade, overhaul, revamp, establish, introduce,
containerize, instrument, enable support, make, produce, generate, provision, enforce, wire, equip`,
    needs: { count: "make, produce", either: "add", object: "generate" },
  },
  {
    kind: "deliver",
    topic: "launch",
    words: `launch, ship, release, roll out, rollout, roll-out, deliver, go live, open-source, open source, announce, pilot, unveil,
debut, open, provide, give, bring`,
    needs: { either: "open, give, bring" },
  },
  {
    kind: "deliver",
    topic: "migrate",
    words: `migrate, move, switch, replace, retire, deprecate, sunset, remove, consolidate, decommission, transition, reorganize,
reorganise, merge, store, rotate, separate, split, decouple, extract, isolate, unify`,
  },
  {
    kind: "deliver",
    topic: "document",
    words: `document, draft, define, specify, outline, map, formalize, formalise, standardize, standardise, update, refresh,
finalize, finalise, compile, codify, write down, spec, redefine, describe, answer, report`,
  },
  {
    kind: "deliver",
    topic: "content",
    words: `write, publish, record, film, post, blog, tweet, translate, present, speak, annotate, curate, share`,
  },
  {
    kind: "deliver",
    topic: "event",
    words: `host, hold, run, organize, organise, conduct, schedule, kick off, lead, sponsor, meet, do`,
    needs: { either: "run, hold, lead", count: "do" },
  },
  {
    kind: "deliver",
    topic: "training",
    words: `train, teach, coach, mentor, certify`,
  },
  {
    kind: "deliver",
    topic: "hire",
    words: `hire, recruit, staff, backfill, bring on, onboard new, find and onboard`,
  },
  {
    kind: "deliver",
    topic: "research",
    words: `survey, interview, audit, analyse, analyze, estimate, benchmark, test, identify, find, gather, collect, measure,
inspect, visit, scope, highlight, flag, ab test, load test, stress test, usability test, beta test, user test, split test,
attribute`,
  },
  {
    kind: "deliver",
    topic: "decide",
    words: `decide, determine, choose, select, agree on, approve, plan, prioritize, prioritise, sign off, commit to`,
  },
  {
    kind: "deliver",
    topic: "fix",
    words: `fix, resolve, address, patch, clean up`,
  },
  {
    kind: "deliver",
    topic: "general",
    words: `complete, finish, perform, execute, submit, prepare, send, begin, start, kick-off`,
  },
  {
    kind: "activity",
    topic: "general",
    words: `engage, participate, support, assist, explore, research, investigate, work on, focus on, continue, push, foster,
encourage, monitor, pursue, advocate, collaborate, coordinate, facilitate, contribute, study, learn, track, manage, oversee,
evangelize, evangelise, champion, nurture, attend, look into, communicate, socialize, socialise, iterate, experiment, partner,
keep working, work with, be involved, get involved, invest in, evaluate, assess, review, discuss, brainstorm, observe, listen,
promote, publicize, publicise, reach out, keep improving, handle`,
  },
  {
    kind: "change",
    topic: "general",
    words: `improve, increase, enhance, boost, strengthen, optimise, optimize, reduce, lower, grow, expand, cut, decrease, raise,
accelerate, speed up, streamline, simplify, shorten, lift, double, triple, quadruple, halve, minimize, minimise, maximize,
maximise, widen, deepen, tighten, drop, shrink, drive, better, scale, sharpen, modernize, modernise, elevate, bring down, move up,
stabilize, stabilise, protect, maintain, sustain, preserve, tune, refine, ramp up, advance, harden`,
  },
  {
    kind: "outcome",
    topic: "general",
    words: `close, sign, win, land, acquire, secure, pass, achieve, attain, reach, hit, earn, retain, gain, convert, obtain,
eliminate, onboard, sell, book, exceed, surpass, generate, renew, get certified, attract, overachieve, get, drive, bring in,
result in`,
  },
  {
    kind: "state",
    topic: "general",
    words: `make, become, be, help, keep, turn, put, stay, remain, enable, empower, delight, have, own, transform, ensure,
grow into, let, allow, demonstrate`,
  },
];

function entries(groups: readonly EnGroup[]): VerbEntry[] {
  const result: VerbEntry[] = [];
  for (const group of groups) {
    const needs = new Map<string, VerbEntry["needs"]>();
    for (const [need, words] of Object.entries(group.needs ?? {}) as Array<[VerbEntry["needs"], string]>) {
      for (const word of wordList(words)) needs.set(word, need);
    }
    for (const word of wordList(group.words)) {
      const need = needs.get(word);
      result.push(
        need
          ? { word, kind: group.kind, topic: group.topic, needs: need }
          : { word, kind: group.kind, topic: group.topic },
      );
    }
  }
  // Longest first, so 新签 wins over 签 and "roll out" over "roll".
  return result.sort((a, b) => b.word.length - a.word.length);
}

/** Chinese verbs, longest first for maximum matching. */
export const ZH_VERB_LIST: readonly VerbEntry[] = entries(ZH_GROUPS);

/** English verbs by lemma (some phrasal), longest first. */
export const EN_VERB_LIST: readonly VerbEntry[] = entries(EN_GROUPS);

/** Chinese verbs by their first character, longest first within each, for matching at a position. */
const ZH_VERBS_BY_FIRST_CHAR: ReadonlyMap<string, readonly VerbEntry[]> = (() => {
  const index = new Map<string, VerbEntry[]>();
  for (const entry of ZH_VERB_LIST) {
    const first = entry.word[0] ?? "";
    index.set(first, [...(index.get(first) ?? []), entry]);
  }
  return index;
})();

/** The Chinese verb that starts `text` at `at`, longest first, or undefined. */
export function zhVerbAt(text: string, at = 0): VerbEntry | undefined {
  const candidates = ZH_VERBS_BY_FIRST_CHAR.get(text[at] ?? "");
  return candidates?.find((entry) => text.startsWith(entry.word, at));
}

/** Aspect markers right after a Chinese verb: 上线了, 做过. */
export const ZH_ASPECT_MARKERS = "了过着";
/** Result and direction complements that still belong to a verb of doing: 组织好, 清理掉, 整理完, 建立起. */
export const ZH_RESULT_COMPLEMENTS = "好完掉起出齐";

// Irregular English forms; regular ones are generated below.
const IRREGULAR_FORMS: Readonly<Record<string, readonly string[]>> = {
  build: ["built"],
  rebuild: ["rebuilt"],
  write: ["wrote", "written"],
  rewrite: ["rewrote", "rewritten"],
  run: ["ran"],
  hold: ["held"],
  give: ["gave", "given"],
  lead: ["led"],
  make: ["made"],
  do: ["did", "done", "does"],
  send: ["sent"],
  win: ["won"],
  choose: ["chose", "chosen"],
  begin: ["began", "begun"],
  bring: ["brought"],
  find: ["found"],
  get: ["got", "gotten"],
  keep: ["kept"],
  speak: ["spoke", "spoken"],
  meet: ["met"],
  teach: ["taught"],
  sell: ["sold"],
  grow: ["grew", "grown"],
  drive: ["drove", "driven"],
  become: ["became"],
  be: ["is", "are", "was", "were", "been", "being"],
  have: ["has", "had"],
  spin: ["spun"],
  stand: ["stood"],
  undertake: ["undertook", "undertaken"],
  learn: ["learnt"],
  lay: ["laid"],
  pay: ["paid"],
  go: ["went", "gone", "goes"],
};

// Final stressed consonants that double before -ed and -ing.
const DOUBLING = new Set([
  "submit",
  "commit",
  "admit",
  "equip",
  "refer",
  "occur",
  "transfer",
  "control",
  "patrol",
]);

function doublesFinalConsonant(word: string): boolean {
  if (DOUBLING.has(word)) return true;
  // One syllable ending consonant–vowel–consonant: ship, plan, stop, run, set (not w, x, y).
  return /^[^aeiou]*[aeiou][b-df-hj-np-tvz]$/.test(word) && word.length <= 4;
}

/** The inflected forms of an English lemma: -s, -ed and -ing forms plus irregular ones. */
export function englishForms(lemma: string): string[] {
  const forms = new Set<string>([lemma, ...(IRREGULAR_FORMS[lemma] ?? [])]);
  if (/(?:s|sh|ch|x|z|o)$/.test(lemma)) forms.add(`${lemma}es`);
  else if (/[^aeiou]y$/.test(lemma)) forms.add(`${lemma.slice(0, -1)}ies`);
  else forms.add(`${lemma}s`);
  const stem = doublesFinalConsonant(lemma) ? `${lemma}${lemma.at(-1)}` : lemma;
  if (/e$/.test(lemma)) forms.add(`${lemma}d`);
  else if (/[^aeiou]y$/.test(lemma)) forms.add(`${lemma.slice(0, -1)}ied`);
  else forms.add(`${stem}ed`);
  if (/ie$/.test(lemma)) forms.add(`${lemma.slice(0, -2)}ying`);
  else if (/[^aeioy]e$/.test(lemma)) forms.add(`${lemma.slice(0, -1)}ing`);
  else forms.add(`${stem}ing`);
  return [...forms];
}

/** How an English form was inflected, which tells a verb from a noun or an adjective at the start. */
type EnglishInflection = "base" | "s" | "past" | "ing";

/** A verb of the lexicon as it appears in text, inflected. */
export type EnglishVerbForm = { entries: readonly VerbEntry[]; inflection: EnglishInflection; words: number };

function inflectionOf(lemma: string, form: string): EnglishInflection {
  if (form === lemma) return "base";
  if (form.endsWith("ing")) return "ing";
  if (/(?:s|es|ies)$/.test(form) && !(IRREGULAR_FORMS[lemma] ?? []).includes(form)) return "s";
  if (lemma === "be" && (form === "is" || form === "are")) return "s";
  return "past";
}

/**
 * Every inflected form of every English verb, phrasal verbs inflected on their first word ("rolled out",
 * "setting up"), mapped to the lexicon entries it may stand for.
 */
const EN_FORM_INDEX: ReadonlyMap<string, EnglishVerbForm> = (() => {
  const index = new Map<string, { entries: VerbEntry[]; inflection: EnglishInflection; words: number }>();
  for (const entry of EN_VERB_LIST) {
    const [head = "", ...rest] = entry.word.split(/ +/);
    for (const form of englishForms(head)) {
      const key = [form, ...rest].join(" ");
      const known = index.get(key);
      if (known) known.entries.push(entry);
      else index.set(key, { entries: [entry], inflection: inflectionOf(head, form), words: rest.length + 1 });
    }
  }
  return index;
})();

/** First words of phrasal verbs ("roll" of "roll out"): only these are looked up with the next words. */
const EN_PHRASAL_HEADS: ReadonlySet<string> = new Set(
  [...EN_FORM_INDEX.entries()].filter(([, form]) => form.words > 1).map(([key]) => key.split(" ")[0] ?? ""),
);

/** The English verb (one to three words, any inflection) at the start of lower-cased words, or null. */
export function englishVerbAt(words: readonly string[], from = 0): EnglishVerbForm | null {
  const first = words[from] ?? "";
  if (EN_PHRASAL_HEADS.has(first)) {
    for (let length = 3; length >= 2; length--) {
      if (from + length > words.length) continue;
      const found = EN_FORM_INDEX.get(words.slice(from, from + length).join(" "));
      if (found && found.words === length) return found;
    }
  }
  const found = EN_FORM_INDEX.get(first);
  if (found && found.words === 1) return found;
  // "re-organizing", "re-run": the prefix repeats the verb.
  if (first.startsWith("re-"))
    return EN_FORM_INDEX.get(`re${first.slice(3)}`) ?? EN_FORM_INDEX.get(first.slice(3)) ?? null;
  return null;
}

/** Base forms an inflected English verb of the lexicon may come from: "shipped" → ship. */
export function englishLemmas(word: string): string[] {
  const found = EN_FORM_INDEX.get(word);
  return found ? [...new Set(found.entries.map((entry) => entry.word.split(" ")[0] ?? ""))] : [];
}
