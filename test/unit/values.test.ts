import { boundOf, compareValues, reportWords } from '../../src/graphql/values';

/** Indicator values read as a machine should: bounds from qualifiers, the report's own words, comparability. */

it('reads the bound a qualifier states', () => {
  expect(boundOf(null)).toBe('EXACT');
  expect(boundOf('以上')).toBe('AT_LEAST');
  expect(boundOf('不少于')).toBe('AT_LEAST');
  expect(boundOf('半数以上')).toBe('AT_LEAST');
  expect(boundOf('超')).toBe('MORE_THAN');
  expect(boundOf('超过')).toBe('MORE_THAN');
  expect(boundOf('破')).toBe('MORE_THAN');
  expect(boundOf('余')).toBe('MORE_THAN');
  expect(boundOf('左右')).toBe('ABOUT');
  expect(boundOf('约')).toBe('ABOUT');
  expect(boundOf('近')).toBe('AT_MOST');
  expect(boundOf('累计')).toBe('EXACT');
  expect(boundOf('按自然口径计算')).toBe('EXACT');
});

it('finds the value in the report\'s own words', () => {
  expect(reportWords(26200, '套', '不少于', ['全年完成筹建公共住房不少于2.62万套'])).toBe('不少于2.62万套');
  expect(reportWords(20000, '座', '超', ['新增学位超2万座'])).toBe('超2万座');
  expect(reportWords(7, '%', '左右', ['地区生产总值增长7%左右'])).toBe('7%左右');
  expect(reportWords(10000, '家', '余', ['惠及一万余家市场主体和三万余名市民'])).toBe('一万余家');
  expect(reportWords(30000, '名', '余', ['惠及一万余家市场主体和三万余名市民'])).toBe('三万余名');
  expect(reportWords(5, '家', '以上', ['力争百亿级建筑业企业由2家增至5家以上'])).toBe('5家以上');
  expect(reportWords(2, '家', null, ['力争百亿级建筑业企业由2家增至5家以上'])).toBe('2家');
  expect(reportWords(1000, '亿元', '破', ['实现产值破千亿'])).toBe('破千亿');
  expect(reportWords(-9.9, '%', null, ['一般公共预算收入下降9.9%'])).toBe('下降9.9%');
  expect(reportWords(50, '%', '半数以上', ['半数以上既有重要建筑建立BIM模型'])).toBe('半数以上');
  expect(reportWords(10, '名', '十强', ['跻身中国创新百强区排行榜十强'])).toBe('十强');
  // 45 stands without its unit in "65、45、80个工作日": no words of the report say "45个工作日".
  expect(reportWords(45, '个工作日', null, ['分别压缩至65、45、80个工作日'])).toBeNull();
  expect(reportWords(3, '%', null, ['增长13%'])).toBeNull();
});

it('compares two values only when they can be compared', () => {
  const v = (year: number, kind: string, value: number, unit = '亿元', scope: string | null = null) => ({ year, kind, value, unit, qualifier: null, scope });
  const label = { from: '2022 ACTUAL', to: '2023 TARGET' };
  expect(compareValues([v(2022, 'ACTUAL', 1000)], [v(2023, 'TARGET', 2000)], label)).toMatchObject({ delta: 1000, ratio: 2, comparable: true, reason: null });
  expect(compareValues([], [v(2023, 'TARGET', 2000)], label)).toMatchObject({ comparable: false, reason: 'no 2022 ACTUAL value', delta: null });
  expect(compareValues([v(2022, 'ACTUAL', 3, '%')], [v(2023, 'TARGET', 2000)], label)).toMatchObject({ comparable: false, reason: 'different units: % and 亿元' });
  expect(compareValues([v(2022, 'ACTUAL', 1, '%'), v(2022, 'ACTUAL', 2, '%')], [v(2023, 'TARGET', 3, '%')], label).comparable).toBe(false);
  expect(compareValues([v(2022, 'ACTUAL', 1000, '亿元', 'park')], [v(2023, 'TARGET', 2000)], label)).toMatchObject({ comparable: false });
  expect(compareValues([v(2022, 'ACTUAL', 0, '%')], [v(2023, 'TARGET', 3, '%')], label)).toMatchObject({ comparable: true, delta: 3, ratio: null });
});
