/**
 * Word lists the rules read with. They describe the language of OKRs (which verbs produce things, which
 * change things, which hedge), not any particular sentence.
 */

/** Splits a comma-separated word list; lists are written as text so they stay readable. */
function list(text: string): readonly string[] {
  return text
    .split(",")
    .map((word) => word.trim())
    .filter((word) => word !== "");
}

/**
 * How a verb relates to results:
 * - `output`: makes or finishes something that is either done or not (上线, launch);
 * - `activity`: keeps doing something with no end state of its own (推进, engage);
 * - `change`: moves a measure without saying how far (提升, improve);
 * - `outcome`: a result in the world that can be checked (签约, win, pass);
 * - `state`: describes a condition to reach, typical of good objectives (让, become).
 */
export type VerbKind = "output" | "activity" | "change" | "outcome" | "state";

/** A verb of the lexicon with its kind. */
export type VerbEntry = { word: string; kind: VerbKind; weak?: boolean };

const ZH_VERBS: Record<VerbKind, readonly string[]> = {
  output: list(`
完成, 上线, 发布, 推出, 搭建, 建成, 建立, 建设, 构建, 打造, 制定, 制订, 撰写, 编写, 编制, 起草, 出版, 交付, 开发, 实施, 部署, 迁移, 切换, 替换, 上架,
投产, 组建, 举办, 举行, 组织, 召开, 开设, 设立, 输出, 形成, 梳理, 更新, 整理, 设计, 改版, 重构, 集成, 接入, 引入, 录制, 拍摄, 培训, 开通, 启动, 安装,
配置, 翻译, 汇总, 筹备, 策划, 提交, 申报, 拜访, 走访, 回访, 访谈, 调研, 写, 做, 讲, 淘汰, 下线, 关闭, 清理, 归档, 改造, 升级, 上马, 导入, 编撰, 修订,
印发, 出台, 颁布, 落成, 研发, 打通, 新开, 开业, 铺设, 新建, 上新, 编排, 录入, 落地
`),
  activity: list(`
推进, 推动, 参与, 开展, 落实, 跟进, 协助, 支持, 配合, 负责, 关注, 探索, 研究, 学习, 深化, 坚持, 做好, 抓好, 统筹, 协调, 对接, 维护, 运营, 监控, 跟踪,
宣传, 推广, 倡导, 鼓励, 培养, 陪伴, 沟通, 参加, 执行, 深耕, 布局, 推行, 普及, 贯彻, 实行, 开拓, 走进, 拓展客户, 深入推进, 组织开展
`),
  change: list(`
提升, 提高, 增加, 增长, 降低, 减少, 缩短, 改善, 优化, 加强, 增强, 简化, 完善, 强化, 改进, 扩大, 巩固, 压缩, 减小, 加快, 扩展, 拓展, 提速, 做大, 做强,
做深, 做透, 突破, 达到, 达成, 保持, 控制, 下降, 上升, 增至, 降至, 提至, 缩减, 精简, 削减, 节省, 节约, 扩充, 促进, 加速, 降, 减, 增, 升, 翻番, 翻倍,
减半, 稳定, 维持, 确保, 保障, 丰富, 激活, 拉升, 拉高, 压降, 改变, 新增, 扩大到, 提升到
`),
  outcome: list(`
签约, 签下, 新签, 拿下, 赢得, 赢下, 获得, 获取, 通过, 成交, 中标, 取得, 斩获, 赢回, 留住, 实现, 消除, 杜绝, 清零, 招聘, 招募, 覆盖, 转化, 回款, 售出,
卖出
`),
  state: list(`
让, 使, 成为, 帮助, 帮, 做到, 变成, 成就, 建好
`),
};

