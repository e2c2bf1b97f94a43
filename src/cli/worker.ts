// bin/vtpl's large-stack worker thread (see there for why): the bundled CLI on this thread.
import { loadCli } from './load.js';

await loadCli().runThread();
