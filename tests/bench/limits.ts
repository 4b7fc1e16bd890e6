/**
 * Limits of the project's server (DESIGN.md §7) that the benchmark load would trip, raised for every project
 * run by configuration and printed with the results (issue 10). Each entry says which load needs it.
 * A socket closed with 4429 stops the run and points here.
 */
export const PROJECT_LIMIT_OVERRIDES: Readonly<Record<string, { value: string; why: string }>> = {
  UPDATES_PER_SECOND: {
    value: '100000',
    why: 'default 50 content messages/s per socket: the ramp sends up to 80/s per socket and the cold-join history arrives as 1,000 messages at once',
  },
  UPGRADE_BURST_PER_IP: {
    value: '1000000',
    why: 'default 200 upgrades at once per address: every load client connects from 127.0.0.1, hundreds of sockets at once',
  },
  UPGRADES_PER_SECOND_PER_IP: {
    value: '1000000',
    why: 'default 20 upgrades/s per address, for the same reason',
  },
};

/** The variables to pass to the server process. */
export function projectLimitEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(PROJECT_LIMIT_OVERRIDES).map(([name, { value }]) => [name, value]));
}

/** One line per raised limit. */
export function describeLimitOverrides(): string[] {
  return Object.entries(PROJECT_LIMIT_OVERRIDES).map(([name, { value, why }]) => `${name}=${value} (${why})`);
}
