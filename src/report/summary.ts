import { availabilityVerdictNames, formatPercent } from "../checks/availability.ts";
import type { Finding } from "../core/finding.ts";
import { confidenceLabel, severityLabel } from "./labels.ts";
import type { InspectionReport, SiteReport } from "./schema.ts";

const shownPerSite = 12;

/** The readable Chinese summary printed after an inspection; the JSON report has everything. */
export function formatSummary(report: InspectionReport): string {
  const lines = [`智检 Zhijian 检查结果 · 时间点 ${formatChinaTime(report.asOf)}（北京时间）`];
  if (report.ruleSet)
    lines.push(`评分规则：${report.ruleSet.title}（${report.ruleSet.id} ${report.ruleSet.version}）`);
  for (const site of report.sites) lines.push("", ...formatSite(site));
  const bySeverity = report.totals.bySeverity;
  const results = report.sites.flatMap((site) => (site.result ? [site.result] : []));
  const passed = results.filter((result) => result.verdict === "pass").length;
  lines.push(
    "",
    ...(results.length > 0 ? [`结论：合格 ${passed} 个，不合格 ${results.length - passed} 个`] : []),
    `合计：${report.totals.sites} 个网站（可访问 ${report.totals.reachable} 个），问题 ${report.totals.findings} 条` +
      `（否决 ${bySeverity.veto ?? 0}，扣分 ${bySeverity.deduct ?? 0}，警告 ${bySeverity.warn ?? 0}，提示 ${bySeverity.info ?? 0}）`,
  );
  return lines.join("\n");
}

function formatSite(site: SiteReport): string[] {
  const facts = site.facts;
  const name = facts.meta.SiteName || facts.title || site.site;
  const lines = [`■ ${name}  ${facts.homepage}`, ...formatVerdict(site)];
  if (site.reachable) {
    const charset = facts.charset
      ? `，编码 ${facts.charset.name.toUpperCase()}（${facts.charset.source}）`
      : "";
    const redirects =
      facts.redirects.length > 0 ? `，经 ${facts.redirects.length} 次跳转到 ${facts.finalUrl}` : "";
    lines.push(`  首页：HTTP ${facts.status}，${facts.responseMs ?? "?"} 毫秒${charset}${redirects}`);
  } else {
    lines.push(`  首页：无法访问（${facts.error ? facts.error.code : `HTTP ${facts.status}`}）`);
  }
  const stats = site.stats;
  lines.push(
    `  抓取：页面 ${stats.pagesFetched} 个（解析 ${stats.pagesParsed}，失败 ${stats.pagesFailed}），` +
      `链接 ${stats.linksFound} 处 / 目标 ${stats.uniqueTargets} 个，另检查资源与外链 ${stats.linksChecked} 个，` +
      `用时 ${(stats.durationMs / 1000).toFixed(1)} 秒${stats.budgetReached ? "（已达页面上限）" : ""}`,
  );
  lines.push(...formatFreshness(site), ...formatAvailability(site), ...formatStandards(site));
  const counts = site.counts.bySeverity;
  lines.push(
    `  问题：${site.findings.length} 条（否决 ${counts.veto ?? 0}，扣分 ${counts.deduct ?? 0}，警告 ${counts.warn ?? 0}，提示 ${counts.info ?? 0}）`,
  );
  for (const finding of site.findings.slice(0, shownPerSite)) lines.push(...formatFinding(finding));
  if (site.findings.length > shownPerSite) {
    lines.push(`  …… 另有 ${site.findings.length - shownPerSite} 条，详见 JSON 报告`);
  }
  return lines;
}

/** The verdict first, with the reasons that decide it, as an office's 通报 states it. */
function formatVerdict(site: SiteReport): string[] {
  const result = site.result;
  if (!result) return [];
  const score =
    result.score === null
      ? result.vetoes.length > 0
        ? "（单项否决，不再评分）"
        : ""
      : result.deductionScore === null
        ? ""
        : `，得分 ${result.score}（扣分项 ${result.deductionScore}${result.bonusScore > 0 ? `，加分 ${result.bonusScore}` : ""}）`;
  const review = result.reviewRequired ? "；另有疑似否决问题待人工确认" : "";
  return [
    `  结论：${result.verdictName}${score}${review}`,
    ...result.reasons.slice(0, shownReasons).map((reason) => `    · ${reason}`),
  ];
}

