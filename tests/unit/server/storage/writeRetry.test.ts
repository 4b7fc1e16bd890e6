import { describe, expect, it, vi } from 'vitest';
import { StorageCorrupt, StorageUnavailable } from '../../../../server/src/errors';
import { silentLogger } from '../../../../server/src/log';
import { WriteRetry } from '../../../../server/src/storage/embedded/writeRetry';

const fault = (code: string) => Object.assign(new Error(code), { code });

/** A retry with a 1 ms wait and a watcher that records what it hears. */
function retryWithWatcher() {
  const heard: string[] = [];
  const retry = new WriteRetry({ firstDelayMs: 1, maxDelayMs: 1 }, {
    quarantined: () => undefined,
    writesRefused: (planId) => heard.push(`refused ${planId}`),
    writesResumed: (planId) => heard.push(`resumed ${planId}`),
  }, silentLogger());
  return { retry, heard };
}

/** An attempt that fails with `code` until `heal` is called. */
function failingUntilHealed(code: string) {
  let healed = false;
  let attempts = 0;
  return {
    attempt: async () => {
      attempts += 1;
      if (!healed) throw fault(code);
    },
    heal: () => (healed = true),
    attempts: () => attempts,
  };
}

describe('WriteRetry', () => {
  it('[D50] tries a transient failure again until it succeeds; the plan is reported once, and resumed once all its files write', async () => {
    const { retry, heard } = retryWithWatcher();
    const doc = failingUntilHealed('ENOSPC');
    const audit = failingUntilHealed('EIO');
    const docWrite = retry.run({ key: 'doc:p/a', planId: 'p' }, doc.attempt);
    const auditWrite = retry.run({ key: 'audit:p', planId: 'p' }, audit.attempt);
    await vi.waitFor(() => expect(heard).toEqual(['refused p']));
    await vi.waitFor(() => expect(audit.attempts()).toBeGreaterThan(1));
    doc.heal();
    await docWrite;
    expect(heard).toEqual(['refused p']);
    audit.heal();
    await auditWrite;
    expect(heard).toEqual(['refused p', 'resumed p']);
    expect(doc.attempts()).toBeGreaterThan(1);
  });

  it('[D50] a failure that is not transient is thrown at once, untried', async () => {
    const { retry, heard } = retryWithWatcher();
    const corrupt = new StorageCorrupt('bad', 'p');
    let attempts = 0;
    await expect(retry.run({ key: 'doc:p/a', planId: 'p' }, async () => {
      attempts += 1;
      throw corrupt;
    })).rejects.toBe(corrupt);
    expect(attempts).toBe(1);
    expect(heard).toEqual([]);
  });

  it('[D50] stop ends a waiting write with StorageUnavailable and clears the report', async () => {
    const { retry, heard } = retryWithWatcher();
    const write = retry.run({ key: 'doc:p/a', planId: 'p' }, failingUntilHealed('EROFS').attempt);
    await vi.waitFor(() => expect(heard).toEqual(['refused p']));
    retry.stop();
    await expect(write).rejects.toBeInstanceOf(StorageUnavailable);
    expect(heard).toEqual(['refused p', 'resumed p']);
  });
});
