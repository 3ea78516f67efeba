// A run's settings travel as one typed object (src/core/settings.ts): what the CLI hands over is
// what a worker reads, README's two documented variables are folded in, and a malformed object is
// an error said at once, not a default taken quietly.
import { expect, test } from '@playwright/test';
import { mockDefectsOf, runSettings, settingsEnv, SETTINGS_ENV, withSettings } from '../../src/core/settings.ts';

test('what the CLI hands over is what a worker reads, defaults filled in', () => {
  const env = settingsEnv({ outputDir: '/tmp/out', providers: ['exa'], strict: true, shard: '1/2' });
  const s = runSettings(env);
  expect(s).toMatchObject({ outputDir: '/tmp/out', providers: ['exa'], strict: true, shard: '1/2', console: 'checks' });
  expect(s.mockDefects).toEqual({});
  expect(runSettings({}).outputDir).toBe('reports');
});

test('CRH_MOCK_DEFECTS and CRH_HTTP_TIMEOUT_MS, as README gives them, are read into the object', () => {
  const s = runSettings({
    CRH_MOCK_DEFECTS: 'enfuce:token-reusable, exa:iv-reused,tag-truncated',
    CRH_HTTP_TIMEOUT_MS: '2000',
  });
  expect(mockDefectsOf(s, 'exa')).toEqual(['tag-truncated', 'iv-reused']);
  expect(mockDefectsOf(s, 'enfuce')).toEqual(['tag-truncated', 'token-reusable']);
  expect(s.httpTimeoutMs).toBe(2000);
  // Out of range: the default stays (as before the settings object).
  expect(runSettings({ CRH_HTTP_TIMEOUT_MS: '5' }).httpTimeoutMs).toBeUndefined();
});

test('settings given by the CLI win over the documented variables (a defect run clears the defects)', () => {
  const env = { CRH_MOCK_DEFECTS: 'exa:iv-reused', ...withSettings({ mockDefects: {} }, {}) };
  expect(mockDefectsOf(runSettings(env), 'exa')).toEqual([]);
});

test('a malformed object is refused with what is wrong', () => {
  expect(() => runSettings({ [SETTINGS_ENV]: '{' })).toThrow(`${SETTINGS_ENV} is not JSON`);
  expect(() => runSettings({ [SETTINGS_ENV]: JSON.stringify({ shard: 'two' }) })).toThrow(/shard/);
  expect(() => runSettings({ [SETTINGS_ENV]: JSON.stringify({ console: 'loud' }) })).toThrow(/console/);
});
