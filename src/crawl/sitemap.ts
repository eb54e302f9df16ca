/** Reads <loc> entries of a sitemap or sitemap index; tolerant of broken XML, as sitemaps often are. */
export interface SitemapEntries {
  isIndex: boolean;
  locations: string[];
}

const locPattern = /<loc>\s*(?:<!\[CDATA\[)?\s*([^<\]\s]+)\s*(?:\]\]>)?\s*<\/loc>/gi;

export function readSitemap(xml: string, limit = 50_000): SitemapEntries {
  const isIndex = /<sitemapindex[\s>]/i.test(xml);
  const locations: string[] = [];
  for (const match of xml.matchAll(locPattern)) {
    if (locations.length >= limit) break;
    locations.push(decodeXmlEntities(match[1] ?? ""));
  }
  return { isIndex, locations };
}

function decodeXmlEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
