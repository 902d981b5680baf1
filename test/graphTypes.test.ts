import * as assert from 'node:assert/strict';
import { graphTypeOf, mentionsGraphType } from '../server/src/core/graph/odataTypes';

describe('Graph object types', () => {
  it('recognises a type with or without the microsoft.graph prefix, in any case', () => {
    assert.equal(graphTypeOf('#microsoft.graph.deviceComanagementAuthorityConfiguration'), 'comanagementSettings');
    assert.equal(graphTypeOf('microsoft.graph.windows10EnrollmentCompletionPageConfiguration'), 'enrollmentStatusPage');
    assert.equal(graphTypeOf('azureADWindowsAutopilotDeploymentProfile'), 'autopilotEntraProfile');
    assert.equal(graphTypeOf('#Microsoft.Graph.ActiveDirectoryWindowsAutopilotDeploymentProfile'), 'autopilotHybridProfile');
  });

  it('knows nothing of other types or of values that are no type', () => {
    assert.equal(graphTypeOf('#microsoft.graph.windows10GeneralConfiguration'), undefined);
    assert.equal(graphTypeOf(42), undefined);
    assert.equal(graphTypeOf(undefined), undefined);
  });

  it('prefilters documents that name a recognised type', () => {
    assert.ok(mentionsGraphType('{"@odata.type": "#microsoft.graph.deviceComanagementAuthorityConfiguration"}'));
    assert.ok(!mentionsGraphType('{"@odata.type": "#microsoft.graph.user"}'));
    assert.ok(!mentionsGraphType('{"name": "deviceComanagementAuthorityConfiguration"}'));
  });
});
