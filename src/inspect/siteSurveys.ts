/**
 * The site-level surveys of issue 5 that read every crawled page and judge the site after the
 * crawl: consultation letters (互动交流), service guides (办事服务) and policy interpretations
 * (政策解读), and every page's meta tags, static accessibility counts and mixed content. Each keeps only small, bounded records; the pages themselves are not kept.
 */
import type { FindingDraft } from "../core/finding.ts";
import { AccessibilityTally } from "../checks/accessibility.ts";
import { mixedContentFindings } from "../checks/transport.ts";
import { MetaTagTally } from "../checks/metaTags.ts";
import { MessageCollector, type InteractionSummary } from "../checks/interaction.ts";
import { interpretationFindings, type InterpretationSummary } from "../checks/policyInterpretation.ts";
import {
  ServiceSurvey,
  serviceSiteFindings,
  serviceSummary,
  type ServiceColumn,
  type ServiceSummary,
} from "../checks/serviceGuide.ts";
import type { CrawledPage, CrawlOutcome } from "../crawl/crawler.ts";
import { key, type PageKind } from "./pageDigests.ts";
import { PolicyPairs } from "./policyPairs.ts";

/** What the surveys add to the site's report. */
export interface SurveyReports {
  interaction: InteractionSummary;
  services: ServiceSummary;
  interpretation: InterpretationSummary;
}

export class SiteSurveys {
  private readonly messages: MessageCollector;
  private readonly services: ServiceSurvey;
  private readonly policies = new PolicyPairs();
  private readonly accessibility: AccessibilityTally;
  private readonly metaTags: MetaTagTally;

  constructor(private readonly site: string) {
    this.messages = new MessageCollector(site);
    this.services = new ServiceSurvey(site);
    this.accessibility = new AccessibilityTally({ site });
    this.metaTags = new MetaTagTally(site);
  }

  /** Reads one crawled page; returns the findings that concern that page alone. */
  onPage(crawled: CrawledPage, kind: PageKind, inScope: (url: string) => boolean): FindingDraft[] {
    const page = crawled.page;
    if (page === undefined) return [];
    if (kind !== "other") this.metaTags.add(page, kind);
    this.messages.add(page, crawled.html);
    this.policies.add(crawled, inScope);
    this.accessibility.add(page);
    return [...this.services.add(page), ...mixedContentFindings(this.site, page)];
  }

  /** Judges the site once the crawl is over and the columns are known. */
  finish(
    outcome: CrawlOutcome,
    homepageUrl: string,
    columns: readonly ServiceColumn[],
    asOf: Date,
  ): { findings: FindingDraft[]; reports: SurveyReports } {
    const serviceInput = {
      homepageUrl,
      columns,
      probe: (url: string) => outcome.links.get(key(url))?.probe,
      complete: !outcome.stats.budgetReached,
    };
    const interpretation = interpretationFindings(this.site, {
      homepageUrl,
      columns,
      records: this.policies.records,
      dropped: this.policies.dropped,
    });
    return {
      findings: [
        ...this.messages.findings(asOf),
        ...serviceSiteFindings(this.site, this.services, serviceInput),
        ...interpretation.findings,
        ...this.accessibility.findings(),
        ...this.metaTags.findings(),
      ],
      reports: {
        interaction: this.messages.summary(asOf),
        services: serviceSummary(this.services, serviceInput),
        interpretation: interpretation.summary,
      },
    };
  }
}
