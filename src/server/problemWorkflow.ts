/**
 * Who may move a problem where (docs/api.md, Problems). The state machine (allowedTransitions) says
 * which moves exist; this says which role makes each, by the target state: given the machine, the
 * target alone determines the move's kind.
 */
import type { FastifyRequest } from "fastify";
import { chinaDay } from "../core/chinaDate.ts";
import {
  allowedTransitions,
  getProblem,
  transitionProblem,
  type Problem,
} from "../store/problemRepository.ts";
import type { ProblemState } from "../store/schema.ts";
import type { UserRole } from "../store/userRepository.ts";
import { assertSiteVisible, userOf } from "./auth.ts";
import type { ServerContext } from "./context.ts";
import { badRequest, conflict, forbidden, notFound } from "./httpError.ts";

/**
 * inspector: confirm (待整改), dismiss (已忽略), take a dismissal back (待确认). owner: work on it
 * (整改中, also after a failed re-check) and mark it fixed (已整改待复查). admin: both. 已关闭 and
 * 复查未通过 are the re-check's (actor system), never a person's.
 */
const targetsByRole: Record<UserRole, readonly ProblemState[]> = {
  admin: ["待整改", "已忽略", "待确认", "整改中", "已整改待复查"],
  inspector: ["待整改", "已忽略", "待确认"],
  owner: ["整改中", "已整改待复查"],
  readonly: [],
};

export interface TransitionRequest {
  to: ProblemState;
  reason?: string;
}

/**
 * Moves one problem for the signed-in user: 404 if not visible, 403 if the role may not make the
 * move, 409 if the state machine forbids it, 400 for a dismissal without a reason. Entering
 * 已整改待复查 enqueues the re-check of exactly this problem.
 */
export async function moveProblem(
  ctx: ServerContext,
  request: FastifyRequest,
  id: number,
  { to, reason }: TransitionRequest,
): Promise<Problem> {
  const user = userOf(request);
  const problem = await getProblem(ctx.db, id);
  if (problem === undefined) throw notFound("问题");
  await assertSiteVisible(ctx, request, problem.siteId, "问题");
  if (!targetsByRole[user.role].includes(to)) throw forbidden(`当前角色不能把问题改为“${to}”`);
  if (!allowedTransitions[problem.state].includes(to)) throw stateConflict(id, problem.state, to);
  if (to === "已忽略" && !reason?.trim()) throw badRequest("忽略问题须填写理由", "reason");
  const at = ctx.clock();
  let moved: Problem;
  try {
    moved = await transitionProblem(ctx.db, id, to, user.username, reason?.trim() || undefined, { at });
  } catch (error) {
    // Someone else moved it between the check above and the locked update.
    const now = await getProblem(ctx.db, id);
    if (now !== undefined && !allowedTransitions[now.state].includes(to))
      throw stateConflict(id, now.state, to);
    throw error;
  }
  if (to === "已整改待复查") {
    if (ctx.jobs !== undefined) await ctx.jobs.recheckProblem(id);
    else request.log.warn({ problemId: id, day: chinaDay(at) }, "没有启动后台任务，问题复查未排队");
  }
  return moved;
}

function stateConflict(id: number, from: ProblemState, to: ProblemState) {
  const allowed = allowedTransitions[from].join("、") || "无";
  return conflict(`问题 ${id} 当前为“${from}”，不能改为“${to}”（只能改为：${allowed}）`, "state_conflict");
}
