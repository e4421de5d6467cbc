/**
 * The words of the question shapes (src/ask/parse.ts), Chinese from the report's own wording and common
 * paraphrases, English for the same shapes. Each is a regular expression over the normalised question
 * (src/ask/text.ts: simplified, lower case). Words a shape consumes are also removed before the rest of the
 * question is checked for words nobody understood (LEFTOVER_STOP below).
 */

export const CUES = {
  connection: /关系|联系|关联|连接|连起来|怎么连|如何连|之间|connect|relat|link between|linked|path/,
  ranking: /最多|最少|排名|排行|前几|前三|前五|most|fewest|rank|top/,
  count: /多少个|多少项|多少座|多少所|多少家|几个|几项|几所|数量|总数|how many|number of/,
  definition: /指什么|什么意思|是什么|是啥|含义|意思|定义|是指|指的是|何谓|解释|代表什么|what is|what's|what are|what does|meaning|mean\b|stand for|refer to|refers to|define|definition|explain/,
  parts: /组成|构成|哪几部分|哪些部分|几部分|部分|分为|包括哪些|包含哪些|包括什么|包含什么|下设|parts|consist|made up|components|comprise|composed|sub ?strateg/,
  anchors: /依托|依靠|载体|依赖|anchor|rel(y|ies|ied) on|based on|rests on/,
  serves: /服务于|服务|支撑|助力|属于|支持|serve|serving|support|contribut|belong/,
  where: /在哪|哪里|哪儿|位于哪|什么地方|什么位置|哪个街道|哪个片区|哪个区域|在什么|where|location|located/,
  values: /目标|增长|增速|多少|实际|完成情况|数值|结果|比重|下降|提高|变化|对比|相比|比较|达到|同比|target|goal|growth|grow|actual|result|value|how much|change|compare|figure|rate|increase|decrease/,
  progress: /进展|进度|阶段|状态|情况|怎么样|如何了|到什么程度|status|progress|stage|how far|what happened/,
  carried: /结转|续建|跨年|延续|两年都|连续两年|carried over|carry over|carried forward|both years|continued/,
  topic: /关于|有关|涉及|相关|方面|的内容|提到|说了什么|讲了什么|about|related to|regarding|concerning|mention|say about|says about/,
  runBy: /参与|负责|承担|牵头|主导|参建|run by|involved|take part|takes part|participat|led by|runs|operated by/,
  list: /哪些|哪几|什么|有何|列出|列举|which|what|list/,
  projectWord: /项目|工程|设施|学校|医院|公园|道路|园区|产业园|projects?|facilit|schools?|hospitals?|parks?|roads?/,
  zoneWord: /片区|区域|地方|zones?|areas?|places?/,
  subdistrictWord: /街道|subdistricts?/,
  future: /将|计划|拟|预计|要|planned|plan to|will|2023/,
  past: /了|已|已经|did|was|were|has been|have been|2022/,
} as const;

/** Stages by the report's verbs (docs/data.md "Stages follow the report's verbs") and English. */
export const STAGE_WORDS: [RegExp, string, string, string][] = [
  // [pattern, ProjectStage, 中文, English]
  [/开工|动工|启动建设|开建|started construction|start construction|began construction|broke ground|started|start\b/, 'STARTED', '开工', 'started'],
  [/建成|完工|竣工|交付|通车|贯通|completed|finished|complete\b|built/, 'COMPLETED', '建成', 'completed'],
  [/投产|运营|启用|开园|揭牌|上线|投入使用|went into operation|in operation|opened|operating|operational/, 'IN_OPERATION', '投入运营', 'went into operation'],
  [/落户|落地|签约|settled|signed/, 'SETTLED', '落户', 'settled'],
  [/获批|批复|选址|approved/, 'APPROVED', '获批', 'approved'],
  [/举办|办好|held|hosted/, 'HELD', '举办', 'held'],
  [/出台|印发|制定|发布|issued|published/, 'ISSUED', '出台', 'issued'],
  [/在建|续建中|加快建设|under construction/, 'UNDER_CONSTRUCTION', '在建', 'under construction'],
];

