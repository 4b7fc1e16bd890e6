import { loadConfig } from './config';
import { startServer } from './createServer';
import { createLogger } from './log';
import { translate } from '../../shared/src/i18n/translate';

/**
 * `npm start`: read the config, start the server, print the demo links. The only place that reads the
 * environment and writes to the console (STYLE.md).
 */
async function main(): Promise<void> {
  const result = loadConfig(process.env, process.cwd());
  if (!result.ok) {
    console.error('Gezinsplan cannot start; fix the configuration:');
    for (const problem of result.problems) console.error(`  - ${problem}`);
    process.exit(2);
  }
  const { config } = result;
  const log = createLogger({ level: config.logLevel, write: (line) => process.stdout.write(`${line}\n`) });
  let server;
  try {
    server = await startServer(config, log);
  } catch (error) {
    console.error(`Gezinsplan cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(`\n${translate('app.name')} draait op ${server.origin}  (data: ${config.dataDir})`);
  if (server.demoInvitations.length > 0) {
    console.log('\nDemoplan aangemaakt. Open een link om als die persoon mee te doen:');
    for (const i of server.demoInvitations) console.log(`  ${i.role.padEnd(22)} ${i.url}`);
    console.log(`(ook in ${config.dataDir}/demo-invitations.json; elke link werkt één keer)\n`);
  }
  const stop = async (signal: string) => {
    log.info('server.stopping', { signal });
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

void main();
