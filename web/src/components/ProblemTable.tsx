import type { HTMLAttributes, Key } from "react";
import { Button, Space, Table, Typography } from "antd";
import { chinaToday, dateTime, problemStates, severityNames } from "../labels.ts";
import { Link } from "../router.tsx";
import type { Problem, Severity } from "../types.ts";
import { ExternalLink, ProblemStateTag, SeverityTag } from "./bits.tsx";
import { ProblemActions } from "./ProblemActions.tsx";

interface ProblemTableProps {
  problems: Problem[];
  loading: boolean;
  onOpen: (id: number) => void;
  onChanged: () => void;
  /** Row selection for bulk actions; absent: no checkboxes. */
  selected?: Key[];
  onSelect?: (keys: Key[]) => void;
  /** Leave out the site column (on a site's own page). */
  hideSite?: boolean;
}

/** Open states whose due date has passed (the server's rule: 待整改, 整改中, 复查未通过). */
function isOverdue(problem: Problem): boolean {
  const open = problem.state === "待整改" || problem.state === "整改中" || problem.state === "复查未通过";
  return open && problem.dueDate !== null && problem.dueDate < chinaToday();
}

export function ProblemTable(props: ProblemTableProps) {
  const { problems, loading, onOpen, onChanged, selected, onSelect, hideSite } = props;
  return (
    <Table<Problem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={problems}
      locale={{ emptyText: "暂无问题" }}
      pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 条` }}
      scroll={{ x: 1300 }}
      onRow={(problem) => ({ "data-testid": `problem-row-${problem.id}` }) as HTMLAttributes<HTMLElement>}
      rowSelection={
        onSelect
          ? {
              selectedRowKeys: selected ?? [],
              onChange: (keys) => onSelect(keys),
              getCheckboxProps: (problem) =>
                ({ "data-testid": `problem-select-${problem.id}` }) as Record<string, string>,
            }
          : undefined
      }
      columns={[
        { title: "编号", dataIndex: "id", width: 72 },
        ...(hideSite
          ? []
          : [
              {
                title: "网站",
                dataIndex: "siteName",
                width: 160,
                render: (name: string | undefined, problem: Problem) => (
                  <Link to={`/sites/${problem.siteId}`}>{name ?? `网站 ${problem.siteId}`}</Link>
                ),
              },
            ]),
        {
          title: "严重程度",
          dataIndex: "severity",
          width: 100,
          filters: Object.entries(severityNames).map(([value, text]) => ({ value, text })),
          onFilter: (value, problem) => problem.severity === value,
          render: (severity: Severity) => <SeverityTag severity={severity} />,
        },
        {
          title: "问题",
          dataIndex: "message",
          minWidth: 280,
          render: (message: string, problem: Problem) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text>{message}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {problem.check} · <ExternalLink url={problem.url} />
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: "状态",
          dataIndex: "state",
          width: 120,
          sorter: (a, b) => problemStates.indexOf(a.state) - problemStates.indexOf(b.state),
          render: (_: unknown, problem: Problem) => <ProblemStateTag state={problem.state} />,
        },
        {
          title: "整改期限",
          dataIndex: "dueDate",
          width: 150,
          render: (due: string | null, problem: Problem) =>
            due === null ? (
              "—"
            ) : isOverdue(problem) ? (
              <Typography.Text type="danger">{due}（逾期）</Typography.Text>
            ) : (
              due
            ),
        },
        { title: "最近发现", dataIndex: "lastSeen", width: 170, render: (at: string) => dateTime(at) },
        {
          title: "操作",
          key: "actions",
          width: 240,
          fixed: "right",
          render: (_: unknown, problem: Problem) => (
            <Space size={4} wrap>
              <Button
                size="small"
                type="link"
                onClick={() => onOpen(problem.id)}
                data-testid={`problem-detail-${problem.id}`}
              >
                详情
              </Button>
              <ProblemActions problem={problem} onChanged={onChanged} />
            </Space>
          ),
        },
      ]}
    />
  );
}
