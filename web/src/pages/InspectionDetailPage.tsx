import { Alert, Button, Card, Descriptions, Result, Space, Table, Tag, Typography } from "antd";
import { FileExcelOutlined, FileWordOutlined } from "@ant-design/icons";
import { dateTime, percent } from "../labels.ts";
import { Link } from "../router.tsx";
import type { InspectionDetail } from "../types.ts";
import { useLoad } from "../useLoad.ts";

type ResultRow = InspectionDetail["results"][number];

export default function InspectionDetailPage({ params }: { params: Record<string, string> }) {
  const id = encodeURIComponent(params.id ?? "");
  const { data, loading, error } = useLoad<InspectionDetail>(`/api/inspections/${id}`);
  if (error?.status === 404) {
    return <Result status="404" title="检查任务不存在" extra={<Link to="/inspections">返回检查任务</Link>} />;
  }
  const inspection = data?.inspection;
  const results = data?.results ?? [];
  const passed = results.filter((row) => row.verdict === "pass").length;
  return (
    <div data-testid="inspection-detail">
      <Space align="center" style={{ marginBottom: 16 }}>
        <Link to="/inspections">检查任务</Link>
        <span>/</span>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {inspection ? `${inspection.period}（${inspection.kind}）` : `检查 ${params.id ?? ""}`}
        </Typography.Title>
      </Space>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={`检查结果加载失败：${error.message}`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card
        loading={loading && !data}
        style={{ marginBottom: 16 }}
        extra={
          <Space>
            {/* Plain links: the browser downloads the file with the session cookie. */}
            <Button
              icon={<FileWordOutlined />}
              href={`/api/inspections/${id}/export?format=docx`}
              data-testid="export-docx"
            >
              下载 Word
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              href={`/api/inspections/${id}/export?format=xlsx`}
              data-testid="export-xlsx"
            >
              下载 Excel
            </Button>
          </Space>
        }
        title="概况"
      >
        {inspection ? (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { label: "状态", children: inspection.status },
              { label: "时间点", children: dateTime(inspection.asOf) },
              { label: "完成时间", children: dateTime(inspection.finishedAt) },
              { label: "网站数", children: results.length },
              { label: "合格", children: passed },
              { label: "合格率", children: results.length > 0 ? percent(passed / results.length) : "—" },
            ]}
          />
        ) : null}
      </Card>
      <Card title="各网站结论与得分">
        <Table<ResultRow>
          rowKey="siteId"
          loading={loading}
          dataSource={results}
          locale={{ emptyText: "暂无结果" }}
          onRow={(row) => ({ "data-testid": `result-row-${row.siteId}` }) as object}
          expandable={{
            rowExpandable: (row) => (row.result?.reasons?.length ?? 0) > 0,
            expandedRowRender: (row) => (
              <ul style={{ margin: 0 }}>
                {(row.result?.reasons ?? []).map((reason, index) => (
                  <li key={index}>{reason}</li>
                ))}
              </ul>
            ),
          }}
          columns={[
            {
              title: "网站",
              dataIndex: "siteName",
              render: (name: string, row) => <Link to={`/sites/${row.siteId}`}>{name}</Link>,
            },
            {
              title: "可访问",
              dataIndex: "reachable",
              width: 90,
              render: (reachable: boolean) => (reachable ? "是" : <Tag color="red">不可访问</Tag>),
            },
            {
              title: "结论",
              dataIndex: "verdict",
              width: 100,
              filters: [
                { value: "pass", text: "合格" },
                { value: "fail", text: "不合格" },
              ],
              onFilter: (value, row) => row.verdict === value,
              render: (verdict: ResultRow["verdict"]) =>
                verdict === null ? (
                  "—"
                ) : verdict === "pass" ? (
                  <Tag color="green">合格</Tag>
                ) : (
                  <Tag color="red">不合格</Tag>
                ),
            },
            {
              title: "得分",
              dataIndex: "score",
              width: 90,
              sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1),
              render: (score: number | null, row) =>
                score === null
                  ? row.verdict === "fail"
                    ? "单项否决"
                    : "—"
                  : score.toFixed(1).replace(/\.0$/, ""),
            },
          ]}
        />
      </Card>
    </div>
  );
}
