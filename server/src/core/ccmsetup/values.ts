// Checks a written value against its documented value type. Pure; results are cached per value
// node because several rules (invalid-value, value-out-of-range, value-beyond-advised-bound,
// invalid-address, empty-list-item)
// each report their own share of the same findings.
import { CatalogEntry, ValueType, displayName } from '../catalog';
import { allowedValues, describeValueType } from '../catalog/describe';
import { ValueNode } from './ast';
import { trimBlanks } from './tokenizer';

export type ValueIssueCode = 'invalid-value' | 'value-out-of-range' | 'value-beyond-advised-bound' | 'invalid-address' | 'empty-list-item';

export interface ValueIssue {
  code: ValueIssueCode;
  /** Character range inside the value's unquoted text. */
  from: number;
  to: number;
  message: string;
}

const cache = new WeakMap<ValueNode, ValueIssue[]>();

// Each alternative stops at the next opening brace, so many unclosed `{{` or `${` stay linear.
/** Template placeholders: <site code>, {{mp}}. */
export const PLACEHOLDER_SOURCE = String.raw`<[^<>\s][^<>]*>|\{\{[^{}]*\}\}`;
/**
 * Script variables: PowerShell ${x}, $x, $(x); batch %X% and, with delayed expansion, !X!. The
 * batch name is captured (group 1 or 2) so a Windows-defined one (%WinDir%) can be let through.
 */
export const SCRIPT_VARIABLE_SOURCE = String.raw`\$\{[^{}]+\}|\$\(?[A-Za-z_][\w:]*\)?|%([A-Za-z_][\w()]*)%|!([A-Za-z_][\w()]*)!`;
/** Placeholders and script variables are reported by their own rules; their values aren't judged here. */
export const TEMPLATE = new RegExp(`${PLACEHOLDER_SOURCE}|${SCRIPT_VARIABLE_SOURCE}`);

export function checkValue(entry: CatalogEntry, value: ValueNode): ValueIssue[] {
  let issues = cache.get(value);
  if (!issues) {
    issues = value.text.length === 0 || TEMPLATE.test(value.text) ? [] : check(entry, entry.value, value.text, 0);
    cache.set(value, issues);
  }
  return issues;
}

