// Rules about characters pasted from Word, Outlook or web pages that Windows reads differently
// from how they look. The character classes live in ../../text/typographic.ts; where each one
// sits and what replaces it in ../characters.ts.
import { placedCharacters } from '../characters';
import { defineRule } from './types';

/**
 * One rule, severity error, because each character it reports changes what ccmsetup receives:
 * - a typographic quote is no quote to Windows (the value keeps it, spaces still split);
 * - a Unicode space is no separator (two arguments arrive glued), inside quotes a different character;
 * - a zero-width character, soft hyphen or bidi control is an extra, invisible character in a name
 *   or address (and a bidi control can make the line show something else than it does);
 * - a dash or minus sign where a switch starts is no switch prefix (ccmsetup sees a word); inside a
 *   name, address, number or GUID it is another character (in a path or free text it may be
 *   meant, so it isn't reported there);
 * - a full-width form is not the ASCII character it looks like;
 * - a Cyrillic or Greek letter inside an otherwise ASCII word makes another name or address.
 */
export const typographicCharacter = defineRule({
  id: 'typographic-character', severity: 'error',
  basis: { words: 'surround it with quotation marks', page: 'https://learn.microsoft.com/intune/configmgr/core/clients/deploy/about-client-installation-properties#aboutccmsetup', override: 'A curly quote or dash isn\'t the character ccmsetup reads: the line changes meaning' },
  docUrl: 'https://learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments',
  title: 'A typographic quote, Unicode space, invisible or bidi character, dash, full-width form or look-alike letter that Windows reads differently from how it looks (command lines and manifest keys)',
  check(line, ctx) {
    for (const c of placedCharacters(line, ctx.text)) {
      ctx.report(c.node.span, c.message, { fixes: c.fix ? [c.fix] : undefined });
    }
  },
  examples: {
    fail: [
      'CCMSETUPCMD=\u201cCCMHOSTNAME=mp.contoso.com/CCM_Proxy_MutualAuth/72186325152220500 SMSSITECODE=ABC\u201d',
      'ccmsetup.exe /mp:mp01.contoso.com\u00a0SMSSITECODE=ABC',
      'ccmsetup.exe /mp:https://mp1.con\u00adtoso.com SMSSITECODE=ABC',
      'ccmsetup.exe \u2013mp:mp01.contoso.com SMSSITECODE=ABC',
      'ccmsetup.exe /mp:mp01.contoso.com SMSSITE\u0421ODE=ABC',
      'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE\uff1dABC',
      'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=AB\u202eC',
    ],
    pass: [
      'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE="ABC"',
      'ccmsetup.exe /source:"\\\\server\\Client \u2013 2403" SMSSITECODE=ABC',
      'ccmsetup.exe /mp:mp01.contoso.com SMSSITECODE=ABC CCMADMINS=\u043a\u043e\u043d\u0442\u043e\u0440\u0430\\\u0430\u0434\u043c\u0438\u043d',
    ],
  },
});
