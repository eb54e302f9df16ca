import { Command, InvalidArgumentError, Option } from "commander";
import {
  availabilityFindings,
  availabilityVerdictNames,
  formatPercent,
  national2019Availability,
  seriesBySite,
  summariseAvailability,
  type AvailabilitySummary,
} from "../checks/availability.ts";
import { parseAsOf } from "../core/clock.ts";
import { stampFinding } from "../core/fingerprint.ts";
import { defaultFetchOptions } from "../fetch/defaults.ts";
import { parseConnectTo, parseResolve } from "../fetch/hostMapping.ts";
import { siteOf, type ProbeOptions, type ProbeRecord } from "../fetch/probe.ts";
import { Prober } from "../jobs/prober.ts";
import { addNetworkOptions } from "./crawlOptions.ts";
import { positiveInteger, siteUrl } from "./options.ts";
import { appendProbe, readProbeSeries } from "./probeSeries.ts";

export interface ProbeCliOptions {
  count?: number;
  interval: number;
  duration?: number;
  timeout: number;
  out?: string;
  json?: boolean;
  asOf?: string;
  resolve: string[];
  connectTo: string[];
  proxy?: string;
  userAgent?: string;
  mappedOnly?: boolean;
}

/** Adds `zhijian probe <url...>` to the program. */
export function addProbeCommand(program: Command): Command {
  const command = program
    .command("probe")
    .description(
      "按固定间隔探测首页能否在时限内打开，追加写入探测序列并给出可用性结论 (probe homepages on a timetable)",
    )
    .argument("<url...>", "网站首页地址 (homepage URLs)")
    .addOption(
      new Option("--count <n>", "每个网址探测次数，默认 1 (probes per URL)")
        .argParser(positiveInteger)
        .conflicts("duration"),
    )
    .addOption(
      new Option("--interval <time>", "探测间隔，如 60m、30s、250ms (interval)")
        .argParser(duration("--interval"))
        .default(3_600_000, "60m"),
    )
    .option("--duration <time>", "按时长代替 --count，如 7d、24h (run for this long)", duration("--duration"))
    .addOption(
      new Option("--timeout <time>", "时限：超过即记为打不开；纯数字为秒 (deadline, the 15 s rule)")
        .argParser(duration("--timeout"))
        .default(national2019Availability.deadlineMs, "15s"),
    )
    .option("--out <file>", "探测序列文件 (JSON Lines)，每次探测后追加 (append records here)")
    .option("--json", "以 JSON 输出全部记录、汇总和问题 (print JSON instead of tables)");
  return addNetworkOptions(command).action(async (urls: string[], options: ProbeCliOptions) => {
    await runProbe(urls.map(siteUrl), options);
  });
}

export async function runProbe(urls: string[], options: ProbeCliOptions): Promise<void> {
  const asOfGiven = options.asOf === undefined ? undefined : parseAsOf(options.asOf);
  const count =
    options.duration !== undefined
      ? Math.max(1, Math.ceil(options.duration / options.interval))
      : (options.count ?? 1);
  const probeOptions = probeOptionsFrom(options);
  const records: ProbeRecord[] = [];
  const table = new ProbeTable(process.stdout);

  const prober = new Prober({
    targets: urls,
    intervalMs: options.interval,
    count,
    probeOptions,
    async onResult(record) {
      records.push(record);
      if (options.out) {
        const { warning } = await appendProbe(options.out, record);
        if (warning) process.stderr.write(`注意：${warning}\n`);
      }
      if (!options.json) table.row(record);
    },
    onError(error, url) {
      process.stderr.write(`探测 ${url} 时出错：${(error as Error).message ?? String(error)}\n`);
    },
  });

  let interrupted = false;
  const interrupt = (): void => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write("\n正在停止：等待进行中的探测完成并写入……（再按一次 Ctrl-C 立即退出）\n");
    void prober.stop();
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);
  try {
    if (!options.json) {
      const total = count === 1 ? "1 次" : `${count} 次，间隔 ${describeDuration(options.interval)}`;
      process.stdout.write(
        `探测 ${urls.length} 个首页，每个 ${total}，时限 ${describeDuration(options.timeout)}` +
          `${options.out ? `，记录追加到 ${options.out}` : ""}\n`,
      );
    }
    prober.start();
    await prober.finished;
  } finally {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
  }

  const asOf = asOfGiven ?? new Date();
  const { series, warnings } = await seriesToJudge(options.out, records);
  for (const warning of warnings) process.stderr.write(`注意：${warning}\n`);
  // Judged by the national rule's 15 s whatever --timeout was: a slower load is still a failure.
  const policy = national2019Availability;
  const bySite = seriesBySite(series);
  const judged = unique(urls.map((url) => [siteOf(url), url] as const)).map(([site, url]) => {
    const summary = summariseAvailability(bySite.get(site) ?? [], asOf, policy);
    return { site, url, summary, findings: availabilityFindings(site, url, summary) };
  });

  if (options.json) {
    const output = {
      asOf: asOf.toISOString(),
      interrupted,
      records,
      summaries: judged.map(({ summary }) => summary),
      findings: judged.flatMap(({ findings }) => findings.map((draft) => stampFinding(draft, asOf))),
      warnings,
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `\n${formatSummaries(
      judged.map(({ site, summary }) => ({ site, summary })),
      asOf,
    )}\n`,
  );
  if (options.out) process.stdout.write(`探测记录已追加到 ${options.out}\n`);
}

