// `comanage new <path> [--out file]`, run as the built CLI: the template of each path to stdout or
// a new file, a usage error for an unknown path, and never a file overwritten.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertBuilt, runCli } from './helpers/cli';
import { MANIFEST_TEMPLATES, TEMPLATE_PATHS } from '../server/src/core/manifest/templates';

describe('comanage new', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    assertBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comanage-new-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const template of MANIFEST_TEMPLATES) {
    it(`prints the ${template.path} template to stdout`, () => {
      const result = runCli(dir, ['new', template.path]);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, template.text);
      assert.equal(result.stderr, '');
    });
  }

  it('an unknown path is a usage error (exit 2) that lists the paths', () => {
    const result = runCli(dir, ['new', 'hybrid']);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, new RegExp(`unknown path 'hybrid'; use one of ${TEMPLATE_PATHS.join(', ')}`));
    assert.equal(runCli(dir, ['new']).status, 2);
  });

  it('--out writes a new file, whose readiness is all unknown in the tenant areas, and never overwrites one', () => {
    const result = runCli(dir, ['new', 'autopilot', '--out', 'plan.comanage.yaml']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '');
    const file = path.join(dir, 'plan.comanage.yaml');
    assert.equal(fs.readFileSync(file, 'utf8'), MANIFEST_TEMPLATES.find((t) => t.path === 'autopilot')!.text);
    assert.match(result.stderr, /wrote plan\.comanage\.yaml/);
    const report = runCli(dir, ['check', '--readiness', 'plan.comanage.yaml', '--format', 'json']);
    const checks = (JSON.parse(report.stdout) as { checks: { area: string; status: string }[] }[])[0].checks;
    assert.deepEqual(checks.filter((c) => ['licensing', 'site', 'cmg', 'identity', 'enrollment', 'windows', 'permissions'].includes(c.area) && c.status === 'pass'), []);
    fs.writeFileSync(file, 'version: 1\nname: my finished plan\n');
    const again = runCli(dir, ['new', 'autopilot', '--out', 'plan.comanage.yaml']);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /plan\.comanage\.yaml exists; comanage new never overwrites a file/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'version: 1\nname: my finished plan\n');
  });

  it('--out warns when the name is not *.comanage.yaml', () => {
    const result = runCli(dir, ['new', 'managed-desktop', '--out', 'plan.yaml']);
    assert.equal(result.status, 0);
    assert.match(result.stderr, /warning: comanage checks manifests named \*\.comanage\.yaml/);
  });
});
