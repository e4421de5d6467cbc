import { createHash } from 'node:crypto';
import { parseOutline, splitItemTitle } from '../../src/graph/parse/outline';
import { SOURCE_TEXT } from '../helpers/source';

const outline = parseOutline(SOURCE_TEXT, 'doc', { reviewed: 2022, planned: 2023 });
const section = (id: string) => outline.sections.find((s) => s.id === `doc:${id}`)!;

describe('the source text', () => {
  it('is the published report, byte for byte', () => {
    expect(createHash('sha256').update(SOURCE_TEXT, 'utf8').digest('hex')).toBe(
      'c3d7c895387c1a59a69e1c8fa4017cba433ed0a7442c8d497a04de2764462f8b',
    );
  });
});

describe('the outline parser', () => {
  it('finds the five numbered parts and the glossary, each with its kind', () => {
    const top = outline.sections.filter((s) => s.level === 1 && s.kind !== 'PREAMBLE');
    expect(top.map((s) => [s.number, s.kind, s.year])).toEqual([
      ['一', 'REVIEW', 2022],
      ['二', 'REVIEW', 2022],
      ['三', 'PROBLEMS', 2022],
      ['四', 'TARGETS', 2023],
      ['五', 'PLAN', 2023],
      ['名词解释', 'GLOSSARY', null],
    ]);
  });

  it('numbers the 27 work areas of 2022 and the 28 of 2023 under their (一)…(七) / (一)…(六)', () => {
    const items = (top: string) => outline.sections.filter((s) => s.level === 3 && s.id.startsWith(`doc:${top}.`));
    expect(items('2').map((s) => Number(s.number))).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(items('5').map((s) => Number(s.number))).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(outline.sections.filter((s) => s.level === 2 && s.parentId === 'doc:2')).toHaveLength(7);
    expect(outline.sections.filter((s) => s.level === 2 && s.parentId === 'doc:5')).toHaveLength(6);
    expect(section('5.5').heading).toBe('(五)提升绿色生态能级,打造“双碳”先行示范区');
    expect(section('5.5.20').parentId).toBe('doc:5.5');
  });

  it('separates item titles that run into the body without punctuation', () => {
    expect(section('2.2.5').title).toBe('各类英才量质齐升');
    expect(section('2.4.13').title).toBe('城市更新和土地整备稳步实施');
    expect(section('2.5.15').title).toBe('精神文明建设卓有成效');
    expect(section('2.6.20').title).toBe('医疗卫生水平有效提升');
    expect(section('2.6.22').title).toBe('住房保障和就业服务工作扎实有效');
    expect(section('2.7.26').title).toBe('“美丽龙岗”加快推进');
    expect(section('2.7.27').title).toBe('垃圾处理迈上新台阶');
    expect(section('5.3.9').title).toBe('倍增电子信息产业发展动能');
    expect(section('5.4.17').title).toBe('加快建设体育强区');
    expect(section('5.5.22').title).toBe('加大环境综合治理力度');
    // …and leaves ordinary titles alone.
    expect(section('2.1.1').title).toBe('“双区”建设扎实开展');
    expect(splitItemTitle('提升大运深港国际科教城能级。加快香港中文大学(深圳)二期').title).toBe('提升大运深港国际科教城能级');
  });

  it('splits sentences on 。 and ; and keeps every passage an exact slice of the source', () => {
    for (const p of outline.passages) expect(SOURCE_TEXT.slice(p.start, p.end)).toBe(p.text);
    const headline = outline.passages.filter((p) => p.sectionId === 'doc:1' && p.text.startsWith('——'));
    expect(headline.map((p) => p.text)).toContain('——一般公共预算收入按自然口径计算同比下降9.9%;');
    expect(headline).toHaveLength(6);
    expect(outline.passages.some((p) => p.text.includes('扫一扫'))).toBe(false);
  });

  it('parses all 19 glossary entries: number, term, definition', () => {
    expect(outline.glossary.map((g) => g.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    const byNumber = new Map(outline.glossary.map((g) => [g.number, g]));
    expect(byNumber.get(1)!.term).toBe('“一芯两核多支点”区域发展战略');
    expect(byNumber.get(3)!.definition).toBe('指粤港澳大湾区和深圳建设中国特色社会主义先行示范区驱动。');
    expect(byNumber.get(8)!.term).toBe('20+8');
    expect(byNumber.get(8)!.definition).toContain('20个产业集群和8个未来产业');
    expect(byNumber.get(10)!.term).toBe('碳达峰、碳中和');
    expect(byNumber.get(19)!.term).toBe('CIM基础平台');
  });
});
