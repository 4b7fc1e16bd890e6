/** The result of one IndexedDB request, as a promise. */
export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * Deletes a database. Open connections made by y-indexeddb (lib0) close themselves on the version change;
 * a connection that does not is waited for (the request stays pending), so callers close theirs first.
 */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
  });
}

/** The names of this origin's databases; empty where the browser cannot list them. */
export async function databaseNames(): Promise<string[]> {
  if (typeof indexedDB.databases !== 'function') return [];
  const list = await indexedDB.databases();
  return list.flatMap((d) => (d.name ? [d.name] : []));
}

/** Opens a database with one key-value store, creating it on first use. */
export function openKeyValueDb(name: string, store: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(store);
    request.onsuccess = () => {
      const db = request.result;
      // Sign-out deletes this database; never hold it up.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error(`could not open ${name}`));
  });
}
