CREATE TABLE "page_cache" (
	"site_id" integer NOT NULL,
	"url" text NOT NULL,
	"content_hash" text,
	"text_findings" jsonb,
	"link_check" jsonb,
	"link_checked_at" timestamp with time zone,
	CONSTRAINT "page_cache_site_id_url_pk" PRIMARY KEY("site_id","url")
);
--> statement-breakpoint
ALTER TABLE "page_cache" ADD CONSTRAINT "page_cache_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;