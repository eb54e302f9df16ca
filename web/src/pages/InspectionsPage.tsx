import { useState } from "react";
import { Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { api, notifySuccess } from "../api.ts";
import { useUser } from "../auth.tsx";
import { dateTime, percent } from "../labels.ts";
import { canStartInspection } from "../permissions.ts";
import { Link } from "../router.tsx";
import type { Inspection } from "../types.ts";
import { useLoad } from "../useLoad.ts";

const statusColors: Record<string, string> = { 进行中: "processing", 已完成: "green", 失败: "red" };

/** The quarter the inspection office is most likely checking: the one that just ended or is running. */
function currentQuarter(): string {
  const today = new Date(Date.now() + 8 * 3600_000);
  const quarter = ["一", "二", "三", "四"][Math.floor(today.getUTCMonth() / 3)] ?? "一";
  return `${today.getUTCFullYear()}年第${quarter}季度`;
}

function StartInspection({ onStarted }: { onStarted: () => void }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ period: string }>();
  const submit = async () => {
    try {
      const { period } = await form.validateFields();
      const { jobId } = await api<{ jobId: string | number }>("/api/inspections", {
        method: "POST",
        body: { period: period.trim() },
      });
      notifySuccess(`检查已发起（任务 ${jobId}），完成后将出现在列表中`);
      setOpen(false);
      onStarted();
    } catch {
      // Missing input is marked on the form; a refusal was shown by the API client.
    }
  };
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setOpen(true)}
        data-testid="inspection-start"
      >
        发起检查
      </Button>
      <Modal
        open={open}
        title="发起检查"
        okText="发起"
        cancelText="取消"
        onOk={submit}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        okButtonProps={{ "data-testid": "inspection-start-submit" }}
      >
        <Form form={form} layout="vertical" initialValues={{ period: currentQuarter() }}>
          <Form.Item
            name="period"
            label="检查期间"
            extra="例如：2026年第四季度、2026年11月、2026年。按该期间内已保存的抓取与监测数据计算。"
            rules={[{ required: true, whitespace: true, message: "请填写检查期间" }]}
          >
            <Input data-testid="inspection-period" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export default function InspectionsPage() {
  const user = useUser();
  const { data, loading, reload } = useLoad<Inspection[]>("/api/inspections");
  return (
    <div data-testid="inspections-page">
      <Space style={{ width: "100%", justifyContent: "space-between" }}>
        <Typography.Title level={3}>检查任务</Typography.Title>
        <Space>
          <Button onClick={reload}>刷新</Button>
          {canStartInspection(user.role) ? <StartInspection onStarted={reload} /> : null}
        </Space>
      </Space>
      <Card>
        <Table<Inspection>
          rowKey="id"
          loading={loading}
          dataSource={data ?? []}
          locale={{ emptyText: "暂无检查任务" }}
          onRow={(inspection) => ({ "data-testid": `inspection-row-${inspection.id}` }) as object}
          columns={[
            { title: "编号", dataIndex: "id", width: 72 },
            {
              title: "检查期间",
              dataIndex: "period",
              render: (period: string, inspection) => (
                <Link to={`/inspections/${inspection.id}`}>{period}</Link>
              ),
            },
            { title: "类型", dataIndex: "kind", width: 80 },
            {
              title: "状态",
              dataIndex: "status",
              width: 90,
              render: (status: string) => <Tag color={statusColors[status] ?? "default"}>{status}</Tag>,
            },
            { title: "时间点", dataIndex: "asOf", width: 170, render: (at: string) => dateTime(at) },
            {
              title: "完成时间",
              dataIndex: "finishedAt",
              width: 170,
              render: (at: string | null) => dateTime(at),
            },
            { title: "网站数", dataIndex: "sites", width: 80 },
            { title: "合格", dataIndex: "passed", width: 70 },
            { title: "不合格", dataIndex: "failed", width: 80 },
            {
              title: "合格率",
              key: "rate",
              width: 90,
              render: (_: unknown, row) => (row.sites > 0 ? percent(row.passed / row.sites) : "—"),
            },
          ]}
        />
      </Card>
    </div>
  );
}
