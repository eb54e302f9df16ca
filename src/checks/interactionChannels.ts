/**
 * Consultation channels (政务咨询类渠道) among a site's links: 政务咨询, 咨询留言, 领导信箱, 市长信箱…,
 * 12345. 19号 V5 leaves out 网上信访, 纪检举报, 在线访谈 and 调查征集, and a channel that is only an
 * e-mail address (mailto:) takes no public message, so neither counts as an effective channel.
 */

export interface ChannelLink {
  /** Absolute URL, or the mailto: address as written. */
  url: string;
  text: string;
}

export type ChannelKind = "consultation" | "excluded" | "mail-only";

export interface Channel extends ChannelLink {
  kind: ChannelKind;
}

/** Channel names are short; a longer link text is a news headline that mentions one. */
const MAX_NAME = 16;
const CONSULTATION =
  /(?<!电子)信箱|政务咨询|咨询留言|留言咨询|网上咨询|在线咨询|我要咨询|咨询投诉|留言板|网民留言|群众留言|留言选登|来信选登|12345/u;
/** 19号 V5's excluded channels: they are channels in their own right, so they are named on their own. */
const EXCLUDED = /信访|举报|纪检|监察|访谈|调查|征集/u;

/** The channel a link names, or null. */
export function channelOf(link: ChannelLink): Channel | null {
  const text = link.text.replace(/\s+/gu, "");
  if (text === "" || text.length > MAX_NAME) return null;
  if (EXCLUDED.test(text)) return { ...link, kind: "excluded" };
  if (!CONSULTATION.test(text)) return null;
  if (/^mailto:/iu.test(link.url)) return { ...link, kind: "mail-only" };
  return { ...link, kind: "consultation" };
}

/** Distinct channels among links (by kind and URL), in order of first appearance. */
export function discoverChannels(links: Iterable<ChannelLink>): Channel[] {
  const seen = new Map<string, Channel>();
  for (const link of links) {
    const channel = channelOf(link);
    if (channel !== null && !seen.has(`${channel.kind} ${channel.url}`))
      seen.set(`${channel.kind} ${channel.url}`, channel);
  }
  return [...seen.values()];
}
