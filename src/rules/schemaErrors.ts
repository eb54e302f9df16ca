/**
 * ajv's errors, said in Chinese with the place in the file a person can find: "vetoes[1]（veto.x）.match[0]".
 */
import type { ErrorObject } from "ajv";

export function describePlace(instancePath: string, document: unknown): string {
  if (instancePath === "") return "顶层";
  let node = document;
  let place = "";
  for (const raw of instancePath.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const next = (node as Record<string, unknown> | undefined)?.[key];
    place += /^\d+$/.test(key) && Array.isArray(node) ? `[${key}]` : place === "" ? key : `.${key}`;
    const id = (next as { id?: unknown } | undefined)?.id;
    if (Array.isArray(node) && typeof id === "string") place += `（${id}）`;
    node = next;
  }
  return place;
}

export function describeSchemaError(error: ErrorObject, document: unknown): string {
  const place = describePlace(error.instancePath, document);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `${place}：缺少必填字段 ${String(params.missingProperty)}`;
    case "additionalProperties":
      return `${place}：不认识的字段 ${String(params.additionalProperty)}`;
    case "type":
      return `${place}：类型应为 ${String(params.type)}`;
    case "enum":
      return `${place}：取值应为 ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join("、")} 之一`;
    case "pattern":
      return `${place}：格式不符（应匹配 ${String(params.pattern)}）`;
    case "minItems":
      return `${place}：至少应有 ${String(params.limit)} 项`;
    case "minLength":
      return `${place}：不能为空`;
    case "uniqueItems":
      return `${place}：有重复的项`;
    case "minimum":
    case "exclusiveMinimum":
      return `${place}：应${error.keyword === "minimum" ? "不小于" : "大于"} ${String(params.limit)}`;
    case "minProperties":
      return `${place}：不能是空对象`;
    case "anyOf":
      return `${place}：不符合任何一种允许的写法（见上文缺少的字段）`;
    default:
      return `${place}：${error.message ?? error.keyword}`;
  }
}
