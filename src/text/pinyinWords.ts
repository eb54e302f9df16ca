/**
 * Recognises words written in Hanyu Pinyin without tones (Shifanshi, zhengfu, Xi'an, lvyou), which
 * Chinese sites use for place and organisation names and an English dictionary would call misspelt.
 */
import { pinyin } from "pinyin-pro";

let syllables: Set<string> | undefined;
/** Longest syllables have six letters: zhuang, chuang, shuang. */
const longest = 6;

/** Whether the word splits wholly into pinyin syllables (case and apostrophes ignored). */
export function isPinyinWord(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]/g, "");
  if (!/^[a-zü]+$/.test(w)) return false;
  const known = pinyinSyllables();
  // reachable[k]: w[0, k) splits into syllables.
  const reachable = new Uint8Array(w.length + 1);
  reachable[0] = 1;
  for (let k = 0; k < w.length; k++) {
    if (!reachable[k]) continue;
    for (let n = 1; n <= longest && k + n <= w.length; n++)
      if (known.has(w.slice(k, k + n))) reachable[k + n] = 1;
  }
  return reachable[w.length] === 1;
}

/**
 * Every toneless syllable pinyin-pro gives for the CJK Unified Ideographs, with ü also as v and u
 * (lü, lv, lu); vowel-less interjections (m, n, ng, hm) are left out, as they would let almost any
 * string of consonants pass for pinyin.
 */
function pinyinSyllables(): Set<string> {
  if (syllables !== undefined) return syllables;
  let all = "";
  for (let code = 0x4e00; code <= 0x9fa5; code++) all += String.fromCharCode(code);
  const found = new Set<string>();
  for (const s of pinyin(all, { toneType: "none", type: "array" })) {
    if (!/^[a-zü]+$/.test(s) || !/[aeiouü]/.test(s)) continue;
    found.add(s);
    if (s.includes("ü")) {
      found.add(s.replace(/ü/g, "v"));
      found.add(s.replace(/ü/g, "u"));
    }
  }
  syllables = found;
  return found;
}
