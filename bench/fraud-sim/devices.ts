import { createHash } from 'node:crypto';
import type { Random } from './random.js';

/**
 * The browsers and networks the simulated clients come from. A browser is what the element hashes into its
 * `fingerprint` (packages/element/src/fingerprint.ts: user agent, languages, time zone, screen, cores, platform),
 * so customers with the same phone model, OS version, language and time zone share one, as they do in reality.
 */
export interface Browser {
  userAgent: string;
  acceptLanguage: string;
  /** What the element would send; undefined for a script that leaves it out. */
  fingerprint: string | undefined;
}

interface DeviceModel {
  platform: string;
  /** Screen sides (larger first) and colour depth. */
  screen: string;
  cores: number;
}

const IPHONES: readonly (readonly [DeviceModel, number])[] = [
  [{ platform: 'iPhone', screen: '852x393x24', cores: 4 }, 30], // iPhone 14/15/16
  [{ platform: 'iPhone', screen: '844x390x24', cores: 4 }, 25], // iPhone 12/13/14
  [{ platform: 'iPhone', screen: '932x430x24', cores: 4 }, 15], // Plus/Pro Max
  [{ platform: 'iPhone', screen: '926x428x24', cores: 4 }, 10],
  [{ platform: 'iPhone', screen: '896x414x24', cores: 4 }, 10], // iPhone 11/XR
  [{ platform: 'iPhone', screen: '667x375x24', cores: 4 }, 10], // SE
];
const IOS_VERSIONS: readonly (readonly [string, number])[] = [
  ['18_3', 30],
  ['18_2', 20],
  ['18_1', 10],
  ['17_7', 15],
  ['17_6', 10],
  ['17_5', 5],
  ['16_7', 6],
  ['15_8', 4],
];
const ANDROIDS: readonly (readonly [{ model: string; device: DeviceModel }, number])[] = [
  [{ model: 'SM-S921B', device: { platform: 'Linux armv8l', screen: '780x360x24', cores: 8 } }, 12],
  [{ model: 'SM-A546B', device: { platform: 'Linux armv8l', screen: '800x360x24', cores: 8 } }, 14],
  [{ model: 'SM-A356B', device: { platform: 'Linux armv8l', screen: '800x360x24', cores: 8 } }, 10],
  [{ model: 'SM-A256B', device: { platform: 'Linux armv8l', screen: '800x360x24', cores: 8 } }, 8],
  [{ model: 'SM-G991B', device: { platform: 'Linux armv8l', screen: '800x360x24', cores: 8 } }, 6],
  [{ model: 'Pixel 8', device: { platform: 'Linux armv8l', screen: '915x412x24', cores: 8 } }, 6],
  [{ model: 'Pixel 7a', device: { platform: 'Linux armv8l', screen: '915x412x24', cores: 8 } }, 4],
  [{ model: '2311DRK48G', device: { platform: 'Linux armv8l', screen: '873x393x24', cores: 8 } }, 8], // Xiaomi
  [{ model: 'CPH2581', device: { platform: 'Linux armv8l', screen: '892x412x24', cores: 8 } }, 4], // OnePlus
  [{ model: 'moto g54 5G', device: { platform: 'Linux armv8l', screen: '854x384x24', cores: 8 } }, 4],
];
const CHROME_VERSIONS: readonly (readonly [string, number])[] = [
  ['133', 40],
  ['132', 30],
  ['131', 15],
  ['130', 8],
  ['128', 7],
];
const DESKTOP_SCREENS: readonly (readonly [string, number])[] = [
  ['1920x1080x24', 35],
  ['1536x864x24', 12],
  ['2560x1440x24', 12],
  ['1366x768x24', 8],
  ['1440x900x30', 8],
  ['1680x1050x24', 5],
  ['2560x1600x30', 10],
  ['3840x2160x24', 5],
  ['1280x720x24', 5],
];
const LANGUAGES: Record<'DE' | 'AT', readonly (readonly [string, number])[]> = {
  DE: [
    ['de-DE', 55],
    ['de-DE,de', 15],
    ['de-DE,en-US', 12],
    ['de', 8],
    ['en-US', 4],
    ['tr-TR,de-DE', 3],
    ['ru-RU,de-DE', 2],
    ['pl-PL,de-DE', 1],
  ],
  AT: [
    ['de-AT', 45],
    ['de-AT,de', 20],
    ['de-DE', 15],
    ['de-AT,en-US', 12],
    ['en-US', 5],
    ['tr-TR,de-AT', 3],
  ],
};
const TIME_ZONES = { DE: 'Europe/Berlin', AT: 'Europe/Vienna' } as const;

