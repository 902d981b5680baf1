// Counterexamples the property-based runs found, kept so they stay fixed.
import * as inv from './invariants';

describe('fuzz regressions', () => {
  it('a list value made only of an invisible character (BOM) gets no out-of-range finding', () => {
    inv.checkDocument({ text: 'ccmsetup.msi CCMSETUPCMD="CCMADMINS:\ufeff /?:', file: 'fuzz.ccmsetup' }, [0]);
    inv.checkDocument({ text: 'ccmsetup.exe SMSMPLIST=\u00a0 /?', file: 'fuzz.ccmsetup' }, [0.5]);
  });

  it('moving parameters before properties never produces overlapping deletions (ideographic space)', () => {
    inv.checkDocument({ text: 'ccmsetup.exe disablesiteopt:\u3000/ /?:', file: 'fuzz.ccmsetup' }, [0]);
  });
});
