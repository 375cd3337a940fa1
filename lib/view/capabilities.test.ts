import { describe, expect, it } from 'vitest';
import { capabilityOfEndpoint, describeCapability, idStyleOf } from './capabilities';

describe('capabilities', () => {
  it('says plainly what a server lacks', () => {
    expect(describeCapability('listRuns', 'unsupported')).toBe('runs list: not supported by this server');
    expect(describeCapability('listSteps', 'supported')).toBe('run steps: supported');
  });

  it('maps proxied endpoints to the capability they need', () => {
    expect(capabilityOfEndpoint('listRuns')).toBe('listRuns');
    expect(capabilityOfEndpoint('getRunStep')).toBe('listSteps');
    expect(capabilityOfEndpoint('modifyRun')).toBe('modifyRun');
    expect(capabilityOfEndpoint('getRun')).toBeNull();
  });

  it('recognises id styles', () => {
    expect(idStyleOf('run_abcdefghijklmnopqrstuvwx')).toBe('openai');
    expect(idStyleOf('file-abcdefghijklmnopqrstuv')).toBe('openai');
    expect(idStyleOf('run_-p95RW5vWZXTHCe_EK6-o')).toBe('nanoid');
    expect(idStyleOf('thread__mi00gKFbpSTbNhLPkVFe')).toBe('nanoid');
    expect(idStyleOf('3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f')).toBe('uuid');
    expect(idStyleOf('abc')).toBe('other');
  });
});
