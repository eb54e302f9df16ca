import { Descriptions, Drawer, Empty, Table, Timeline, Typography } from "antd";
import { confidenceNames, dateTime } from "../labels.ts";
import type { AuditEntry, Finding, ProblemDetail } from "../types.ts";
import { useLoad } from "../useLoad.ts";
import { Evidence, ExternalLink, ProblemStateTag, SeverityTag } from "./bits.tsx";
import { ProblemActions } from "./ProblemActions.tsx";

interface ProblemDrawerProps {
  problemId: number | undefined;
  onClose: () => void;
  onChanged: () => void;
}

function describeChange(entry: AuditEntry): string {
  const from = entry.before?.state;
  const to = entry.after?.state;
  const reason = entry.after?.reason;
  const move = typeof to === "string" ? `${typeof from === "string" ? from : "—"} → ${to}` : entry.action;
  return typeof reason === "string" && reason !== "" ? `${move}（原因：${reason}）` : move;
}

/** One problem with its findings over the inspections and who moved it when. */
export function ProblemDrawer({ problemId, onClose, onChanged }: ProblemDrawerProps) {
  const { data, loading, reload } = useLoad<ProblemDetail>(
    problemId === undefined ? null : `/api/problems/${problemId}`,
  );
  const detail = data && data.problem.id === problemId ? data : undefined;
  const changed = () => {
    reload();
    onChanged();
  };
  return (
    <Drawer
      open={problemId !== undefined}
      onClose={onClose}
      size={760}
      title={problemId === undefined ? "问题详情" : `问题 ${problemId}`}
      loading={loading && !detail}
      destroyOnHidden
      data-testid="problem-drawer"
    >
      {detail ? (
        <>
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { label: "网站", children: detail.siteName },
              { label: "问题", children: detail.problem.message },
              { label: "检查项", children: detail.problem.check },
              {
                label: "严重程度",
                children: <SeverityTag severity={detail.problem.severity} />,
              },
              {
                label: "状态",
                children: (
                  <>
                    <ProblemStateTag state={detail.problem.state} />
                    {detail.problem.ignoreReason ? `忽略原因：${detail.problem.ignoreReason}` : null}
                  </>
                ),
              },
              {
                label: "页面",
                children: <ExternalLink url={detail.problem.url} />,
              },
              { label: "整改期限", children: detail.problem.dueDate ?? "—" },
              { label: "责任单位", children: detail.problem.ownerUnit ?? "—" },
              { label: "首次发现", children: dateTime(detail.problem.firstSeen) },
              { label: "最近发现", children: dateTime(detail.problem.lastSeen) },
              {
                label: "操作",
                children: <ProblemActions problem={detail.problem} onChanged={changed} />,
              },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            历次发现
          </Typography.Title>
          <Table<Finding>
            size="small"
            rowKey={(finding) => finding.id ?? `${finding.fingerprint}-${finding.lastSeen}`}
            dataSource={detail.findings}
            pagination={false}
            locale={{ emptyText: "暂无发现记录" }}
            columns={[
              { title: "发现时间", dataIndex: "lastSeen", width: 170, render: (at?: string) => dateTime(at) },
              { title: "说明", dataIndex: "message" },
              {
                title: "可信度",
                dataIndex: "confidence",
                width: 100,
                render: (value: Finding["confidence"]) => confidenceNames[value] ?? value,
              },
            ]}
            expandable={{ expandedRowRender: (finding) => <Evidence evidence={finding.evidence} /> }}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            操作记录
          </Typography.Title>
          {detail.audit.length === 0 ? (
            <Empty description="暂无操作记录" />
          ) : (
            <Timeline
              data-testid="problem-audit"
              items={detail.audit.map((entry) => ({
                content: (
                  <>
                    <Typography.Text strong>
                      {entry.actor === "system" ? "系统" : entry.actor}
                    </Typography.Text>{" "}
                    {describeChange(entry)}
                    <br />
                    <Typography.Text type="secondary">{dateTime(entry.at)}</Typography.Text>
                  </>
                ),
              }))}
            />
          )}
        </>
      ) : null}
    </Drawer>
  );
}
