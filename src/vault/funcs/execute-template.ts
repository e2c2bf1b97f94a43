// executeTemplate (funcs.go executeTemplateFunc): runs an associated template with an optional dot.

import { StackExhaustedError } from '../../exec/index.js';
import { TemplateError } from '../../index.js';
import { joined } from '../../go/unicode/utf8/index.js';
import { GoError, type Value, indirectInterface, invalid, stringValue } from '../../value/index.js';
import { inRender } from './context.js';
import { I, S, fn } from './sig.js';
import { sliceOf } from '../../value/index.js';

/** The nested execution belongs to the same render: it gets the same context (brain, sets, scratch). */
export const executeTemplateFunc: Value = fn(
  [S, sliceOf(I)],
  S,
  inRender('executeTemplate', (ctx, [name, ...data]) => {
    if (data.length > 1) {
      throw new GoError(`executeTemplate: wrong number of arguments, expected 1 or 2, but got ${data.length + 1}`);
    }
    const dot = data.length === 0 ? invalid : indirectInterface(data[0]);
    try {
      // The output becomes a Go string: its pieces join as bytes (Go's bytes.Buffer).
      return stringValue(joined(ctx.template.executeTemplate(name.str(), dot, ctx)));
    } catch (e) {
      if (e instanceof StackExhaustedError) throw e;
      if (e instanceof TemplateError) throw new GoError(e.message);
      throw e;
    }
  }),
  true,
);
