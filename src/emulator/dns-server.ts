import dns2 from 'dns2';
import type { DnsZone } from './dns';

const { Packet } = dns2;

export interface DnsServer {
  /** `host:port`, as `ses.dns.servers` and node:dns take it. */
  address: string;
  close(): Promise<void>;
}

/**
 * The emulator's zone served over real DNS (UDP), so "Check Domain DNS" can be pointed at it: the records a test
 * or a person publishes through the control endpoint are then what the check finds, as SES's own check does.
 */
export async function startDnsServer(zone: DnsZone, host: string, port: number): Promise<DnsServer> {
  const types = { [Packet.TYPE.CNAME]: 'CNAME', [Packet.TYPE.MX]: 'MX', [Packet.TYPE.TXT]: 'TXT' } as const;
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      // dns2's typings demand encoder methods its own examples never pass; the plain object is what it encodes.
      const answer = (a: object) => response.answers.push(a as (typeof response.answers)[number]);
      const [question] = request.questions;
      const type = question ? types[question.type as keyof typeof types] : undefined;
      const found = question && type ? zone.lookup(question.name, type) : undefined;
      if (found?.kind === 'no-such-name') response.header.rcode = 3; // NXDOMAIN
      if (found?.kind === 'found') {
        const base = { name: question.name, class: Packet.CLASS.IN, ttl: 60 };
        for (const value of found.values) {
          if (type === 'CNAME') answer({ ...base, type: Packet.TYPE.CNAME, domain: value });
          if (type === 'TXT') answer({ ...base, type: Packet.TYPE.TXT, data: value });
          if (type === 'MX') {
            const [priority, exchange] = /^\d+\s/.test(value) ? [Number(value.split(/\s+/)[0]), value.split(/\s+/)[1]] : [10, value];
            answer({ ...base, type: Packet.TYPE.MX, exchange, priority });
          }
        }
      }
      send(response);
    },
  });
  await server.listen({ udp: { port, address: host } });
  const { udp } = server.addresses() as { udp: { port: number } };
  return { address: `${host}:${udp.port}`, close: () => server.close() };
}
