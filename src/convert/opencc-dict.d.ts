// opencc-js ships its dictionaries as untyped ES modules (`opencc-js/dict/<Name>`),
// each a "source target|source target|..." string.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
