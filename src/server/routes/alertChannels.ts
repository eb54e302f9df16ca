/** Alert channels (docs/api.md, Administration): admin only. Secrets are write-only over the API. */
import type { FastifyInstance } from "fastify";
import { sendTestAlert } from "../../jobs/alerts/index.ts";
import { withAudit } from "../../store/audit.ts";
import {
  AlertChannelInputError,
  alertEvents,
  createAlertChannel,
  deleteAlertChannel,
  getAlertChannel,
  listAlertChannels,
  type AlertChannel,
  type AlertChannelInput,
} from "../../store/alertRepository.ts";
import { alertChannelKind } from "../../store/schema.ts";
import { requireRole } from "../auth.ts";
import type { ServerContext } from "../context.ts";
import { HttpError, idParam, notFound } from "../httpError.ts";

const idParams = { type: "object", properties: { id: { type: "string" } } };

/** A channel as the API shows it: whether a secret is set, never the secret. */
function shown({ secret, ...channel }: AlertChannel) {
  return { ...channel, hasSecret: secret !== null };
}

export function alertChannelRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get("/api/alert-channels", { schema: { tags: ["admin"], summary: "告警通道" } }, async (request) => {
    requireRole(request, "admin");
    return (await listAlertChannels(ctx.db)).map(shown);
  });

  app.post(
    "/api/alert-channels",
    {
      schema: {
        tags: ["admin"],
        summary: "新建告警通道",
        body: {
          type: "object",
          required: ["name", "kind", "target", "events"],
          properties: {
            name: { type: "string", maxLength: 100 },
            kind: { type: "string", enum: alertChannelKind.enumValues },
            target: { type: "string", maxLength: 2000 },
            secret: { type: ["string", "null"], maxLength: 200 },
            events: { type: "array", maxItems: 10, items: { type: "string", enum: alertEvents } },
          },
        },
      },
    },
    async (request, reply) => {
      const admin = requireRole(request, "admin");
      let channel: AlertChannel;
      try {
        channel = await withAudit(
          ctx.db,
          (tx) => createAlertChannel(tx, request.body as AlertChannelInput),
          (created) => [
            {
              actor: admin.username,
              action: "alert_channel.create",
              entity: "alert_channel",
              entityId: created.id,
              after: shown(created),
            },
          ],
        );
      } catch (error) {
        if (error instanceof AlertChannelInputError)
          throw new HttpError(400, error.code, error.message, error.field);
        throw error;
      }
      return reply.code(201).send(shown(channel));
    },
  );

  app.delete(
    "/api/alert-channels/:id",
    { schema: { tags: ["admin"], summary: "删除告警通道", params: idParams } },
    async (request) => {
      const admin = requireRole(request, "admin");
      const id = idParam((request.params as { id: string }).id, "告警通道");
      const before = await getAlertChannel(ctx.db, id);
      if (before === undefined) throw notFound("告警通道");
      const deleted = await withAudit(
        ctx.db,
        (tx) => deleteAlertChannel(tx, id),
        (done) =>
          done
            ? [
                {
                  actor: admin.username,
                  action: "alert_channel.delete",
                  entity: "alert_channel",
                  entityId: id,
                  before: shown(before),
                },
              ]
            : [],
      );
      if (!deleted) throw notFound("告警通道");
      return { ok: true };
    },
  );

  app.post(
    "/api/alert-channels/:id/test",
    { schema: { tags: ["admin"], summary: "发送测试消息", params: idParams } },
    async (request) => {
      requireRole(request, "admin");
      const channel = await getAlertChannel(
        ctx.db,
        idParam((request.params as { id: string }).id, "告警通道"),
      );
      if (channel === undefined) throw notFound("告警通道");
      try {
        await sendTestAlert(channel, ctx.alertOptions ?? {});
      } catch (error) {
        throw new HttpError(502, "alert_failed", `测试消息发送失败：${(error as Error).message}`);
      }
      return { ok: true };
    },
  );
}
