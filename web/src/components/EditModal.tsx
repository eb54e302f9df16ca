import { useEffect, useRef, useState, type ReactNode } from "react";
import { Form, Modal, type FormInstance } from "antd";
import { ApiError, notifyError } from "../api.ts";

interface EditModalProps<T> {
  open: boolean;
  title: string;
  /** The record being edited, or the defaults of a new one. */
  initialValues: Partial<T>;
  onCancel: () => void;
  /** Saves (calling the API quietly); an ApiError naming a field is shown on that field. */
  onSubmit: (values: T) => Promise<void>;
  children: (form: FormInstance<T>) => ReactNode;
  testId: string;
}

/** A create/edit dialog whose server-side validation errors land on the field they are about. */
export function EditModal<T extends object>(props: EditModalProps<T>) {
  const { open, title, initialValues, onCancel, onSubmit, children, testId } = props;
  const [form] = Form.useForm<T>();
  const [busy, setBusy] = useState(false);
  // Callers pass fresh objects on every render; the form is filled once, when the dialog opens.
  const initial = useRef(initialValues);
  useEffect(() => {
    initial.current = initialValues;
  });
  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial.current as Parameters<typeof form.setFieldsValue>[0]);
    }
  }, [open, form]);
  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (error) {
      const message = error instanceof Error ? error.message : "保存失败";
      const field = error instanceof ApiError ? error.field : undefined;
      const known = form.getFieldsError().some((entry) => entry.name[0] === field);
      if (field !== undefined && known) {
        form.setFields([{ name: field as never, errors: [message] }]);
      } else {
        notifyError(message);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText="保存"
      cancelText="取消"
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={onCancel}
      forceRender
      okButtonProps={{ "data-testid": `${testId}-submit` }}
    >
      <Form form={form} layout="vertical" data-testid={testId}>
        {children(form)}
      </Form>
    </Modal>
  );
}
