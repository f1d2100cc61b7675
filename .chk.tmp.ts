import { createExtractor } from './src/index.js';
const ex = createExtractor();
const G = [...'伟明华强军平刚杰涛斌超波辉磊鹏飞宇浩然晨阳志远建国文博思源嘉怡欣悦雨婷佳琪子涵梓萱雅静丽娜敏慧玲芳燕红霞秀英桂兰玉梅'];
const S = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗'];
const C = [...'云星海蓝天宏远恒瑞泰华创新锐智博达信诚安康嘉盛鼎丰'];
let x = 12345; const rnd = (k: number) => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return (x >>> 8) % k; };
const fams: Record<string, (n: number) => string> = {
  distinctPeople: (n) => { x = 1; let s = ''; for (let i = 0; i < n; i++) s += `${S[rnd(S.length)]}${G[rnd(G.length)]}${G[rnd(G.length)]}表示，`; return s; },
  personNextToLexicon: (n) => '王小川表示阿里，'.repeat(n),
  distinctCompanies: (n) => { x = 2; let s = ''; for (let i = 0; i < n; i++) s += `${C[rnd(C.length)]}${C[rnd(C.length)]}${C[rnd(C.length)]}科技宣布，`; return s; },
  cueCompanies: (n) => { x = 3; let s = ''; for (let i = 0; i < n; i++) s += `据${C[rnd(C.length)]}${C[rnd(C.length)]}${C[rnd(C.length)]}统计，王小川表示，`; return s; },
  translit: (n) => { x = 4; let s = ''; for (let i = 0; i < n; i++) s += `${G[rnd(G.length)]}${G[rnd(G.length)]}·${G[rnd(G.length)]}${G[rnd(G.length)]}${G[rnd(G.length)]}表示，`; return s; },
  latinNames: (n) => { x = 5; let s = ''; const L = ['Sam','Tom','Ann','Bob','Eve','Max','Leo','Ada','Ian','Kim','Lee','Ray']; for (let i = 0; i < n; i++) s += `${L[rnd(12)]} ${L[rnd(12)]}${L[rnd(12)].toLowerCase()}表示，`; return s; },
  legalForms: (n) => { x = 6; let s = ''; for (let i = 0; i < n; i++) s += `北京${C[rnd(C.length)]}${C[rnd(C.length)]}${C[rnd(C.length)]}科技有限公司，`; return s; },
};
const only = process.argv[2]?.split(',');
for (const [name, f] of Object.entries(fams)) {
  if (only && !only.includes(name)) continue;
  ex.extract(f(200));
  const row = [name];
  for (const n of [1000, 4000, 16000]) {
    const s = f(n); const t = performance.now();
    const r = ex.extract(s); const dt = performance.now() - t;
    row.push(`${n}:${dt.toFixed(0)}ms/${r.mentions.length}m/${r.entities.length}e`);
    if (dt > 8000) break;
  }
  console.log(row.join('  '));
}
