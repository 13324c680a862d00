/**
 * Nouns the coach reads with: what names a deliverable (a thing that is done or not), what names a measure,
 * what names a quality with no measure, and what names an aspiration rather than an output. Like the verbs,
 * these describe the language of OKRs, not any particular sentence.
 */
import type { TaskTopic } from "./verb-lexicon.ts";
import { wordList } from "./verb-lexicon.ts";

function topicMap(groups: Partial<Record<TaskTopic, string>>): ReadonlyMap<string, TaskTopic> {
  const map = new Map<string, TaskTopic>();
  for (const [topic, words] of Object.entries(groups) as Array<[TaskTopic, string]>) {
    for (const word of wordList(words)) map.set(word, topic);
  }
  return map;
}

/**
 * English nouns that name a deliverable, with what kind of task produces it. A key result that is only such a
 * noun phrase ("Swagger API documentation", "A public roadmap for Q3") is a task.
 */
export const EN_DELIVERABLE_NOUNS: ReadonlyMap<string, TaskTopic> = topicMap({
  build: `feature, features, system, platform, portal, app, application, tool, tooling, dashboard, dashboards, integration,
integrations, api, apis, sdk, sdks, client, clients, driver, drivers, library, libraries, service, services, pipeline,
pipelines, module, plugin, plugins, connector, connectors, extension, extensions, bot, database, db, cluster, infrastructure,
environment, prototype, prototypes, poc, mvp, model, dataset, datasets, website, site, webpage, page, pages, portal, repo,
repository, redesign, revamp, refactor, rewrite, upgrade, automation, implementation, installer, sso, ui, ux, engine, version,
versions, beta, alpha, release, releases, interface, interfaces, infra, support, functionality, capability, stack, setup,
instrumentation, visualization, integration tests, tests, test suite, status page, monitoring, alerting, ha, backend, frontend,
alert, alerts, test, analyzer, analyzers, analyser, parser, parsers, linter, linters, provider, providers,
operator, operators, chart, charts, cli, office, offices, store, storefront, branch, lab, studio, shop, hub, warehouse, showroom, channel, marketplace,
center, centre, help center, harness, kit, kits, dictionary, glossary, catalog, catalogue, registry, macro, macros, quarantine,
tour, prompt, prompts, form, forms, order form, desk, deal desk, navigation, lineage, sandbox, workflow, workflows,
chatbot, checks, quality checks, paging, sdk, mode, ladder, career ladder, taxonomy, rota, escalation path, charter, charters`,
  launch: `launch, launches, rollout, roll-out, go-live, announcement, announcements, debut, update, updates`,
  migrate: `migration, migrations, transition, consolidation, deprecation, cleanup, clean-up, handoff, hand-off`,
  document: `documentation, docs, doc, guide, guides, guideline, guidelines, handbook, playbook, playbooks, runbook, runbooks,
policy, policies, process, processes, plan, plans, roadmap, roadmaps, strategy, framework, template, templates, checklist, spec,
specs, specification, rfc, rfcs, proposal, proposals, list, lists, design, mockup, mockups, wireframe, wireframes, wireframing,
faq, faqs, readme, wiki, manual, schedule, budget, budgets, criteria, requirements, narrative, messaging, source of truth,
walkthrough, curriculum, program, programme, mission statement, brand guidelines, style guide, page`,
  content: `post, posts, article, articles, blog, blogs, blog post, blog posts, video, videos, whitepaper, whitepapers,
white paper, case study, case studies, story, stories, newsletter, newsletters, podcast, podcasts, tutorial, tutorials,
episode, episodes, illustrations, illustration, content, press release, report, reports, paper, papers, demo, demos,
talk, talks, presentation, presentations, release notes, notes, changelog, tweet, tweets, thread, threads,
email, emails, recording, recordings, screencast, screencasts, ebook, ebooks, webpage`,
  event: `workshop, workshops, session, sessions, bootcamp, bootcamps, webinar, webinars, meetup, meetups, event, events,
conference, conferences, summit, hackathon, hackathons, offsite, off-site, retreat, roadshow, kickoff, kick-off, meeting,
meetings, lunch, dinner, party, contest, competition, campaign, campaigns, fair, ceremony, celebration, roundtable,
roundtables, office hours, standup, check-in, check-ins, masterclass, masterclasses, camp, push, blitz, initiative, initiatives,
conversation, conversations, one-on-one, one-on-ones, 1:1, 1:1s, retro, retros, retrospective, retrospectives, promotion,
promotions, outreach, sponsorship, sponsorships`,
  training: `training, trainings, course, courses, class, classes, lecture, lectures, certification, onboarding program`,
  hire: `hire, hires, headcount, recruiter, recruiters, coordinator, intern, interns`,
  research: `research, survey, surveys, study, studies, analysis, analyses, audit, audits, assessment, assessments, review,
reviews, interview, interviews, research activities, user research, benchmark, benchmarks, experiment, experiments, pilot,
pilots, investigation, inventory, evaluation, testing, usability testing`,
  decide: `decision, decisions, pricing, positioning, name`,
});

