/**
 * Canonical lower-case strings for the tag and attribute names that make up nearly all real
 * markup. Looking a name up straight from the source text avoids a slice and a toLowerCase per
 * name (costly on two-byte, i.e. Chinese, pages), and the interned result makes every later
 * comparison and Map lookup a pointer check.
 */
export class NameTable {
  private readonly buckets: (string[] | undefined)[];
  private readonly mask: number;

  constructor(names: readonly string[]) {
    let size = 64;
    while (size < names.length * 4) size *= 2;
    this.mask = size - 1;
    this.buckets = new Array<string[] | undefined>(size);
    for (const name of names) {
      const h = hashLower(name, 0, name.length) & this.mask;
      (this.buckets[h] ??= []).push(name);
    }
  }

  /** The canonical name for source[start, end) compared ASCII case-insensitively, if known. */
  lookup(source: string, start: number, end: number): string | undefined {
    const bucket = this.buckets[hashLower(source, start, end) & this.mask];
    if (bucket === undefined) return undefined;
    const length = end - start;
    for (let b = 0; b < bucket.length; b++) {
      const candidate = bucket[b]!;
      if (candidate.length !== length) continue;
      let i = 0;
      while (i < length && lower(source.charCodeAt(start + i)) === candidate.charCodeAt(i)) i++;
      if (i === length) return candidate;
    }
    return undefined;
  }
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c | 0x20 : c;
}

function hashLower(source: string, start: number, end: number): number {
  let h = end - start;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + lower(source.charCodeAt(i))) | 0;
  return h ^ (h >>> 15);
}

export const tagNames = new NameTable(
  (
    "a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink blockquote " +
    "body br button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl " +
    "dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr " +
    "html i iframe image img input ins isindex kbd keygen label legend li link listing main map mark marquee menu " +
    "meta meter nav nobr noembed noframes noscript object ol optgroup option output p param picture plaintext pre " +
    "progress q rb rp rt rtc ruby s samp script search section select slot small source spacer span strike strong " +
    "style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video " +
    "wbr xmp math path g rect circle use defs symbol polygon polyline line ellipse text tspan lineargradient stop " +
    "clippath mask foreignobject desc o:p v:shape st1:chsdate"
  ).split(" "),
);

export const attributeNames = new NameTable(
  (
    "id class style href src alt title type name value width height border align valign target rel content charset " +
    "http-equiv property itemprop lang xml:lang xmlns action method onclick onload onmouseover onmouseout onmouseenter " +
    "onmouseleave onsubmit onchange onfocus onblur onkeydown onkeyup onkeypress onerror bgcolor color face size " +
    "cellspacing cellpadding colspan rowspan background placeholder for hidden srcset sizes data-src data-original " +
    "poster data scrollamount scrolldelay direction behavior frameborder scrolling marginwidth marginheight " +
    "allowfullscreen allowtransparency language nowrap hspace vspace usemap shape coords checked selected disabled " +
    "readonly maxlength autocomplete tabindex role aria-label aria-hidden dir clear media defer async crossorigin " +
    "integrity multiple cols rows accept enctype noresize topmargin leftmargin bordercolor link vlink alink text " +
    "span start wmode quality play loop menu scale pluginspage classid codebase sitecode oldsrc data-bd-imgshare-binded"
  ).split(" "),
);
