import { AuditTrail } from '../../server/src/audit/auditTrail';
import { silentLogger } from '../../server/src/log';
import { openEmbeddedStore } from '../../server/src/storage/embedded/openEmbeddedStore';

/**
 * A child process for crash tests: opens the store in `argv[2]` and records `doc.opened` events for plan
 * `argv[3]` one after another, printing each acknowledged seq, until it is killed.
 */
async function main(): Promise<void> {
  const [dataDir, planId] = process.argv.slice(2);
  if (!dataDir || !planId) throw new Error('usage: auditWriterChild <dataDir> <planId>');
  const store = await openEmbeddedStore({ dataDir, log: silentLogger() });
  const trail = new AuditTrail(store.audit, silentLogger());
  for (let i = 0; ; i++) {
    const record = await trail.recordOrThrow({ event: 'doc.opened', planId, memberId: `m${i % 4}`, role: 'ouder', object: 'gezamenlijk', outcome: 'ok' });
    process.stdout.write(`${record.seq}\n`);
  }
}

void main();
