import { useState } from "react";
import { Button, Space } from "antd";
import { api, notifySuccess } from "../api.ts";
import { useUser } from "../auth.tsx";
import { problemActions, type ProblemAction } from "../permissions.ts";
import type { Problem } from "../types.ts";
import { ReasonModal } from "./ReasonModal.tsx";

interface ProblemActionsProps {
  problem: Problem;
  onChanged: () => void;
}

/** The transitions the signed-in role may make on one problem, each as a button. */
export function ProblemActions({ problem, onChanged }: ProblemActionsProps) {
  const user = useUser();
  const [busy, setBusy] = useState<string>();
  const [asking, setAsking] = useState<ProblemAction>();
  const actions = problemActions(user.role, problem.state);
  if (actions.length === 0) return null;
  const move = async (action: ProblemAction, reason?: string) => {
    setBusy(action.to);
    try {
      await api<Problem>(`/api/problems/${problem.id}/transition`, {
        method: "POST",
        body: reason === undefined ? { to: action.to } : { to: action.to, reason },
      });
      notifySuccess(`问题 ${problem.id} 已改为“${action.to}”`);
      setAsking(undefined);
      onChanged();
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Space size={4} wrap>
      {actions.map((action) => (
        <Button
          key={action.to}
          size="small"
          danger={action.to === "已忽略"}
          loading={busy === action.to}
          data-testid={`problem-action-${action.testId}-${problem.id}`}
          onClick={(event) => {
            event.stopPropagation();
            if (action.needsReason) setAsking(action);
            else void move(action).catch(() => undefined);
          }}
        >
          {action.label}
        </Button>
      ))}
      <ReasonModal
        open={asking !== undefined}
        title={`${asking?.label ?? ""}问题 ${problem.id}`}
        onCancel={() => setAsking(undefined)}
        onSubmit={(reason) => (asking ? move(asking, reason) : Promise.resolve())}
      />
    </Space>
  );
}
