// The properties the fuzzer checks, shared by the short run in `npm test` (test/fuzz.test.ts) and the
// long run (`npm run fuzz`, scripts/fuzz.ts). `share` is each property's part of the cases.
import fc from 'fast-check';
import {
  ccmsetupDocument, documentWithSecret, manifestDocument, mutatedCcmsetup, mutatedManifest, positions,
  CCMSETUP_FILE, MANIFEST_FILE,
} from './arbitraries';
import { checkDeterministic, checkDocument, checkSecretHidden } from './invariants';
import { roundTripProperty } from './roundTrip';
import * as scriptHosts from './scriptHosts';

export interface NamedProperty {
  name: string;
  share: number;
  property: fc.IProperty<never> | fc.IProperty<unknown[]>;
}

export const PROPERTIES: NamedProperty[] = [
  {
    name: 'ccmsetup: nothing throws, every range is inside the document, every edit applies',
    share: 0.3,
    property: fc.property(ccmsetupDocument, positions, (doc, at) => checkDocument(doc, at)),
  },
  {
    name: 'manifest: nothing throws, every range is inside the document, every edit applies',
    share: 0.25,
    property: fc.property(manifestDocument, positions, (doc, at) => checkDocument(doc, at)),
  },
  {
    name: 'documented examples, mutated, in both languages: the same invariants',
    share: 0.1,
    property: fc.property(mutatedCcmsetup, mutatedManifest, positions, (line, manifest, at) => {
      checkDocument({ text: line, file: CCMSETUP_FILE }, at);
      checkDocument({ text: manifest, file: MANIFEST_FILE }, at);
      // Each language's text in the other's file: the kind comes from the name alone.
      checkDocument({ text: manifest, file: CCMSETUP_FILE }, at);
      checkDocument({ text: line, file: MANIFEST_FILE }, at);
    }),
  },
  {
    name: 'the same input gives the same output',
    share: 0.1,
    property: fc.property(fc.oneof(ccmsetupDocument, manifestDocument), positions, (doc, at) => checkDeterministic(doc, at)),
  },
  {
    name: 'a /regtoken value never shows in messages, titles, hovers, completions, outline or readiness',
    share: 0.15,
    property: fc.property(documentWithSecret, ({ doc, secret }) => checkSecretHidden(doc, secret)),
  },
  {
    name: 'generator round trip: accepted values parse back exactly; the rest are refused',
    share: 0.1,
    property: roundTripProperty,
  },
  {
    name: 'scripts: a fix\'s text escaped by its invocation decodes back to itself, in every PowerShell string style and in batch',
    share: 0.08,
    property: scriptHosts.roundTripProperty,
  },
  {
    name: 'scripts: argument text as written decodes, re-encodes and decodes to the same text',
    share: 0.04,
    property: scriptHosts.decodeReencodeProperty,
  },
  {
    name: 'scripts: every finding lies inside its invocation\'s text, and no fix changes the invocations',
    share: 0.04,
    property: scriptHosts.placementProperty,
  },
];
