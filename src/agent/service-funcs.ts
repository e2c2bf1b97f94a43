// consul-template functions whose result comes from somewhere other than Vault: Consul,
// Nomad, a file or a command inside the agent container, or the pod's network interfaces.
// `vtpl check` names what each needs, because `vtpl preview` cannot produce it.

import { consulQueryNames, nomadQueryNames } from '../vault/index.js';

export interface ServiceNeed {
  /** What the function does, after its name: "queries Consul". */
  readonly what: string;
  /** What vtpl does with it. */
  readonly vtpl: string;
  readonly hint: string;
}

const consul: ServiceNeed = {
  what: 'queries Consul',
  vtpl: 'it needs a Consul agent; preview and render fail on it',
  hint: 'Vault Agent renders it only when its template config has a consul block; a Vault-only agent waits forever',
};

const nomad: ServiceNeed = {
  what: 'queries Nomad',
  vtpl: 'it needs a Nomad API; preview and render fail on it',
  hint: 'this works only where consul-template runs inside Nomad',
};

export const SERVICE_FUNCS: ReadonlyMap<string, ServiceNeed> = new Map<string, ServiceNeed>([
  ...consulQueryNames.map((n): [string, ServiceNeed] => [n, consul]),
  ...nomadQueryNames.map((n): [string, ServiceNeed] => [n, nomad]),
  [
    'file',
    {
      what: 'reads a local file inside the Vault Agent container',
      vtpl: 'preview and render do not read local files; the call fails',
      hint: 'the file must exist in the agent container (mount it, e.g. with agent-extra-secret or agent-configmap)',
    },
  ],
  [
    'writeToFile',
    {
      what: 'writes a file inside the Vault Agent container',
      vtpl: 'preview and render do not write local files; the call fails',
      hint: 'the target directory must be writable in the agent container',
    },
  ],
  [
    'plugin',
    {
      what: 'runs a command inside the Vault Agent container',
      vtpl: 'preview and render never run commands; the call fails',
      hint: 'the executable must exist in the agent image (the default vault image has almost none)',
    },
  ],
  [
    'sockaddr',
    {
      what: 'reads the network interfaces of the pod',
      vtpl: "vtpl evaluates it on this machine's interfaces, not the pod's: preview and render show other addresses",
      hint: 'the address is known only inside the pod; check the go-sockaddr template by hand',
    },
  ],
]);
