import { isUnknown } from '../../model/source.js';
import { PostfixParameters, type EffectiveValue } from './effective.js';
import { splitInetInterfaces } from './list.js';
import { interfacesAreLoopback, isLoopbackHost, type Tristate } from './loopback.js';
import type { MasterService, PostfixConfiguration } from './model.js';

/** An inet service through which smtpd receives mail from the network. */
export interface SmtpdListener {
  /** The inet service that accepts connections: smtpd itself, or postscreen in front of it. */
  service: MasterService;
  /** The smtpd whose parameters apply: `service`, or the `smtpd pass` service postscreen hands connections to. */
  smtpd: MasterService;
  /** The effective parameters of that smtpd (main.cf, its `-o` overrides, defaults). */
  parameters: PostfixParameters;
  /** true when no master.cf sits beside main.cf and the stock one is assumed. */
  stock: boolean;
  /** `*:smtp` for a service on every address of inet_interfaces, else the `host:port` name as written. */
  label: string;
  /** inet_interfaces as the master daemon reads it, for a service without a host; null for `host:port`. */
  interfaces: EffectiveValue | null;
  /** Does it accept connections from other hosts (not loopback only)? */
  external: Tristate;
  /**
   * The proxy protocol the listening program reads the client's address
   * from (smtpd_upstream_proxy_protocol of smtpd, postscreen's
   * postscreen_upstream_proxy_protocol): whoever connects states that address.
   */
  proxy: EffectiveValue;
}

/**
 * The smtp line of the stock master.cf (`smtp inet n - y - - smtpd`): what a
 * main.cf without a master.cf beside it runs with.
 */
export function stockSmtpService(file: string): MasterService {
  const span = { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return {
    name: 'smtp',
    host: null,
    port: 'smtp',
    type: 'inet',
    private: 'n',
    unprivileged: '-',
    chroot: 'y',
    wakeup: '-',
    maxproc: '-',
    command: 'smtpd',
    args: [],
    overrides: [],
    span,
    nameSpan: span,
    smtpd: true,
    postscreen: false,
    pass: false,
  };
}

function not(value: Tristate): Tristate {
  return value === 'unknown' ? 'unknown' : !value;
}

/**
 * Every inet smtpd listener of one instance, loopback ones included
 * (`external` tells them apart).
 *
 * master(5): a `host:port` service binds that host only, whatever
 * inet_interfaces says (master_ent.c resolves the host itself); a bare port
 * binds every address of inet_interfaces, which the master daemon reads from
 * main.cf alone (a `-o inet_interfaces` does not move a listener).
 * postscreen(8) hands accepted connections to the `pass` service named by its
 * smtpd_service_name (default `smtpd`); without such a service no mail is
 * received through it, so it is not a listener.
 */
export function smtpdListeners(config: PostfixConfiguration): SmtpdListener[] {
  const main = new PostfixParameters(config.mainCf);
  const stock = config.masterCf === null;
  const masterFile = config.directory === '.' ? 'master.cf' : `${config.directory}/master.cf`;
  const services = config.masterCf?.services ?? [stockSmtpService(masterFile)];
  const interfaces = main.get('inet_interfaces');
  // A definition that may be redefined by one whose name is unknown says nothing about where the master listens.
  const interfacesLoopback = interfaces.unknown && !isUnknown(interfaces.value) ? 'unknown' : interfacesAreLoopback(splitInetInterfaces(interfaces.value).map((item) => item.text));
  const listeners: SmtpdListener[] = [];
  for (const service of services) {
    if (service.type !== 'inet') continue;
    let smtpd: MasterService | undefined;
    if (service.smtpd) smtpd = service;
    else if (service.postscreen) {
      const passName = main.forService(service).get('smtpd_service_name').value;
      smtpd = services.filter((s) => s.pass && s.smtpd && s.name === passName).at(-1);
    }
    if (smtpd === undefined) continue;
    const bound = service.host !== null;
    const proxy = main.forService(service).get(service.postscreen ? 'postscreen_upstream_proxy_protocol' : 'smtpd_upstream_proxy_protocol');
    listeners.push({
      service,
      smtpd,
      proxy,
      parameters: main.forService(smtpd),
      stock,
      label: bound ? service.name : `*:${service.port}`,
      interfaces: bound ? null : interfaces,
      external: bound ? not(isLoopbackHost(service.host ?? '')) : not(interfacesLoopback),
    });
  }
  return listeners;
}