function check(entry: CatalogEntry, type: ValueType, text: string, offset: number): ValueIssue[] {
  const name = displayName(entry);
  const whole = (code: ValueIssueCode, message: string): ValueIssue[] => [{ code, from: offset, to: offset + text.length, message }];
  const upper = text.toUpperCase();
  switch (type.kind) {
    case 'boolean': {
      const ok = type.form === '0/1' ? ['0', '1'] : ['TRUE', 'FALSE'];
      if (ok.includes(upper)) return [];
      return whole('invalid-value', `${name} takes ${ok.join(' or ')}; "${text}" is not one of them.`);
    }
    case 'integer': {
      if (!/^\d+$/.test(text)) return whole('invalid-value', `${name} takes a whole number (${describeValueType(type)}); "${text}" is not one.`);
      const n = Number(text);
      if ((type.min !== undefined && n < type.min) || (type.max !== undefined && n > type.max)) {
        if (type.advice) {
          const bound = type.max === undefined ? `at least ${type.min}` : type.min === undefined ? `at most ${type.max}` : `${type.min} to ${type.max}`;
          return whole('value-beyond-advised-bound',
            `Advice: the reference gives no range for ${name}; ${text} is outside ${bound}, the bound comanage advises (${type.advice}).`);
        }
        return whole('value-out-of-range', `${name} must be ${describeValueType(type)}; ${text} is outside that range.`);
      }
      return [];
    }
    case 'enum': {
      const match = type.values.some((v) => (type.caseSensitive ? v.value === text : v.value.toUpperCase() === upper));
      if (match) return [];
      return whole('invalid-value', `${name} accepts ${type.values.map((v) => v.value).join(', ')}; "${text}" is not one of them.`);
    }
    case 'guid':
      return /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(text)
        ? [] : whole('invalid-value', `${name} takes a GUID such as 00000000-0000-0000-0000-000000000000; "${text}" is not one.`);
    case 'siteCode':
      if (/^[A-Za-z0-9]{3}$/.test(text) || (type.allowAuto && upper === 'AUTO')) return [];
      return whole('invalid-value', `${name} takes a three-character site code${type.allowAuto ? ' or AUTO' : ''}; "${text}" is not one.`);
    case 'deploymentId':
      return /^[A-Za-z0-9]{3}[0-9A-Fa-f]{5}$/.test(text)
        ? [] : whole('invalid-value', `${name} takes a task sequence deployment ID: the site code and five hexadecimal digits, such as PRI20001.`);
    case 'url':
      if (type.appIdUri) {
        return isHttpUrl(text) || isApiUri(text) ? [] : whole('invalid-address', `${name} takes the App ID URI of the server app, such as api://<tenant ID>/ConfigMgrService or https://contososerver.`);
      }
      return isHttpUrl(text) ? [] : whole('invalid-address', `${name} takes an absolute URL such as https://contososerver.`);
    case 'host':
      if (/^[a-z]+:\/\//i.test(text)) return whole('invalid-address', `${name} takes a computer name or FQDN, without a scheme such as https://.`);
      return isHostName(text) ? [] : whole('invalid-address', `${name} takes a computer name or FQDN; "${text}" is not a valid host name.`);
    case 'hostOrUrl':
      if (/^[a-z]+:\/\//i.test(text)) {
        return /^https?:\/\//i.test(text) && isHttpUrl(text) ? [] : whole('invalid-address', `${name} takes a name, or an address starting with https:// (or http://).`);
      }
      return isHostName(text) ? [] : whole('invalid-address', `${name} takes a computer name, an FQDN or an https:// address; "${text}" is none of them.`);
    case 'cmgHost': {
      // A scheme here has its own rule (ccmhostname-has-scheme); judge what follows it.
      const rest = text.replace(/^[a-z]+:\/\//i, '');
      const slash = rest.indexOf('/');
      const host = slash === -1 ? rest : rest.slice(0, slash);
      const path = slash === -1 ? '' : rest.slice(slash);
      return isHostName(host) && !/\s/.test(path)
        ? [] : whole('invalid-address', `${name} takes an FQDN or a CMG address such as contoso.cloudapp.net/CCM_Proxy_MutualAuth/72186325152220500.`);
    }
    case 'list': {
      const issues: ValueIssue[] = [];
      let start = 0;
      const parts = text.split(type.separator);
      parts.forEach((part, index) => {
        const from = offset + start;
        const trimmed = trimBlanks(part);
        if (trimmed.length === 0) {
          // A list of one blank item has no separator to point at: missing-value reports it.
          if (parts.length === 1) return;
          // Point at the separator that has nothing on one side.
          const at = index === parts.length - 1 ? from - type.separator.length : from + part.length;
          issues.push({ code: 'empty-list-item', from: at, to: at + type.separator.length,
            message: `${name} has an empty item: remove the extra "${type.separator}".` });
        } else if (type.allowed) {
          if (!type.allowed.some((v) => v.value.toUpperCase() === trimmed.toUpperCase())) {
            issues.push({ code: 'invalid-value', from, to: from + part.length,
              message: `"${trimmed}" is not a value of ${name}; use ${type.allowed.map((v) => v.value).join(', ')}.` });
          }
        } else {
          const lead = part.indexOf(trimmed);
          issues.push(...check(entry, type.item, trimmed, from + lead));
        }
        start += part.length + type.separator.length;
      });
      return issues;
    }
    case 'letters': {
      const letters = allowedValues(type) ?? [];
      for (let i = 0; i < text.length; i++) {
        if (!letters.some((l) => l.value === text[i].toUpperCase())) {
          return [{ code: 'invalid-value', from: offset + i, to: offset + i + 1,
            message: `${name} is made of the letters ${letters.map((l) => l.value).join(', ')}; "${text[i]}" is not one of them.` }];
        }
      }
      return [];
    }
    case 'none': case 'path': case 'token': case 'text':
      return [];
  }
}

/**
 * The host is judged as written: new URL() maps it first (IDNA drops a soft hyphen or a zero-width
 * character, folds full-width letters), so "mp1.con\u00ADtoso.com" would pass, though the
 * client receives the character.
 */
function isHttpUrl(text: string): boolean {
  const authority = /^https?:\/\/([^/?#]*)/i.exec(text);
  if (!authority) return false;
  const host = authority[1].slice(authority[1].lastIndexOf('@') + 1).replace(/:\d*$/, '');
  if (!isHostName(host)) return false;
  try {
    return isHostName(new URL(text).hostname);
  } catch {
    return false;
  }
}

/** An Entra App ID URI in the api:// form: api://<app or tenant ID, or a name>[/<path>], no blanks. */
function isApiUri(text: string): boolean {
  return /^api:\/\/[^\s/]+(\/\S*)?$/i.test(text);
}

/** A NetBIOS computer name or a DNS name (labels of letters, digits and hyphens). */
function isHostName(text: string): boolean {
  if (text.length === 0 || text.length > 253) return false;
  return text.split('.').every((label, i, all) =>
    (label.length > 0 || (i === all.length - 1 && i > 0)) && label.length <= 63 && /^[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?$|^$/.test(label));
}
