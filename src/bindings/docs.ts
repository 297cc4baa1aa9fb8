import type { BindingSpec, FieldSpec } from './spec';

function defaultText(spec: FieldSpec): string {
  const value = spec.options.default;
  if (value === undefined) return '';
  if (spec.kind === 'duration') return `${Number(value) / 1000}s`;
  return `\`${String(value)}\``;
}

function kindText(spec: FieldSpec): string {
  return spec.kind === 'enum' ? (spec.values ?? []).map((v) => `\`${v}\``).join(' \\| ') : spec.kind;
}

/** Text safe inside a Markdown table cell: a `|`, even within backticks, would end the cell. */
function cell(text: string): string {
  return text.replace(/(?<!\\)\|/g, '\\|');
}

/** A Markdown section for one binding type, generated from its spec so the docs cannot drift from the code. */
export function bindingDocs(spec: BindingSpec): string {
  const fields = Object.entries(spec.metadata) as Array<[string, FieldSpec]>;
  const used = fields.filter(([, field]) => !field.options.ignored);
  const ignored = fields.filter(([, field]) => field.options.ignored).map(([name]) => `\`${name}\``);
  const rows = used.map(([name, field]) => {
    const names = [name, ...(field.options.aliases ?? [])].map((n) => `\`${n}\``).join(' / ');
    const secret = typeof field.options.sensitive === 'function' ? 'secret when it holds a password' : 'secret';
    const flags = [field.options.required ? 'required' : '', field.options.sensitive ? secret : '']
      .filter(Boolean)
      .join(', ');
    return `| ${names} | ${kindText(field)} | ${defaultText(field)} | ${flags} | ${cell(field.options.description)} |`;
  });
  const operations = Object.entries(spec.operations).map(([name, op]) => {
    const metadata = Object.entries(op.metadata ?? {})
      .map(([key, text]) => `\`${key}\`: ${cell(text)}`)
      .join(' ');
    return `| \`${name}\` | ${cell(op.description)} | ${metadata} |`;
  });
  const aliases = spec.aliases?.length ? `, also \`${spec.aliases.join('`, `')}\`` : '';
  const differences =
    (spec.differences?.length ?? 0)
      ? ['**Differs from daprd:**', '', ...(spec.differences ?? []).map((text) => `- ${text}`), '']
      : ['**Differs from daprd:** nothing known.', ''];
  return [
    `### \`${spec.type}\` (${spec.versions.join(', ')}${aliases})`,
    '',
    spec.description,
    '',
    ...differences,
    '| operation | what it does | request metadata |',
    '| --- | --- | --- |',
    ...operations,
    '',
    '| field | type | default | | meaning |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ignored.length > 0
      ? `Accepted and ignored (fields of daprd's component that this output binding does not use): ${ignored.join(', ')}.`
      : '',
  ].join('\n');
}

/** The README's overview: one row per binding type with its aliases and operations. */
export function bindingOverview(specs: readonly BindingSpec[]): string {
  const rows = specs.map((spec) => {
    const names = [spec.type, ...(spec.aliases ?? [])].map((name) => `\`${name}\``).join(', ');
    const operations = Object.keys(spec.operations)
      .map((name) => `\`${name}\``)
      .join(', ');
    const differs = (spec.differences?.length ?? 0) > 0 ? 'yes, see below' : 'no';
    return `| ${names} | ${operations} | ${differs} |`;
  });
  return ['| type (aliases) | operations | differs from daprd |', '| --- | --- | --- |', ...rows].join('\n');
}
