import type { SessionStatus } from '@otp-verify/protocol';

/** How the cell's element is set up (the element's modes, packages/element/src/mode.ts). */
export type CellMode =
  | { kind: 'phone' }
  /** `customer-token`: the scripted answers make a session for the registered number. */
  | { kind: 'customer' }
  /** `session-id` and `client-secret`: a session the checkout server made, read back with this status. */
  | { kind: 'session'; status: SessionStatus };

/** What the gallery script (public/gallery.js) does in the cell, in this order, like a customer would. */
export type ScriptStep = 'type-invalid-phone' | 'open-countries' | 'send' | 'type-code';

/** `GET /v1/brands/:brand`: the real verifier's settings, an answer that never finishes, or a verifier that is down. */
export type BrandAnswer = 'settings' | 'held' | 'down';
/** `POST /v1/sessions/:id/check`: a wrong code, an answer that never finishes, the token, or a locked session. */
export type CheckAnswer = 'wrong' | 'held' | 'verified' | 'locked';

export interface GalleryState {
  /** URL segment, cell id and screenshot name. */
  id: string;
  /** The row's name, as designers read it. */
  label: string;
  /** The element's custom states (`otp-verify:state(x)`) the cell is in once it is ready. */
  shows: readonly string[];
  mode: CellMode;
  script: readonly ScriptStep[];
  brand: BrandAnswer;
  check?: CheckAnswer;
}

const phone: CellMode = { kind: 'phone' };
const sentSession: CellMode = { kind: 'session', status: 'sent' };

/** Every state the gallery shows, one row each, in the order a customer meets them. */
export const GALLERY_STATES: readonly GalleryState[] = [
  { id: 'loading', label: 'Loading', shows: ['loading'], mode: phone, script: [], brand: 'held' },
  {
    id: 'unavailable',
    label: 'Unavailable (verifier down)',
    shows: ['unavailable', 'invalid'],
    mode: phone,
    script: [],
    brand: 'down',
  },
  { id: 'phone', label: 'Phone number', shows: ['phone'], mode: phone, script: [], brand: 'settings' },
  {
    id: 'phone-invalid',
    label: 'Phone number, invalid',
    shows: ['phone', 'invalid'],
    mode: phone,
    script: ['type-invalid-phone'],
    brand: 'settings',
  },
  {
    id: 'country-list',
    label: 'Country list open',
    shows: ['phone'],
    mode: phone,
    script: ['open-countries'],
    brand: 'settings',
  },
  {
    id: 'registered',
    label: 'Registered number (signed in)',
    shows: ['registered'],
    mode: { kind: 'customer' },
    script: [],
    brand: 'settings',
  },
  { id: 'code', label: 'Code sent', shows: ['code'], mode: sentSession, script: [], brand: 'settings' },
  {
    id: 'code-wrong',
    label: 'Wrong code',
    shows: ['code', 'invalid'],
    mode: sentSession,
    script: ['type-code'],
    brand: 'settings',
    check: 'wrong',
  },
  {
    id: 'checking',
    label: 'Checking the code',
    shows: ['code', 'busy'],
    mode: sentSession,
    script: ['type-code'],
    brand: 'settings',
    check: 'held',
  },
  {
    id: 'verified',
    label: 'Verified',
    shows: ['verified'],
    mode: sentSession,
    script: ['type-code'],
    brand: 'settings',
    check: 'verified',
  },
  {
    id: 'closed-locked',
    label: 'Closed: locked',
    shows: ['closed', 'invalid'],
    mode: { kind: 'customer' },
    script: ['send', 'type-code'],
    brand: 'settings',
    check: 'locked',
  },
  {
    id: 'closed-expired',
    label: 'Closed: expired',
    shows: ['closed', 'invalid'],
    mode: { kind: 'session', status: 'expired' },
    script: [],
    brand: 'settings',
  },
];

export function galleryState(id: string): GalleryState | undefined {
  return GALLERY_STATES.find((state) => state.id === id);
}

/** The id of the session the scripted answers make or read for a state's cells. */
export const gallerySessionId = (state: GalleryState): string => `gallery-${state.id}`;