/** Project categories by their everyday words. */
export const CATEGORY_WORDS: [RegExp, string[], string, string][] = [
  [/学校|schools?/, ['SCHOOL'], '学校', 'schools'],
  [/医院|hospitals?/, ['HOSPITAL'], '医院', 'hospitals'],
  [/公园|绿道|parks?|greenways?/, ['PARK_GREENWAY'], '公园绿道', 'parks'],
  [/道路|roads?/, ['ROAD'], '道路', 'roads'],
  [/轨道|铁路|城际|地铁|rail|railways?|metro/, ['RAIL'], '轨道', 'rail lines'],
  [/产业园|industrial parks?/, ['INDUSTRIAL_PARK'], '产业园', 'industrial parks'],
  [/文体|体育|sports|culture/, ['CULTURE_SPORTS_FACILITY'], '文体设施', 'culture and sports facilities'],
];

/**
 * Words a question may hold that carry no content of their own: question words, particles, the shape cues'
 * vocabulary, the report's generic nouns. Anything else left after names, years and cues are taken out is a
 * word PlanGraph did not understand, and caps the confidence below HIGH.
 */
export const LEFTOVER_STOP = new Set(
  (
    '的 了 吗 呢 吧 啊 么 是 在 有 和 与 及 或 都 也 还 又 就 被 把 对 为 从 由 于 以 之 其 该 这 那 这些 那些 个 些 年 度 中 里 上 下 ' +
    '哪些 哪个 哪几 哪 什么 啥 何 怎么 怎样 如何 多少 几 谁 请问 请 告诉 我 我们 你 列出 列举 一下 分别 各 各自 每个 所有 全部 ' +
    '有哪些 有什么 是否 能否 可以 一共 总共 共 目前 现在 今年 去年 明年 报告 计划 规划 龙岗 龙岗区 全区 区 ' +
    '项目 工程 设施 地方 区域 片区 位置 位于 坐落 位置 部分 组成 构成 包括 包含 分为 依托 依靠 载体 服务 服务于 属于 支撑 助力 支持 ' +
    '进展 进度 阶段 状态 情况 程度 怎么样 目标 增长 增速 实际 完成 数值 结果 变化 对比 相比 比较 达到 同比 指 指的是 意思 含义 定义 ' +
    '关系 联系 关联 连接 之间 最多 最少 排名 排行 数量 总数 关于 有关 涉及 相关 方面 内容 提到 开工 动工 建成 完工 竣工 交付 通车 ' +
    '投产 运营 启用 落户 落地 签约 获批 批复 举办 出台 印发 发布 在建 续建 结转 跨年 延续 实现 取得 打造 推进 建设 发展 ' +
    '学校 医院 公园 绿道 道路 轨道 铁路 城际 产业园 园区 文体 体育 街道 参与 负责 承担 牵头 主导 简称 全称 代表 解释 分 部 两 都 年份 ' +
    'which what whats who where when how is are was were the a an of in on to for by and or do does did has have had ' +
    'list show tell me please projects project serve serves serving support supports rely relies on based anchor anchored ' +
    'parts part consist consists of made up components comprise is located location where zones zone areas area places ' +
    'mean means meaning stand stands refer refers define definition explain target targets goal growth actual result results value values ' +
    'change compare compared between connected connect connection related relationship link linked path how many number count ' +
    'most fewest rank top subdistrict subdistricts started start construction completed finished built opened operation ' +
    'year years status progress stage about regarding concerning mention mentions say says report plan planned will be it its ' +
    'they them their this that these those any all there schools hospitals parks roads rail lines industrial much from into with ' +
    'went go goes did happen happened involved take takes part run runs led carried over forward both continued new'
  ).split(/\s+/),
);
