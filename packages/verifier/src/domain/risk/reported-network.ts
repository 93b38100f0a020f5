import { clientNetwork } from '../limits.js';

/**
 * The client network the event log may keep of a refused request, for the fraud view's top networks: an IPv4
 * address as its /24, an IPv6 one as its /48. Coarser than the per-IP counters (which key on the address or /64,
 * hashed), so a single subscriber is not singled out (GDPR data minimisation), yet a pumping farm's range shows.
 */
export function reportedNetwork(ip: string): string {
  const network = clientNetwork(ip);
  if (network.endsWith('::/64')) return `${network.split(':').slice(0, 3).join(':')}::/48`;
  const octets = network.split('.');
  return octets.length === 4 ? `${octets.slice(0, 3).join('.')}.0/24` : 'unknown';
}