const shownReasons = 4;

function formatFreshness(site: SiteReport): string[] {
  const freshness = site.freshness;
  if (!freshness) return [];
  const homepage = freshness.homepage;
  const newest = homepage?.newest
    ? `首页最新信息 ${homepage.newest.date}（${homepage.ageDays} 天前${homepage.via ? `，来自二级页面“${homepage.via.column}”` : ""}）`
    : homepage
      ? "首页没有带日期的信息"
      : "首页未读到";
  const totals = freshness.columns;
  return [
    `  更新：${newest}；栏目 ${totals.columns} 个（已读 ${totals.read}），` +
      `动态要闻及一级通知公告、政策文件未更新 ${totals.keyStale}（否决线 ${totals.veto.keyStale}），` +
      `未更新共 ${totals.stale}（否决线 ${totals.veto.stale}），空白 ${totals.blank}（否决线 ${totals.veto.blank}）`,
  ];
}

/** The homepage's identity facts and the letters' reply times, as an inspector reads them first. */
function formatStandards(site: SiteReport): string[] {
  const lines: string[] = [];
  const footer = site.facts.standards?.footer;
  if (footer) {
    const first = (values: { value: string }[], missing: string) => values[0]?.value ?? missing;
    const code = footer.siteIdCode.footer[0] ?? footer.siteIdCode.jiucuo[0] ?? footer.siteIdCode.meta;
    const has = (entry: { present: boolean }) => (entry.present ? "有" : "无");
    lines.push(
      `  页尾：网站标识码 ${code?.value || "未见"}，${first(footer.icp, "ICP 备案号未见")}，${first(footer.police, "公安备案号未见")}，` +
        `主办单位 ${first(footer.organizer, "未见")}，党政机关标识 ${has(footer.conacBadge)}，找错入口 ${has(footer.jiucuo)}`,
    );
  }
  const letters = site.interaction;
  if (letters && letters.inWindow > 0) {
    const within5 = letters.replyWithin.find((r) => r.workingDays === 5)?.share;
    lines.push(
      `  互动：近一年留言 ${letters.inWindow} 封，已答复 ${letters.answered}，超过期限未答复 ${letters.overdue}` +
        (within5 === undefined || within5 === null ? "" : `，5 个工作日内答复 ${Math.round(within5 * 100)}%`),
    );
  }
  return lines;
}

function formatAvailability(site: SiteReport): string[] {
  const summary = site.availability;
  if (!summary) return [];
  return [
    `  可用性：${summary.policy.windowDays} 天监测 ${summary.probes} 次，${summary.policy.deadlineMs / 1000} 秒内未打开 ${summary.failures} 次` +
      `（${formatPercent(summary.failures, summary.probes)}），${availabilityVerdictNames[summary.verdict]}` +
      (summary.fullyCovered ? "" : "（监测不足一周，仅供参考）"),
  ];
}

function formatFinding(finding: Finding): string[] {
  const tag = `[${severityLabel[finding.severity]}·${confidenceLabel[finding.confidence]}]`;
  const lines = [`  ${tag} ${finding.message}`, `      ${finding.url}`];
  const occurrences = finding.evidence.occurrences as Array<{ page: string }> | undefined;
  const pages =
    (finding.evidence.pages as string[] | undefined) ?? occurrences?.map((occurrence) => occurrence.page);
  const count = (finding.evidence.occurrenceCount ?? finding.evidence.pageCount) as number | undefined;
  if (pages && pages.length > 0) {
    lines.push(`      出现于 ${pages[0]}${count && count > 1 ? ` 等 ${count} 处` : ""}`);
  }
  return lines;
}

function formatChinaTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}
