/**
 * Kinsoku shori (JIS X 4051): characters that may not begin a line (closing
 * brackets, punctuation, the prolonged sound mark, small kana, iteration marks)
 * and characters that may not end one (opening brackets).
 */
export const NO_LINE_START = new Set([
  ..."、。，．・：；？！ー）］｝〕〉》」』】〙〗〟’”",
  ..."ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ",
  ..."々ゝゞヽヾ〻",
  ..."‥…",
  ...")]},.:;?!%",
]);

export const NO_LINE_END = new Set([..."（［｛〔〈《「『【〘〖〝‘“", ..."([{"]);
