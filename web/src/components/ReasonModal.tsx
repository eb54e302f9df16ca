import { useEffect } from "react";
import { Form, Input, Modal } from "antd";

interface ReasonModalProps {
  open: boolean;
  title: string;
  onCancel: () => void;
  onSubmit: (reason: string) => Promise<void>;
}

/** Asks why (a dismissal must give a reason); stays open while the request runs. */
export function ReasonModal({ open, title, onCancel, onSubmit }: ReasonModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const submit = async () => {
    try {
      const { reason } = await form.validateFields();
      await onSubmit(reason.trim());
    } catch {
      // The form shows what is missing and the API client has shown the server's refusal.
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText="确定"
      cancelText="取消"
      onCancel={onCancel}
      onOk={submit}
      destroyOnHidden
      okButtonProps={{ "data-testid": "reason-submit" }}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="原因"
          rules={[{ required: true, whitespace: true, message: "请填写原因" }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
