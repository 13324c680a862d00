import { describe, expect, it } from "vitest";
import { reviewOkr } from "./review.ts";

/** The key-result codes the coach gives one key result, as short names. */
function codesOf(title: string, type?: string): string {
  const isChinese = /\p{Script=Han}/u.test(title);
  const review = reviewOkr({
    objective: { title: isChinese ? "让客户更成功" : "Make customers successful" },
    keyResults: [
      { title, type: type ?? null },
      { title: isChinese ? "客户续约率从 80% 提升到 90%" : "Renewal rate from 80% to 90%" },
    ],
  });
  const short: Record<string, string> = {
    "kr.is_task": "task",
    "kr.not_measurable": "unmeasurable",
    "kr.no_baseline": "no_baseline",
  };
  return review.findings
    .filter((finding) => finding.target === "keyResults[0]" && short[finding.code])
    .map((finding) => short[finding.code])
    .sort()
    .join(" ");
}

// design/coach.md draws the boundaries between kr.is_task, kr.not_measurable and kr.no_baseline; one table per
// boundary, in both languages, with phrasings the public corpus does not use.
describe("the decision order between the key-result codes", () => {
  it.each([
    ["组织 4 场宣讲会"],
    ["为 30 家经销商开展产品培训"],
    ["召开 4 次供应商大会"],
    ["Write 5 posts"],
    ["Interview 30 churned customers"],
    ["Hire 3 senior engineers"],
  ])("a to-do with a count is a task with no baseline, not unmeasurable: %s", (title) => {
    expect(codesOf(title)).toBe("no_baseline task");
  });

  it.each([
    ["推进精益生产"],
    ["参与行业联盟活动"],
    ["定期开展心理辅导"],
    ["客服人员培训"],
    ["推动数字化转型"],
    ["Engage with members"],
    ["Host community webinars"],
    ["Support enterprise customers"],
    ["Explore partnerships with resellers"],
    ["Regular check-ins with the sales team"],
  ])("an open-ended activity is a task and unmeasurable: %s", (title) => {
    expect(codesOf(title)).toBe("task unmeasurable");
  });

  it.each([
    ["上线新版结算系统"],
    ["会员小程序上线了"],
    ["已上线新版会员中心"],
    ["把排班系统上线到全部门店"],
    ["对全部门店进行消防安全检查"],
    ["推动新仓库管理系统上线"],
    ["编制了设备点检手册"],
    ["与 3 所高校共建实习基地"],
    ["Release the RPC permissions feature"],
    ["Ship the new onboarding flow"],
    ["Rolled out SSO to all customers"],
    ["Migrating billing to Stripe"],
    ["Document the incident process"],
    ["Deprecated the v1 API"],
    ["The v1 API is deprecated"],
    ["Onboarding docs are published"],
    ["A public roadmap for Q3"],
    ["Integrate with Salesforce"],
    ["Make the export public by default"],
  ])("a bounded deliverable is only a task: %s", (title) => {
    expect(codesOf(title).replace("no_baseline ", "")).toBe("task");
  });

  it.each([["每月开展安全培训"], ["Curate content and send the newsletter weekly"]])(
    "a practice on an explicit schedule can be checked against it: %s",
    (title) => {
      expect(codesOf(title)).toBe("task");
    },
  );

  it.each([
    ["提升客户满意度"],
    ["持续优化供应链"],
    ["企业对政策兑现的满意度提高"],
    ["Improve onboarding"],
    ["Better docs"],
    ["Continue improving the onboarding"],
  ])("a vague change is only unmeasurable: %s", (title) => {
    expect(codesOf(title)).toBe("unmeasurable");
  });

  it.each([
    ["举办 6 场沙龙，带来 300 条线索"],
    ["组织 24 期线上培训，参训医生考核通过率达到 90%"],
    ["Write 4 case studies that generate 20 qualified leads"],
    ["Launch Directs Group with a 4.5/5 feedback score"],
  ])("a to-do with an outcome measure attached is a result, not a task: %s", (title) => {
    expect(codesOf(title)).not.toContain("task");
  });

  it.each([
    ["签下 5 家省级代理"],
    ["通过 ISO 45001 认证"],
    ["全年无重大安全事故"],
    ["Sign 3 design partners"],
    ["Pass the SOC 2 Type II audit"],
    ["No P0 incidents in Q3"],
    ["Every new hire has a buddy in week one"],
  ])(
    "signing, winning, passing an audit or a state of zero is neither a task nor unmeasurable: %s",
    (title) => {
      expect(codesOf(title)).not.toMatch(/task|unmeasurable/);
    },
  );

  it("lets a milestone type make a task measurable without its words", () => {
    expect(codesOf("推进精益生产", "milestone")).toBe("task");
  });
});

