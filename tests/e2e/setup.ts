import { afterEach } from 'vitest';
import { describePage, openPages } from './harness';

// When a journey fails, CI's log says what every open page showed at that moment: its address,
// its text and the browser's errors. A failure on a slow machine is then read, not guessed.
afterEach(async (context) => {
  if (context.task.result?.state !== 'fail') return;
  for (const page of openPages) {
    if (page.isClosed()) continue;
    console.log(`\n=== what the page showed when "${context.task.name}" failed ===\n${await describePage(page)}\n`);
  }
});
