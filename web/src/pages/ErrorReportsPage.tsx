import { useState } from "react";
import { Card, Col, Form, Input, Row, Select, Statistic, Table, Tag, Typography, Button } from "antd";
import { api, notifySuccess, query } from "../api.ts";
import { useUser } from "../auth.tsx";
import { EditModal } from "../components/EditModal.tsx";
import { ExternalLink } from "../components/bits.tsx";
import { chinaToday, dateTime, errorReportStateColors, errorReportStates, percent } from "../labels.ts";
import { canReplyErrorReports } from "../permissions.ts";
import type { ErrorReport, ErrorReportState, ErrorReportStats } from "../types.ts";
import { useLoad } from "../useLoad.ts";

interface Reply {
  state: ErrorReportState;
  reply: string;
}

function Stats({ stats }: { stats: ErrorReportStats | undefined }) {
  const cards = [
    { testId: "error-stats-total", title: "收到", value: stats ? String(stats.total) : "—" },
    { testId: "error-stats-done-rate", title: "办结率", value: percent(stats?.doneRate) },
    { testId: "error-stats-on-time-rate", title: "按时办结率", value: percent(stats?.onTimeRate) },
    { testId: "error-stats-overdue", title: "逾期未办结", value: stats ? String(stats.overdue) : "—" },
  ];
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      {cards.map((card) => (
        <Col key={card.testId} xs={12} md={6}>
          <Card data-testid={card.testId}>
            <Statistic title={card.title} value={card.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export default function ErrorReportsPage() {
  const user = useUser();
  const [state, setState] = useState<ErrorReportState>();
  const reports = useLoad<ErrorReport[]>(`/api/error-reports${query({ state })}`);
  const stats = useLoad<ErrorReportStats>("/api/error-reports/stats");
  const [replying, setReplying] = useState<ErrorReport>();
  const canReply = canReplyErrorReports(user.role);
  const today = chinaToday();
  const send = async (values: Reply) => {
    if (!replying) return;
    await api(`/api/error-reports/${replying.id}/reply`, { method: "POST", body: values, quiet: true });
    notifySuccess(`已答复第 ${replying.id} 号留言`);
    setReplying(undefined);
    reports.reload();
    stats.reload();
  };
  return (
    <div data-testid="error-reports-page">
      <Typography.Title level={3}>找错信箱</Typography.Title>
      <Stats stats={stats.data} />
      <Card>
        <Form layout="inline" style={{ marginBottom: 16 }}>
          <Form.Item label="状态">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 160 }}
              value={state}
              options={errorReportStates.map((value) => ({ value, label: value }))}
              onChange={(value: ErrorReportState | undefined) => setState(value)}
              data-testid="error-reports-filter-state"
            />
          </Form.Item>
        </Form>
        <Table<ErrorReport>
          rowKey="id"
          loading={reports.loading}
          dataSource={reports.data ?? []}
          locale={{ emptyText: "暂无留言" }}
          scroll={{ x: 1100 }}
          onRow={(report) => ({ "data-testid": `error-report-row-${report.id}` }) as object}
          expandable={{
            expandedRowRender: (report) => (
              <div style={{ whiteSpace: "pre-wrap" }}>
                <Typography.Paragraph>
                  <Typography.Text strong>问题描述：</Typography.Text>
                  {report.description}
                </Typography.Paragraph>
                <Typography.Paragraph>
                  <Typography.Text strong>联系人：</Typography.Text>
                  {report.contactName ?? "—"}
                  <Typography.Text strong style={{ marginLeft: 24 }}>
                    联系方式：
                  </Typography.Text>
                  {report.contact ?? "—"}
                </Typography.Paragraph>
                {report.reply ? (
                  <Typography.Paragraph>
                    <Typography.Text strong>答复（{dateTime(report.repliedAt)}）：</Typography.Text>
                    {report.reply}
                  </Typography.Paragraph>
                ) : null}
              </div>
            ),
          }}
          columns={[
            { title: "编号", dataIndex: "id", width: 72 },
            { title: "收到时间", dataIndex: "receivedAt", width: 170, render: (at: string) => dateTime(at) },
            {
              title: "网站",
              dataIndex: "siteName",
              width: 160,
              render: (name: string | null | undefined, report) =>
                name ?? (report.siteId ? `网站 ${report.siteId}` : "—"),
            },
            { title: "问题类型", dataIndex: "category", width: 110 },
            { title: "问题描述", dataIndex: "description", ellipsis: true },
            {
              title: "页面",
              dataIndex: "pageUrl",
              width: 200,
              ellipsis: true,
              render: (url: string | null) => <ExternalLink url={url} />,
            },
            {
              title: "状态",
              dataIndex: "state",
              width: 100,
              render: (value: ErrorReportState) => (
                <Tag color={errorReportStateColors[value] ?? "default"}>{value}</Tag>
              ),
            },
            {
              title: "答复期限",
              dataIndex: "dueDate",
              width: 130,
              render: (due: string | null, report) =>
                due !== null && due < today && (report.state === "待处理" || report.state === "处理中") ? (
                  <Typography.Text type="danger">{due}（逾期）</Typography.Text>
                ) : (
                  (due ?? "—")
                ),
            },
            ...(canReply
              ? [
                  {
                    title: "操作",
                    key: "actions",
                    width: 90,
                    fixed: "right" as const,
                    render: (_: unknown, report: ErrorReport) => (
                      <Button
                        size="small"
                        type="link"
                        onClick={() => setReplying(report)}
                        data-testid={`error-report-reply-${report.id}`}
                      >
                        答复
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <EditModal<Reply>
        open={replying !== undefined}
        title={`答复第 ${replying?.id ?? ""} 号留言`}
        initialValues={{ state: "已办结", reply: replying?.reply ?? "" }}
        onCancel={() => setReplying(undefined)}
        onSubmit={send}
        testId="reply-form"
      >
        {() => (
          <>
            <Form.Item name="state" label="处理结果" rules={[{ required: true, message: "请选择处理结果" }]}>
              <Select
                options={errorReportStates
                  .filter((value) => value !== "待处理")
                  .map((value) => ({ value, label: value }))}
                data-testid="reply-form-state"
              />
            </Form.Item>
            <Form.Item
              name="reply"
              label="答复内容"
              rules={[{ required: true, whitespace: true, message: "请填写答复内容" }]}
            >
              <Input.TextArea rows={5} maxLength={2000} showCount data-testid="reply-form-reply" />
            </Form.Item>
          </>
        )}
      </EditModal>
    </div>
  );
}
