/** The Chinese sentences behind a verdict, most decisive first. */
import type { SiteKind, SiteResult } from "./result.ts";
import type { RuleSet } from "./types.ts";

export const kindNames: Record<SiteKind, string> = {
  portal: "政府门户网站",
  department: "部门网站",
  "new-media": "政务新媒体",
};

export function describeReasons(
  result: SiteResult,
  ruleSet: RuleSet,
  pendingVetoes: number,
  earlyWarnings: number,
): string[] {
  const { scoring } = ruleSet;
  const reasons: string[] = [];
  if (result.vetoes.length > 0) {
    reasons.push(...result.vetoes.map((veto) => `单项否决：${veto.title}——${veto.reason}`));
    const score = result.score === null ? "" : `（按本规则集计 ${result.score} 分）`;
    reasons.push(`出现单项否决情形，判定为不合格，不再对其他指标评分${score}`);
  } else if (result.deductionScore === null) {
    reasons.push(`${kindNames[result.kind]}只评单项否决指标：未出现单项否决情形，判定为合格`);
  } else if (result.verdict === "fail") {
    reasons.push(`扣分指标得分 ${result.deductionScore} 分，低于 ${scoring.passLine} 分，判定为不合格`);
  } else {
    const bonus =
      result.deductionScore > scoring.bonusAbove
        ? `高于 ${scoring.bonusAbove} 分，加分 ${result.bonusScore} 分`
        : `未高于 ${scoring.bonusAbove} 分，不评加分`;
    reasons.push(`扣分指标得分 ${result.deductionScore} 分，${bonus}，总分 ${result.score} 分，判定为合格`);
  }
  const warnings = result.warnings.map((warning) => `${warning.title}——${warning.reason}`);
  // Pending vetoes come first among the warnings: they alone could turn the verdict.
  reasons.push(...warnings.slice(0, pendingVetoes).map((text) => `单项否决待人工确认：${text}`));
  if (result.noExternalServices) {
    const exempt = ruleSet.scoring.noExternalServices!.area;
    const area = ruleSet.areas.find((entry) => entry.id === exempt)?.points ?? 0;
    reasons.push(
      `无对外服务职能：不检查“${exempt}”指标，扣分指标按 ${scoring.total - area} 分计算后折算为 ${scoring.total} 分`,
    );
  }
  reasons.push(...result.deductions.map((item) => `扣分：${item.title} ${item.points} 分——${item.reason}`));
  reasons.push(...result.bonus.map((item) => `加分：${item.title} ${item.points} 分——${item.reason}`));
  reasons.push(
    ...warnings.slice(pendingVetoes, pendingVetoes + earlyWarnings).map((text) => `预警：${text}`),
  );
  reasons.push(...warnings.slice(pendingVetoes + earlyWarnings).map((text) => `扣分待人工确认：${text}`));
  return reasons;
}
