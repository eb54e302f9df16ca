CREATE TYPE "public"."confidence" AS ENUM('confirmed', 'suspected', 'inconclusive');--> statement-breakpoint
CREATE TYPE "public"."inspection_status" AS ENUM('进行中', '已完成', '失败');--> statement-breakpoint
CREATE TYPE "public"."problem_state" AS ENUM('待确认', '待整改', '整改中', '已整改待复查', '已关闭', '复查未通过', '已忽略');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('veto', 'deduct', 'warn', 'info');--> statement-breakpoint
CREATE TYPE "public"."site_kind" AS ENUM('portal', 'department');--> statement-breakpoint
CREATE TYPE "public"."site_status" AS ENUM('运行', '关停', '上移');--> statement-breakpoint
CREATE TYPE "public"."verdict" AS ENUM('pass', 'fail');--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"platform" text NOT NULL,
	"name" text NOT NULL,
	"organizer" text,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" integer NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"inspection_id" integer NOT NULL,
	"site_id" integer NOT NULL,
	"problem_id" integer NOT NULL,
	"fingerprint" text NOT NULL,
	"check" text NOT NULL,
	"indicator" text,
	"severity" "severity" NOT NULL,
	"confidence" "confidence" NOT NULL,
	"url" text NOT NULL,
	"locator" text NOT NULL,
	"message" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"period" text NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"rule_set_id" text,
	"rule_set_version" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"status" "inspection_status" DEFAULT '进行中' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "problems_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"site_id" integer NOT NULL,
	"fingerprint" text NOT NULL,
	"check" text NOT NULL,
	"severity" "severity" NOT NULL,
	"url" text NOT NULL,
	"message" text NOT NULL,
	"state" "problem_state" DEFAULT '待确认' NOT NULL,
	"ignore_reason" text,
	"due_date" date,
	"owner_unit" text,
	"assignee" text,
	"first_seen" timestamp with time zone NOT NULL,
	"last_seen" timestamp with time zone NOT NULL,
	"last_inspection_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_results" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "site_results_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"inspection_id" integer NOT NULL,
	"site_id" integer NOT NULL,
	"reachable" boolean NOT NULL,
	"verdict" "verdict",
	"score" double precision,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sites_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"homepage" text NOT NULL,
	"site_id_code" text,
	"organizer" text,
	"supervisor" text,
	"level" text,
	"kind" "site_kind" DEFAULT 'portal' NOT NULL,
	"division" text,
	"status" "site_status" DEFAULT '运行' NOT NULL,
	"parent_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_last_inspection_id_inspections_id_fk" FOREIGN KEY ("last_inspection_id") REFERENCES "public"."inspections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_results" ADD CONSTRAINT "site_results_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_results" ADD CONSTRAINT "site_results_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_parent_id_sites_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_platform_name_key" ON "accounts" USING btree ("platform","name");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "findings_inspection_site_fingerprint_key" ON "findings" USING btree ("inspection_id","site_id","fingerprint");--> statement-breakpoint
CREATE INDEX "findings_problem_idx" ON "findings" USING btree ("problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "problems_site_fingerprint_key" ON "problems" USING btree ("site_id","fingerprint");--> statement-breakpoint
CREATE INDEX "problems_state_idx" ON "problems" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "site_results_inspection_site_key" ON "site_results" USING btree ("inspection_id","site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_homepage_key" ON "sites" USING btree ("homepage");