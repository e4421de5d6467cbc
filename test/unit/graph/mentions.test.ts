import { findMentions } from '../../../src/graph/passes/mentions';

describe('findMentions', () => {
  const byName = new Map([
    ['深圳国际低碳城', 'district:low-carbon-city'],
    ['深圳国际低碳城论坛', 'project:forum'],
    ['东核', 'strategy:east-hub'],
    ['核', 'strategy:one-char'],
  ]);

  it('links a passage to each entity named in it, the longer name winning where names overlap, one-character names ignored', () => {
    expect(findMentions([
      { id: 'p1', text: '举办深圳国际低碳城论坛,东核提速。' },
      { id: 'p2', text: '深圳国际低碳城和深圳国际低碳城论坛' },
      { id: 'p3', text: '无关的句子。' },
    ], byName)).toEqual([
      { passageId: 'p1', entityId: 'project:forum' },
      { passageId: 'p1', entityId: 'strategy:east-hub' },
      { passageId: 'p2', entityId: 'project:forum' },
      { passageId: 'p2', entityId: 'district:low-carbon-city' },
    ]);
  });
});