function probeOptionsFrom(options: ProbeCliOptions): ProbeOptions {
  const fetch = defaultFetchOptions({
    mappings: [...options.resolve.map(parseResolve), ...options.connectTo.map(parseConnectTo)],
    ...(options.proxy ? { proxy: siteUrl(options.proxy) } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    mappedOnly: options.mappedOnly ?? false,
  });
  return {
    mappings: fetch.mappings,
    mappedOnly: fetch.mappedOnly,
    userAgent: fetch.userAgent,
    maxRedirects: fetch.maxRedirects,
    ...(fetch.proxy ? { proxy: fetch.proxy } : {}),
    deadlineMs: options.timeout,
  };
}

/** With --out, the whole file (earlier runs included) is judged; otherwise this run's probes. */
async function seriesToJudge(
  out: string | undefined,
  records: ProbeRecord[],
): Promise<{ series: ProbeRecord[]; warnings: string[] }> {
  if (!out || records.length === 0) return { series: records, warnings: [] };
  const read = await readProbeSeries(out);
  return { series: read.records, warnings: read.warnings };
}

export function formatSummaries(
  judged: Array<{ site: string; summary: AvailabilitySummary }>,
  asOf: Date,
): string {
  const policy = judged[0]?.summary.policy ?? national2019Availability;
  const lines = [
    `可用性汇总 · 时间点 ${chinaTime(asOf.toISOString())}（北京时间），窗口 ${policy.windowDays} 天，` +
      `时限 ${policy.deadlineMs / 1000} 秒，否决线 ${policy.vetoRatio * 100}%，预警线 ${policy.warnRatio * 100}%`,
  ];
  for (const { site, summary } of judged) {
    lines.push(`■ ${site}`);
    if (summary.probes === 0) {
      lines.push(`  结论：${availabilityVerdictNames.insufficient}（窗口内没有探测记录）`);
      continue;
    }
    const line =
      summary.verdict === "veto"
        ? `（≥ ${policy.vetoRatio * 100}%）`
        : summary.verdict === "warn"
          ? `（≥ ${policy.warnRatio * 100}%）`
          : "";
    lines.push(
      `  监测 ${summary.probes} 次，未打开 ${summary.failures} 次，占 ${formatPercent(summary.failures, summary.probes)}` +
        ` → 结论：${availabilityVerdictNames[summary.verdict]}${line}`,
      `  探测时间：${chinaTime(summary.firstProbe!)} 至 ${chinaTime(summary.lastProbe!)}；` +
        `${summary.daysCovered}/${policy.windowDays} 天有探测，${summary.daysShort.length} 天少于 ${policy.minProbesPerDay} 次` +
        (summary.fullyCovered ? "" : "——监测不足一周，结论仅供参考"),
    );
    for (const failed of summary.failing.slice(0, 5)) {
      lines.push(`  · ${chinaTime(failed.time)} ${failed.message}`);
    }
    if (summary.failures > 5)
      lines.push(`  · …… 共 ${summary.failures} 次失败（--json 或探测序列文件中有全部记录）`);
  }
  return lines.join("\n");
}

/** One row per finished probe, aligned for CJK text (a Han character is two columns wide). */
class ProbeTable {
  private headerShown = false;
  private static readonly widths = [17, 18, 7, 7, 7, 8, 8, 32];

  constructor(private readonly stream: NodeJS.WritableStream) {}

  row(record: ProbeRecord): void {
    if (!this.headerShown) {
      this.headerShown = true;
      this.write(["时间", "状态", "DNS", "连接", "TLS", "首字节", "总耗时", "证书到期", "网址"]);
    }
    const t = record.timings;
    this.write([
      chinaTime(record.startedAt, true),
      statusText(record),
      ms(t.dnsMs),
      ms(t.connectMs),
      ms(t.tlsMs),
      ms(t.ttfbMs),
      ms(t.totalMs),
      certificateText(record),
      record.url,
    ]);
    if (record.error && record.error.code !== "HTTP_STATUS")
      this.stream.write(`    └ ${record.error.message}\n`);
    if (record.startDelayMs >= 1000) {
      this.stream.write(`    └ 比计划时间晚 ${describeDuration(record.startDelayMs)} 开始\n`);
    }
  }

  private write(cells: string[]): void {
    const text = cells.map((cell, index) => padEnd(cell, ProbeTable.widths[index] ?? 0)).join(" ");
    this.stream.write(`${text.trimEnd()}\n`);
  }
}

const errorShort: Record<string, string> = {
  TIMEOUT: "超时",
  ENOTFOUND: "域名无法解析",
  ECONNREFUSED: "连接被拒绝",
  ECONNRESET: "连接中断",
  TLS: "TLS 错误",
  TOO_MANY_REDIRECTS: "重定向过多",
  REDIRECT_LOOP: "重定向循环",
  BAD_URL: "网址错误",
  UNSUPPORTED_SCHEME: "协议不支持",
};

function statusText(record: ProbeRecord): string {
  if (record.ok) return `正常 ${record.status}`;
  const code = record.error?.code;
  if (!code || code === "HTTP_STATUS") return `失败 HTTP ${record.status}`;
  return `失败 ${errorShort[code] ?? "网络错误"}`;
}

function certificateText(record: ProbeRecord): string {
  const cert = record.tls;
  if (!cert) return "—";
  const trust = cert.authorized ? "" : "，不受信任";
  if (!cert.validTo) return cert.authorized ? "—" : "不受信任";
  const left = cert.daysLeft === null ? "" : cert.daysLeft < 0 ? "，已过期" : `，剩 ${cert.daysLeft} 天`;
  return `${cert.validTo.slice(0, 10)}${left}${trust}`;
}

function ms(value: number | null): string {
  if (value === null) return "—";
  if (value >= 1000) return `${(value / 1000).toFixed(2)}s`;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)}ms`;
}

function chinaTime(iso: string, seconds = false): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, seconds ? 19 : 16)}`.slice(seconds ? 5 : 0);
}

