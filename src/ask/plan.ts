import { NameEntry } from './dictionary';
import { Reading } from './parse';

/**
 * A Reading → the GraphQL operation that answers it, and the interpretation in the question's language. The
 * operation is plain text of the public API with its arguments written in (ids the parser resolved, JSON-quoted,
 * which is valid GraphQL string syntax), so Answer.graphql can be pasted into the playground as it is. Every list
 * it asks for has a `first` or is bounded by the graph (docs/deploy.md "Limits"); each stays within the cost limit.
 */

export interface Plan {
  graphql: string;
  interpretation: string;
}

const q = (s: string) => JSON.stringify(s);
const EV = 'evidence { quote passage { id } }';
/** Projects in one listing: the report names 287; a stage in a year holds at most ~60. */
export const LIST_FIRST = 200;

function projectFilter(r: Reading, extra: string[] = []): string {
  const parts = [...extra];
  if (r.category) parts.push(`category: [${r.category.categories.join(', ')}]`);
  return parts.length ? `, filter: { ${parts.join(', ')} }` : '';
}

const label = (t: NameEntry) => t.name;

export function plan(r: Reading): Plan {
  const zh = r.language === 'zh';
  const t = r.targets[0];
  const cat = r.category ? (zh ? r.category.zh : r.category.en) : zh ? '项目' : 'projects';
  const yearZh = r.year ? `${r.year}年` : '';
  switch (r.shape) {
    case 'SERVES':
      return {
        graphql: `{ strategy(id: ${q(t.id)}) { id name projects(first: ${LIST_FIRST}${projectFilter(r)}) { totalCount edges { basis strength inference via { name } node { id name } ${EV} } } } }`,
        interpretation: zh ? `列出服务于 ${label(t)} 的${cat}(含其组成部分)` : `List the ${cat} that serve ${label(t)} (its parts included)`,
      };
    case 'LOCATED_IN': {
      const zones = /片区|区域|zones?|areas?/.test(r.text);
      return {
        graphql: `{ district(id: ${q(t.id)}) { id name${zones ? ` children { id name ${EV} }` : ''} projects(first: ${LIST_FIRST}${projectFilter(r)}) { totalCount edges { locationBasis district { name } node { id name } ${EV} } } } }`,
        interpretation: zh ? `列出位于 ${label(t)} 的${cat}${zones ? '和片区' : ''}(含其中的片区)` : `List the ${cat}${zones ? ' and zones' : ''} located in ${label(t)} (places within it included)`,
      };
    }
    case 'RUN_BY':
      return {
        graphql: `{ organization(id: ${q(t.id)}) { id name projects { role basis inference node { id name } ${EV} } } }`,
        interpretation: zh ? `列出 ${label(t)} 参与或所属的项目` : `List the projects ${label(t)} takes part in or that belong to it`,
      };
    case 'PARTS':
      if (t.label === 'Strategy') {
        return {
          graphql: `{ strategy(id: ${q(t.id)}) { id name partLinks { basis node { id name } ${EV} } } }`,
          interpretation: zh ? `列出 ${label(t)} 的组成部分` : `List the parts of ${label(t)}`,
        };
      }
      if (t.label === 'Project') {
        return {
          graphql: `{ project(id: ${q(t.id)}) { id name parts { id name ${EV} } } }`,
          interpretation: zh ? `列出 ${label(t)} 的组成部分(分期)` : `List the parts (phases) of ${label(t)}`,
        };
      }
      return {
        graphql: `{ district(id: ${q(t.id)}) { id name children { id name ${EV} } } }`,
        interpretation: zh ? `列出 ${label(t)} 内的街道和片区` : `List the places within ${label(t)}`,
      };
    case 'ANCHORS':
      return {
        graphql: `{ strategy(id: ${q(t.id)}) { id name anchorDistricts { basis inference node { id name } ${EV} } } }`,
        interpretation: zh ? `列出 ${label(t)} 依托的区域` : `List the zones ${label(t)} relies on`,
      };
    case 'WHERE':
      if (t.label === 'District') {
        return {
          graphql: `{ district(id: ${q(t.id)}) { id name parent { id name ${EV} } ${EV} } }`,
          interpretation: zh ? `${label(t)} 位于哪里(所属的街道或区)` : `Where ${label(t)} is (the place it lies within)`,
        };
      }
      return {
        graphql: `{ ${t.label === 'Project' ? 'project' : 'organization'}(id: ${q(t.id)}) { id name districts { basis inference node { id name } ${EV} } } }`,
        interpretation: zh ? `${label(t)} 位于哪里` : `Where ${label(t)} is`,
      };
    case 'VALUES': {
      const args = r.valueKind === 'TARGET' ? '(kind: TARGET)' : r.valueKind === 'ACTUAL' ? '(kind: ACTUAL)' : '';
      const what = r.valueKind === 'TARGET' ? (zh ? '2023年目标' : 'its 2023 target') : r.valueKind === 'ACTUAL' ? (zh ? '2022年实际' : 'its 2022 result') : zh ? '2022年实际、2023年目标及变化' : 'its 2022 result, 2023 target and the change';
      return {
        graphql: `{ indicator(id: ${q(t.id)}) { id name values${args} { year kind value unit display qualifier ${EV} }${r.valueKind === 'BOTH' ? ' change { delta comparable reason }' : ''} } }`,
        interpretation: zh ? `指标 ${label(t)} 的${what}` : `The indicator ${label(t)}: ${what}`,
      };
    }
    case 'STAGE':
      return {
        graphql: `{ ${t.label === 'Project' ? 'project' : 'organization'}(id: ${q(t.id)}) { id name timeline { year stage kind ${EV} } } }`,
        interpretation: zh ? `${label(t)} ${yearZh}的进展(阶段)` : `The stage of ${label(t)}${r.year ? ` in ${r.year}` : ' per year'}`,
      };
    case 'STAGE_LIST':
    case 'CARRIED_OVER':
    case 'COUNT': {
      const filters: string[] = [];
      if (r.shape === 'CARRIED_OVER') filters.push('years: [2022, 2023]');
      else {
        if (r.stage) filters.push(`stage: ${r.stage.stage}`);
        if (r.year) filters.push(`year: ${r.year}`);
      }
      if (t?.label === 'District') filters.push(`district: ${q(t.id)}`);
      if (t?.label === 'Strategy') filters.push(`strategy: ${q(t.id)}`);
      const where = t ? (zh ? `${t.label === 'District' ? '位于' : '服务于'} ${label(t)} 的` : ` ${t.label === 'District' ? 'in' : 'serving'} ${label(t)}`) : '';
      const stageZh = r.stage ? `${yearZh}${r.stage.zh}的` : yearZh ? `${yearZh}有进度的` : '';
      const stageEn = r.stage ? ` that ${r.year === 2023 ? 'are planned to be' : 'were'} ${r.stage.en}${r.year ? ` in ${r.year}` : ''}` : r.year ? ` with a stage in ${r.year}` : '';
      const interpretation =
        r.shape === 'CARRIED_OVER'
          ? zh ? `列出${where}2022年和2023年都有进度记录的${cat}(跨年推进)` : `List the ${cat}${where} with a stage in both 2022 and 2023 (carried over)`
          : r.shape === 'COUNT'
            ? zh ? `统计${where}${stageZh}${cat}数量` : `Count the ${cat}${where}${stageEn}`
            : zh ? `列出${where}${stageZh}${cat}` : `List the ${cat}${where}${stageEn}`;
      return {
        graphql: `{ projects(first: ${LIST_FIRST}${projectFilter(r, filters)}) { totalCount edges { node { id name timeline { year stage kind ${EV} } } } } }`,
        interpretation,
      };
    }
    case 'RANKING': {
      const kind = r.placeKind ?? 'SUBDISTRICT';
      const filter = r.category ? `(filter: { category: [${r.category.categories.join(', ')}] })` : '';
      return {
        graphql: `{ districts(kind: ${kind}, orderBy: PROJECT_COUNT_DESC, first: 50) { edges { node { id name projectCount${filter} } } } }`,
        interpretation: zh ? `按${cat}数量给${kind === 'SUBDISTRICT' ? '街道' : '片区'}排名(含其中片区的项目)` : `Rank the ${kind === 'SUBDISTRICT' ? 'subdistricts' : 'zones'} by their number of ${cat}`,
      };
    }
    case 'DEFINITION': {
      const fields = r.targets.map((x, i) =>
        x.label === 'GlossaryTerm'
          ? `t${i}: glossaryTerm(term: ${q(x.name)}) { id term definition defines { id name } ${EV} }`
          : `t${i}: node(id: ${q(x.id)}) { ... on Entity { __typename id name aliases ${EV} } ... on Strategy { definedBy { term definition ${EV} } partOf { name } } }`,
      );
      return {
        graphql: `{ ${fields.join(' ')} }`,
        interpretation: zh ? `解释 ${r.targets.map(label).join('、')} 是什么` : `What ${r.targets.map(label).join(', ')} ${r.targets.length > 1 ? 'are' : 'is'}`,
      };
    }
    case 'CONNECTION': {
      const [a, b] = r.targets;
      return {
        graphql: `{ paths(from: ${q(a.id)}, to: ${q(b.id)}, k: 1, maxHops: 4) { found message paths { nodes { id name } relationships { type from to direction basis inference ${EV} } } } }`,
        interpretation: zh ? `${label(a)} 与 ${label(b)} 之间的关系路径` : `How ${label(a)} and ${label(b)} are connected`,
      };
    }
    case 'TOPIC':
    case 'SEARCH': {
      const k = r.keyword ?? '';
      if (r.shape === 'TOPIC' && t) {
        return {
          graphql: `{ passages(mentions: [${q(t.id)}], first: 30) { totalCount edges { sectionPathText node { id text } } } }`,
          interpretation: zh ? `报告中提到 ${label(t)} 的句子` : `The report's sentences that mention ${label(t)}`,
        };
      }
      return {
        graphql: `{ projects(first: 50, filter: { nameContains: ${q(k)} }) { totalCount edges { node { id name ${EV} } } } passages(text: ${q(k)}, orderBy: RELEVANCE, first: 20) { totalCount edges { sectionPathText node { id text } } } }`,
        interpretation: r.shape === 'TOPIC'
          ? zh ? `关于“${k}”:名称含“${k}”的项目和报告中的相关句子` : `About "${k}": projects whose name holds it and the report's sentences on it`
          : zh ? `没有完全理解问题;按“${k}”搜索报告原文` : `The question was not fully understood; searching the report's sentences for "${k}"`,
      };
    }
  }
}
