// Rules and plan keys link the newest copy of their page (issue #14 item 3). MicrosoftDocs/memdocs
// moved pages more than once: mem/configmgr → intune/configmgr, and the Intune enrollment and
// management-extension pages from intune/intune-service/… to intune/device-enrollment/… and
// intune/device-management/…. A link to the older address still resolves, but it shows (or
// redirects to) text the rule wasn't checked against, and a source that calls an older path "the
// newer copy" is wrong. Older addresses stay allowed where a rule names them on purpose: in a
// basis's `contradiction` (what the older page said).
import * as assert from 'node:assert/strict';
import { CCMSETUP_RULES } from '../server/src/core/ccmsetup/rules';
import { MANIFEST_SCHEMA } from '../server/src/core/manifest/manifestSchema';
import { MANIFEST_RULES } from '../server/src/core/manifest/rules';
import { Field } from '../server/src/core/manifest/schemaTypes';

const LEARN = 'https://learn.microsoft.com/';

/** Older address prefix → the newest copy's address, with the repository path that holds it. */
const MOVED: { older: string; newer: string; newestPath: string }[] = [
  { older: `${LEARN}mem/configmgr/`, newer: `${LEARN}intune/configmgr/`, newestPath: 'intune/configmgr/' },
  { older: `${LEARN}intune/intune-service/enrollment/windows-enroll`, newer: `${LEARN}intune/device-enrollment/windows/enable-automatic-mdm`, newestPath: 'intune/device-enrollment/windows/enable-automatic-mdm.md' },
  { older: `${LEARN}intune/intune-service/enrollment/windows-enrollment-status`, newer: `${LEARN}intune/device-enrollment/windows/setup-status-page`, newestPath: 'intune/device-enrollment/windows/setup-status-page.md' },
  { older: `${LEARN}intune/intune-service/enrollment/enrollment-restrictions-set`, newer: `${LEARN}intune/device-enrollment/restrictions`, newestPath: 'intune/device-enrollment/restrictions.md' },
  { older: `${LEARN}intune/intune-service/apps/intune-management-extension`, newer: `${LEARN}intune/device-management/tools/management-extension-windows`, newestPath: 'intune/device-management/tools/management-extension-windows.md' },
];

/** Repository paths of the older copies, as a `source` would name them. */
const OLDER_PATHS = ['intune/intune-service/enrollment/windows-enroll.md', 'intune/intune-service/enrollment/windows-enrollment-status.md',
  'intune/intune-service/enrollment/enrollment-restrictions-set.md', 'intune/intune-service/apps/intune-management-extension.md'];

/**
 * Rules allowed, for now, to link an older copy: none are left (the list may only shrink, so it
 * stays empty). Any rule that links an older copy fails.
 */
const AWAITING_NEWEST: string[] = [];

interface Linked { id: string; docUrl: string; source?: string; basis?: { page: string } }
const RULES: Linked[] = [...MANIFEST_RULES, ...CCMSETUP_RULES] as readonly Linked[] as Linked[];

const olderLink = (url: string | undefined) => url ? MOVED.find((m) => url.startsWith(m.older)) : undefined;

/** "id: what" for each link or source of a rule that points at an older copy. */
function olderCopies(rule: Linked): string[] {
  const found: string[] = [];
  for (const [what, url] of [['docUrl', rule.docUrl], ['basis.page', rule.basis?.page]] as const) {
    const moved = olderLink(url);
    if (moved) found.push(`${rule.id}: ${what} ${url} (newest: ${moved.newer})`);
  }
  for (const path of OLDER_PATHS) {
    if (rule.source?.includes(`${path} (newer copy)`)) found.push(`${rule.id}: source calls ${path} the newer copy`);
  }
  return found;
}

function schemaLinks(field: Field, at: string, out: { path: string; url: string }[] = []): { path: string; url: string }[] {
  if (field.docUrl) out.push({ path: at || '(root)', url: field.docUrl });
  const type = field.type;
  if (type.kind === 'object') Object.entries(type.fields).forEach(([key, f]) => schemaLinks(f, at ? `${at}.${key}` : key, out));
  if (type.kind === 'array') schemaLinks(type.items, `${at}[]`, out);
  return out;
}

describe('links point at the newest copy of a page', () => {
  it('knows each move by the newest copy\'s address and path', () => {
    for (const m of MOVED) {
      assert.ok(m.newer.startsWith(LEARN) && m.older.startsWith(LEARN), m.older);
      assert.ok(m.newer.replace(LEARN, '').startsWith(m.newestPath.replace(/\.md$/, '')), `${m.newer} is where ${m.newestPath} is published`);
    }
    assert.equal(olderLink(`${LEARN}mem/configmgr/comanage/overview`)?.newer, `${LEARN}intune/configmgr/`);
    assert.equal(olderLink(`${LEARN}intune/configmgr/comanage/overview`), undefined);
  });

  it('no rule links or names an older copy (except those awaiting their owner)', () => {
    const offenders = RULES.filter((rule) => olderCopies(rule).length > 0);
    const unexpected = offenders.filter((rule) => !AWAITING_NEWEST.includes(rule.id)).flatMap(olderCopies);
    assert.deepEqual(unexpected, []);
    const fixed = AWAITING_NEWEST.filter((id) => !offenders.some((rule) => rule.id === id));
    assert.deepEqual(fixed, [], 'these now link the newest copy: take them off AWAITING_NEWEST');
  });

  it('no plan key links an older copy', () => {
    const older = schemaLinks(MANIFEST_SCHEMA, '').filter(({ url }) => olderLink(url)).map(({ path, url }) => `${path}: ${url}`);
    assert.deepEqual(older, []);
  });
});
