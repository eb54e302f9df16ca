import { checkCatalogue } from "./catalogue.ts";

const severityLabel = {
  veto: "否决 veto",
  deduct: "扣分 deduct",
  warn: "警告 warn",
  info: "提示 info",
} as const;

/** docs/checks.md, generated so the documentation cannot drift from the catalogue. */
export function renderChecksDoc(): string {
  const lines = [
    "# 检查项目录 · Check catalogue",
    "",
    "<!-- 由 `npm run docs:checks` 从 src/checks/catalogue.ts 生成，请勿手工编辑。 Generated; do not edit. -->",
    "",
    "每条问题（finding）的 `check` 字段取下表中的编号；编号稳定，不会改名。",
    "Every finding's `check` field is one of these ids; ids are stable and never renamed.",
    "",
    "| 编号 id | 名称 | Name | 指标 indicator | 严重程度 severity |",
    "|---|---|---|---|---|",
    ...checkCatalogue.map(
      (check) =>
        `| \`${check.id}\` | ${check.title} | ${check.titleEn} | ${check.indicator} | ${check.severities.map((s) => severityLabel[s]).join("、")} |`,
    ),
    "",
  ];
  for (const check of checkCatalogue) {
    lines.push(
      `## \`${check.id}\` ${check.title}`,
      "",
      check.description,
      "",
      `*${check.descriptionEn}*`,
      "",
    );
  }
  return lines.join("\n");
}
