// Rules about how entries are written: names, separators, quotes, values present or absent.
import { displayName } from '../../catalog';
import { REFERENCE_URL, docLink } from '../../catalog/types';
import { CommandLine, PropertyNode } from '../ast';
import { NamedItem, copiedText, deletionSpan, isNamed, mergeSpans } from '../query';
import { trimBlanks } from '../tokenizer';
import { defineRule } from './types';

const ABOUT = `${REFERENCE_URL}#aboutCCMSetup`;

export const unbalancedQuote = defineRule({
  id: 'unbalanced-quote', severity: 'error', docUrl: ABOUT,
  basis: { words: 'surround it with quotation marks', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#aboutccmsetup', override: 'Read in context (docs map P21#3): A value with spaces is quoted' },
  title: 'A quote opens a value but never closes it',
  check(line, ctx) {
    for (const problem of line.problems) {
      if (problem.code === 'unbalanced-quote') {
        ctx.report(problem.span, 'This quote is never closed, so everything after it becomes one value. Add the closing ".');
      }
    }
  },
  examples: {
    fail: ['ccmsetup.exe /config:"setup file.txt SMSSITECODE=ABC', 'CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC'],
    pass: ['ccmsetup.exe /config:"setup file.txt" SMSSITECODE=ABC'],
  },
});

export const unknownParameter = defineRule({
  id: 'unknown-parameter', severity: 'error', docUrl: `${REFERENCE_URL}#ccmsetupexe-command-line-parameters`,
  basis: { words: 'Parameters are prefixed with a slash', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#ccmsetupexe-command-line-parameters', override: 'A /name the reference doesn\'t list isn\'t a documented parameter: a typo or an unsupported switch' },
  title: 'A /parameter that ccmsetup.exe does not document',
  check(line, ctx) {
    for (const item of line.args) {
      if (item.type !== 'parameter' || item.resolved) continue;
      const asProperty = ctx.catalog.find('property', item.name);
      if (asProperty) {
        const valueText = copiedText(line, item, ctx.text, 'value');
        const fixed = `${asProperty.entry.name}${item.value ? `=${valueText}` : ''}`;
        ctx.report(item.nameSpan, `${asProperty.entry.name} is a client.msi property, not a ccmsetup parameter: write it as ${asProperty.entry.name}=value, without the slash.`, {
          docUrl: asProperty.entry.docUrl,
          fixes: [{ title: `Write it as the property ${fixed.length > 60 ? asProperty.entry.name : fixed}`, edits: [{ span: item.span, newText: fixed }], preferred: true }],
        });
        continue;
      }
      const suggestion = ctx.catalog.suggest('parameter', item.name);
      ctx.report(item.nameSpan, `/${item.name} is not a documented ccmsetup parameter.${suggestion ? ` Did you mean /${suggestion}?` : ''}`, {
        fixes: suggestion ? [{ title: `Change to /${suggestion}`, edits: [{ span: item.nameSpan, newText: `/${suggestion}` }], preferred: true }] : undefined,
      });
    }
  },
  examples: {
    fail: ['ccmsetup.exe /UsePKICrt SMSSITECODE=ABC', 'ccmsetup.exe /SMSSITECODE:ABC'],
    pass: ['ccmsetup.exe /UsePKICert SMSSITECODE=ABC'],
  },
});

export const unknownProperty = defineRule({
  id: 'unknown-property', severity: 'warning', docUrl: `${REFERENCE_URL}#clientMsiProps`,
  basis: { words: 'Properties by convention are upper case', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#clientMsiProps', override: 'A name the reference doesn\'t list is usually a typo; client.msi may still take it, so a warning' },
  title: 'A NAME=value property that client.msi does not document',
  check(line, ctx) {
    for (const item of line.args) {
      if (item.type !== 'property' || item.resolved) continue;
      const asParameter = ctx.catalog.find('parameter', item.name);
      if (asParameter) {
        const name = displayName(asParameter.entry);
        const takesValue = asParameter.entry.value.kind !== 'none';
        const valueText = copiedText(line, item, ctx.text, 'value');
        const fixed = takesValue && valueText ? `${name}:${valueText}` : name;
        ctx.report(item.nameSpan, `${item.name} is a ccmsetup parameter, not a property: write it as ${name}${takesValue ? ':value' : ''}.`, {
          docUrl: asParameter.entry.docUrl,
          fixes: [{ title: `Write it as the parameter ${fixed.length > 60 ? name : fixed}`, edits: [{ span: item.span, newText: fixed }], preferred: true }],
        });
        continue;
      }
      const suggestion = ctx.catalog.suggest('property', item.name);
      ctx.report(item.nameSpan, `${item.name} is not a documented client.msi property; setup may ignore it.${suggestion ? ` Did you mean ${suggestion}?` : ''}`, {
        fixes: suggestion ? [{ title: `Change to ${suggestion}`, edits: [{ span: item.nameSpan, newText: suggestion }], preferred: true }] : undefined,
      });
    }
  },
  examples: {
    fail: ['ccmsetup.exe SMSSITECOD=ABC', 'ccmsetup.exe mp=server01'],
    pass: ['ccmsetup.exe SMSSITECODE=ABC'],
  },
});

export const unexpectedToken = defineRule({
  id: 'unexpected-token', severity: 'warning', docUrl: ABOUT,
  basis: { words: 'surround it with quotation marks', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#aboutccmsetup', override: 'Read in context (docs map P21#3): A value with spaces is quoted' },
  title: 'A word that is neither a /parameter nor a NAME=value property',
  check(line, ctx) {
    for (const item of line.args) {
      if (item.type !== 'stray') continue;
      const bare = item.text.split(':')[0];
      const parameter = /^[A-Za-z?]+$/.test(bare) ? ctx.catalog.find('parameter', bare) : undefined;
      if (parameter) {
        ctx.report(item.span, `Parameters start with a slash: write /${item.text}.`, {
          docUrl: parameter.entry.docUrl,
          fixes: [{ title: `Add the slash: /${bare}`, edits: [{ span: { start: item.span.start, end: item.span.start }, newText: '/' }], preferred: true }],
        });
      } else {
        const shown = item.text.length > 40 ? `${item.text.slice(0, 40)}…` : item.text;
        ctx.report(item.span, `"${shown}" is not a parameter (/name) or a property (NAME=value). If it belongs to a value with spaces, put the whole value in quotes.`);
      }
    }
  },
  examples: {
    fail: ['ccmsetup.exe UsePKICert SMSSITECODE=ABC', 'ccmsetup.exe /source:\\\\server\\my share'],
    pass: ['ccmsetup.exe /UsePKICert SMSSITECODE=ABC', 'ccmsetup.exe /source:"\\\\server\\my share"'],
  },
});

export const propertyUsesColon = defineRule({
  id: 'property-uses-colon', severity: 'error', docUrl: ABOUT,
  basis: { words: 'using an equal sign', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#aboutccmsetup', override: 'The documented syntax: with a colon the property gets no value' },
  title: 'A property written with a colon instead of an equals sign',
  check(line, ctx) {
    for (const item of line.args) {
      if (item.type === 'property' && item.separator?.char === ':') {
        ctx.report(item.separator.span, `Properties take their value after an equals sign: write ${item.name}=${item.value?.raw ?? ''}.`, {
          fixes: [{ title: 'Change ":" to "="', edits: [{ span: item.separator.span, newText: '=' }], preferred: true }],
        });
      }
    }
  },
  examples: { fail: ['ccmsetup.exe SMSSITECODE:ABC'], pass: ['ccmsetup.exe SMSSITECODE=ABC'] },
});

export const parameterUsesEquals = defineRule({
  id: 'parameter-uses-equals', severity: 'error', docUrl: ABOUT,
  basis: { words: 'using a colon', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#aboutccmsetup', override: 'The documented syntax: with an equal sign the parameter gets no value' },
  title: 'A parameter written with an equals sign instead of a colon',
  check(line, ctx) {
    for (const item of line.args) {
      // `/SMSSITECODE=ABC` is a property with a stray slash (unknown-parameter says so), not a parameter to fix with ":".
      if (item.type === 'parameter' && item.separator?.char === '=' && (item.resolved || !ctx.catalog.find('property', item.name))) {
        ctx.report(item.separator.span, `Parameters take their value after a colon: write /${item.name}:${item.value?.raw ?? ''}.`, {
          fixes: [{ title: 'Change "=" to ":"', edits: [{ span: item.separator.span, newText: ':' }], preferred: true }],
        });
      }
    }
  },
  examples: { fail: ['ccmsetup.exe /mp=server01'], pass: ['ccmsetup.exe /mp:server01', 'msiexec /i ccmsetup.msi /SMSSITECODE=ABC'] },
});

export const valueNotExpected = defineRule({
  id: 'value-not-expected', severity: 'warning', docUrl: ABOUT,
  basis: { words: 'This parameter takes no values', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#allowmetered', override: 'A value where none is documented is ignored or misread, so a warning' },
  title: 'A value given to a switch that takes none',
  check(line, ctx) {
    for (const item of line.args) {
      if (!isNamed(item) || !item.resolved || item.resolved.entry.value.kind !== 'none' || !item.separator) continue;
      const name = displayName(item.resolved.entry);
      ctx.report({ start: item.separator.span.start, end: item.span.end }, `${name} is a switch and takes no value: write just ${name}.`, {
        docUrl: item.resolved.entry.docUrl,
        fixes: [{ title: `Remove the value of ${name}`, edits: [{ span: { start: item.separator.span.start, end: item.span.end }, newText: '' }], preferred: true }],
      });
    }
  },
  examples: { fail: ['ccmsetup.exe /logon:TRUE', 'ccmsetup.exe CCMALLOWSILENTREBOOT=1'], pass: ['ccmsetup.exe /logon CCMALLOWSILENTREBOOT'] },
});

export const missingValue = defineRule({
  id: 'missing-value', severity: 'error', docUrl: ABOUT,
  basis: { words: 'immediately followed by the value', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#aboutccmsetup', override: 'The documented syntax: an entry that takes a value gets none' },
  title: 'A parameter or property that needs a value has none',
  check(line, ctx) {
    for (const item of line.args) {
      if (!isNamed(item) || !item.resolved) continue;
      const entry = item.resolved.entry;
      if (entry.value.kind === 'none' || entry.valueOptional) continue;
      if (item.value && trimBlanks(item.value.text).length > 0) continue;
      if (entry.name === 'CCMSETUPCMD' && (item as PropertyNode).inner) continue;
      const name = displayName(entry);
      const how = entry.kind === 'parameter' ? `${name}:value` : `${name}=value`;
      ctx.report(item.span, `${name} needs a value (${how}).`, { docUrl: entry.docUrl });
    }
  },
  examples: { fail: ['ccmsetup.exe /mp SMSSITECODE=ABC', 'ccmsetup.exe /mp:server01 SMSSITECODE='], pass: ['ccmsetup.exe /mp:server01 SMSSITECODE=ABC'] },
});

export const propertyNameCase = defineRule({
  id: 'property-name-case', severity: 'hint', docUrl: ABOUT,
  basis: { words: 'Properties by convention are upper case', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#aboutccmsetup', override: 'A convention, not a requirement: a hint' },
  title: 'A property name not written in upper case (it works; upper case is the convention)',
  check(line, ctx) {
    for (const item of line.args) {
      if (item.type !== 'property' || !item.resolved || item.resolved.alias) continue;
      const canonical = item.resolved.entry.name;
      if (item.name !== canonical && item.name.toUpperCase() === canonical.toUpperCase()) {
        ctx.report(item.nameSpan, `Advice: property names are case-insensitive, but they are conventionally upper case: ${canonical}.`, {
          fixes: [{ title: `Upper-case to ${canonical}`, edits: [{ span: item.nameSpan, newText: canonical }], preferred: true }],
        });
      }
    }
  },
  examples: { fail: ['ccmsetup.exe smssitecode=ABC'], pass: ['ccmsetup.exe SMSSITECODE=ABC'] },
});

export const parameterAfterProperty = defineRule({
  id: 'parameter-after-property', severity: 'error', docUrl: ABOUT,
  basis: { words: 'Specify CCMSetup parameters before', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#aboutccmsetup', override: 'An [!IMPORTANT] instruction, and the documented format puts parameters first: CCMSetup.exe [<parameters>] [<properties>]' },
  title: 'A ccmsetup parameter placed after client.msi properties',
  check(line, ctx) {
    const items = (line.wrapper?.inner ?? line).items.filter(isNamed).filter((i) => i !== line.wrapper);
    const firstProperty = items.find((i) => i.type === 'property');
    if (!firstProperty) return;
    const late = items.filter((i) => i.type === 'parameter' && i.span.start > firstProperty.span.start);
    if (late.length === 0) return;
    // One fix moves every late parameter, in order, in front of the first property.
    const moved = late.map((p) => copiedText(line, p, ctx.text)).join(' ');
    const edits = [
      { span: { start: firstProperty.span.start, end: firstProperty.span.start }, newText: `${moved} ` },
      ...mergeSpans(late.map((p) => deletionSpan(ctx.text, p.span))).map((span) => ({ span, newText: '' })),
    ];
    for (const parameter of late) {
      ctx.report(parameter.nameSpan, `Put ccmsetup parameters such as /${parameter.name} before the client.msi properties.`, {
        fixes: [{ title: 'Move parameters before properties', edits, preferred: true }],
      });
    }
  },
  examples: { fail: ['ccmsetup.exe SMSSITECODE=ABC /logon'], pass: ['ccmsetup.exe /logon SMSSITECODE=ABC'] },
});

export const duplicateEntry = defineRule({
  id: 'duplicate-entry', severity: 'warning', docUrl: ABOUT,
  basis: { words: 'the following format', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#aboutccmsetup', override: 'Which of two values wins isn\'t documented, so a warning' },
  title: 'The same parameter or property given twice',
  check(line, ctx) {
    const seen = new Map<string, boolean>();
    for (const item of line.args) {
      if (!isNamed(item)) continue;
      if (item.resolved?.entry.repeatable) continue;
      const key = item.resolved ? `${item.resolved.entry.kind}:${item.resolved.entry.name.toUpperCase()}` : `${item.type}:${item.name.toUpperCase()}`;
      if (seen.has(key)) {
        const name = item.resolved ? displayName(item.resolved.entry) : item.name;
        ctx.report(item.span, `${name} is already on this line; only one of them takes effect.`, {
          fixes: [{ title: `Remove this ${name}`, edits: [{ span: deletionSpan(ctx.text, item.span), newText: '' }] }],
        });
      } else {
        seen.set(key, true);
      }
    }
  },
  examples: {
    fail: ['ccmsetup.exe SMSSITECODE=ABC SMSSITECODE=XYZ', 'ccmsetup.exe /UpgradeToLatest UPGRADETOLATEST=TRUE'],
    pass: ['ccmsetup.exe /source:"\\\\a\\share" /source:"\\\\b\\share" SMSSITECODE=ABC'],
  },
});

export const upgradeToLatestSpelling = defineRule({
  id: 'documented-spelling', severity: 'warning', docUrl: docLink('upgradetolatest'),
  basis: { words: 'UPGRADETOLATEST', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#upgradetolatest', override: 'The newest reference documents the property; only an older copy lists the parameter form and nothing says it fails, so a warning', contradiction: { page: 'https://learn.microsoft.com/mem/configmgr/core/clients/deploy/about-client-installation-properties', says: 'the older copy documents /UpgradeToLatest as a ccmsetup.exe parameter' } },
  title: 'An entry written in a form only an older copy of the reference documents (/UpgradeToLatest for UPGRADETOLATEST)',
  check(line, ctx) {
    for (const item of line.args) {
      if (!isNamed(item) || !item.resolved?.alias?.olderReference) continue;
      const { entry, alias } = item.resolved;
      const name = displayName(entry);
      const value = item.value ? copiedText(line, item, ctx.text, 'value') : alias.fixValue;
      const written = value ? `${name}${entry.kind === 'property' ? '=' : ':'}${value}` : name;
      ctx.report(item.nameSpan, `${alias.note} The reference doesn't say the older form fails; write ${written} to follow the newer page.`, {
        docUrl: entry.docUrl, fixes: [{ title: `Write ${written}`, edits: movedEdits(line, item, written, ctx.text), preferred: true }],
      });
    }
  },
  examples: {
    fail: ['CCMSETUPCMD="/UpgradeToLatest CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC"', 'ccmsetup.exe /UpgradeToLatest:TRUE SMSSITECODE=ABC'],
    pass: ['CCMSETUPCMD="CCMHOSTNAME=mp.contoso.com SMSSITECODE=ABC UPGRADETOLATEST=TRUE"', 'ccmsetup.exe SMSSITECODE=ABC UPGRADETOLATEST'],
  },
});

/**
 * Edits that replace a parameter with a property. A property goes after the parameters, so the
 * replacement lands after the line's last argument (inside CCMSETUPCMD's quotes when wrapped).
 */
function movedEdits(line: CommandLine, item: NamedItem, written: string, text: string) {
  const last = line.args[line.args.length - 1];
  if (last === item || item.type === 'property') return [{ span: item.span, newText: written }];
  return [
    { span: deletionSpan(text, item.span), newText: '' },
    { span: { start: last.span.end, end: last.span.end }, newText: ` ${written}` },
  ];
}