/** A customer's browser: a phone (about 70 % of checkouts) or a desktop, in the customer's country. */
export function customerBrowser(random: Random, country: 'DE' | 'AT'): Browser {
  const languages = random.weighted(LANGUAGES[country]);
  const kind = random.weighted([
    ['iphone', 32],
    ['android', 38],
    ['desktop', 30],
  ] as const);
  let userAgent: string;
  let device: DeviceModel;
  if (kind === 'iphone') {
    const ios = random.weighted(IOS_VERSIONS);
    device = random.weighted(IPHONES);
    userAgent =
      `Mozilla/5.0 (iPhone; CPU iPhone OS ${ios} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ` +
      `Version/${ios.split('_')[0] ?? ''}.0 Mobile/15E148 Safari/604.1`;
  } else if (kind === 'android') {
    const phone = random.weighted(ANDROIDS);
    device = phone.device;
    // Chrome's reduced user agent: the model and Android version are frozen (K), only the major version shows.
    userAgent =
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) ' +
      `Chrome/${random.weighted(CHROME_VERSIONS)}.0.0.0 Mobile Safari/537.36`;
  } else {
    const windows = random.chance(0.7);
    device = {
      platform: windows ? 'Win32' : 'MacIntel',
      screen: random.weighted(DESKTOP_SCREENS),
      cores: random.weighted([
        [4, 20],
        [8, 45],
        [12, 15],
        [16, 20],
      ]),
    };
    userAgent = windows
      ? `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${random.weighted(CHROME_VERSIONS)}.0.0.0 Safari/537.36`
      : 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Safari/605.1.15';
  }
  const traits = [userAgent, languages, TIME_ZONES[country], device.screen, device.cores, device.platform].join('|');
  return { userAgent, acceptLanguage: languages, fingerprint: hashOf(traits) };
}

/** A script's client: a random user agent, and either no fingerprint or a random one each time. */
export function scriptBrowser(random: Random): Browser {
  const userAgent = `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${random.int(100, 133)}.0.${random.int(0, 6999)}.${random.int(0, 199)} Safari/537.36`;
  return {
    userAgent,
    acceptLanguage: random.pick(['de-DE', 'en-US', 'de', '*']),
    fingerprint: random.chance(0.5) ? undefined : hashOf(random.digits(24)),
  };
}

/** base64url SHA-256, as the element sends it. */
function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** Residential broadband ranges of German and Austrian providers (public /10s and /12s). */
const HOME_RANGES: Record<'DE' | 'AT', readonly (readonly [[number, number], number])[]> = {
  DE: [
    [[79, 192], 25], // Telekom 79.192.0.0/10
    [[87, 128], 15], // Telekom 87.128.0.0/10
    [[91, 0], 10], // Telekom 91.0.0.0/10
    [[88, 64], 15], // Vodafone 88.64.0.0/12
    [[95, 112], 10], // Telefónica 95.112.0.0/12
    [[77, 0], 8], // 1&1 77.0.0.0/10
  ],
  AT: [
    [[80, 108], 45], // A1 80.108.0.0/14
    [[84, 112], 30], // Magenta 84.112.0.0/12
    [[178, 112], 25], // Drei 178.112.0.0/12
  ],
};

/** A home connection's IPv4 address. */
export function homeAddress(random: Random, country: 'DE' | 'AT'): string {
  const [first, second] = random.weighted(HOME_RANGES[country]);
  return `${first}.${second + random.int(0, 3)}.${random.int(0, 255)}.${random.int(1, 254)}`;
}

/** A phone on mobile data with its own IPv6 /64 (German and Austrian operators give one per device). */
export function mobileIpv6(random: Random): string {
  const hex = () => random.int(0, 0xffff).toString(16);
  return `2a01:598:${hex()}:${hex()}:${hex()}:${hex()}:${hex()}:${hex()}`;
}

/** A mobile operator's carrier-grade NAT: public addresses shared by a few customers each over the day. */
export class CarrierNat {
  readonly #addresses: string[];

  constructor(random: Random, count: number) {
    this.#addresses = Array.from({ length: count }, () => `80.187.${random.int(0, 255)}.${random.int(1, 254)}`);
  }

  address(random: Random): string {
    return random.pick(this.#addresses);
  }
}

/** A large pool of proxy and hosting addresses an attacker rotates through: a new one each request. */
export function rotatingAddress(random: Random): string {
  return `${random.int(1, 223)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
}
