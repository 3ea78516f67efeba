import { writeFileSync } from 'node:fs';
import { mockDefectsOf, runSettings } from '../core/settings.ts';
import { startMock } from '../core/mock-host.ts';
import { drawOf } from '../core/choices.ts';
import { loadProvider, providerIds } from '../catalogue.ts';
import { parse, providerOrUsageError, seedOrUsageError, UsageError } from './usage.ts';

export async function mockCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      defect: { type: 'string', multiple: true },
      variant: { type: 'string', multiple: true },
      choices: { type: 'string' },
      'write-profile': { type: 'string' },
      'write-env': { type: 'string' },
      'no-control': { type: 'boolean' },
      'public-url': { type: 'string' },
      'second-public-url': { type: 'string' },
    },
    true,
  );
  const id = positionals[0];
  if (!id) throw new UsageError(`name a provider: ${providerIds().join(', ')}`);
  const provider = await loadProvider(providerOrUsageError(id).id);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('--port takes 0-65535 (0: any free port)');
  const defects = [...(values.defect ?? []), ...mockDefectsOf(runSettings(), provider.id)];
  const known = new Set(provider.defects.map((d) => d.name));
  for (const d of defects)
    if (!known.has(d))
      throw new UsageError(
        `unknown defect "${d}" for ${provider.id}; see "card-reveal-harness defects --list ${provider.id}"`,
      );

  const knownVariants = new Set(provider.variants.map((v) => v.name));
  for (const v of values.variant ?? [])
    if (!knownVariants.has(v))
      throw new UsageError(`unknown variant "${v}" for ${provider.id}; known: ${[...knownVariants].join(', ')}`);
  // A draw of the free choices: the variants that make it, and the profile that states it.
  const draw =
    values.choices === undefined ? undefined : drawOf(provider, seedOrUsageError('--choices', values.choices));
  const variants = [...new Set([...(values.variant ?? []), ...(draw?.variants ?? [])])];
  const profile = Object.assign(
    {},
    ...provider.variants.filter((v) => values.variant?.includes(v.name)).map((v) => v.profile ?? {}),
    draw?.profile ?? {},
  ) as Record<string, unknown>;

  const publicUrl = values['public-url'];
  const secondPublicUrl = values['second-public-url'];
  for (const [flag, url] of [
    ['--public-url', publicUrl],
    ['--second-public-url', secondPublicUrl],
  ] as const)
    if (url !== undefined && !/^https?:\/\/[^/]+/.test(url))
      throw new UsageError(`${flag} takes the http(s) URL clients reach the mock at`);
  const mock = await startMock(provider, {
    port,
    host: values.host,
    control: !values['no-control'],
    defects,
    variants,
    ...(publicUrl ? { publicUrl } : {}),
    ...(secondPublicUrl ? { secondPublicUrl } : {}),
  });
  const reached = publicUrl?.replace(/\/+$/, '') ?? mock.url;
  // What a vendor would put in the environment for this mock as a sandbox (test data, not secrets of anyone).
  let flag = '--write-env';
  // A failure here ends the command: the listening server would otherwise keep the process alive.
  try {
    if (values['write-env']) {
      flag = '--write-env';
      writeFileSync(values['write-env'], JSON.stringify(mock.vendorEnv(reached)), { mode: 0o600 });
    }
    if (values['write-profile']) {
      flag = '--write-profile';
      writeFileSync(values['write-profile'], `${JSON.stringify(profile, null, 2)}\n`);
    }
  } catch (e) {
    await mock.close();
    throw new UsageError(`${flag}: ${(e as Error).message}`);
  }
  const lines = [
    `${provider.title}: reference mock listening on ${mock.url}`,
    `  control routes: ${values['no-control'] ? 'off' : `${mock.url}/__mock/state, /__mock/clock, /__mock/reset`}`,
    `  defects: ${defects.length ? defects.join(', ') : 'none'}`,
    `  variants: ${variants.length ? variants.join(', ') : 'none'}`,
    ...(draw
      ? [
          `  free choices drawn from "${draw.seed}" (${provider.choices.length}):`,
          ...Object.entries(draw.picks).map(([c, v]) => `    ${c}: ${v}`),
          `  the profile that states them: ${JSON.stringify(profile)}`,
        ]
      : []),
    ...(mock.secondUrl
      ? [
          `  second origin (where a variant serves some paths): ${mock.secondUrl}${secondPublicUrl ? `, reached at ${secondPublicUrl}` : ''}`,
        ]
      : []),
    ...provider.mockNotes.map((n) => `  ${n}`),
    `  test cards:`,
    ...provider.testCards.map((c) => `    ${c.summary}`),
    ...(publicUrl ? [`  public URL (the URLs of its answers): ${reached}`] : []),
    `  point the harness at it: ${provider.env.baseUrl}=${reached} npx card-reveal-harness run --provider ${provider.id}`,
  ];
  console.log(lines.join('\n'));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await mock.close();
  return 0;
}