const EN_VERBS: Record<VerbKind, readonly string[]> = {
  output: list(`
launch, ship, build, write, publish, release, roll out, implement, migrate, move, deploy, install,
integrate, automate, retire, deprecate, create, design, develop, draft, document, finish, complete,
set up, setup, establish, host, organise, organize, hold, record, conduct, prepare, produce,
redesign, rewrite, refactor, replace, upgrade, introduce, define, film, translate, rebuild, revamp,
overhaul, port, sunset, remove, fix, submit, finalize, finalise, perform, execute, plan, schedule,
kick off, add, update, deliver, roll-out, stand up, spin up, open-source, open source, reorganize,
reorganise, consolidate, standardize, standardise, formalize, formalise, refresh, audit, interview,
visit, survey, present, send, give, run, lead, do, provide, make, announce, apply, decide,
determine, choose, select, identify, approve, adopt, open, sign off, pilot, test, prototype, outline
`),
  activity: list(`
engage, participate, support, assist, explore, research, investigate, work on, focus on, continue,
push, foster, encourage, monitor, pursue, advocate, collaborate, coordinate, facilitate,
contribute, study, learn, track, manage, oversee, evangelize, evangelise, champion, nurture, attend,
look into, communicate, socialize, socialise, iterate, experiment, partner, keep working, work with,
be involved, get involved, invest in, evaluate, assess, analyze, analyse, gather, publicize,
publicise, prioritize, prioritise, review, discuss, brainstorm, observe, listen
`),
  change: list(`
improve, increase, enhance, boost, strengthen, optimise, optimize, reduce, lower, grow, expand, cut,
decrease, raise, accelerate, speed up, streamline, simplify, shorten, lift, double, triple,
quadruple, halve, minimize, minimise, maximize, maximise, extend, widen, deepen, tighten, drop,
shrink, drive, promote, better, scale, sharpen, modernize, modernise, elevate, bring down, move up,
stabilize, stabilise, protect
, maintain, sustain, preserve
`),
  outcome: list(`
close, sign, win, land, acquire, secure, pass, achieve, attain, reach, hit, earn, retain, gain,
convert, obtain, eliminate, hire, recruit, onboard, sell, book, exceed, surpass, generate, collect,
renew, certify, get certified, resolve
`),
  state: list(`
make, become, be, help, keep, turn, put, get, stay, remain, enable, empower, delight, have, give,
own, transform, ensure, bring, grow into, let, allow
`),
};

/**
 * English output verbs that only make a task with an event or deliverable object or a count: "Run 6
 * bootcamps" is a task, "Give customers a service they never think about" is not.
 */
const EN_WEAK_OUTPUT = new Set(
  list(`
give, run, hold, deliver, do, provide, lead, make, add
`),
);

/** Weak output verbs that make a task only with a count: "make 3 videos", but "make the app feel solid". */
export const EN_COUNT_ONLY_OUTPUT = new Set(["make", "do"]);

/** Event and content nouns: what weak output verbs produce ("give talks", "run workshops"). */
export const EN_DELIVERABLE_NOUNS = new Set(
  list(`
talk, presentation, demo, workshop, training, session, bootcamp, webinar, meetup, review, meeting,
course, lecture, class, event, conference, summit, campaign, project, feature, report, plan,
roadmap, release, version, update, document, guide, video, post, article, whitepaper, white paper,
newsletter, survey, pilot, poc, prototype, mvp, app, tool, dashboard, playbook, blog, podcast,
hackathon, offsite, retrospective, interview, study, tutorial, episode, case study, announcement,
launch, spec, rfc, proposal, design, program, programme, installer, beta, alpha, test, experiment,
story, stories, kickoff, kick-off, retreat, roadshow, fair, ceremony, celebration, contest,
competition, challenge, party, offsite, off-site, lunch, dinner, briefing, sprint, audit,
assessment, analysis
, platform, system, portal, website, site, api, sdk, integration, module, feature set, dashboard, connector, plugin, extension
`),
);

/** English output verbs whose bare plural object ("host webinars") names an open-ended stream of events. */
export const EN_EVENT_VERBS = new Set(
  list(`
run, hold, host, give, write, publish, record, conduct, organise, organize, produce, film, present,
send
`),
);

