import * as assert from 'node:assert/strict';
import { CommandLine, ItemNode } from '../server/src/core/ccmsetup/ast';
import { parseCcmsetupDocument, parseCommandLine } from '../server/src/core/ccmsetup/parser';
import { getLanguageService } from '../server/src/core/languageService';
import { codes, doc } from './helpers/core';

function describeItems(text: string, items: ItemNode[]): string[] {
  return items.map((item) => {
    const source = text.slice(item.span.start, item.span.end);
    if (item.type === 'parameter' || item.type === 'property') {
      return `${item.type}:${item.name}${item.separator ? item.separator.char : ''}${item.value ? `[${item.value.text}]` : ''}=${source}`;
    }
    return `${item.type}=${source}`;
  });
}

describe('ccmsetup parser', () => {
  it('reads parameters, properties and their exact source ranges', () => {
    const text = 'CCMSetup.exe /mp:SMSMP01 /logon SMSSITECODE=S01 FSP="SMS FSP01"';
    const line = parseCommandLine(text);
    assert.equal(line.context, 'exe');
    assert.equal(line.program?.text, 'CCMSetup.exe');
    assert.deepEqual(describeItems(text, line.args), [
      'parameter:mp:[SMSMP01]=/mp:SMSMP01',
      'parameter:logon=/logon',
      'property:SMSSITECODE=[S01]=SMSSITECODE=S01',
      'property:FSP=[SMS FSP01]=FSP="SMS FSP01"',
    ]);
  });

  it('parses the content of CCMSETUPCMD as a nested line with document offsets', () => {
    const text = 'ccmsetup.msi CCMSETUPCMD="/mp:https://mp.contoso.com CCMHOSTNAME=mp.contoso.com"';
    const line = parseCommandLine(text);
    assert.equal(line.context, 'msi');
    assert.ok(line.wrapper?.inner);
    assert.deepEqual(describeItems(text, line.args), [
      'parameter:mp:[https://mp.contoso.com]=/mp:https://mp.contoso.com',
      'property:CCMHOSTNAME=[mp.contoso.com]=CCMHOSTNAME=mp.contoso.com',
    ]);
  });

  it('maps values through escaped quotes inside CCMSETUPCMD (both \\" and "")', () => {
    for (const text of ['CCMSETUPCMD="CCMCERTSEL=\\"SubjectStr:a b\\" SMSSITECODE=ABC"', 'CCMSETUPCMD="CCMCERTSEL=""SubjectStr:a b"" SMSSITECODE=ABC"']) {
      const line = parseCommandLine(text);
      assert.equal(line.context, 'intune');
      const [sel, site] = line.args;
      assert.ok(sel.type === 'property' && sel.value);
      assert.equal(sel.value.text, 'SubjectStr:a b');
      assert.ok(site.type === 'property' && site.value);
      assert.equal(text.slice(site.value.span.start, site.value.span.end), 'ABC');
      assert.deepEqual(line.problems, []);
    }
  });

  it('records an unbalanced quote and keeps the rest of the line', () => {
    const text = 'ccmsetup.exe /config:"my file.txt SMSSITECODE=ABC';
    const line = parseCommandLine(text);
    assert.equal(line.problems.length, 1);
    assert.equal(text.slice(line.problems[0].span.start, line.problems[0].span.end), '"my file.txt SMSSITECODE=ABC');
  });

  it('recognises wrong separators, bare properties, strays, launchers and msiexec switches', () => {
    const text = 'msiexec /i ccmsetup.msi /qn SMSSITECODE:ABC CCMALLOWSILENTREBOOT word /mp=x';
    const line = parseCommandLine(text);
    assert.equal(line.context, 'msi');
    assert.equal(line.launcher.length, 2);
    assert.deepEqual(describeItems(text, line.items), [
      'installerOption=/qn',
      'property:SMSSITECODE:[ABC]=SMSSITECODE:ABC',
      'property:CCMALLOWSILENTREBOOT=CCMALLOWSILENTREBOOT',
      'stray=word',
      'parameter:mp=[x]=/mp=x',
    ]);
  });

  it('takes the file after msiexec /l*v or /log as the log, not as an argument for ccmsetup', () => {
    const text = 'msiexec /i ccmsetup.msi /qn /l*v "C:\\Temp\\ccm.log" /log C:\\x.log CCMSETUPCMD="/mp:mp01 SMSSITECODE=ABC"';
    const line = parseCommandLine(text);
    assert.deepEqual(describeItems(text, line.items).slice(0, 5), [
      'installerOption=/qn',
      'installerOption=/l*v',
      'installerOption="C:\\Temp\\ccm.log"',
      'installerOption=/log',
      'installerOption=C:\\x.log',
    ]);
    assert.deepEqual(codes(text, {}, 'x.ccmsetup').filter((c) => c === 'unexpected-token'), []);
  });

  it('keeps a <placeholder> with spaces as one token', () => {
    const text = 'ccmsetup.exe SMSSITECODE=<site code>';
    assert.deepEqual(describeItems(text, parseCommandLine(text).args), ['property:SMSSITECODE=[<site code>]=SMSSITECODE=<site code>']);
  });

  it('splits a file into lines, skipping comments and blank lines, with directives', () => {
    const text = '# a comment\r\n\r\n# comanage-context: push\n/BITSPriority:HIGH\n# comanage-disable-next-line unknown-property, duplicate-entry\nFOO=1\n# comanage-site-version: 2203\n  ccmsetup.exe /logon  ';
    const document = parseCcmsetupDocument(text);
    assert.equal(document.lines.length, 3);
    assert.equal(document.comments.length, 4);
    const [push, disabled, versioned]: CommandLine[] = document.lines;
    assert.equal(push.context, 'push');
    assert.equal(push.contextSource, 'directive');
    assert.deepEqual([...(disabled.disabled ?? [])], ['unknown-property', 'duplicate-entry']);
    assert.equal(versioned.siteVersion, 2203);
    assert.equal(text.slice(versioned.span.start, versioned.span.end), 'ccmsetup.exe /logon');
  });

  it('ends a line at \\r\\n, \\n and a lone \\r alike, with the same offsets', () => {
    for (const end of ['\r\n', '\n', '\r']) {
      const text = `# comanage-disable-next-line unknown-parameter${end}ccmsetup.exe /bogus${end}ccmsetup.exe /mp:a.contoso.com SMSSITECODE=ABC${end}`;
      const document = parseCcmsetupDocument(text);
      assert.deepEqual(document.lines.map((l) => text.slice(l.span.start, l.span.end)), ['ccmsetup.exe /bogus', 'ccmsetup.exe /mp:a.contoso.com SMSSITECODE=ABC'], JSON.stringify(end));
      assert.deepEqual([...(document.lines[0].disabled ?? [])], ['unknown-parameter']);
      assert.equal(document.lines[1].disabled, undefined);
    }
    // Through the facade: each finding's range stays on its own line for the editor.
    const text = 'ccmsetup.exe /mp:a.contoso.com SMSSITECODE=ABC\rccmsetup.exe /bogus';
    const document = doc(text);
    const found = getLanguageService().doValidation(document);
    assert.deepEqual(found.map((d) => [d.code, d.range.start.line, d.range.end.line]), [['unknown-parameter', 1, 1]]);
  });

  it('infers the context from the line itself', () => {
    const contexts = ['ccmsetup.exe /logon', 'C:\\Windows\\ccmsetup\\ccmsetup.exe /logon', 'ccmsetup.msi CCMSETUPCMD="x"', 'CCMSETUPCMD="SMSSITECODE=ABC"', '/logon SMSSITECODE=ABC']
      .map((t) => parseCommandLine(t).context);
    assert.deepEqual(contexts, ['exe', 'exe', 'msi', 'intune', 'unknown']);
  });
});
