/**
 * Runs `task` at most once at a time. A call while it runs asks for one more run after it, however many
 * calls came meanwhile: the last answer is always from a run that started after the last call, answers
 * cannot overtake each other, and a burst of calls (every doc's socket connecting at page load) costs two
 * runs, not one per call.
 */
export function latestFetch(task: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = () => {
    running = true;
    again = false;
    void task()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (again) run();
      });
  };
  return () => {
    if (running) again = true;
    else run();
  };
}
