import { useMemo, useState, type Key } from "react";
import { Alert, Button, Card, Form, Select, Space, Switch, Typography } from "antd";
import { api, notifySuccess, query } from "../api.ts";
import { useUser } from "../auth.tsx";
import { ProblemDrawer } from "../components/ProblemDrawer.tsx";
import { ProblemTable } from "../components/ProblemTable.tsx";
import { ReasonModal } from "../components/ReasonModal.tsx";
import { problemStates, severityNames } from "../labels.ts";
import { bulkActions, type ProblemAction } from "../permissions.ts";
import type { BulkResult, Problem, SiteRow } from "../types.ts";
import { useLoad } from "../useLoad.ts";

interface Filters {
  state: string[];
  severity: string[];
  siteId: number | undefined;
  overdue: boolean;
  /** Only from the address (links to one kind of problem, e.g. ?check=link.dead); no control for it. */
  check: string[];
}

/** Filters can come in the address (the dashboard links to /problems?overdue=1). */
function initialFilters(): Filters {
  const params = new URLSearchParams(window.location.search);
  const siteId = Number(params.get("siteId"));
  return {
    state: params.getAll("state"),
    severity: params.getAll("severity"),
    siteId: Number.isInteger(siteId) && siteId > 0 ? siteId : undefined,
    overdue: params.get("overdue") === "1",
    check: params.getAll("check"),
  };
}

export default function ProblemsPage() {
  const user = useUser();
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const [selected, setSelected] = useState<Key[]>([]);
  const [openId, setOpenId] = useState<number>();
  const [asking, setAsking] = useState<ProblemAction>();
  const [busy, setBusy] = useState(false);
  const [lastBulk, setLastBulk] = useState<BulkResult>();
  const path = `/api/problems${query({ ...filters })}`;
  const problems = useLoad<Problem[]>(path);
  const sites = useLoad<SiteRow[]>("/api/sites");
  const actions = bulkActions(user.role);
  const siteOptions = useMemo(
    () => (sites.data ?? []).map((site) => ({ value: site.id, label: site.name })),
    [sites.data],
  );

  const runBulk = async (action: ProblemAction, reason?: string) => {
    setBusy(true);
    try {
      const ids = selected.map(Number);
      const result = await api<BulkResult>("/api/problems/bulk", {
        method: "POST",
        body: reason === undefined ? { ids, to: action.to } : { ids, to: action.to, reason },
      });
      setLastBulk(result);
      if (result.updated.length > 0) notifySuccess(`已将 ${result.updated.length} 个问题改为“${action.to}”`);
      setSelected(result.failed.map((failure) => failure.id));
      setAsking(undefined);
      problems.reload();
    } catch {
      // Shown by the API client; the selection stays for another try.
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="problems-page">
      <Typography.Title level={3}>问题清单</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label="状态">
            <Select
              mode="multiple"
              allowClear
              placeholder="全部状态"
              style={{ minWidth: 200 }}
              value={filters.state}
              options={problemStates.map((state) => ({ value: state, label: state }))}
              onChange={(state: string[]) => setFilters({ ...filters, state })}
              data-testid="filter-state"
            />
          </Form.Item>
          <Form.Item label="严重程度">
            <Select
              mode="multiple"
              allowClear
              placeholder="全部"
              style={{ minWidth: 160 }}
              value={filters.severity}
              options={Object.entries(severityNames).map(([value, label]) => ({ value, label }))}
              onChange={(severity: string[]) => setFilters({ ...filters, severity })}
              data-testid="filter-severity"
            />
          </Form.Item>
          <Form.Item label="网站">
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              placeholder="全部网站"
              style={{ minWidth: 200 }}
              value={filters.siteId}
              options={siteOptions}
              onChange={(siteId: number | undefined) => setFilters({ ...filters, siteId })}
              data-testid="filter-site"
            />
          </Form.Item>
          <Form.Item label="仅看逾期">
            <Switch
              checked={filters.overdue}
              onChange={(overdue) => setFilters({ ...filters, overdue })}
              data-testid="filter-overdue"
            />
          </Form.Item>
        </Form>
      </Card>
      {actions.length > 0 ? (
        <Space style={{ marginBottom: 12 }} wrap>
          <Typography.Text>已选 {selected.length} 项</Typography.Text>
          {actions.map((action) => (
            <Button
              key={action.to}
              disabled={selected.length === 0}
              loading={busy && asking === undefined}
              danger={action.to === "已忽略"}
              data-testid={`bulk-${action.testId}`}
              onClick={() => (action.needsReason ? setAsking(action) : void runBulk(action))}
            >
              批量{action.label}
            </Button>
          ))}
        </Space>
      ) : null}
      {lastBulk && lastBulk.failed.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setLastBulk(undefined) }}
          style={{ marginBottom: 12 }}
          title={`${lastBulk.failed.length} 个问题未能更改（仍保持选中）`}
          description={
            <ul style={{ margin: 0 }} data-testid="bulk-failures">
              {lastBulk.failed.map((failure) => (
                <li key={failure.id}>
                  问题 {failure.id}：{failure.error}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <ProblemTable
        problems={problems.data ?? []}
        loading={problems.loading}
        onOpen={setOpenId}
        onChanged={problems.reload}
        selected={actions.length > 0 ? selected : undefined}
        onSelect={actions.length > 0 ? setSelected : undefined}
      />
      <ReasonModal
        open={asking !== undefined}
        title={`批量${asking?.label ?? ""}（${selected.length} 项）`}
        onCancel={() => setAsking(undefined)}
        onSubmit={(reason) => (asking ? runBulk(asking, reason) : Promise.resolve())}
      />
      <ProblemDrawer problemId={openId} onClose={() => setOpenId(undefined)} onChanged={problems.reload} />
    </div>
  );
}
