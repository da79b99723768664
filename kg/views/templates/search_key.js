// The same folding as kg.lexicon.search (kg/data/search_folding.tsv): 国办发[2019]5号 finds 国办发〔2019〕5号.
const FOLDING = {{ folding_json|safe }};
function searchKey(text) {
  let out = "";
  for (const c of text.toLowerCase()) { const r = FOLDING.chars[c]; out += r === undefined ? c : r; }
  for (const [pattern, replacement] of FOLDING.regex) out = out.replace(new RegExp(pattern, "g"), replacement);
  return out;
}
