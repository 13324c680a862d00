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

/** Leading words that frame a Chinese clause without being its predicate. */
export const ZH_LEADING_FILLERS = list(`
每周, 每月, 每天, 每日, 每季度, 每年, 每半年, 每双周, 本季度, 本月, 本周, 本年度, 今年, 年内, 全年, 季度内, 年底前, 上半年, 下半年, 我们, 我, 团队, 持续,
不断, 积极, 全面, 深入, 大力, 进一步, 稳步, 逐步, 切实, 有效, 按时, 如期, 顺利, 高效, 主动, 及时, 继续, 尽快, 高质量地, 高质量, 正式, 率先, 独立, 成功,
基本, 初步, 首次, 全部, 全力, 重点, 要, 将, 会, 能, 把, 定期, 常态化, 已经, 已, 正在, 重新, 逐一, 统一, 集中, 认真
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
趟, 遍, 册, 档, 成, 折, 兆瓦时, 兆瓦, 千瓦, 瓦, 学时, 课时, 立方米, 毫升, 毫米, 厘米, 公顷, 亩, 标箱, 车次, 班次, 航次, 列, 升, 床
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
大, 以, 左, 上, 下, 内, 及, 和, 与, 并, 且, 或, 、, 的, 到, 至, 提, 降, 增, 减, 缩, 压, 控, 拉, 扩, 达, 为, 多, 余, +, 之, 前, 后, （, (, →, 起,
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
  ["once", 1],
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

/** English words that introduce a current value; they do not name a measure. */
export const EN_CURRENT_MARKERS_WORDS = list(`
currently, current, today, baseline, was, vs, versus, compared, now
`);