function entries(source: Record<VerbKind, readonly string[]>, weak?: ReadonlySet<string>): VerbEntry[] {
  const list: VerbEntry[] = [];
  for (const kind of Object.keys(source) as VerbKind[]) {
    for (const word of source[kind]) {
      list.push(weak?.has(word) && kind === "output" ? { word, kind, weak: true } : { word, kind });
    }
  }
  // Longest first, so 新签 wins over 签 and "roll out" over "roll".
  return list.sort((a, b) => b.word.length - a.word.length);
}

/** Chinese verbs, longest first for maximum matching. */
export const ZH_VERB_LIST: readonly VerbEntry[] = entries(ZH_VERBS);

/** English verbs (lemmas, some phrasal), longest first. */
export const EN_VERB_LIST: readonly VerbEntry[] = entries(EN_VERBS, EN_WEAK_OUTPUT);

/** Chinese output verbs that close a clause as its predicate: "新版官网上线", "模块开发完成". */
export const ZH_TRAILING_OUTPUT = list(`
上线, 完成, 发布, 交付, 落地, 投产, 建成, 切换, 迁移, 开发, 部署, 落成, 竣工, 完工, 到位, 结项, 验收, 推出, 就绪, 开通, 启用
`);

/** English participles and states that mark a deliverable as done: "iOS app shipped", "new site live". */
export const EN_TRAILING_OUTPUT = list(`
launched, shipped, released, deployed, completed, complete, implemented, done, live, in production,
published, delivered, migrated, rolled out, built, finished, ga, generally available, in place, set
up, up and running, merged, signed off
`);

/** Nouns of output verbs that head a deliverable: "Launch of the playground", "Migration of billing". */
export const EN_OUTPUT_NOMINALS = new Set(
  list(`
launch, release, implementation, completion, migration, rollout, roll-out, delivery, deployment,
creation, publication, development, introduction, integration
`),
);

/**
 * Characters and words that, right after an output verb, make it part of a measure's name: 完成率, 上线数,
 * 交付周期 are measures, not tasks.
 */
export const ZH_METRIC_SUFFIX =
  /^(?:率|度|量(?![产化])|数(?![字据码学])|时长|时间|周期|效率|进度|情况|比例|占比|比率|成本|质量|次数|人数|金额|额|值(?!班)|指数|得分|分数|速度|时效|水平|能力|覆盖率|满意度)/;

/** After a verb these make it part of a noun naming people or organisations: 设计师, 运营商, 研究员. */
export const ZH_NOMINAL_SUFFIXES = list(`
师, 者, 员, 商, 院, 部, 组, 团队, 中心, 人员, 岗, 方
`);

/** After an output verb these make a time clause ("迁移后…", "上线期间…"), not the predicate. */
export const ZH_TEMPORAL_SUFFIXES = list(`
后, 前, 时, 期间, 以来, 之后, 之前, 过程, 中
`);

/** Leading words that frame a Chinese clause without being its predicate. */
export const ZH_LEADING_FILLERS = list(`
每周, 每月, 每天, 每日, 每季度, 每年, 每半年, 每双周, 本季度, 本月, 本周, 本年度, 今年, 年内, 全年, 季度内, 年底前, 上半年, 下半年, 我们, 我, 团队, 持续,
不断, 积极, 全面, 深入, 大力, 进一步, 稳步, 逐步, 切实, 有效, 按时, 如期, 顺利, 高效, 主动, 及时, 继续, 尽快, 高质量地, 高质量, 正式, 率先, 独立, 成功,
基本, 初步, 首次, 全部, 全力, 重点, 要, 将, 会, 能, 把
`);

/** Leading English words that frame a clause without being its predicate. */
export const EN_LEADING_FILLERS = new Set(
  list(`
we, will, we'll, i, i'll, team, to, successfully, fully, finally, also, further, continuously,
consistently, proactively, actively, formally, officially, jointly, quickly, then, and, must,
should, shall, can, first, re
`),
);