function padEnd(text: string, width: number): string {
  let columns = 0;
  for (const char of text)
    columns +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        char,
      )
        ? 2
        : 1;
  return columns >= width ? text : text + " ".repeat(width - columns);
}

const durationUnits: Record<string, number> = {
  ms: 1,
  毫秒: 1,
  s: 1000,
  秒: 1000,
  m: 60_000,
  min: 60_000,
  分: 60_000,
  分钟: 60_000,
  h: 3_600_000,
  小时: 3_600_000,
  d: 86_400_000,
  天: 86_400_000,
};

/** "60m", "30s", "250ms", "7d", "1.5h"; a bare number is seconds, as `inspect --timeout` reads it. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z\u4e00-\u9fff]*)\s*$/i.exec(text);
  if (!match) return null;
  const unit = (match[2] ?? "").toLowerCase() || "s";
  const factor = durationUnits[unit];
  return factor === undefined ? null : Math.round(Number(match[1]) * factor);
}

function duration(flag: string): (value: string) => number {
  return (value) => {
    const parsed = parseDuration(value);
    if (parsed === null || parsed <= 0) {
      throw new InvalidArgumentError(
        `${flag} 需要正的时长，如 250ms、30s、60m、24h、7d (a positive duration)`,
      );
    }
    return parsed;
  };
}

function describeDuration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} 天`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} 小时`;
  if (ms % 60_000 === 0) return `${ms / 60_000} 分钟`;
  if (ms % 1000 === 0) return `${ms / 1000} 秒`;
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} 秒` : `${Math.round(ms)} 毫秒`;
}

function unique<T extends readonly [string, string]>(pairs: T[]): T[] {
  const seen = new Set<string>();
  return pairs.filter(([key]) => !seen.has(key) && (seen.add(key), true));
}
