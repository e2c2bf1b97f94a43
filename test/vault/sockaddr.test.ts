// vtpl's go-sockaddr port without Go: what must hold on any host. Its outputs are compared
// with real go-sockaddr by `npm run check:sockaddr` (needs Go), and its host-independent
// errors by the conformance corpus (conformance/consul/sockaddr.json).

import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { recordedClient, renderConsulTemplate } from '../../src/vault/index.js';
import { type Host, thisHost } from '../../src/vault/sockaddr/host.js';
import { parse } from '../../src/vault/sockaddr/template.js';

async function render(template: string): Promise<string> {
  return (await renderConsulTemplate({ template, client: recordedClient({}) })).output;
}

describe('sockaddr on this host', () => {
  const addresses = Object.values(networkInterfaces()).flatMap((infos) => infos ?? []);

  it('sees every address Node lists, in interface order', async () => {
    expect(await render('{{ sockaddr "GetAllInterfaces | len" }}')).toBe(String(addresses.length));
    const got = (await render('{{ sockaddr "GetAllInterfaces | join \\"address\\" \\" \\"" }}')).split(' ').filter((a) => a !== '');
    expect([...got].sort()).toEqual(addresses.map((a) => a.address).sort());
  });

  it('GetInterfaceIPs of each interface lists its addresses', async () => {
    for (const [name, infos] of Object.entries(networkInterfaces())) {
      const got = await render(`{{ sockaddr "GetInterfaceIPs" ${JSON.stringify(JSON.stringify(`^${name}$`))} }}`);
      expect(got.split(' ').sort()).toEqual((infos ?? []).map((a) => a.address).sort());
    }
  });

  it("a private or public address is one of the host's", async () => {
    for (const fn of ['GetPrivateIP', 'GetPublicIP']) {
      const ip = await render(`{{ sockaddr "${fn}" }}`);
      if (ip !== '') expect(addresses.map((a) => a.address)).toContain(ip);
    }
  });
});

describe('sockaddr on a host without a default route', () => {
  const host: Host = {
    ...thisHost(),
    defaultInterfaceName: () => {
      throw new Error('No default interface found');
    },
  };

  it('GetDefaultInterfaces fails with the route error; sorting by default does not', () => {
    expect(() => parse('{{ GetDefaultInterfaces }}', host)).toThrow(/error calling GetDefaultInterfaces: No default interface found$/);
    expect(parse('{{ GetAllInterfaces | sort "default" | len }}', host)).toBe(String(host.interfaces().length));
  });
});