/** Chinese hedges that take commitment out of a key result. */
export const ZH_WEASEL_WORDS = list(`
尽可能, 努力, 争取, 尽量, 力争, 希望, 大概, 大约, 尽力, 差不多, 可能的话, 争当, 试着, 尝试
`);

/** Words that contain a hedge but are names: 希望小学 is a kind of school. */
export const ZH_WEASEL_COMPOUNDS = ["希望小学", "希望工程", "希望之星", "希望值"] as const;

/** Chinese hedges that only hedge right after a number: "120 元左右". */
export const ZH_POST_NUMBER_WEASELS = ["左右", "上下", "前后"] as const;

/** English hedges, as patterns over lower-cased text. */
export const EN_WEASEL_PATTERNS: readonly RegExp[] = [
  /\b(?:try|tries|trying|tried) (?:to|and)\b/,
  /\bhopefully\b/,
  /\b(?:aim|aims|aiming) (?:to|for)\b/,
  /\b(?:strive|strives|striving) (?:to|for)\b/,
  /\bas (?:much|many|far|soon|quickly) as (?:possible|we can)\b/,
  /\bapproximately\b/,
  /\bapprox\.?(?= ?[\d$€£¥~])/,
  /\broughly\b/,
  /\b(?:about|around|circa|ca\.) (?=[~$€£¥]?\d)/,
  /(?:^|\s)~ ?(?=[$€£¥]?\d)/,
  /\b(?:where|if|when) (?:possible|feasible)\b/,
  /\bideally\b/,
  /\b(?:attempt|attempts|endeavou?r|endeavou?rs|seek|seeks|hope|hopes|wish) to\b/,
  /\bwe hope\b/,
  /\bbest[- ]effort\b/,
  /\bmore or less\b/,
  /\b(?:or so|give or take|ish)\b/,
  /\b(?:should|might|may) (?:be able to )?(?:reach|get|hit|achieve|see)\b/,
];

/** Chinese connectors that can join two results in one key result. */
export const ZH_CONNECTORS = list(`
并且, 以及, 同时, 而且, 并将, 并使, 并把, 和, 及, 并, 且, 与, 、
`);

/** English connectors that can join two results in one key result. */
export const EN_CONNECTOR_PATTERN = /\s(?:and also|and|as well as|plus|while|whilst)\s|\s&\s|\s\+\s/g;

/**
 * Measure words and units that can follow a number in Chinese. A number followed by anything else that is
 * Chinese (12345 热线, 一二线城市) names something instead of counting it. Longest first.
 */
export const ZH_UNITS: readonly string[] = list(`
个工作日, 个百分点, 个月, 个点, 工作日, 千瓦时, 平方米, 平米, 人次, 人天, 人日, 故事点, 小时, 分钟, 毫秒, 季度, 公里, 千米, 公斤, 千克, 万元, 亿元, 美元,
欧元, 港元, 万人, 百分点, 个, 家, 位, 人, 名, 场, 次, 篇, 项, 款, 所, 条, 件, 单, 笔, 份, 台, 套, 座, 间, 门, 支, 张, 本, 部, 首, 集, 轮,
批, 类, 种, 户, 例, 起, 宗, 辆, 架, 艘, 块, 元, 万, 亿, 千, 百, 倍, 天, 日, 周, 月, 年, 秒, 分, 点, 度, 级, 星, 颗, 吨, 斤, 克, 米,
层, 站, 城, 省, 国, 店, 仓, 节, 课, 堂, 帧, 页, 字, 盒, 箱, 包, 瓶, 杯, 票, 席, 岁, 期, 届, 单位, 处, 枚, 道, 株, 头, 只, 台次, 架次,
趟, 遍, 成, 折
`);

/** Chinese time units: a number with one of these can be a window ("30 天内") rather than a target. */
export const ZH_TIME_UNITS = new Set(
  list(`
天, 日, 周, 个月, 月, 年, 小时, 分钟, 秒, 毫秒, 季度, 工作日, 个工作日, h, min, s, ms
`),
);

/**
 * Characters that may follow a Chinese number without making it a name: particles, comparisons, joins and the
 * first character of a change verb.
 */
