import { bindingDocs, bindingOverview } from '../../../src/bindings/docs';
import { defineBinding, field } from '../../../src/bindings/spec';

const spec = defineBinding({
  type: 'bindings.example',
  aliases: ['bindings.sample'],
  versions: ['v1'],
  description: 'An example.',
  differences: ['Answers `a|b` where daprd answers `a`.'],
  metadata: {
    mode: field.enum(['fast', 'safe'], { description: 'Either `fast|safe`.', default: 'safe' }),
    token: field.string({ description: 'A token.', sensitive: true, required: true }),
  },
  operations: { create: { description: 'Writes `x|y`.', metadata: { key: 'The `k|v` key.' } } },
  operationTimeoutMs: () => 1_000,
});

describe('bindingDocs', () => {
  const text = bindingDocs(spec);

  it('names the aliases in the heading and lists the differences from daprd', () => {
    expect(text).toContain('### `bindings.example` (v1, also `bindings.sample`)');
    expect(text).toContain('**Differs from daprd:**\n\n- Answers `a|b` where daprd answers `a`.');
  });

  it('escapes a pipe inside table cells, so a backticked `a|b` does not split the cell', () => {
    expect(text).toContain('| `create` | Writes `x\\|y`. | `key`: The `k\\|v` key. |');
    expect(text).toContain('| `mode` | `fast` \\| `safe` | `safe` |  | Either `fast\\|safe`. |');
    expect(text).toContain('| `token` | string |  | required, secret | A token. |');
  });

  it('says so when nothing differs from daprd', () => {
    expect(bindingDocs({ ...spec, differences: [] })).toContain('**Differs from daprd:** nothing known.');
  });
});

describe('bindingOverview', () => {
  it('has one row per type with its aliases, operations and whether it differs', () => {
    expect(bindingOverview([spec, { ...spec, type: 'bindings.plain', aliases: [], differences: [] }])).toBe(
      [
        '| type (aliases) | operations | differs from daprd |',
        '| --- | --- | --- |',
        '| `bindings.example`, `bindings.sample` | `create` | yes, see below |',
        '| `bindings.plain` | `create` | no |',
      ].join('\n'),
    );
  });
});
