import { city } from "./city.ts";
import { county } from "./county.ts";
import { fgw } from "./fgw.ts";
import { jyj } from "./jyj.ts";
import type { SiteModule } from "./model.ts";

/** The four demo sites in a fixed order (portal first). */
export const siteModules: SiteModule[] = [city, fgw, county, jyj];

export function siteModule(host: string): SiteModule | undefined {
  return siteModules.find((m) => m.host === host);
}