/**
 * Chinese nouns that name a deliverable: a noun phrase ending on one of these, or counted in one ("优质课例 100
 * 节"), is a task.
 */
export const ZH_DELIVERABLE_NOUNS: ReadonlyMap<string, TaskTopic> = topicMap({
  build: `系统, 平台, 功能, 模块, 看板, 大屏, 工具, 小程序, 官网, 网站, 页面, 接口, 应用, 版本, 专区, 实验室, 中心, 机器人, 产线, 设备, 终端,
数据库, 模型, 档案, 门户, 样机, 专班, 前置仓, 网点, 门店, 线路, 干线, 图书角, 之家, 托育点, 自提点, 坐席, 车辆, 规范化, 标准化, 数字化,
信息化, 智能化, 可视化, 线上化, 无纸化`,
  hire: `人员, 岗位编制`,
  launch: `首发, 上线仪式`,
  document: `制度, 流程, 方案, 规划, 计划, 规范, 标准, 清单, 手册, 指南, 白皮书, 细则, 办法, 预案, 台账, 规程, 机制, 体系, 预算, 政策, 文件,
报表, 模板, 路线图, 说明书, 对照表, 一览表, 明细表, 评分卡, 指导书, 作业书`,
  content: `文章, 案例, 报告, 视频, 海报, 推文, 短视频, 专栏, 简报, 教材, 课件, 课例, 图书, 论文, 专利, 稿件`,
  event: `活动, 会议, 大会, 论坛, 沙龙, 展会, 发布会, 开放日, 讲座, 演练, 比武, 竞赛, 比赛, 考试, 直播, 路演, 义诊, 宣讲会, 工作坊, 公开课,
见面会, 茶话会, 座谈会, 研讨会, 科技节, 招聘会, 双选会, 推介会, 对接会, 交流会, 洽谈会, 说明会, 家长会,
运动会, 读书会, 例会, 大促, 促销活动, 展销会, 博览会, 年会, 庆典`,
  training: `培训, 课程, 辅导, 带教, 轮训`,
  research: `调研, 调查, 访谈, 评估, 审计, 检查, 抽查, 盘点, 排查, 筛查, 测评, 复盘, 分析`,
});

/**
 * Deliverables that are practices rather than single events: without a count, a scope or an explicit cadence
 * ("客服人员培训", "组织防汛演练", "Continuous user feedback") they have no end state of their own.
 */
export const PRACTICE_NOUNS: ReadonlySet<string> = new Set(
  wordList(`
培训, 演练, 宣传, 辅导, 带教, 推广, 轮训, 服务, 支持, 帮扶, 教研, 督导, 巡查, 巡检, 引导, 排查, 督查, 检查, 抽检, 监测,
training, trainings, outreach, feedback, promotion, support, coaching, mentoring, engagement, communication, marketing,
advocacy, evangelism, check-ins, sessions, sharing
`),
);

/** Words saying a practice recurs on no stated schedule: it then has no end state ("定期开展心理辅导"). */
export const VAGUE_CADENCE =
  /定期|持续|经常|不断|常态化|长期|日常|\b(?:regularly|continuously|continually|ongoing|periodically|constantly)\b/i;
/** The same as adjectives, for noun phrases: "Regular check-ins", "Continuous user feedback". */
export const VAGUE_CADENCE_ADJECTIVE =
  /\b(?:regular|continuous|continous|continual|ongoing|periodic|constant)\b/i;
/** Words stating how often a practice recurs: it can be checked against that schedule ("每月开展安全培训"). */
export const EXPLICIT_CADENCE =
  /每(?:天|日|周|月|季度|季|年|半年|双周|半月|学期|班)|(?:日度|周度|月度|季度|年度)(?=[^\d]{0,2}(?:回访|例会|检查|评审|复盘|会议|报告|盘点|培训|巡检|演练|分析))|\b(?:daily|weekly|bi-?weekly|monthly|quarterly|yearly|annually|nightly|every (?:day|week|month|quarter|sprint)|per (?:day|week|month|quarter|sprint)|a (?:day|week|month|quarter))\b/i;
/** Words giving a practice a bounded scope: everyone, every unit ("组织全员安全培训"). */
export const BOUNDED_SCOPE = /全员|全体|全部|所有|每位|每名|每个|每一|\b(?:all|every|each|100%)\b/i;

/**
 * English head nouns of measures: after one of these, a leading verb-like word is a modifier ("Support response
 * time"), and a noun phrase built on one names a measure, not a deliverable.
 */
