// The client's pure logic stays pure and in step with the server: no `vscode` in client/src/model,
// the same area titles and request names as the server.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AREA_TITLES as CLIENT_AREAS, compareAreas } from '../client/src/model/areas';
import * as protocol from '../client/src/model/protocol';
import { AREA_TITLES as SERVER_AREAS } from '../server/src/core/manifest/rules/types';
import * as server from '../server/src/server';
import { manifestGlobs, DEFAULT_MANIFEST_GLOBS } from '../client/src/model/settings';

const MODEL_DIR = path.join(__dirname, '..', 'client', 'src', 'model');

describe('client model', () => {
  it('imports nothing but its own files (no vscode, no server code)', () => {
    const files = fs.readdirSync(MODEL_DIR).filter((name) => name.endsWith('.ts'));
    assert.ok(files.length >= 8, `expected the model files, found ${files.join(', ')}`);
    for (const file of files) {
      const source = fs.readFileSync(path.join(MODEL_DIR, file), 'utf8');
      for (const m of source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
        assert.match(m[1], /^\.\/[\w]+$/, `${file} imports ${m[1]}`);
      }
    }
  });

  it('has the server\'s area titles, in the server\'s order', () => {
    assert.deepEqual(CLIENT_AREAS, SERVER_AREAS);
    assert.deepEqual(Object.keys(CLIENT_AREAS), Object.keys(SERVER_AREAS));
    assert.ok(compareAreas('licensing', 'permissions') < 0);
    assert.ok(compareAreas('permissions', 'zzz-new-area') < 0, 'an area the client does not know goes last');
    assert.ok(compareAreas('b-new', 'a-new') > 0);
  });

  it('uses the request names the server answers', () => {
    assert.equal(protocol.READINESS_REQUEST, server.READINESS_REQUEST);
    assert.equal(protocol.CHECK_LINE_REQUEST, server.CHECK_LINE_REQUEST);
    assert.equal(protocol.INTUNE_LINE_REQUEST, server.INTUNE_LINE_REQUEST);
    assert.equal(protocol.EXPORT_POLICY_REQUEST, server.EXPORT_POLICY_REQUEST);
    assert.equal(protocol.POLICIES_REQUEST, server.POLICIES_REQUEST);
    assert.equal(protocol.SET_VALUES_REQUEST, server.SET_VALUES_REQUEST);
    assert.equal(protocol.INSERTION_POINT_REQUEST, server.INSERTION_POINT_REQUEST);
    assert.equal(protocol.PLAN_FACTS_REQUEST, server.PLAN_FACTS_REQUEST);
    assert.equal(protocol.SET_POLICY_LINE_REQUEST, server.SET_POLICY_LINE_REQUEST);
    assert.equal(protocol.TEMPLATES_REQUEST, server.TEMPLATES_REQUEST);
    assert.equal(protocol.IMPORT_GRAPH_REQUEST, server.IMPORT_GRAPH_REQUEST);
  });

  it('reads comanage.manifestGlobs defensively', () => {
    assert.deepEqual(manifestGlobs(undefined), DEFAULT_MANIFEST_GLOBS);
    assert.deepEqual(manifestGlobs('plans/*.comanage.yaml'), DEFAULT_MANIFEST_GLOBS);
    assert.deepEqual(manifestGlobs([]), DEFAULT_MANIFEST_GLOBS);
    assert.deepEqual(manifestGlobs([' plans/**/*.comanage.yaml ', 3, '', 'plans/**/*.comanage.yaml', 'b/*.comanage.yml']),
      ['plans/**/*.comanage.yaml', 'b/*.comanage.yml']);
  });

  it('declares the same default globs as package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.configuration.properties['comanage.manifestGlobs'].default, DEFAULT_MANIFEST_GLOBS);
  });
});