// Phrasings of text nobody here wrote (issue 14): verbs outside the old lexicon, a subject before the verb,
// frames of time and cadence, checked endings and coverage, in both languages.
describe("the decision order on phrasings beyond the corpus", () => {
  it.each([
    ["质检员每班巡检"],
    ["每天 22 点前完成日结"],
    ["历史订单数据迁移完毕"],
    ["客房床垫全部更换"],
    ["把排班规则纳入系统"],
    ["We've documented the escalation process"],
    ["Support for SAML login"],
    ["Enable audit logging for every workspace"],
    ["Run the indexer on Kubernetes"],
    ["Quarterly customer satisfaction survey"],
    ["Bring the billing service in-house"],
    ["The new editor becomes the default"],
    ["Welcome each new contributor personally"],
    ["Log anomaly clustering"],
    ["Create a forum (tbd which tool) for partners"],
  ])("a deliverable or a scheduled practice is only a task: %s", (title) => {
    expect(codesOf(title)).toBe("task");
  });

  it.each([
    ["已将 30 项审批事项下放到区县"],
    ["铺设 3 块人造草坪"],
    ["增加 20 名分拣员"],
    ["优化 12 个门店的动线"],
    ["仓管员盘点 4 次"],
    ["3 staging servers are provisioned and monitored"],
  ])("a counted to-do in other words is a task with no baseline: %s", (title) => {
    expect(codesOf(title)).toBe("no_baseline task");
  });

  it.each([
    ["审批流程得到简化"],
    ["库存管理更加精细"],
    ["把门店陈列做得更好"],
    ["员工参与改善的积极性明显提高"],
  ])("a vague change of quality is only unmeasurable: %s", (title) => {
    expect(codesOf(title)).toBe("unmeasurable");
  });

  it.each([
    ["年度预算经董事会批准"],
    ["新版质量手册评审一次通过"],
    ["一线员工安全培训全覆盖"],
    ["迎检期间无安全事故"],
    ["Brand guidelines approved by the leadership team"],
    ["All support agents complete the de-escalation course"],
    ["Release cadence from monthly to weekly"],
    ["Meet the hiring plan"],
  ])("a checked ending, coverage or a change of schedule is neither a task nor unmeasurable: %s", (title) => {
    expect(codesOf(title)).toBe("");
  });

  it.each([
    ["机房全年零宕机"],
    ["Deploy the new search to N4 MAU"],
    ["Critical bugs fixed within 3 days"],
    ["Over 2/3 of pilot users rate it useful"],
    ["N12"],
  ])("a figure that measures a result needs a baseline, not a to-do: %s", (title) => {
    expect(codesOf(title)).toBe("no_baseline");
  });

  it("reads a time of day as a frame, not as a target", () => {
    expect(codesOf("每天 20 点后对临期商品打折")).toBe("task");
  });

  // Deliverables with a verifiable end state are tasks, not unmeasurable (design/coach.md): the phrasings
  // published English key results use for them.
  it.each([
    // make/ensure + a behaviour or property a piece of work gives
    ["Make the importer schema independent", "task"],
    ["Make weekly exports not fail on empty tables", "task"],
    ["Ensure the mobile app works offline", "task"],
    // …but a comparative, a quality, or people after the verb ask for a change with no end
    ["Make the importer easier to operate", "unmeasurable"],
    ["Make code review fair", "unmeasurable"],
    ["Ensure customers don't churn", "unmeasurable"],
    // a feature stated as done, its verb left out
    ["Self-serve refunds available for all plans", "task"],
    ["Remote caching enabled for all pipelines", "task"],
    // a plural subject with the bare verb, a perfect subject before a verb that also names a measure
    ["Engineering managers hold monthly skip-level conversations", "task"],
    ["We've benchmarked churn rates for each segment", "task"],
    // verbs of the lexicon by meaning: answering questions documents them, attributing maps results to causes
    ["Answer the open questions in the pricing FAQ", "task"],
    ["Attribute closed revenue to each partner", "task"],
    // a deliverable whose name contains "use cases", a singular person modifying a noun
    ["Public integration roadmap tied to use cases", "task"],
    ["Customer journeys", "task"],
    // getting a deliverable is having it delivered; "one" counts a deliverable; "office hours" is an event
    ["The support team gets an escalation playbook", "task"],
    ["Make one hire per open role", "task"],
    ["Monthly product updates and open office hours", "task"],
    // a participle after what was built, and one after a preposition that only describes a noun
    ["Renewal plans built for each enterprise account", "task"],
    ["1 smoke test per supported browser", "no_baseline task"],
    // a to-do whose only figures sit in an aside saying what for or with what; a figure that opens it restates one
    ["Renewal plan defined for each account (to reach 100% logo retention)", "task"],
    ["Publish the onboarding guide (with 12 short chapters)", "task"],
    ["Hiring: data engineers (2 senior, 1 lead)", "no_baseline task"],
    // 调整 after its subject and a rule (按…) puts a new way of working in place; to a figure it is a target
    ["护士排班按门诊量调整", "task"],
    ["挂号费调整到 20 元", "no_baseline"],
    // promotion with no end of its own is an activity
    ["Developer community promotion on social media", "task unmeasurable"],
    // a vague change spelled out by the next sentence's bounded deliverables
    ["Billing: Improve the invoice experience. Ship PDF export, show tax per line.", "task"],
    ["Billing: Improve the invoice experience. Keep listening to customers.", "unmeasurable"],
  ])("%s → %s", (title, codes) => {
    expect(codesOf(title)).toBe(codes);
  });

  it.each([
    ["Answer the 10 most asked questions in the docs", "task"],
    ["Remove the approval step for teams under 50 seats", "task"],
    ["Keep open escalations under 5", "no_baseline"],
  ])("a figure that picks from a ranking or sizes a population is no target: %s → %s", (title, codes) => {
    expect(codesOf(title)).toBe(codes);
  });

  it.each([
    // a deliverable named by a noun, including names across "of" and heads followed by a participle
    ["Have a searchable help center", "task"],
    ["Single source of truth for revenue metrics", "task"],
    ["Follow-the-sun rota covering APAC hours", "task"],
    ["Ticket tagging taxonomy agreed with product", "task"],
    ["Onboarding plan for every role family", "task"],
    ["Support macros for the 20 most common tickets", "task"],
    // in place, ready
    ["Dual writes in place for customer records", "task"],
    ["Laptop and accounts ready on day one for every hire", "task"],
    ["Trust center page live", "task"],
    // participles after a subject, joined or alone, state the work done
    ["Rollback runbook documented and reviewed by on-call", "task"],
    ["Action items from postmortems tracked in Jira", "task"],
    ["Failed payment retries handled automatically", "task"],
    ["Support engineers have access to production logs", "task"],
    // a behaviour a system gets; people working somewhere are no system
    ["CI runs in parallel across test shards", "task"],
    ["Backfills run without manual steps", "task"],
    // an inquiry into one named thing ends; into an open class it goes on
    ["Investigate the root cause of the latency spikes", "task"],
    ["Evaluate SBOM tooling for our build pipeline", "task"],
    ["Research options for gitbase plugins", "task"],
    ["Explore new opportunities", "task unmeasurable"],
    ["Investigate flaky test causes", "task unmeasurable"],
    // a capability on platforms; a practice noun that only modifies the head
    ["Support LSIF-based code intel in targeted languages", "task"],
    ["Define standard support terms", "task"],
    ["Support customers in their onboarding", "task unmeasurable"],
    // a plan for a named thing (a hedge is "plan to"), a hyphenated deliverable, a tool doing the work, people
    // equipped with deliverables
    ["Plan for a language-independent style-analyzer", "task"],
    ["Ansible Tower manages our deployments", "task"],
    ["The team tracks incidents", "task unmeasurable"],
    ["AEs are equipped with the tools and training to prospect", "task"],
    // support naming what a later verb is done to; a slash compound names what is studied
    ["Support SLA published on the website", "task"],
    ["Win/loss interviews with 10 lost deals", "no_baseline task"],
    ["Insights load from cache on page open", "task"],
    ["Monthly active users reported weekly to the exec team", "task"],
    // coverage of a practice, a check passed, a deliverable that ends on a sign-off: measured, no task
    ["Mutual action plan template used in every late-stage deal", ""],
    ["Go and Python drivers pass the conformance suite", ""],
    ["Active user metric defined and signed off by product and sales", ""],
    // a practice on an explicit interval
    ["Newsletter sent every two weeks", "task"],
    // a comparative at the end asks for a change with no end
    ["Website converts better", "unmeasurable"],
    ["Partners build integrations more easily", "unmeasurable"],
  ])("deliverables stated the ways published OKRs state them: %s → %s", (title, codes) => {
    expect(codesOf(title)).toBe(codes);
  });
});