export const ZH_NUMBER_CONTINUATIONS = new Set(
  list(`
大, 以, 左, 上, 下, 内, 及, 和, 与, 并, 且, 或, 、, 的, 到, 至, 提, 降, 增, 减, 缩, 达, 为, 多, 余, +, 之, 前, 后, （, (, →, 起,
每, 是, 翻, 同, 环, 比, 不, 即, 就, 再, 又, 都, 也, 时, 中, 里, 外, 整
`),
);

/** Acronyms of measures: a number after these is a value ("NPS 45"), unlike "SOC 2" or "ISO 27001". */
export const METRIC_ACRONYMS = new Set(
  list(`
DAU, MAU, WAU, NPS, ENPS, ARR, MRR, GMV, CSAT, ARPU, ARPPU, CAC, LTV, SLA, KPI, DSO, MTTR, MTTD,
MTBF, QPS, TPS, ROI, ROAS, CTR, CPC, CPA, CPM, CVR, NRR, GRR, AOV, UV, PV, SKU, SQL, MQL, SAL, CES,
ACV, TCV, IARR, P50, P90, P95, P99, EBITDA, OEE, FCR, AHT, SLO, RTO, RPO, WAUS, SWAU, SWAUS, USD,
RMB, CNY, EUR, GBP
`),
);

/** Words after which a number is part of a name or reference ("Issue 12066", "Tier 1", "version 2"). */
export const NAME_WORDS_BEFORE_NUMBER = new Set(
  list(`
issue, issues, pr, prs, ticket, tickets, version, ver, release, rfc, iso, soc, wcag, http, ipv,
python, java, node, ios, android, windows, macos, es, ecmascript, html, css, web, oauth, tls, ssl,
usb, gen, generation, series, phase, stage, sprint, tier, level, type, item, step, chapter, section,
article, wave, batch, season, round, milestone, epic, project, room, building, floor, gate, route,
highway, route, model, mark, gpt, covid, office, pci, hipaa, nist, cmmi, itil, pmp, part, figure,
table, appendix, lesson, unit, week, day, q, h, fy, cy, sev, severity, priority, grade, class
`),
);

/** English month names and abbreviations: numbers next to them are dates. */
export const MONTHS = new Set(
  list(`
january, february, march, april, may, june, july, august, september, october, november, december,
jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov, dec
`),
);

/** English words before a four-digit number that make it a year ("in 2027", "by 2027"). */
export const YEAR_CONTEXT_WORDS = new Set(
  list(`
in, by, for, of, since, until, till, through, during, before, after, end, eoy, the, fy, cy, q1, q2,
q3, q4, h1, h2, year, early, late, mid, across, throughout, within, into, from, spring, summer,
autumn, fall, winter
`),
);

/** English time units: windows and durations. */
export const EN_TIME_UNITS = new Set(
  list(`
second, seconds, sec, secs, minute, minutes, min, mins, hour, hours, hr, hrs, day, days, week,
weeks, wk, wks, month, months, mo, quarter, quarters, year, years, yr, yrs, business days, working
days, s, ms, h, d, w
`),
);

/** Words before a time amount that make it a window rather than a target ("within 7 days"). */
export const EN_WINDOW_WORDS = new Set(
  list(`
within, in, first, after, before, over, during, for, last, past, next, every, each, per, under,
inside
`),
);

/** English number words and their values. */
export const EN_NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ["zero", 0],
  ["one", 1],
  ["two", 2],
  ["three", 3],
  ["four", 4],
  ["five", 5],
  ["six", 6],
  ["seven", 7],
  ["eight", 8],
  ["nine", 9],
  ["ten", 10],
  ["eleven", 11],
  ["twelve", 12],
  ["thirteen", 13],
  ["fourteen", 14],
  ["fifteen", 15],
  ["sixteen", 16],
  ["seventeen", 17],
  ["eighteen", 18],
  ["nineteen", 19],
  ["twenty", 20],
  ["thirty", 30],
  ["forty", 40],
  ["fifty", 50],
  ["sixty", 60],
  ["seventy", 70],
  ["eighty", 80],
  ["ninety", 90],
  ["hundred", 100],
  ["thousand", 1_000],
  ["million", 1_000_000],
  ["billion", 1_000_000_000],
  ["dozen", 12],
]);