export const EN_METRIC_NOUNS: ReadonlySet<string> = new Set(
  wordList(`
rate, rates, time, times, ticket, tickets, cost, costs, score, scores, satisfaction, quality, coverage, volume, count, share,
ratio, latency, speed, backlog, accuracy, efficiency, cadence, frequency, velocity, throughput, uptime, adoption, success,
failures, errors, duration, cycle, response, resolution, requests, conversion, retention, revenue, spend, budget, capacity,
utilization, utilisation, health, completion, attendance, participation, nps, csat, sla, slas, leads, pipeline, usage,
growth, reliability, availability, performance, readiness, consistency, compliance, contacts, calls, churn, margin, output,
rating, ratings, acceptance, approval, turnaround, traffic, visits, signups, users, arr, mrr, iarr, revenue, income, turnover,
headcount, productivity, engagement, awareness, percentage, number, amount, level, median, average, mean, percentile, p50, p90,
p95, p99, minutes, hours, days, weeks, months, seconds, ms
`),
);

/**
 * Head nouns after which a leading word that looks like a verb is a modifier of a measure's name: "Support
 * response time", "Completion rate", "Release cycle".
 */
export const EN_MEASURE_HEADS: ReadonlySet<string> = new Set(
  wordList(`
rate, rates, time, times, cost, costs, score, scores, ratio, latency, speed, volume, count, coverage, quality, satisfaction,
efficiency, accuracy, cycle, backlog, tickets, share, velocity, throughput, frequency, cadence, success, duration
`),
);

/** Placeholders for a key result still to be written: "TBD", "Key result x". */
export const EN_PLACEHOLDER_TEXT = /^(?:tbd|tba|todo|n\/a|x{1,3}|\?+)\b|\bkey results? x\b|\b(?:tbd|tba)\b/i;

/** Objects too abstract to be delivered: "Deliver value", "Provide a great experience". */
export const EN_ABSTRACT_OBJECTS =
  /^(?:(?:a|an|the|more|real|great|better|predictable|consistent|high|higher|clear|our)\s+)*(?:[a-z-]+\s+)?(?:value|results?|impact|growth|outcomes?|experience|excellence|support|insights?|benefits?)\b/i;

/** English nouns of qualities and feelings with no measure of their own ("Better documentation" is not a thing). */
export const EN_QUALITY_WORDS: ReadonlySet<string> = new Set(
  wordList(`
better, improved, stronger, more, higher, faster, greater, enhanced, increased, deeper, wider, broader, fewer, less, lower,
smoother, easier, clearer, happier, healthier, tighter, happiness, trust, awareness, visibility, credibility, reputation,
culture, morale, traction, effectiveness, excellence, alignment, collaboration, communication, ownership, confidence, clarity,
quality, stability, maturity, momentum, presence, leadership, improvements, improvement, efficiency, experience
`),
);

/**
 * What an objective aspires to when a verb of building governs it: a team, a culture, a brand or a foundation
 * is a state to reach, not an output to ship ("Build a world-class engineering team", "打造一支高素质教师队伍").
 */
export const ASPIRATION_NOUNS = new RegExp(
  `(?:${wordList(`
队伍, 团队, 品牌, 口碑, 文化, 生态, 标杆, 精品, 氛围, 形象, 影响力, 基础, 一流, 领先, 第一, 首选, 高地, 名片, 样板
`).join("|")})|(?<![\\w-])(?:${wordList(`
teams?, company, companies, culture, foundations?, brand, reputation, trust, organi[sz]ation, community, ecosystem, business,
habits?, mindset, place, home, movement, destination, world[- ]class
`).join("|")})(?![\\w-])`,
  "i",
);

/** Modals and phrases of ability: "X can Y" states a capability that is either in place or not. */
export const EN_ABILITY = /\b(?:can(?:not)?|could|(?:is|are|be) able to)\b/;

/** Verbs of knowing and feeling: an ability to understand or trust is a state with no end of its own. */
export const EN_COGNITIVE_VERBS: ReadonlySet<string> = new Set(
  wordList(`
understand, understands, know, knows, trust, trusts, feel, feels, believe, believes, love, loves, like, likes, want, wants,
agree, agrees, recognize, recognise, appreciate, care, enjoy, learn
`),
);

/** States of a deliverable that is done: "new site live", "Dedicated in GA", "IPNS over DNS production ready". */
export const EN_DONE_STATES =
  /\b(?:live|in production|production[- ]ready|ready for production|generally available|in ga|ga|in place|up and running|available|public|publicly available|open[- ]sourced?|on by default|the default|default|done|complete|completed|finished|merged|enterprise[- ]ready|in[- ]house|up[- ]to[- ]date|(?:publicly )?visible|publicly accessible|ready)\b/i;

/** Subjects that are documents: "Handbook describes…", "Interview repo contains…" name a document to write. */
export const EN_DOCUMENT_SUBJECTS =
  /\b(?:handbook|docs|documentation|guide|playbook|wiki|readme|repo|repository|page|website|site|policy|policies|faq|manual|runbook)$/i;
/** Verbs a document does: it describes, outlines, lists. */
export const EN_DOCUMENT_VERBS = new Set(
  wordList(
    "describe, describes, outline, outlines, document, documents, contain, contains, include, includes, cover, covers, explain, explains, list, lists, define, defines, show, shows, capture, captures",
  ),
);
