import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { Command } from "commander";
import { contextOf } from "../checks/textFindings.ts";
import { parseAsOf } from "../core/clock.ts";
import { UsageError } from "../core/errors.ts";
import type { Confidence, Severity } from "../core/finding.ts";
import { decodeBody } from "../fetch/charset.ts";
import { parsePage } from "../parse/parsePage.ts";
import { attachmentText } from "../text/attachmentText.ts";
import { createContentScanner } from "../text/contentScanner.ts";
import type { TextIssue } from "../text/issue.ts";
import { collect } from "./options.ts";

export interface CheckTextOptions {
  json?: boolean;
  format?: string;
  lexicon: string[];
  allow: string[];
  asOf?: string;
}

const severityLabel: Record<Severity, string> = { veto: "否决", deduct: "扣分", warn: "警告", info: "提示" };
const confidenceLabel: Record<Confidence, string> = {
  confirmed: "确定",
  suspected: "疑似",
  inconclusive: "待定",
};
const formats = ["txt", "html", "docx", "xlsx", "csv", "pdf"];

/** Adds `zhijian check-text <file|->`: the pre-publication check of a draft. */
export function addCheckTextCommand(program: Command): Command {
  return program
    .command("check-text")
    .description("发布前检查稿件：错别字、严重表述错误、敏感信息、隐私信息 (check a draft before publishing)")
    .argument("<file>", "稿件文件（txt、html、docx、xlsx、csv、pdf），- 表示标准输入")
    .option("--format <format>", `稿件格式：${formats.join("、")}（默认按扩展名）`)
    .option("--lexicon <file>", "加载自己的敏感词库（txt 或 csv），可重复", collect, [])
    .option("--allow <word>", "允许词：不作为问题报告，可重复", collect, [])
    .option("--as-of <time>", "判断出生日期等所用的时间点（默认当前时间）")
    .option("--json", "以 JSON 输出 (machine-readable output)")
    .action(async (file: string, options: CheckTextOptions) => {
      process.exitCode = await runCheckText(file, options);
    });
}

/** Checks one draft and prints what it found; returns the exit code (0 nothing found, 1 found). */
export async function runCheckText(file: string, options: CheckTextOptions): Promise<number> {
  const bytes = await readInput(file);
  const format = options.format ?? formatOf(file, bytes);
  if (!formats.includes(format))
    throw new UsageError(`不支持的稿件格式 ${format}（可用：${formats.join("、")}）`);
  const text = await draftText(bytes, format, file);
  const scanner = await createContentScanner({
    asOf: options.asOf ? parseAsOf(options.asOf) : new Date(),
    lexiconFiles: options.lexicon,
    allow: options.allow,
  });
  const issues = scanner.scan(text);
  const lines = lineStarts(text);
  if (options.json) {
    const located = issues.map((issue) => ({
      ...issue,
      ...position(lines, issue.start),
      context: contextOf(text, issue, issues),
    }));
    process.stdout.write(
      `${JSON.stringify({ file, format, chars: text.length, issues: located }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${formatIssues(file, text, issues, lines)}\n`);
  }
  return issues.length === 0 ? 0 : 1;
}

async function readInput(file: string): Promise<Buffer> {
  try {
    if (file !== "-") return await readFile(file);
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch (error) {
    throw new UsageError(`无法读取稿件 ${file}：${(error as Error).message}`);
  }
}

function formatOf(file: string, bytes: Buffer): string {
  const extension = extname(file).slice(1).toLowerCase();
  if (extension === "htm" || extension === "shtml") return "html";
  if (formats.includes(extension)) return extension;
  return /^\s*</u.test(bytes.subarray(0, 256).toString("latin1")) ? "html" : "txt";
}

async function draftText(bytes: Buffer, format: string, file: string): Promise<string> {
  if (format === "txt") return decodeBody(bytes, undefined).text;
  if (format === "html") return parsePage(decodeBody(bytes, "text/html").text, "file:///draft.html").text;
  const extracted = await attachmentText(bytes, `draft.${format}`);
  if ("error" in extracted) throw new UsageError(`无法读取稿件 ${file}：${extracted.error}`);
  return extracted.text;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset, as editors count them. */
function position(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

function formatIssues(
  file: string,
  text: string,
  issues: readonly TextIssue[],
  lines: readonly number[],
): string {
  const name = file === "-" ? "标准输入" : file;
  if (issues.length === 0) return `${name}：未发现问题（${text.length} 字）`;
  const out = [`${name}：发现 ${issues.length} 处问题（${text.length} 字）`];
  for (const issue of issues) {
    const { line, column } = position(lines, issue.start);
    const suggestion = issue.suggestion ? `  建议：${issue.suggestion}` : "";
    out.push(
      `  第 ${line} 行第 ${column} 列  [${severityLabel[issue.severity]}·${confidenceLabel[issue.confidence]}] ${issue.message}${suggestion}`,
      `      ${contextOf(text, issue, issues)}`,
    );
  }
  return out.join("\n");
}