/** English words that multiply a measure: "double pipeline", "triple our footprint". */
export const EN_MULTIPLIER_WORDS: ReadonlyMap<string, number> = new Map([
  ["double", 2],
  ["doubles", 2],
  ["doubled", 2],
  ["doubling", 2],
  ["twice", 2],
  ["triple", 3],
  ["triples", 3],
  ["tripled", 3],
  ["tripling", 3],
  ["thrice", 3],
  ["quadruple", 4],
  ["quadrupled", 4],
  ["quadrupling", 4],
  ["halve", 0.5],
  ["halved", 0.5],
  ["halves", 0.5],
  ["halving", 0.5],
  ["tenfold", 10],
  ["twofold", 2],
  ["threefold", 3],
  ["fivefold", 5],
]);

/** Chinese words that multiply a measure. */
export const ZH_MULTIPLIER_WORDS: ReadonlyMap<string, number> = new Map([
  ["翻两番", 4],
  ["翻一番", 2],
  ["翻番", 2],
  ["翻倍", 2],
  ["减半", 0.5],
  ["倍增", 2],
  ["加倍", 2],
  ["双倍", 2],
  ["一半", 0.5],
  ["腰斩", 0.5],
]);

/** Words, right after the from-word, that may sit between 从/from and the starting value. */
export const EN_BASELINE_INTRO = new Set(
  list(`
a, an, the, baseline, base, of, current, currently, today's, about, roughly, around, approximately,
average, level, at
`),
);

/** Chinese words that introduce the current value of a measure ("当前 3.4"). */
export const ZH_CURRENT_MARKERS = list(`
当前, 目前, 现为, 现在, 现状, 基线, 基准, 原为, 原来, 现有, 现值, 去年为, 上季度为, 上期
, 去年, 上年, 上季度, 上月, 上周, 本期初, 期初
`);

/** English words that introduce the current value of a measure ("currently 12"). */
export const EN_CURRENT_PATTERN =
  /\b(?:currently(?: at| is| are)?|today(?: at| is)?|baseline(?: of| is|:)?|was|vs\.?|versus|compared (?:to|with)|up from|down from|now(?: at)?)\s*[:=]?\s*$/;

/** Head nouns of measures: after one of these, a leading verb-like word is a modifier ("Support response time"). */
export const EN_METRIC_NOUNS: ReadonlySet<string> = new Set(
  list(`
rate, rates, time, times, ticket, tickets, cost, costs, score, scores, satisfaction, quality,
coverage, volume, count, share, ratio, latency, speed, backlog, accuracy, efficiency, cadence,
frequency, velocity, throughput, uptime, adoption, success, failures, errors, duration, cycle,
response, resolution, requests, conversion, retention, revenue, spend, budget, capacity,
utilization, utilisation, health, completion, attendance, participation, nps, csat, sla, slas, lead,
leads, pipeline, usage, growth, reliability, availability, performance, readiness, consistency,
compliance, contacts, calls, churn, margin, output, rating, ratings, acceptance, approval,
turnaround
`),
);

/** Words that may stand between a verb and the head of its object ("a", "our", "at least", "monthly"). */
export const EN_OBJECT_MODIFIERS: ReadonlySet<string> = new Set(
  list(`
a, an, the, our, my, their, its, your, this, that, these, those, at, least, more, than, new,
internal, external, monthly, weekly, quarterly, regular, all, each, every
`),
);

/** Articles and possessives: a plural object after one of these is a bounded set ("the webinars"). */
export const EN_ARTICLES: ReadonlySet<string> = new Set(
  list(`
a, an, the, our, my, their, its, your, this, that, these, those, one
`),
);
