// parseVaultResponse against vault/api ParseSecret (cases/parse-secret.json was made by
// running the real ParseSecret over each body; numbers compared through json.Marshal of Data).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVaultResponse } from '../../src/vault/index.js';
import { marshalJSON } from '../../src/go/encoding/json/index.js';

interface GoResult {
  body: string;
  error?: string;
  nil?: boolean;
  secret?: {
    request_id: string;
    lease_id: string;
    lease_duration: number;
    renewable: boolean;
    data: string;
    data_nil: boolean;
    warnings: string[] | null;
    auth: boolean;
    wrap_info: boolean;
  };
}

const results = JSON.parse(readFileSync(new URL('./cases/parse-secret.json', import.meta.url), 'utf8')) as GoResult[];

describe('parseVaultResponse = vault/api ParseSecret (UseNumber)', () => {
  for (const r of results) {
    it(JSON.stringify(r.body), () => {
      let got: unknown;
      try {
        const s = parseVaultResponse(r.body);
        got =
          s === null
            ? { nil: true }
            : {
                secret: {
                  request_id: s.requestID,
                  lease_id: s.leaseID,
                  lease_duration: Number(s.leaseDuration),
                  renewable: s.renewable,
                  data: marshalJSON(s.data, { escapeHTML: true }),
                  data_nil: s.data.isNil(),
                  warnings: s.warnings,
                  auth: s.auth !== null,
                  wrap_info: s.wrapInfo !== null,
                },
              };
      } catch (e) {
        got = { error: (e as Error).message };
      }
      const { body: _body, ...want } = r;
      expect(got).toEqual(want);
    });
  }
});
