import { useState } from "react";
import { Alert, Button, Modal, Table, Upload } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { api, notifySuccess } from "../api.ts";
import type { ImportReport } from "../types.ts";

interface PendingFile {
  fileName: string;
  contentBase64: string;
  report: ImportReport;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(new Error("无法读取文件"));
    reader.readAsDataURL(file);
  });
}

const siteFieldNames: Record<string, string> = {
  name: "网站名称",
  homepage: "首页地址",
  siteIdCode: "网站标识码",
  organizer: "主办单位",
  supervisor: "主管单位",
  level: "级别",
  kind: "类型",
  division: "行政区划",
  status: "运行状态",
  parentHomepage: "上级网站首页",
};

/** What one import button imports: sites by default, or 政务新媒体 accounts. */
export interface ImportTarget {
  /** The import endpoint, taking {fileName, contentBase64, dryRun}. */
  url: string;
  /** What a row is, in Chinese: “网站”, “账号”. */
  noun: string;
  /** Chinese names of the report's fields. */
  fieldNames: Record<string, string>;
  testId: string;
}

export const sitesImport: ImportTarget = {
  url: "/api/sites/import",
  noun: "网站",
  fieldNames: siteFieldNames,
  testId: "registry-import",
};

/**
 * 批量导入: the file is first checked with a dry run, the report shown row by row, and only imported
 * when the user confirms.
 */
export function ImportSites({
  onImported,
  target = sitesImport,
}: {
  onImported: () => void;
  target?: ImportTarget;
}) {
  const { url, noun, fieldNames, testId } = target;
  const [pending, setPending] = useState<PendingFile>();
  const [busy, setBusy] = useState(false);
  const check = async (file: File) => {
    setBusy(true);
    try {
      const contentBase64 = await readBase64(file);
      const report = await api<ImportReport>(url, {
        method: "POST",
        body: { fileName: file.name, contentBase64, dryRun: true },
      });
      setPending({ fileName: file.name, contentBase64, report });
    } catch {
      // The API client has shown why the file was refused.
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const report = await api<ImportReport>(url, {
        method: "POST",
        body: { fileName: pending.fileName, contentBase64: pending.contentBase64, dryRun: false },
      });
      notifySuccess(
        `导入完成：新增 ${report.created} 个${noun}，更新 ${report.updated} 个，跳过有误的 ${report.errors.length} 处`,
      );
      setPending(undefined);
      onImported();
    } catch {
      // Shown by the API client; the report stays open for another try.
    } finally {
      setBusy(false);
    }
  };
  const report = pending?.report;
  return (
    <>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void check(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy && !pending} data-testid={testId}>
          批量导入
        </Button>
      </Upload>
      <Modal
        open={pending !== undefined}
        title={`导入预检：${pending?.fileName ?? ""}`}
        width={760}
        okText="确认导入"
        cancelText="取消"
        onOk={() => void confirm()}
        confirmLoading={busy}
        onCancel={() => setPending(undefined)}
        okButtonProps={{
          disabled: report !== undefined && report.created + report.updated === 0,
          "data-testid": "import-confirm",
        }}
      >
        {report ? (
          <div data-testid="import-report">
            <Alert
              type={report.errors.length === 0 ? "success" : "warning"}
              showIcon
              style={{ marginBottom: 12 }}
              title={`预计新增 ${report.created} 个、更新 ${report.updated} 个${noun}；${
                report.errors.length === 0 ? "未发现错误" : `${report.errors.length} 处错误，所在行不会导入`
              }`}
            />
            {(report.warnings ?? []).map((warning) => (
              <Alert key={warning} type="info" showIcon style={{ marginBottom: 8 }} title={warning} />
            ))}
            {report.errors.length > 0 ? (
              <Table
                size="small"
                rowKey={(row) => `${row.row}-${row.field}-${row.message}`}
                dataSource={report.errors}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: "行号", dataIndex: "row", width: 70 },
                  {
                    title: "字段",
                    dataIndex: "field",
                    width: 120,
                    render: (field: string) => fieldNames[field] ?? field,
                  },
                  { title: "问题", dataIndex: "message" },
                ]}
              />
            ) : null}
          </div>
        ) : null}
      </Modal>
    </>
  );
}
